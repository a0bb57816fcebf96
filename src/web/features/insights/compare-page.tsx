// Compare: the filtered period against another (the previous one, the same days a year before, or any
// two dates), score by score with the change and whether it is significant; and segments side by side
// (source, language, channel, place, store…), each against the rest, significant only after the
// false-discovery control across every segment tested (Benjamini–Hochberg, METHOD.md §4).
import { useEffect, useId, useState } from "react";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { type OrgPageProps } from "../../routes.js";
import { Callout } from "../../ui/callout.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { PageHeader, Panel, Spinner } from "../../ui/page.js";
import { FilterBar } from "./filter-bar.js";
import { periodOf, useFilters, type Filters } from "./filters.js";
import { scoreScales, useFormat, type ScoreKey } from "./format.js";
import { insightsApi, type Overview, type Period, type Score, type SegmentDimension, type Segments, type SegmentScore } from "./insights-api.js";
import { ExportButtons, InsightsNav } from "./insights-ui.js";
import { ChangeLine } from "./score-card.js";
import "./insights.css";

const msPerDay = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
const shiftYear = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
};

type Against = "previous" | "year" | "custom";

export function ComparePage({ organisation }: OrgPageProps) {
  const { t } = useI18n();
  const { filters, setFilters } = useFilters();
  return (
    <>
      <PageHeader title={t("insights.compare.title")} description={t("insights.compare.description")} actions={<ExportButtons organisation={organisation} filters={filters} />} />
      <InsightsNav orgId={organisation.id} current="compare" filters={filters} />
      <FilterBar orgId={organisation.id} filters={filters} onChange={setFilters} show={["period", "journey", "stage", "touchpoint", "channel", "source", "language", "more"]} />
      <div className="insights">
        <PeriodComparison orgId={organisation.id} filters={filters} />
        <SegmentComparison orgId={organisation.id} filters={filters} />
      </div>
    </>
  );
}

function PeriodComparison({ orgId, filters }: { orgId: string; filters: Filters }) {
  const { t, tn } = useI18n();
  const format = useFormat();
  const id = useId();
  const period = periodOf(filters);
  const length = (Date.parse(period.to) - Date.parse(period.from)) / msPerDay + 1;
  const [against, setAgainst] = useState<Against>("previous");
  const [custom, setCustom] = useState<Period>({ from: shift(period.from, -length), to: shift(period.from, -1) });
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compare: Period =
    against === "previous" ? { from: shift(period.from, -length), to: shift(period.from, -1) } : against === "year" ? { from: shiftYear(period.from), to: shiftYear(period.to) } : custom;
  const key = JSON.stringify([filters, compare]);

  useEffect(() => {
    let live = true;
    setError(null);
    insightsApi
      .overviewAgainst(orgId, filters, compare)
      .then((loaded) => live && setOverview(loaded))
      .catch((problem) => live && setError(describeProblem(t, problem)));
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a change of language must not reload the scores.
  }, [orgId, key]);

  const rows: Array<{ key: ScoreKey | "completionRate"; label: string; score: Score & { change: Overview["scores"]["nps"]["change"] } }> = overview
    ? [
        { key: "cxIndex", label: t("insights.score.cxIndex"), score: overview.scores.cxIndex },
        { key: "nps", label: t("insights.score.nps"), score: overview.scores.nps },
        { key: "csat", label: t("insights.score.csat"), score: overview.scores.csat },
        { key: "ces", label: t("insights.score.ces"), score: overview.scores.ces },
        { key: "nes", label: t("insights.score.nes"), score: overview.scores.nes },
        { key: "completionRate", label: t("insights.score.completionRate"), score: overview.scores.completionRate },
      ]
    : [];

  return (
    <Panel
      title={t("insights.compare.periods")}
      description={t("insights.compare.periodsText")}
      labelledBy="compare-periods"
      actions={
        <div className="filter-bar__field">
          <label className="filter-bar__label" htmlFor={`${id}-against`}>
            {t("insights.compare.against")}
          </label>
          <select id={`${id}-against`} className="input select input--compact" value={against} onChange={(e) => setAgainst(e.target.value as Against)}>
            <option value="previous">{t("insights.compare.previous")}</option>
            <option value="year">{t("insights.compare.year")}</option>
            <option value="custom">{t("insights.compare.custom")}</option>
          </select>
        </div>
      }
    >
      {against === "custom" ? (
        <div className="filter-bar__dates compare__dates">
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-from`}>
              {t("insights.filters.from")}
            </label>
            <input id={`${id}-from`} type="date" className="input input--compact" value={custom.from} max={custom.to} onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })} />
          </div>
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-to`}>
              {t("insights.filters.to")}
            </label>
            <input id={`${id}-to`} type="date" className="input input--compact" value={custom.to} min={custom.from} onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })} />
          </div>
        </div>
      ) : null}
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {!overview && !error ? <Spinner label={t("common.loading")} /> : null}
      {overview ? (
        <div className="table-scroll">
          <table className="table compare-table">
            <caption className="visually-hidden">{t("insights.compare.periods")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("insights.score.choose")}</th>
                <th scope="col">
                  {format.day(overview.period.from)} – {format.day(overview.period.to)}
                </th>
                <th scope="col">
                  {format.day(overview.previousPeriod.from)} – {format.day(overview.previousPeriod.to)}
                </th>
                <th scope="col">{t("insights.compare.change")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("insights.score.responses")}</th>
                <td>{format.number(overview.scores.responses.count)}</td>
                <td>{format.number(overview.scores.responses.previous)}</td>
                <td>{format.signed(overview.scores.responses.change)}</td>
              </tr>
              {rows.map((row) => (
                <tr key={row.key} className={row.score.visibility === "few_answers" ? "is-few" : undefined}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <span className="compare-table__value">{row.score.visibility === "hidden" ? "—" : format.score(row.key, row.score.value)}</span>
                    <span className="compare-table__sub">
                      {row.score.visibility === "hidden"
                        ? t("insights.score.hiddenShort")
                        : `${format.interval(row.key, row.score) ? `${t("insights.score.intervalShort")} ${format.interval(row.key, row.score)} · ` : ""}${tn("insights.score.answers", row.score.n)}`}
                      {row.score.visibility === "few_answers" ? ` · ${t("insights.score.fewAnswers")}` : ""}
                    </span>
                  </td>
                  <td>{row.score.change && row.score.change.previous !== null ? format.score(row.key, row.score.change.previous) : "—"}</td>
                  <td>
                    <ChangeLine scoreKey={row.key} change={row.score.change} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}

const dimensions: SegmentDimension[] = ["source", "language", "channel", "journey", "stage", "touchpoint", "placement", "store", "customerChannel"];
const segmentScores: SegmentScore[] = ["nps", "csat", "ces", "nes", "cx"];
const scoreKeyOf = (score: SegmentScore): ScoreKey => (score === "cx" ? "cxIndex" : score);

function SegmentComparison({ orgId, filters }: { orgId: string; filters: Filters }) {
  const { t } = useI18n();
  const format = useFormat();
  const id = useId();
  const [dimension, setDimension] = useState<SegmentDimension | "field">("source");
  const [fieldKey, setFieldKey] = useState("");
  const [fieldDraft, setFieldDraft] = useState("");
  const [score, setScore] = useState<SegmentScore>("nps");
  const fieldValid = /^[a-z0-9][a-z0-9_]{0,39}$/.test(fieldDraft.replace(/^m_/, ""));
  const [answer, setAnswer] = useState<Segments | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([filters, dimension, fieldKey, score]);

  useEffect(() => {
    if (dimension === "field" && !fieldKey) {
      setAnswer(null);
      return;
    }
    let live = true;
    setError(null);
    setAnswer(null);
    insightsApi
      .segments(orgId, filters, dimension === "field" ? `field:m_${fieldKey}` : dimension, score)
      .then((loaded) => live && setAnswer(loaded))
      .catch((problem) => live && setError(describeProblem(t, problem)));
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a change of language must not reload the segments.
  }, [orgId, key]);

  const scoreKey = scoreKeyOf(score);
  const scale = scoreScales[scoreKey];
  // The dot plot's axis spans what is shown (intervals and the overall value), not the whole scale, so differences are visible.
  const ends = answer
    ? [
        ...answer.segments.flatMap((s) => (s.score.visibility === "hidden" ? [] : s.score.interval ? [s.score.interval.lower, s.score.interval.upper] : s.score.value !== null ? [s.score.value] : [])),
        ...(answer.overall.value !== null ? [answer.overall.value] : []),
      ]
    : [];
  const low = ends.length > 0 ? Math.max(scale.min, Math.min(...ends)) : scale.min;
  const high = ends.length > 0 ? Math.min(scale.max, Math.max(...ends)) : scale.max;
  const pad = Math.max((high - low) * 0.08, (scale.max - scale.min) * 0.01);
  const domain = { min: low - pad, max: high + pad };
  const position = (value: number) => `${Math.max(0, Math.min(100, ((value - domain.min) / (domain.max - domain.min)) * 100))}%`;
  const labelOf = (segment: Segments["segments"][number]) =>
    segment.kind === "none"
      ? t("insights.compare.noValue")
      : segment.kind === "other"
        ? t("insights.compare.other", { count: segment.segments })
        : dimension === "source" && segment.key
          ? t(`responses.source.${segment.key as "link"}`)
          : dimension === "channel" && segment.key
            ? t(`channel.${segment.key as "web"}`)
            : (segment.label ?? segment.key ?? "—");

  return (
    <Panel
      title={t("insights.compare.segments")}
      description={t("insights.compare.segmentsText")}
      labelledBy="compare-segments"
      actions={
        <div className="compare__controls">
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-dimension`}>
              {t("insights.compare.dimension")}
            </label>
            <select id={`${id}-dimension`} className="input select input--compact" value={dimension} onChange={(e) => setDimension(e.target.value as SegmentDimension | "field")}>
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {t(`insights.compare.dimension.${d}`)}
                </option>
              ))}
              <option value="field">{t("insights.compare.dimension.field")}</option>
            </select>
          </div>
          {dimension === "field" ? (
            <form
              className="compare__field"
              onSubmit={(event) => {
                event.preventDefault();
                if (fieldValid) setFieldKey(fieldDraft.replace(/^m_/, ""));
              }}
            >
              <div className="filter-bar__field">
                <label className="filter-bar__label" htmlFor={`${id}-field`}>
                  {t("insights.compare.fieldKey")}
                </label>
                <input
                  id={`${id}-field`}
                  className="input input--compact"
                  placeholder="m_plan"
                  maxLength={42}
                  value={fieldDraft}
                  aria-invalid={fieldDraft && !fieldValid ? true : undefined}
                  onChange={(e) => setFieldDraft(e.target.value.trim().toLowerCase())}
                />
              </div>
              <button type="submit" className="button button--secondary button--sm filter-bar__apply" disabled={!fieldValid}>
                {t("insights.filters.apply")}
              </button>
            </form>
          ) : null}
          <div className="filter-bar__field">
            <label className="filter-bar__label" htmlFor={`${id}-score`}>
              {t("insights.score.choose")}
            </label>
            <select id={`${id}-score`} className="input select input--compact" value={score} onChange={(e) => setScore(e.target.value as SegmentScore)}>
              {segmentScores.map((s) => (
                <option key={s} value={s}>
                  {t(`insights.score.${scoreKeyOf(s)}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      }
    >
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {dimension === "field" && !fieldKey ? <p className="insights__muted">{t("insights.compare.fieldHint")}</p> : null}
      {!answer && !error && !(dimension === "field" && !fieldKey) ? <Spinner label={t("common.loading")} /> : null}
      {answer ? (
        answer.segments.length === 0 ? (
          <p className="insights__muted">{t("insights.empty.title")}</p>
        ) : (
          <>
            <p className="insights__note compare__overall">
              {t("insights.compare.overall", {
                score: t(`insights.score.${scoreKey}`),
                value: format.score(scoreKey, answer.overall.value),
                tested: answer.tested,
              })}
            </p>
            <div className="table-scroll">
              <table className="table segment-table">
                <caption className="visually-hidden">{t("insights.compare.segments")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{dimension === "field" ? `m_${fieldKey}` : t(`insights.compare.dimension.${dimension}`)}</th>
                    <th scope="col">{t("insights.chart.answersColumn")}</th>
                    <th scope="col">{t(`insights.score.${scoreKey}`)}</th>
                    <th scope="col" className="segment-table__plot-head">
                      <span className="visually-hidden">{t("insights.compare.plot")}</span>
                    </th>
                    <th scope="col">{t("insights.compare.vsRest")}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.segments.map((segment, index) => {
                    const shown = segment.score.visibility !== "hidden" && segment.score.value !== null;
                    const versus = segment.versusRest;
                    return (
                      <tr key={`${segment.kind}-${segment.key ?? index}`} className={segment.score.visibility === "few_answers" ? "is-few" : undefined}>
                        <th scope="row">{labelOf(segment)}</th>
                        <td>{format.number(segment.responses)}</td>
                        <td>
                          <span className="compare-table__value">{shown ? format.score(scoreKey, segment.score.value) : "—"}</span>
                          <span className="compare-table__sub">
                            {!shown ? t("insights.score.hiddenShort") : format.interval(scoreKey, segment.score) ? `${t("insights.score.intervalShort")} ${format.interval(scoreKey, segment.score)}` : ""}
                            {segment.score.visibility === "few_answers" ? ` · ${t("insights.score.fewAnswers")}` : ""}
                          </span>
                        </td>
                        <td className="segment-table__plot" aria-hidden="true">
                          <span className="dot-plot">
                            {answer.overall.value !== null ? <span className="dot-plot__overall" style={{ left: position(answer.overall.value) }} /> : null}
                            {shown && segment.score.interval ? (
                              <span
                                className="dot-plot__interval"
                                style={{ left: position(segment.score.interval.lower), right: `calc(100% - ${position(segment.score.interval.upper)})` }}
                              />
                            ) : null}
                            {shown ? <span className={`dot-plot__dot${versus?.significant ? (versus.difference! > 0 ? " is-better" : " is-worse") : ""}`} style={{ left: position(segment.score.value!) }} /> : null}
                          </span>
                        </td>
                        <td>
                          {versus && versus.difference !== null ? (
                            <span className={`segment-table__diff${versus.significant ? (versus.difference > 0 ? " is-better" : " is-worse") : ""}`}>
                              <InsightIcon name={versus.difference > 0 ? "arrowUp" : versus.difference < 0 ? "arrowDown" : "flat"} size={13} />
                              {format.change(scoreKey, versus.difference)}
                              {versus.significant ? (
                                <span className="score-change__significant" title={t("insights.compare.significantTitle", { q: format.number(versus.qValue ?? 0, 3) })}>
                                  {t("insights.change.significant")}
                                </span>
                              ) : (
                                <span className="visually-hidden">{t("insights.change.notSignificant")}</span>
                              )}
                            </span>
                          ) : (
                            <span className="insights__muted">{t("insights.compare.notTested")}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="insights__note">{t("insights.compare.fdr", { tested: answer.tested })}</p>
          </>
        )
      ) : null}
    </Panel>
  );
}
