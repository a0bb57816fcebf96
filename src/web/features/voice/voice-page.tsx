// "What customers say" (/app/o/:orgId/voice): what form comments and imported reviews, social posts,
// tickets and chats say, as Momentos reads them (METHOD.md §7): sentiment and inferred emotions by
// topic and by touchpoint, topic trends, key phrases, and the texts themselves with the words behind
// each analysis highlighted. Every filter lives in the URL.
import { useEffect, useMemo, useState } from "react";
import { roleCan } from "../../../core/roles.js";
import type { TopicCode } from "../../../core/text/types.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link, navigate, useLocation } from "../../router.js";
import type { OrgPageProps } from "../../routes.js";
import { Callout } from "../../ui/callout.js";
import { EmptyState, PageHeader, Spinner } from "../../ui/page.js";
import { EmotionsPanel } from "./emotions-panel.js";
import { PhrasesPanel } from "./phrases-panel.js";
import { SentimentLegend, SentimentTable } from "./sentiment-table.js";
import { TextsPanel } from "./texts-panel.js";
import { TrendsPanel } from "./trends-panel.js";
import { useJourneyChoices } from "./use-touchpoints.js";
import { voiceApi, type TextSummaryOut } from "./voice-api.js";
import { periods, readFilters, scopeFilter, textSources, writeFilters, type VoiceFilters } from "./voice-filters.js";
import { voiceFormat, type VoiceFormat } from "./voice-format.js";
import { VoiceIcon } from "./voice-icons.js";
import { VoiceTabs, voicePath } from "./voice-tabs.js";
import "./voice.css";

export function VoicePage({ organisation }: OrgPageProps) {
  const { t, language } = useI18n();
  const { path, search } = useLocation();
  const filters = readFilters(search);
  const format = useMemo(() => voiceFormat(language, t), [language, t]);
  const journeys = useJourneyChoices(organisation.id);
  const [summary, setSummary] = useState<TextSummaryOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canImport = organisation.role !== null && roleCan(organisation.role, "configure");
  const canExport = organisation.role !== null && roleCan(organisation.role, "export");
  const scopeKey = JSON.stringify([filters.days, filters.journeyId, filters.touchpointId, filters.source]);

  const change = (next: Partial<VoiceFilters>) => navigate(`${path}${writeFilters({ ...filters, ...next })}`, { replace: true });

  useEffect(() => {
    let current = true;
    setError(null);
    voiceApi
      .summary(organisation.id, scopeFilter(filters))
      .then((loaded) => current && setSummary(loaded))
      .catch((failure) => current && setError(describeProblem(t, failure)));
    return () => {
      current = false;
    };
    // scopeKey lists the filters the summary depends on; `t` only words errors.
  }, [organisation.id, scopeKey]);

  const touchpointNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const journey of journeys ?? []) for (const tp of journey.touchpoints) names.set(tp.id, tp.name);
    for (const tp of summary?.touchpoints ?? []) if (tp.touchpointId && tp.name) names.set(tp.touchpointId, tp.name);
    return names;
  }, [journeys, summary]);

  const touchpointOptions = (journeys ?? []).filter((j) => !filters.journeyId || j.id === filters.journeyId).flatMap((j) => j.touchpoints);
  const filtered = Boolean(filters.journeyId || filters.touchpointId || filters.source);

  const selectTopic = (topic: TopicCode) => {
    change({ topic: filters.topic === topic ? null : topic });
    document.getElementById("voice-texts")?.scrollIntoView({ block: "start" });
  };

  let content;
  if (error && !summary) {
    content = (
      <Callout tone="danger" title={t("voice.loadError")}>
        {error}
      </Callout>
    );
  } else if (!summary) {
    content = <Spinner label={t("common.loading")} />;
  } else if (summary.texts === 0 && !filtered) {
    content = (
      <section className="panel">
        <EmptyState icon={<VoiceIcon name="quote" size={22} />} title={t("voice.empty.title")}>
          <p>{t("voice.empty.text")}</p>
          {canImport ? (
            <Link to={voicePath(organisation.id, "import")} className="button button--primary">
              <VoiceIcon name="upload" />
              {t("voice.empty.import")}
            </Link>
          ) : null}
        </EmptyState>
      </section>
    );
  } else {
    content = (
      <>
        <Kpis summary={summary} format={format} />
        <section className="panel" aria-labelledby="voice-topics-title">
          <div className="panel__header">
            <div>
              <h2 className="panel__title" id="voice-topics-title">
                {t("voice.topics.title")}
              </h2>
              <p className="panel__description">{t("voice.topics.description")}</p>
            </div>
            <SentimentLegend format={format} />
          </div>
          {summary.topics.length === 0 ? (
            <p className="panel__body vc-muted">{t("voice.topics.empty")}</p>
          ) : (
            <SentimentTable
              caption={t("voice.topics.title")}
              rowHeader={t("voice.column.topic")}
              extraHeader={t("voice.column.emotions")}
              format={format}
              rows={summary.topics.map((topic) => ({
                key: topic.topic,
                label: format.topic(topic.topic),
                count: topic.mentions.count ?? topic.sentiment.n,
                summary: topic.sentiment,
                selected: filters.topic === topic.topic,
                selectLabel: t("voice.topics.read", { topic: format.topic(topic.topic) }),
                onSelect: () => selectTopic(topic.topic),
                extra: <EmotionChips emotions={topic.emotions} format={format} />,
              }))}
            />
          )}
        </section>
        <div className="vc-grid">
          <TrendsPanel orgId={organisation.id} filters={filters} format={format} />
          <EmotionsPanel emotions={summary.emotions} total={summary.texts} format={format} />
        </div>
        <PhrasesPanel orgId={organisation.id} filters={filters} format={format} onPick={(phrase) => change({ q: phrase })} />
        <section className="panel" aria-labelledby="voice-touchpoints-title">
            <div className="panel__header">
              <div>
                <h2 className="panel__title" id="voice-touchpoints-title">
                  {t("voice.touchpoints.title")}
                </h2>
                <p className="panel__description">{t("voice.touchpoints.description")}</p>
              </div>
              <SentimentLegend format={format} />
            </div>
            {summary.touchpoints.length === 0 ? (
              <p className="panel__body vc-muted">{t("voice.touchpoints.empty")}</p>
            ) : (
              <SentimentTable
                caption={t("voice.touchpoints.title")}
                rowHeader={t("voice.column.touchpoint")}
                extraHeader={t("voice.column.topTopics")}
                format={format}
                limit={8}
                rows={summary.touchpoints.map((tp) => ({
                  key: tp.touchpointId ?? "none",
                  label: tp.name ?? (tp.touchpointId ? (touchpointNames.get(tp.touchpointId) ?? tp.touchpointId) : t("voice.touchpoint.none")),
                  count: tp.sentiment.n,
                  summary: tp.sentiment,
                  ...(tp.touchpointId
                    ? {
                        selected: filters.touchpointId === tp.touchpointId,
                        selectLabel: t("voice.touchpoints.read", { touchpoint: tp.name ?? "" }),
                        onSelect: () => change({ touchpointId: filters.touchpointId === tp.touchpointId ? null : tp.touchpointId }),
                      }
                    : {}),
                  extra: (
                    <span className="vc-inline-list">
                      {tp.topTopics.filter((topic) => topic.topic !== "other").slice(0, 2).map((topic) => (
                        <span key={topic.topic} className="vc-chip vc-chip--small">
                          {format.topic(topic.topic)} <span className="vc-muted">{format.count(topic.count)}</span>
                        </span>
                      ))}
                    </span>
                  ),
                }))}
              />
            )}
        </section>
        <TextsPanel orgId={organisation.id} filters={filters} onChange={change} touchpointNames={touchpointNames} format={format} canExport={canExport} />
      </>
    );
  }

  return (
    <div className="voice">
      <PageHeader title={t("voice.title")} description={t("voice.description")} />
      <VoiceTabs orgId={organisation.id} role={organisation.role} current="analysis" />
      <div className="vc-scope" role="group" aria-label={t("voice.filter.title")}>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.period")}</span>
          <select className="input select input--compact" value={filters.days} onChange={(event) => change({ days: Number(event.target.value) as VoiceFilters["days"] })}>
            {periods.map((days) => (
              <option key={days} value={days}>
                {t("voice.filter.lastDays", { days })}
              </option>
            ))}
          </select>
        </label>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.journey")}</span>
          <select className="input select input--compact" value={filters.journeyId ?? ""} onChange={(event) => change({ journeyId: event.target.value || null, touchpointId: null })}>
            <option value="">{t("voice.filter.allJourneys")}</option>
            {(journeys ?? []).map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.name}
              </option>
            ))}
          </select>
        </label>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.touchpoint")}</span>
          <select className="input select input--compact" value={filters.touchpointId ?? ""} onChange={(event) => change({ touchpointId: event.target.value || null })}>
            <option value="">{t("voice.filter.allTouchpoints")}</option>
            {filters.touchpointId && !touchpointOptions.some((tp) => tp.id === filters.touchpointId) ? (
              <option value={filters.touchpointId}>{touchpointNames.get(filters.touchpointId) ?? filters.touchpointId}</option>
            ) : null}
            {touchpointOptions.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {filters.journeyId ? tp.name : `${tp.journeyName} · ${tp.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.source")}</span>
          <select className="input select input--compact" value={filters.source ?? ""} onChange={(event) => change({ source: (event.target.value || null) as VoiceFilters["source"] })}>
            <option value="">{t("voice.filter.allSources")}</option>
            {textSources.map((source) => (
              <option key={source} value={source}>
                {format.source(source)}
              </option>
            ))}
          </select>
        </label>
        {filtered || filters.topic || filters.sentiment || filters.emotion || filters.q ? (
          <button type="button" className="vc-link-button vc-scope__clear" onClick={() => navigate(filters.days === 30 ? path : `${path}?days=${filters.days}`, { replace: true })}>
            <VoiceIcon name="x" size={14} />
            {t("voice.filter.clear")}
          </button>
        ) : null}
        {summary ? (
          <p className="vc-scope__period">
            {t("voice.filter.range", { from: formatDay(summary.period.from, language), to: formatDay(summary.period.to, language) })}
          </p>
        ) : null}
      </div>
      {content}
    </div>
  );
}

function formatDay(day: string, language: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language === "pt" ? "pt-BR" : language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function Kpis({ summary, format }: { summary: TextSummaryOut; format: VoiceFormat }) {
  const { t } = useI18n();
  const overall = summary.overall;
  const shown = overall.visibility !== "hidden";
  const topEmotion = [...summary.emotions].filter((e) => (e.count ?? 0) > 0).sort((a, b) => (b.count ?? 0) - (a.count ?? 0))[0];
  const interval = overall.net.interval;
  return (
    <dl className="vc-kpis">
      <div className="vc-kpi">
        <dt>{t("voice.kpi.texts")}</dt>
        <dd className="vc-kpi__value">{format.count(summary.texts)}</dd>
        <dd className="vc-kpi__hint">{t("voice.kpi.textsHint")}</dd>
      </div>
      <div className={`vc-kpi${overall.visibility === "few_answers" ? " is-few" : ""}`}>
        <dt>
          <abbr title={t("voice.netHint")}>{t("voice.kpi.net")}</abbr>
        </dt>
        <dd className="vc-kpi__value">{shown && overall.net.value !== null ? format.net(overall.net.value) : "—"}</dd>
        <dd className="vc-kpi__hint">
          {!shown
            ? t("voice.hidden")
            : interval
              ? t("voice.kpi.interval", { low: format.net(interval.lower), high: format.net(interval.upper) })
              : t("voice.netHint")}
          {overall.visibility === "few_answers" ? <span className="vc-few">{t("voice.fewAnswers")}</span> : null}
        </dd>
      </div>
      <div className="vc-kpi">
        <dt>{t("voice.kpi.negative")}</dt>
        <dd className="vc-kpi__value vc-kpi__value--negative">{shown && overall.negative.value !== null ? format.share(overall.negative.value) : "—"}</dd>
        <dd className="vc-kpi__hint">{shown && overall.negative.count !== null ? t("voice.kpi.negativeHint", { count: format.count(overall.negative.count) }) : t("voice.hidden")}</dd>
      </div>
      <div className="vc-kpi">
        <dt>{t("voice.kpi.topEmotion")}</dt>
        <dd className="vc-kpi__value vc-kpi__value--text">{topEmotion ? format.emotion(topEmotion.code) : "—"}</dd>
        <dd className="vc-kpi__hint">
          <span className="vc-chip__inferred">{t("voice.inferred")}</span>
          {topEmotion?.share.value !== null && topEmotion?.share.value !== undefined ? ` ${t("voice.kpi.topEmotionHint", { share: format.share(topEmotion.share.value) })}` : null}
        </dd>
      </div>
    </dl>
  );
}

function EmotionChips({ emotions, format }: { emotions: TextSummaryOut["emotions"]; format: VoiceFormat }) {
  const { t } = useI18n();
  const top = [...emotions].filter((e) => (e.count ?? 0) > 0).sort((a, b) => (b.count ?? 0) - (a.count ?? 0)).slice(0, 2);
  if (top.length === 0) return <span className="vc-muted">—</span>;
  return (
    <span className="vc-inline-list">
      {top.map((emotion) => (
        <span key={emotion.code} className="vc-chip vc-chip--small vc-chip--emotion">
          {format.emotion(emotion.code)}
          <span className="visually-hidden"> ({t("voice.inferred")})</span>
          {emotion.count !== null ? <span className="vc-muted"> {format.count(emotion.count)}</span> : null}
        </span>
      ))}
    </span>
  );
}
