// Invite someone: a role and, optionally, the e-mail address the link is reserved for. The link is
// shown once, with a copy button; the server keeps only its hash.
import { useEffect, useState, type FormEvent } from "react";
import { createInvitationInput } from "../../../core/accounts/schema.js";
import type { Role } from "../../../core/roles.js";
import { api, type Organisation } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Dialog } from "../../ui/dialog.js";
import { ChoiceField, TextField } from "../../ui/field.js";
import { SecretReveal } from "../../ui/secret.js";
import { rolesByRank } from "./roles.js";

export function InviteDialog({ open, organisation, onClose, onInvited }: { open: boolean; organisation: Organisation; onClose(): void; onInvited(): void }) {
  const { t, formatDate } = useI18n();
  const [role, setRole] = useState<Role>("analyst");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ url: string; expiresAt: string; email: string | null } | null>(null);

  useEffect(() => {
    if (!open) return;
    setRole("analyst");
    setEmail("");
    setErrors({});
    setFailure(null);
    setCreated(null);
  }, [open]);

  const fieldMessages = { email: t("field.email"), role: t("field.role") };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = { role, ...(email.trim() ? { email } : {}) };
    const checked = validate(createInvitationInput, input, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const invitation = await api.invite(organisation.id, input);
      setCreated({ url: invitation.url, expiresAt: invitation.expiresAt, email: invitation.email });
      onInvited();
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, fieldMessages);
      setErrors(fieldErrors);
      if (!hasFieldErrors(fieldErrors)) setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={created ? t("invite.created.title") : t("invite.dialog.title", { organisation: organisation.name })}
      description={created ? undefined : t("invite.dialog.description")}
    >
      {created ? (
        <div className="form">
          <Callout tone="success">
            {created.email ? t("invite.created.textFor", { email: created.email }) : t("invite.created.text")}
          </Callout>
          <SecretReveal label={t("invite.created.link")} value={created.url} warning={t("invite.created.once", { date: formatDate(created.expiresAt) })} />
          <div className="dialog__actions">
            <Button variant="primary" onClick={onClose}>
              {t("common.done")}
            </Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {failure ? <Callout tone="danger">{failure}</Callout> : null}
          <ChoiceField<Role>
            legend={t("invite.dialog.role")}
            name="role"
            value={role}
            onChange={setRole}
            error={errors.role}
            options={rolesByRank.map((value) => ({ value, label: t(`role.${value}`), description: t(`role.${value}.description`) }))}
          />
          <TextField
            label={t("invite.dialog.email")}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={errors.email}
            hint={t("invite.dialog.emailHint")}
          />
          <div className="dialog__actions">
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" busy={busy} icon="link">
              {t("invite.dialog.submit")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
