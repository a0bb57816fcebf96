// The filter bar every score view shares: period (presets or two dates), journey, stage, touchpoint,
// channel, source and language. Every change goes to the URL (filters.ts), so the view reloads from it
// and can be shared. A view names which filters apply to it; the others are not offered.
import { useEffect, useId, useState } from "react";
import { channels } from "../../../core/journeys/model.js";
import { languages } from "../../../core/i18n/languages.js";
import { responseSources } from "../../../core/responses/sources.js";
import { useI18n } from "../../i18n.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { journeysApi, type Journey, type JourneySummary } from "../journeys/journeys-api.js";
import { datePresets, defaultPreset, fieldPattern, periodOf, type Filters } from "./filters.js";
import { useFormat } from "./format.js";

export type FilterName = "period" | "journey" | "stage" | "touchpoint" | "channel" | "source" | "language" | "more";

const languageNames: Record<(typeof languages)[number], string> = { es: "Español", en: "English", pt: "Português" };

export function FilterBar({
  orgId,
  filters,
  onChange,
  show,
  describePeriod = false,
}: {
  orgId: string;
  filters: Filters;
  onChange(next: Filters): void;
  show: readonly FilterName[];
  /** Say the period's days under the filters (for views that do not say it elsewhere). */
  describePeriod?: boolean;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [journey, setJourney] = useState<Journey | null>(null);
  const custom = Boolean(filters.from && filters.to);
  const [customOpen, setCustomOpen] = useState(custom);
  const period = periodOf(filters);
  const [draft, setDraft] = useState(period);

  const wantsJourneys = show.includes("journey");
  useEffect(() => {
    if (!wantsJourneys) return;
    journeysApi
      .list(orgId)
      .then(({ items }) => setJourneys(items))
      .catch(() => setJourneys([]));
  }, [orgId, wantsJourneys]);

  const journeyId = filters.journeyId;
  const wantsStages = show.includes("stage") || show.includes("touchpoint");
  useEffect(() => {
    if (!journeyId || !wantsStages) {
      setJourney(null);
      return;
    }
    let live = true;
    journeysApi
      .get(orgId, journeyId)
      .then((loaded) => live && setJourney(loaded))
      .catch(() => live && setJourney(null));
    return () => {
      live = false;
    };
  }, [orgId, journeyId, wantsStages]);

  const set = (change: Partial<Filters>) => {
    const next: Filters = { ...filters, ...change };
    for (const key of Object.keys(change) as Array<keyof Filters>) if (change[key] === undefined || change[key] === "") delete next[key];
    onChange(next);
  };

  const presetValue = custom || customOpen ? "custom" : String(filters.preset ?? defaultPreset);
  const stages = journey?.stages ?? [];
  const touchpoints = stages.filter((s) => !filters.stageId || s.id === filters.stageId).flatMap((s) => s.touchpoints);
  const moreCount = (filters.placement ? 1 : 0) + (filters.store ? 1 : 0) + (filters.fields?.length ?? 0);
  const [moreOpen, setMoreOpen] = useState(moreCount > 0);
  const [moreDraft, setMoreDraft] = useState({ placement: filters.placement ?? "", store: filters.store ?? "", field: (filters.fields ?? []).join(", ") });
  const fieldList = moreDraft.field
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const fieldsValid = fieldList.every((f) => fieldPattern.test(f)) && fieldList.length <= 5;
  const active = Boolean(filters.journeyId || filters.stageId || filters.touchpointId || filters.channel || filters.source || filters.language || custom || filters.preset || moreCount > 0);

  const select = (name: string, label: string, value: string, options: Array<{ value: string; label: string }>, onSelect: (value: string) => void, allLabel: string) => (
    <div className="filter-bar__field">
      <label className="filter-bar__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <select id={`${id}-${name}`} className="input select input--compact filter-bar__select" value={value} onChange={(event) => onSelect(event.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="filter-bar" role="search" aria-label={t("insights.filters.label")}>
      <div className="filter-bar__fields">
        {show.includes("period") ? (
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-period`}>
              <InsightIcon name="calendar" size={13} />
              {t("insights.filters.period")}
            </label>
            <select
              id={`${id}-period`}
              className="input select input--compact filter-bar__select"
              value={presetValue}
              onChange={(event) => {
                if (event.target.value === "custom") {
                  setCustomOpen(true);
                  setDraft(period);
                  return;
                }
                setCustomOpen(false);
                const days = Number(event.target.value);
                const next: Filters = { ...filters, preset: days };
                delete next.from;
                delete next.to;
                if (days === defaultPreset) delete next.preset;
                onChange(next);
              }}
            >
              {datePresets.map((days) => (
                <option key={days} value={days}>
                  {days === 365 ? t("insights.filters.last12Months") : t("insights.filters.lastDays", { days })}
                </option>
              ))}
              <option value="custom">{t("insights.filters.custom")}</option>
            </select>
          </div>
        ) : null}
        {show.includes("period") && (custom || customOpen) ? (
          <form
            className="filter-bar__dates"
            onSubmit={(event) => {
              event.preventDefault();
              if (draft.from && draft.to && draft.from <= draft.to) {
                const next: Filters = { ...filters, from: draft.from, to: draft.to };
                delete next.preset;
                onChange(next);
              }
            }}
          >
            <div className="filter-bar__field">
              <label className="filter-bar__label" htmlFor={`${id}-from`}>
                {t("insights.filters.from")}
              </label>
              <input id={`${id}-from`} type="date" className="input input--compact" value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            </div>
            <div className="filter-bar__field">
              <label className="filter-bar__label" htmlFor={`${id}-to`}>
                {t("insights.filters.to")}
              </label>
              <input id={`${id}-to`} type="date" className="input input--compact" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            </div>
            <button type="submit" className="button button--secondary button--sm filter-bar__apply">
              {t("insights.filters.apply")}
            </button>
          </form>
        ) : null}
        {show.includes("journey")
          ? select(
              "journey",
              t("insights.filters.journey"),
              filters.journeyId ?? "",
              journeys.map((j) => ({ value: j.id, label: j.name })),
              (value) => set({ journeyId: value || undefined, stageId: undefined, touchpointId: undefined }),
              t("insights.filters.allJourneys"),
            )
          : null}
        {show.includes("stage") && journey
          ? select(
              "stage",
              t("insights.filters.stage"),
              filters.stageId ?? "",
              stages.map((s) => ({ value: s.id, label: s.name })),
              (value) => set({ stageId: value || undefined, touchpointId: undefined }),
              t("insights.filters.allStages"),
            )
          : null}
        {show.includes("touchpoint") && journey
          ? select(
              "touchpoint",
              t("insights.filters.touchpoint"),
              filters.touchpointId ?? "",
              touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
              (value) => set({ touchpointId: value || undefined }),
              t("insights.filters.allTouchpoints"),
            )
          : null}
        {show.includes("channel")
          ? select(
              "channel",
              t("insights.filters.channel"),
              filters.channel ?? "",
              channels.map((c) => ({ value: c, label: t(`channel.${c}`) })),
              (value) => set({ channel: (value || undefined) as Filters["channel"] }),
              t("insights.filters.allChannels"),
            )
          : null}
        {show.includes("source")
          ? select(
              "source",
              t("insights.filters.source"),
              filters.source ?? "",
              responseSources.map((s) => ({ value: s, label: t(`responses.source.${s}`) })),
              (value) => set({ source: (value || undefined) as Filters["source"] }),
              t("insights.filters.allSources"),
            )
          : null}
        {show.includes("language")
          ? select(
              "language",
              t("insights.filters.language"),
              filters.language ?? "",
              languages.map((l) => ({ value: l, label: languageNames[l] })),
              (value) => set({ language: (value || undefined) as Filters["language"] }),
              t("insights.filters.allLanguages"),
            )
          : null}
        {show.includes("more") ? (
          <button type="button" className="chart__action filter-bar__more" aria-expanded={moreOpen} aria-controls={`${id}-more`} onClick={() => setMoreOpen((v) => !v)}>
            <InsightIcon name="filter" size={13} />
            {moreCount > 0 ? t("insights.filters.moreCount", { count: moreCount }) : t("insights.filters.more")}
          </button>
        ) : null}
      </div>
      {show.includes("more") && moreOpen ? (
        <form
          id={`${id}-more`}
          className="filter-bar__fields filter-bar__more-fields"
          onSubmit={(event) => {
            event.preventDefault();
            if (!fieldsValid) return;
            const next: Filters = { ...filters };
            delete next.placement;
            delete next.store;
            delete next.fields;
            if (moreDraft.placement.trim()) next.placement = moreDraft.placement.trim();
            if (moreDraft.store.trim()) next.store = moreDraft.store.trim();
            if (fieldList.length > 0) next.fields = fieldList;
            onChange(next);
          }}
        >
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-placement`}>
              {t("insights.filters.placement")}
            </label>
            <input id={`${id}-placement`} className="input input--compact" maxLength={200} value={moreDraft.placement} onChange={(e) => setMoreDraft({ ...moreDraft, placement: e.target.value })} />
          </div>
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-store`}>
              {t("insights.filters.store")}
            </label>
            <input id={`${id}-store`} className="input input--compact" maxLength={200} value={moreDraft.store} onChange={(e) => setMoreDraft({ ...moreDraft, store: e.target.value })} />
          </div>
          <div className="filter-bar__field filter-bar__field--wide">
            <label className="filter-bar__label" htmlFor={`${id}-field`}>
              {t("insights.filters.fields")}
            </label>
            <input
              id={`${id}-field`}
              className="input input--compact"
              maxLength={1200}
              placeholder="m_plan:oro"
              value={moreDraft.field}
              aria-invalid={fieldsValid ? undefined : true}
              aria-describedby={`${id}-field-hint`}
              onChange={(e) => setMoreDraft({ ...moreDraft, field: e.target.value })}
            />
            <p id={`${id}-field-hint`} className={fieldsValid ? "filter-bar__hint" : "filter-bar__hint filter-bar__hint--error"}>
              {t("insights.filters.fieldsHint")}
            </p>
          </div>
          <button type="submit" className="button button--secondary button--sm filter-bar__apply" disabled={!fieldsValid}>
            {t("insights.filters.apply")}
          </button>
        </form>
      ) : null}
      {describePeriod || active ? (
      <div className="filter-bar__status">
        {describePeriod ? (
          <p className="filter-bar__period">{t("insights.filters.showing", { from: format.day(period.from), to: format.day(period.to) })}</p>
        ) : null}
        {active ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setCustomOpen(false);
              setMoreDraft({ placement: "", store: "", field: "" });
              onChange({});
            }}
          >
            {t("insights.filters.clear")}
          </button>
        ) : null}
      </div>
      ) : null}
    </div>
  );
}
