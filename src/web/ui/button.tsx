// Buttons in four variants; `busy` keeps the width, disables the button and announces progress.
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Icon, type IconName } from "./icon.js";

type Variant = "primary" | "secondary" | "ghost" | "danger";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
  icon?: IconName;
  busy?: boolean;
  children?: ReactNode;
}

export function Button({ variant = "secondary", size = "md", icon, busy = false, className, children, disabled, type = "button", ...rest }: ButtonProps) {
  const classes = ["button", `button--${variant}`, size === "sm" ? "button--sm" : "", busy ? "is-busy" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  );
}
