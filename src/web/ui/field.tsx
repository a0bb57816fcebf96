// Form fields: every input has a visible label, an optional hint and its error next to it, tied
// together with aria-describedby so screen readers read them with the field.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { limits } from "../../core/accounts/schema.js";
import { useI18n } from "../i18n.js";
import { Icon } from "./icon.js";

interface FieldFrame {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <Icon name="alert" size={14} />
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, hint, error, id, className, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className={`field${error ? " is-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...input}
      />
      <FieldMessages id={inputId} hint={hint} error={error} />
    </div>
  );
}

/** A field for choosing a password: hidden input, the browser's password manager, and the length rule as hint. */
export function NewPasswordField({ label, ...input }: Omit<FieldFrame, "hint" | "label"> & { label?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete">) {
  const { t } = useI18n();
  return (
    <TextField
      label={label ?? t("field.label.password")}
      type="password"
      autoComplete="new-password"
      hint={t("field.passwordHint", { min: limits.passwordMin })}
      {...input}
    />
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className={`field${error ? " is-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        {...select}
      >
        {children}
      </select>
      <FieldMessages id={selectId} hint={hint} error={error} />
    </div>
  );
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  description: string;
}

/** A group of radio cards (a label and a line of explanation each), in a fieldset with a legend. */
export function ChoiceField<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  options: Array<ChoiceOption<T>>;
  value: T;
  onChange(value: T): void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className={`field choice${error ? " is-invalid" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="choice__options">
        {options.map((option) => (
          <label key={option.value} className={`choice__option${option.value === value ? " is-checked" : ""}`}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              <span className="choice__description">{option.description}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
