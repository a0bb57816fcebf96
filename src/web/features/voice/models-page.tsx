// Learned models (/app/o/:orgId/voice/models, admins): how close the organisation is to having enough
// of its own answers to learn from, each model per organisation, journey or touchpoint with its status,
// training progress and quality measured on held-back responses (explained in plain words), "train"
// and "retrain", and re-analysing every text when the analyser or a model improves.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "../../../core/i18n/messages.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import type { OrgPageProps } from "../../routes.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { SelectField } from "../../ui/field.js";
import { EmptyState, PageHeader, Spinner } from "../../ui/page.js";
import { useToast } from "../../ui/toast.js";
import { ProgressBar } from "./progress-bar.js";
import { useJourneyChoices } from "./use-touchpoints.js";
import { voiceApi, type TextModelList, type TextModelOut } from "./voice-api.js";
import { voiceFormat, type VoiceFormat } from "./voice-format.js";
import { VoiceIcon } from "./voice-icons.js";
import { VoiceTabs } from "./voice-tabs.js";
import "./voice.css";

const pollMs = 1500;
const isBusy = (model: TextModelOut) => model.status === "queued" || model.status === "training";

export function ModelsPage({ organisation }: OrgPageProps) {
  const { t, language } = useI18n();
  const toast = useToast();
  const format = useMemo(() => voiceFormat(language, t), [language, t]);
  const journeys = useJourneyChoices(organisation.id);
  const [list, setList] = useState<TextModelList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [training, setTraining] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [scope, setScope] = useState("organisation");
  const [reanalysing, setReanalysing] = useState(false);
  const [queued, setQueued] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await voiceApi.listModels(organisation.id));
      setError(null);
    } catch (failure) {
      setError(describeProblem(t, failure));
    }
    // `t` only words errors.
  }, [organisation.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const anyBusy = list?.models.some(isBusy) ?? false;
  useEffect(() => {
    if (!anyBusy) return;
    const timer = window.setInterval(() => void load(), pollMs);
    return () => window.clearInterval(timer);
  }, [anyBusy, load]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const journey of journeys ?? []) {
      map.set(journey.id, journey.name);
      for (const tp of journey.touchpoints) map.set(tp.id, `${journey.name} · ${tp.name}`);
    }
    return map;
  }, [journeys]);

  const scopeLabel = (model: Pick<TextModelOut, "scope" | "scopeId">) =>
    model.scope === "organisation" ? t("voice.models.scope.organisation") : t(`voice.models.scope.${model.scope}`, { name: names.get(model.scopeId) ?? model.scopeId });

  const train = async (target: Pick<TextModelOut, "scope" | "scopeId">) => {
    const key = `${target.scope}:${target.scopeId}`;
    setTraining(key);
    setActionError(null);
    try {
      await voiceApi.trainModel(organisation.id, target.scope, target.scope === "organisation" ? undefined : target.scopeId);
      toast(t("voice.models.queued", { scope: scopeLabel(target) }));
      await load();
    } catch (failure) {
      setActionError(describeProblem(t, failure));
    } finally {
      setTraining(null);
    }
  };

  const reanalyse = async () => {
    setReanalysing(true);
    setActionError(null);
    try {
      const result = await voiceApi.reanalyse(organisation.id);
      setQueued(result.queued);
    } catch (failure) {
      setActionError(describeProblem(t, failure));
    } finally {
      setReanalysing(false);
    }
  };

  const chosenScope = (): Pick<TextModelOut, "scope" | "scopeId"> => {
    const [kind = "organisation", id = organisation.id] = scope.split(":");
    return kind === "journey" || kind === "touchpoint" ? { scope: kind, scopeId: id } : { scope: "organisation", scopeId: organisation.id };
  };

  // Superseded models are history: the newest per scope is what matters.
  const models = (list?.models ?? []).filter((model) => model.status !== "superseded");
  const superseded = (list?.models ?? []).length - models.length;

  let body;
  if (error && !list) body = <Callout tone="danger">{error}</Callout>;
  else if (!list) body = <Spinner label={t("common.loading")} />;
  else {
    const ready = list.eligible >= list.threshold;
    body = (
      <>
        <section className="panel" aria-labelledby="models-data-title">
          <div className="panel__header">
            <div>
              <h2 className="panel__title" id="models-data-title">
                {t("voice.models.data.title")}
              </h2>
              <p className="panel__description">{t("voice.models.data.description")}</p>
            </div>
          </div>
          <div className="panel__body vc-eligible">
            <div className="vc-eligible__numbers">
              <p className="vc-eligible__count">
                {ready ? t("voice.models.data.countReady", { count: format.count(list.eligible) }) : t("voice.models.data.count", { count: format.count(list.eligible), threshold: format.count(list.threshold) })}
              </p>
              <ProgressBar
                label={t("voice.models.data.progress")}
                value={Math.min(1, list.eligible / Math.max(1, list.threshold))}
                valueText={t("voice.models.data.count", { count: format.count(list.eligible), threshold: format.count(list.threshold) })}
                tone={ready ? "success" : "accent"}
              />
              <p className="vc-note">{ready ? t("voice.models.data.ready") : t("voice.models.data.notYet", { missing: format.count(list.threshold - list.eligible) })}</p>
            </div>
            <div className="vc-train">
              <SelectField label={t("voice.models.trainFor")} value={scope} onChange={(event) => setScope(event.target.value)}>
                <option value="organisation">{t("voice.models.scope.organisation")}</option>
                {(journeys ?? []).map((journey) => (
                  <optgroup key={journey.id} label={journey.name}>
                    <option value={`journey:${journey.id}`}>{t("voice.models.scope.journey", { name: journey.name })}</option>
                    {journey.touchpoints.map((tp) => (
                      <option key={tp.id} value={`touchpoint:${tp.id}`}>
                        {t("voice.models.scope.touchpointShort", { name: tp.name })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </SelectField>
              <Button variant="primary" onClick={() => void train(chosenScope())} busy={training === `${chosenScope().scope}:${chosenScope().scopeId}`}>
                <VoiceIcon name="brain" />
                {t("voice.models.train")}
              </Button>
            </div>
          </div>
        </section>
        {actionError ? <Callout tone="danger">{actionError}</Callout> : null}
        <section className="panel" aria-labelledby="models-list-title">
          <div className="panel__header">
            <div>
              <h2 className="panel__title" id="models-list-title">
                {t("voice.models.list.title")}
              </h2>
              <p className="panel__description">{t("voice.models.list.description")}</p>
            </div>
          </div>
          {models.length === 0 ? (
            <EmptyState icon={<VoiceIcon name="brain" size={22} />} title={t("voice.models.empty")}>
              <p>{t("voice.models.emptyText")}</p>
            </EmptyState>
          ) : (
            <ul className="vc-models">
              {models.map((model) => (
                <ModelRow
                  key={model.id}
                  model={model}
                  label={scopeLabel(model)}
                  format={format}
                  busy={training === `${model.scope}:${model.scopeId}`}
                  onRetrain={() => void train(model)}
                />
              ))}
            </ul>
          )}
          {superseded > 0 ? <p className="vc-note vc-models__note">{t("voice.models.superseded", { count: format.count(superseded) })}</p> : null}
        </section>
        <section className="panel vc-explain" aria-labelledby="models-explain-title">
          <div className="panel__body">
            <h2 className="vc-explain__title" id="models-explain-title">
              <VoiceIcon name="sparkle" size={16} />
              {t("voice.models.explain.title")}
            </h2>
            <p>{t("voice.models.explain.heldBack")}</p>
            <p>{t("voice.models.explain.accuracy")}</p>
            <p>{t("voice.models.explain.f1")}</p>
            <p>{t("voice.models.explain.privacy")}</p>
          </div>
        </section>
        <section className="panel" aria-labelledby="models-reanalyse-title">
          <div className="panel__header">
            <div>
              <h2 className="panel__title" id="models-reanalyse-title">
                {t("voice.reanalyse.title")}
              </h2>
              <p className="panel__description">{t("voice.reanalyse.text")}</p>
            </div>
            <div className="panel__actions">
              <Button onClick={() => void reanalyse()} busy={reanalysing}>
                <VoiceIcon name="refresh" />
                {t("voice.reanalyse.button")}
              </Button>
            </div>
          </div>
          {queued !== null ? (
            <div className="panel__body">
              <Callout tone="success">{t("voice.reanalyse.queued", { count: format.count(queued) })}</Callout>
            </div>
          ) : null}
        </section>
      </>
    );
  }

  return (
    <div className="voice">
      <PageHeader title={t("voice.models.title")} description={t("voice.models.description")} />
      <VoiceTabs orgId={organisation.id} role={organisation.role} current="models" />
      {body}
    </div>
  );
}

function ModelRow({ model, label, format, busy, onRetrain }: { model: TextModelOut; label: string; format: VoiceFormat; busy: boolean; onRetrain(): void }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const quality = model.quality;
  const when = model.finishedAt ?? model.createdAt;
  return (
    <li className="vc-model">
      <div className="vc-model__head">
        <div>
          <p className="vc-model__scope">{label}</p>
          <p className="vc-sub">
            <span className={`vc-status vc-status--${model.status}`}>{t(`voice.models.status.${model.status}` as MessageKey)}</span>
            {model.inUse ? <span className="vc-status vc-status--in-use">{t("voice.models.inUse")}</span> : null}
            <time dateTime={when} title={formatDateTime(when)}>
              {formatRelative(when)}
            </time>
          </p>
        </div>
        <Button size="sm" onClick={onRetrain} busy={busy} disabled={isBusy(model)}>
          <VoiceIcon name="refresh" />
          {t("voice.models.retrain")}
          <span className="visually-hidden"> {label}</span>
        </Button>
      </div>
      {isBusy(model) ? (
        <div className="vc-model__progress">
          <ProgressBar
            label={t("voice.models.progressLabel", { scope: label })}
            value={model.status === "queued" ? null : model.progress}
            valueText={model.status === "queued" ? t("voice.models.status.queued") : t("voice.models.progress", { percent: format.percent(model.progress) })}
          />
          <p className="vc-note">{model.status === "queued" ? t("voice.models.status.queued") : t("voice.models.progress", { percent: format.percent(model.progress) })}</p>
        </div>
      ) : null}
      {model.status === "failed" ? (
        <Callout tone="warning">{t(model.error === "not_enough_data" ? "voice.modelError.not_enough_data" : "voice.modelError.training_failed")}</Callout>
      ) : null}
      {quality ? (
        <dl className="vc-quality">
          <div>
            <dt>{t("voice.models.macroF1")}</dt>
            <dd>
              <span className="vc-quality__value">{format.decimal(quality.macroF1)}</span>
              {quality.lexiconMacroF1 !== undefined ? <span className="vc-sub">{t("voice.models.withoutModel", { value: format.decimal(quality.lexiconMacroF1) })}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("voice.models.accuracy")}</dt>
            <dd>
              <span className="vc-quality__value">{format.percent(quality.accuracy)}</span>
              {quality.lexiconAccuracy !== undefined ? <span className="vc-sub">{t("voice.models.withoutModel", { value: format.percent(quality.lexiconAccuracy) })}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("voice.models.heldBack")}</dt>
            <dd>
              <span className="vc-quality__value">{format.count(model.heldBack)}</span>
              <span className="vc-sub">{t("voice.models.trainedOn", { count: format.count(model.trainedOn) })}</span>
            </dd>
          </div>
          <div className="vc-quality__verdict">
            <dt className="visually-hidden">{t("voice.models.verdict")}</dt>
            <dd>{t(verdictKey(quality.macroF1, quality.lexiconMacroF1))}</dd>
          </div>
        </dl>
      ) : null}
    </li>
  );
}

/** A plain sentence about a model's macro-F1, and whether it beats the lexicon alone. */
function verdictKey(f1: number, lexicon: number | undefined): MessageKey {
  if (lexicon !== undefined && f1 <= lexicon) return "voice.models.verdict.noBetter";
  if (f1 >= 0.7) return "voice.models.verdict.strong";
  if (f1 >= 0.55) return "voice.models.verdict.useful";
  return "voice.models.verdict.weak";
}
