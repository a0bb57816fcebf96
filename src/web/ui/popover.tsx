// A button that opens a small panel of links and actions (organisation switcher, user menu).
// Disclosure pattern: Tab and arrow keys move through the items, Escape closes and returns focus.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export function Popover({
  trigger,
  triggerLabel,
  triggerClassName,
  children,
  align = "start",
  placement = "below",
}: {
  trigger: ReactNode;
  /** The accessible name of the trigger when its content alone does not say what it opens. */
  triggerLabel?: string;
  triggerClassName?: string;
  children: (close: () => void) => ReactNode;
  align?: "start" | "end";
  placement?: "below" | "above";
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const items = () => Array.from(root.current?.querySelectorAll<HTMLElement>(".popover__panel a, .popover__panel button") ?? []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    if (!open) {
      setOpen(true);
      window.setTimeout(() => items()[0]?.focus(), 0);
      return;
    }
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "ArrowDown" ? (index + 1) % list.length : (index - 1 + list.length) % list.length;
    list[next]?.focus();
  };

  return (
    <div
      className="popover"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && root.current && !root.current.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={triggerClassName}
        aria-expanded={open}
        aria-controls={id}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
      </button>
      <div id={id} className={`popover__panel popover__panel--${align} popover__panel--${placement}`} hidden={!open}>
        {open ? children(() => close(false)) : null}
      </div>
    </div>
  );
}
