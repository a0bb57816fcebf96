// The journey's own settings: name, description, scope, and the persona it is mapped for.
import { useEffect, useState, type FormEvent } from "react";
import { journeyLimits, type UpdateJourneyInput } from "../../../core/journeys/model.js";
import { ApiError } from "../../api.js";
import { describeProblem, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Dialog } from "../../ui/dialog.js";
import { TextField } from "../../ui/field.js";
import { TextAreaField } from "./journey-ui.js";
import type { Journey } from "./journeys-api.js";

export function JourneySettingsDialog({ open, journey, onClose, onSave }: { open: boolean; journey: Journey; onClose(): void; onSave(input: UpdateJourneyInput): Promise<void> }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [scope, setScope] = useState("");
  const [hasPersona, setHasPersona] = useState(false);
  const [personaName, setPersonaName] = useState("");
  const [personaDescription, setPersonaDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(journey.name);
    setDescription(journey.description);
    setScope(journey.scope);
    setHasPersona(journey.persona !== null);
    setPersonaName(journey.persona?.name ?? "");
    setPersonaDescription(journey.persona?.description ?? "");
    setErrors({});
    setFailure(null);
  }, [open, journey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: FieldErrors = {};
    if (name.trim() === "" || name.trim().length > journeyLimits.journeyNameMax) found.name = t("journeys.error.name", { max: journeyLimits.journeyNameMax });
    if (hasPersona && (personaName.trim() === "" || personaName.trim().length > journeyLimits.personaNameMax)) {
      found.personaName = t("journeys.error.personaName", { max: journeyLimits.personaNameMax });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave({
        name: name.trim(),
        description: description.trim(),
        scope: scope.trim(),
        persona: hasPersona ? { name: personaName.trim(), description: personaDescription.trim() } : null,
      });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === "name_taken") setErrors({ name: t("problem.name_taken") });
      else setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t("settings.title")} description={t("settings.description")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <TextField label={t("journeys.field.name")} name="journeyName" value={name} maxLength={journeyLimits.journeyNameMax} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextAreaField label={t("journeys.field.description")} name="journeyDescription" value={description} maxLength={journeyLimits.descriptionMax} onChange={(e) => setDescription(e.target.value)} />
        <TextAreaField label={t("journeys.field.scope")} name="scope" hint={t("journeys.field.scopeHint")} value={scope} maxLength={journeyLimits.scopeMax} onChange={(e) => setScope(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={hasPersona} onChange={(e) => setHasPersona(e.target.checked)} />
          {t("settings.persona")}
        </label>
        {hasPersona ? (
          <div className="settings-persona">
            <TextField
              label={t("journeys.field.personaName")}
              name="personaName"
              hint={t("journeys.field.personaNameHint")}
              value={personaName}
              maxLength={journeyLimits.personaNameMax}
              onChange={(e) => setPersonaName(e.target.value)}
              error={errors.personaName}
            />
            <TextAreaField
              label={t("journeys.field.personaDescription")}
              name="personaDescription"
              value={personaDescription}
              maxLength={journeyLimits.personaDescriptionMax}
              onChange={(e) => setPersonaDescription(e.target.value)}
            />
          </div>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
