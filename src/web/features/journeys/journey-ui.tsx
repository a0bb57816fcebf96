// Pieces the journey screens share that the design system does not have yet: a side drawer (native
// <dialog>, so focus is trapped and Escape closes it), a multi-line text field, and an undo bar.
import { useEffect, useId, useState, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { useModalDialog } from "../../ui/dialog.js";
import { Icon } from "../../ui/icon.js";
import { BoardIcon } from "./board-icons.js";

export function Drawer({
  open,
  onClose,
  title,
  description,
  children,
  footer,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useI18n();
  const { ref, titleId, descriptionId, handleClose } = useModalDialog(open, onClose);

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes the drawer.
        if (event.target === ref.current) ref.current?.close();
      }}
    >
      {open ? (
        <div className="drawer__panel">
          <div className="drawer__header">
            <div>
              <h2 id={titleId} className="drawer__title">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="drawer__description">
                  {description}
                </p>
              ) : null}
            </div>
            <button type="button" className="icon-button" onClick={() => ref.current?.close()}>
              <Icon name="x" label={t("common.close")} />
            </button>
          </div>
          {/* Focusable, so its content scrolls by keyboard even when it holds nothing else to focus (read-only views). */}
          <div className="drawer__body" role="region" aria-labelledby={titleId} tabIndex={0}>
            {children}
          </div>
          {footer ? <div className="drawer__footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  ...textarea
}: { label: string; hint?: ReactNode; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  const describedBy = [hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " is-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={fieldId}>
        {label}
      </label>
      <textarea id={fieldId} className="input textarea" rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {hint ? (
        <p id={`${fieldId}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="field__error">
          <Icon name="alert" size={14} />
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Undoable {
  message: string;
  undo(): Promise<void>;
}

/** "Removed X. Undo" for ten seconds at the bottom of the screen; a newer one replaces it. */
export function UndoBar({ item, onDone }: { item: Undoable | null; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!item) return;
    const timer = window.setTimeout(onDone, 10_000);
    return () => window.clearTimeout(timer);
  }, [item, onDone]);
  return (
    <div className="undo-bar-region" role="status" aria-live="polite">
      {item ? (
        <div className="undo-bar">
          <span>{item.message}</span>
          <Button
            size="sm"
            variant="ghost"
            busy={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await item.undo();
              } finally {
                setBusy(false);
                onDone();
              }
            }}
          >
            <BoardIcon name="undo" />
            {t("journeys.undo")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
