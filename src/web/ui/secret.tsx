// A secret shown once (an API key, an invitation link): read-only, selectable, with a copy button
// whose result is announced.
import { useId, useRef, useState } from "react";
import { useI18n } from "../i18n.js";
import { Button } from "./button.js";
import { Icon } from "./icon.js";

export function SecretReveal({ label, value, warning }: { label: string; value: string; warning: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard refused (an insecure origin, say): select the text so that Ctrl+C works.
      input.current?.select();
      setCopied("no");
    }
    window.setTimeout(() => setCopied(null), 4000);
  };

  return (
    <div className="secret">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="secret__row">
        <input
          ref={input}
          id={id}
          className="input input--mono secret__value"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-warning`}
        />
        <Button variant="primary" icon={copied === "yes" ? "check" : "copy"} onClick={copy}>
          {copied === "yes" ? t("common.copied") : t("common.copy")}
        </Button>
      </div>
      <p id={`${id}-warning`} className="secret__warning">
        <Icon name="lock" size={14} />
        {warning}
      </p>
      <p className="visually-hidden" role="status">
        {copied === "yes" ? t("common.copiedAnnouncement") : copied === "no" ? t("common.copyManually") : ""}
      </p>
    </div>
  );
}
