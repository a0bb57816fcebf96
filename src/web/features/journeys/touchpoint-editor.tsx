// Add or edit a touchpoint in a side drawer: what it is (name, description, channel, owner, status),
// the customer (need, expectation, experiential modules), and measurement (moment of truth with its
// reason, targets). Readers see the same drawer with every field read-only. Only changed fields are sent.
import { useEffect, useState, type FormEvent } from "react";
import {
  channels,
  experientialModules,
  journeyLimits,
  sortModules,
  targetRanges,
  type Channel,
  type ExperientialModule,
  type TouchpointStatus,
  type UpdateTouchpointInput,
} from "../../../core/journeys/model.js";
import { ApiError, type Member } from "../../api.js";
import { describeProblem, type FieldErrors } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { SelectField, TextField } from "../../ui/field.js";
import { FormIcon } from "../forms/form-icons.js";
import { BoardIcon } from "./board-icons.js";
import { Drawer, TextAreaField } from "./journey-ui.js";
import type { Stage, Touchpoint } from "./journeys-api.js";

export interface TouchpointForm {
  name: string;
  description: string;
  channel: Channel;
  customerNeed: string;
  customerExpectation: string;
  ownerUserId: string | null;
  modules: ExperientialModule[];
  momentOfTruth: boolean;
  momentOfTruthReason: string;
  targets: { nps: string; csat: string; ces: string };
  status: TouchpointStatus;
}

const blankForm: TouchpointForm = {
  name: "",
  description: "",
  channel: "web",
  customerNeed: "",
  customerExpectation: "",
  ownerUserId: null,
  modules: [],
  momentOfTruth: false,
  momentOfTruthReason: "",
  targets: { nps: "", csat: "", ces: "" },
  status: "active",
};

function formOf(touchpoint: Touchpoint): TouchpointForm {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return {
    name: touchpoint.name,
    description: touchpoint.description,
    channel: touchpoint.channel,
    customerNeed: touchpoint.customerNeed,
    customerExpectation: touchpoint.customerExpectation,
    ownerUserId: touchpoint.ownerUserId,
    modules: touchpoint.modules,
    momentOfTruth: touchpoint.momentOfTruth,
    momentOfTruthReason: touchpoint.momentOfTruthReason,
    targets: { nps: text(touchpoint.targets.nps), csat: text(touchpoint.targets.csat), ces: text(touchpoint.targets.ces) },
    status: touchpoint.status,
  };
}

type TargetKey = "nps" | "csat" | "ces";

function parseTarget(key: TargetKey, raw: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = raw.trim().replace(",", ".").replace("−", "-");
  if (trimmed === "") return { ok: true, value: null };
  const value = Number(trimmed);
  const range = targetRanges[key];
  if (!Number.isFinite(value) || value < range.min || value > range.max || (key === "nps" && !Number.isInteger(value))) return { ok: false };
  return { ok: true, value };
}

/** The fields a save sends: all of them for a new touchpoint, only the changed ones for an edit. */
function changesOf(form: TouchpointForm, targets: Record<TargetKey, number | null>, before: Touchpoint | null): UpdateTouchpointInput {
  const next: UpdateTouchpointInput = {
    name: form.name.trim(),
    description: form.description.trim(),
    channel: form.channel,
    customerNeed: form.customerNeed.trim(),
    customerExpectation: form.customerExpectation.trim(),
    ownerUserId: form.ownerUserId,
    modules: sortModules(form.modules),
    momentOfTruth: form.momentOfTruth,
    momentOfTruthReason: form.momentOfTruth ? form.momentOfTruthReason.trim() : before?.momentOfTruthReason ?? "",
    targets,
    status: form.status,
  };
  if (!before) return next;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === "targets") {
      const diff = Object.fromEntries(Object.entries(targets).filter(([k, v]) => before.targets[k as TargetKey] !== v));
      if (Object.keys(diff).length > 0) changed.targets = diff;
    } else if (JSON.stringify(value) !== JSON.stringify(before[key as keyof Touchpoint])) {
      changed[key] = value;
    }
  }
  return changed as UpdateTouchpointInput;
}

export function TouchpointEditor({
  open,
  stage,
  touchpoint,
  members,
  canEdit,
  links = null,
  onClose,
  onSave,
  onRemove,
}: {
  open: boolean;
  stage: Stage | null;
  /** null when adding a touchpoint to `stage`. */
  touchpoint: Touchpoint | null;
  members: Member[];
  canEdit: boolean;
  /** An existing touchpoint's form page and its responses (null while adding one). */
  links?: { form: string; responses: string } | null;
  onClose(): void;
  onSave(changes: UpdateTouchpointInput): Promise<void>;
  onRemove(touchpoint: Touchpoint): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<TouchpointForm>(blankForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setForm(touchpoint ? formOf(touchpoint) : blankForm);
    setErrors({});
    setFailure(null);
  }, [open, touchpoint]);

  const set = <K extends keyof TouchpointForm>(key: K, value: TouchpointForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    // A field's error goes once it is edited; the next save checks again.
    const cleared = key === "targets" ? ["nps", "csat", "ces"] : [key];
    setErrors((current) => (cleared.some((k) => current[k]) ? Object.fromEntries(Object.entries(current).filter(([k]) => !cleared.includes(k))) : current));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: FieldErrors = {};
    const name = form.name.trim();
    if (name === "" || name.length > journeyLimits.touchpointNameMax) found.name = t("journeys.error.name", { max: journeyLimits.touchpointNameMax });
    if (form.momentOfTruth && form.momentOfTruthReason.trim() === "") found.momentOfTruthReason = t("journeys.error.reason");
    const targets = { nps: null, csat: null, ces: null } as Record<TargetKey, number | null>;
    for (const key of ["nps", "csat", "ces"] as const) {
      const parsed = parseTarget(key, form.targets[key]);
      if (parsed.ok) targets[key] = parsed.value;
      else found[key] = t(`journeys.error.${key}`);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => document.querySelector<HTMLElement>(".drawer [aria-invalid='true']")?.focus(), 0);
      return;
    }
    const changes = changesOf(form, targets, touchpoint);
    if (touchpoint && Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    try {
      await onSave(changes);
    } catch (error) {
      const fromServer: FieldErrors = {};
      if (error instanceof ApiError) {
        for (const { field } of error.fieldErrors) {
          const parts = field.replace(/^body\./, "").split(".");
          const key = parts[0] === "targets" ? parts[1] ?? "targets" : parts[0] ?? field;
          fromServer[key] =
            key === "name"
              ? error.code === "name_taken"
                ? t("problem.name_taken")
                : t("journeys.error.name", { max: journeyLimits.touchpointNameMax })
              : key === "momentOfTruthReason"
                ? t("journeys.error.reason")
                : key === "ownerUserId"
                  ? t("journeys.error.owner")
                  : key === "nps" || key === "csat" || key === "ces"
                    ? t(`journeys.error.${key}`)
                    : t("journeys.error.tooLong");
        }
      }
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(describeProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  const title = !canEdit ? t("editor.viewTitle") : touchpoint ? t("editor.editTitle") : t("editor.newTitle");
  const formId = "touchpoint-editor-form";

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      description={stage ? t("editor.inStage", { stage: stage.name }) : undefined}
      footer={
        canEdit ? (
          <>
            {touchpoint ? (
              <Button variant="ghost" className="drawer__remove" onClick={() => onRemove(touchpoint)}>
                <BoardIcon name="archive" />
                {t("editor.remove")}
              </Button>
            ) : null}
            <span className="drawer__spacer" />
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" form={formId} variant="primary" busy={busy}>
              {touchpoint ? t("common.save") : t("editor.add")}
            </Button>
          </>
        ) : (
          <>
            <span className="drawer__spacer" />
            <Button onClick={onClose}>{t("common.close")}</Button>
          </>
        )
      }
    >
      <form id={formId} className="form tp-editor" onSubmit={submit} noValidate>
        {links ? (
          <div className="tp-form-links">
            <Link to={links.form} className="tp-form-links__main">
              <FormIcon name="qr" size={18} />
              <span className="tp-form-links__text">
                <span className="tp-form-links__title">{t("board.touchpoint.formLink")}</span>
                <span className="tp-form-links__hint">{t("board.touchpoint.formLinkText")}</span>
              </span>
            </Link>
            <Link to={links.responses} className="tp-form-links__secondary">
              {t("board.touchpoint.responsesLink")}
            </Link>
          </div>
        ) : null}
        {failure ? <Callout tone="danger">{failure}</Callout> : null}
        <fieldset className="tp-editor__section" disabled={!canEdit}>
          <legend className="tp-editor__legend">{t("editor.section.basics")}</legend>
          <TextField
            label={t("journeys.field.name")}
            name="name"
            value={form.name}
            maxLength={journeyLimits.touchpointNameMax}
            onChange={(event) => set("name", event.target.value)}
            error={errors.name}
            autoFocus={canEdit && !touchpoint}
          />
          <TextAreaField
            label={t("journeys.field.description")}
            name="description"
            value={form.description}
            maxLength={journeyLimits.descriptionMax}
            onChange={(event) => set("description", event.target.value)}
            rows={2}
          />
          <div className="tp-editor__row">
            <SelectField label={t("journeys.field.channel")} name="channel" value={form.channel} onChange={(event) => set("channel", event.target.value as Channel)}>
              {channels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("journeys.field.owner")}
              name="owner"
              value={form.ownerUserId ?? ""}
              onChange={(event) => set("ownerUserId", event.target.value || null)}
              error={errors.ownerUserId}
            >
              <option value="">{t("journeys.field.noOwner")}</option>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
              {form.ownerUserId && !members.some((m) => m.userId === form.ownerUserId) ? <option value={form.ownerUserId}>{form.ownerUserId}</option> : null}
            </SelectField>
          </div>
          <div className="field" role="radiogroup" aria-labelledby="tp-status-label">
            <span className="field__label" id="tp-status-label">
              {t("journeys.field.status")}
            </span>
            <div className="status-toggle">
              {(["active", "paused"] as const).map((status) => (
                <label key={status} className={`status-toggle__option${form.status === status ? " is-checked" : ""}`}>
                  <input type="radio" name="status" value={status} checked={form.status === status} onChange={() => set("status", status)} />
                  <span className="status-toggle__label">{t(`journeys.field.${status}`)}</span>
                  <span className="status-toggle__text">{t(`journeys.field.${status}Text`)}</span>
                </label>
              ))}
            </div>
          </div>
        </fieldset>

        <fieldset className="tp-editor__section" disabled={!canEdit}>
          <legend className="tp-editor__legend">{t("editor.section.customer")}</legend>
          <TextAreaField
            label={t("journeys.field.customerNeed")}
            name="customerNeed"
            hint={t("journeys.field.customerNeedHint")}
            value={form.customerNeed}
            maxLength={journeyLimits.needMax}
            onChange={(event) => set("customerNeed", event.target.value)}
            rows={2}
          />
          <TextAreaField
            label={t("journeys.field.customerExpectation")}
            name="customerExpectation"
            hint={t("journeys.field.customerExpectationHint")}
            value={form.customerExpectation}
            maxLength={journeyLimits.expectationMax}
            onChange={(event) => set("customerExpectation", event.target.value)}
            rows={2}
          />
          <fieldset className="field modules" aria-describedby="tp-modules-hint">
            <legend className="field__label">{t("journeys.field.modules")}</legend>
            <p className="field__hint" id="tp-modules-hint">
              {t("journeys.field.modulesHint")}
            </p>
            <div className="modules__options">
              {experientialModules.map((module) => {
                const checked = form.modules.includes(module);
                return (
                  <label key={module} className={`modules__option${checked ? " is-checked" : ""}`}>
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => set("modules", checked ? form.modules.filter((m) => m !== module) : sortModules([...form.modules, module]))}
                    />
                    <span className="modules__text">
                      <span className="modules__label">{t(`module.${module}`)}</span>
                      <span className="modules__description">{t(`module.${module}.text`)}</span>
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="tp-editor__section" disabled={!canEdit}>
          <legend className="tp-editor__legend">{t("editor.section.measure")}</legend>
          <div className={`mot-field${form.momentOfTruth ? " is-on" : ""}`}>
            <label className="mot-field__toggle">
              <input type="checkbox" checked={form.momentOfTruth} onChange={(event) => set("momentOfTruth", event.target.checked)} aria-describedby="tp-mot-hint" />
              <span className="mot-field__label">
                <BoardIcon name="star" size={14} filled />
                {t("journeys.field.momentOfTruth")}
              </span>
            </label>
            <p className="field__hint" id="tp-mot-hint">
              {t("journeys.field.momentOfTruthHint")}
            </p>
            {form.momentOfTruth ? (
              <TextAreaField
                label={t("journeys.field.momentOfTruthReason")}
                name="momentOfTruthReason"
                value={form.momentOfTruthReason}
                maxLength={journeyLimits.momentOfTruthReasonMax}
                onChange={(event) => set("momentOfTruthReason", event.target.value)}
                error={errors.momentOfTruthReason}
                rows={2}
              />
            ) : null}
          </div>
          <fieldset className="field targets" aria-describedby="tp-targets-hint">
            <legend className="field__label">{t("journeys.field.targets")}</legend>
            <p className="field__hint" id="tp-targets-hint">
              {t("journeys.field.targetsHint")}
            </p>
            <div className="targets__row">
              {(["nps", "csat", "ces"] as const).map((key) => (
                <TextField
                  key={key}
                  label={t(`journeys.field.${key}`)}
                  name={key}
                  inputMode="decimal"
                  value={form.targets[key]}
                  onChange={(event) => set("targets", { ...form.targets, [key]: event.target.value })}
                  error={errors[key]}
                />
              ))}
            </div>
          </fieldset>
        </fieldset>
      </form>
    </Drawer>
  );
}
