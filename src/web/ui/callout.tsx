// A message inside a page or form: an error (announced at once), a warning, a success or a note.
import type { ReactNode } from "react";
import { Icon } from "./icon.js";

export function Callout({ tone = "info", title, children }: { tone?: "info" | "danger" | "warning" | "success"; title?: string; children?: ReactNode }) {
  return (
    <div className={`callout callout--${tone}`} role={tone === "danger" ? "alert" : undefined}>
      <Icon name={tone === "success" ? "check" : tone === "info" ? "info" : "alert"} size={18} className="callout__icon" />
      <div className="callout__content">
        {title ? <p className="callout__title">{title}</p> : null}
        {children ? <div className="callout__text">{children}</div> : null}
      </div>
    </div>
  );
}
