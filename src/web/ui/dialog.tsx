// Modal dialogs on the native <dialog> element: the browser traps focus, closes on Escape and
// makes the page behind inert; focus returns to whatever opened the dialog.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n.js";
import { Button } from "./button.js";
import { Callout } from "./callout.js";
import { Icon } from "./icon.js";

/**
 * The behaviour every modal on <dialog> shares: opens and closes with `open`, remembers what had the
 * focus and gives it back on close, and ids to label and describe the dialog.
 */
export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const handleClose = () => {
    onClose();
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) window.setTimeout(() => back.focus(), 0);
  };

  return { ref, titleId, descriptionId, handleClose };
}

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = "md",
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  size?: "sm" | "md";
}) {
  const { t } = useI18n();
  const { ref, titleId, descriptionId, handleClose } = useModalDialog(open, onClose);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
    >
      {open ? (
        <div className="dialog__body">
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="icon-button" onClick={() => ref.current?.close()}>
              <Icon name="x" label={t("common.close")} />
            </button>
          </div>
          {description ? (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** "Are you sure?" for destructive actions; shows the failure inside the dialog if the action fails. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  onConfirm,
  describeError,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  describeError(error: unknown): string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} size="sm">
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <div className="dialog__actions">
        <Button onClick={onClose} autoFocus>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" busy={busy} onClick={confirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
