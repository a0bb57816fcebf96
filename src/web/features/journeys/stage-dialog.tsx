// Add a stage at the end of the journey, or rename and describe one.
import { useEffect, useState, type FormEvent } from "react";
import { journeyLimits } from "../../../core/journeys/model.js";
import { ApiError } from "../../api.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { Dialog } from "../../ui/dialog.js";
import { TextField } from "../../ui/field.js";
import { TextAreaField } from "./journey-ui.js";
import type { Stage } from "./journeys-api.js";

export function StageDialog({
  open,
  stage,
  onClose,
  onSave,
}: {
  open: boolean;
  /** null when adding a stage. */
  stage: Stage | null;
  onClose(): void;
  onSave(values: { name: string; description: string }): Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(stage?.name ?? "");
    setDescription(stage?.description ?? "");
    setError(undefined);
    setFailure(null);
  }, [open, stage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const trimmed = name.trim();
    if (trimmed === "" || trimmed.length > journeyLimits.stageNameMax) return setError(t("journeys.error.name", { max: journeyLimits.stageNameMax }));
    setError(undefined);
    setBusy(true);
    try {
      await onSave({ name: trimmed, description: description.trim() });
      onClose();
    } catch (failed) {
      if (failed instanceof ApiError && failed.code === "name_taken") setError(t("problem.name_taken"));
      else setFailure(describeProblem(t, failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={stage ? t("board.stage.editTitle") : t("board.stage.addTitle")}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <TextField
          label={t("journeys.field.stageName")}
          name="stageName"
          value={name}
          maxLength={journeyLimits.stageNameMax}
          onChange={(event) => setName(event.target.value)}
          error={error}
          autoFocus
        />
        <TextAreaField
          label={t("journeys.field.stageDescription")}
          name="stageDescription"
          value={description}
          maxLength={journeyLimits.descriptionMax}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div className="dialog__actions">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {stage ? t("common.save") : t("board.stage.add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
