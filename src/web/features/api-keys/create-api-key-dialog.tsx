// Create an API key: a name to recognise it by and a scope. The key itself is shown once.
import { useEffect, useState, type FormEvent } from "react";
import { createApiKeyInput, limits } from "../../../core/accounts/schema.js";
import type { ApiKeyScope } from "../../../core/roles.js";
import { api, type Organisation } from "../../api.js";
import { describeProblem, fieldErrorsOf, hasFieldErrors, validate, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Dialog } from "../../ui/dialog.js";
import { ChoiceField, TextField } from "../../ui/field.js";
import { SecretReveal } from "../../ui/secret.js";

export function CreateApiKeyDialog({ open, organisation, onClose, onCreated }: { open: boolean; organisation: Organisation; onClose(): void; onCreated(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("read");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setName("");
    setScope("read");
    setErrors({});
    setFailure(null);
    setKey(null);
  }, [open]);

  const fieldMessages = { name: t("field.apiKeyName", { max: limits.apiKeyNameMax }), scope: t("field.scope") };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = validate(createApiKeyInput, { name, scope }, fieldMessages);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const created = await api.createApiKey(organisation.id, { name, scope });
      setKey(created.key);
      onCreated();
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
      title={key ? t("apiKeys.created.title") : t("apiKeys.dialog.title")}
      description={key ? undefined : t("apiKeys.dialog.description", { organisation: organisation.name })}
    >
      {key ? (
        <div className="form">
          <SecretReveal label={t("apiKeys.created.label", { name })} value={key} warning={t("apiKeys.created.once")} />
          <div className="dialog__actions">
            <Button variant="primary" onClick={onClose}>
              {t("common.done")}
            </Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {failure ? <Callout tone="danger">{failure}</Callout> : null}
          <TextField
            label={t("apiKeys.dialog.name")}
            name="name"
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
            hint={t("apiKeys.dialog.nameHint")}
            autoFocus
          />
          <ChoiceField<ApiKeyScope>
            legend={t("apiKeys.dialog.scope")}
            name="scope"
            value={scope}
            onChange={setScope}
            error={errors.scope}
            options={(["read", "write"] as const).map((value) => ({
              value,
              label: t(`apiKeys.scope.${value}`),
              description: t(`apiKeys.scope.${value}.description`),
            }))}
          />
          <div className="dialog__actions">
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" busy={busy} icon="key">
              {t("apiKeys.dialog.submit")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
