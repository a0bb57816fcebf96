// A read-only text (a link, a snippet) with a copy button whose result is announced.
import { useId, useRef, useState } from "react";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";

export function CopyField({ label, value, multiline = false, hint }: { label: string; value: string; multiline?: boolean; hint?: string }) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("no");
    }
    window.setTimeout(() => setCopied(null), 4000);
  };

  const common = {
    id,
    ref: field,
    readOnly: true,
    value,
    spellCheck: false,
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => event.currentTarget.select(),
    "aria-describedby": hint ? `${id}-hint` : undefined,
  };
  return (
    <div className={`copy-field${multiline ? " copy-field--multiline" : ""}`}>
      <div className="copy-field__head">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <Button size="sm" icon={copied === "yes" ? "check" : "copy"} onClick={copy}>
          {copied === "yes" ? t("common.copied") : t("common.copy")}
          <span className="visually-hidden"> {label}</span>
        </Button>
      </div>
      {multiline ? <textarea className="input input--mono copy-field__code" rows={Math.min(14, value.split("\n").length + 1)} {...common} /> : <input className="input input--mono" {...common} />}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {copied === "yes" ? t("common.copiedAnnouncement") : copied === "no" ? t("common.copyManually") : ""}
      </p>
    </div>
  );
}
