// What to fix first (METHOD.md §6): each touchpoint placed by importance (its relative weight in
// explaining recommendation) and performance (the chosen score against its target). Moments of truth
// are drawn as stars and the "fix first" quadrant is shaded and named. When the data are too few for
// driver analysis, the plain sentence the server names replaces the matrix.
import { useEffect, useMemo, useState } from "react";
import { isMessageKey } from "../../../core/i18n/messages.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { axisStyle, baseOption, Chart, okabeIto, type ChartOption } from "../../ui/chart.js";
import { Callout } from "../../ui/callout.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { PageHeader, Panel, Spinner } from "../../ui/page.js";
import { FilterBar } from "./filter-bar.js";
import { useFilters, withFilters, type Filters } from "./filters.js";
import { useFormat } from "./format.js";
import { insightsApi, type Priorities, type PriorityScore, type PriorityTouchpoint, type Quadrant } from "./insights-api.js";
import { InsightsNav, ScoreSelect } from "./insights-ui.js";
import "./insights.css";

const priorityScores: PriorityScore[] = ["nps", "csat", "ces"];
const starPath = "path://M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z";
const quadrantColour: Record<Quadrant, string> = {
  fix_first: okabeIto.vermillion,
  keep_up: okabeIto.blue,
  low_priority: "#7a808c",
  possible_overkill: okabeIto.orange,
};

export function PrioritiesPage({ organisation }: OrgPageProps) {
  const { t } = useI18n();
  const { filters, setFilters, search } = useFilters();
  const [score, setScore] = useState<PriorityScore>("nps");
  const [answer, setAnswer] = useState<Priorities | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    setAnswer(null);
    insightsApi
      .priorities(organisation.id, filters, score)
      .then((loaded) => live && setAnswer(loaded))
      .catch((problem) => live && setError(describeProblem(t, problem)));
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a change of language must not reload the matrix.
  }, [organisation.id, search, score]);

  return (
    <>
      <PageHeader title={t("insights.priorities.title")} description={t("insights.priorities.description")} />
      <InsightsNav orgId={organisation.id} current="priorities" filters={filters} />
      <FilterBar orgId={organisation.id} filters={filters} onChange={setFilters} show={["period", "journey", "channel", "source", "language"]} />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {!answer && !error ? <Spinner label={t("common.loading")} /> : null}
      {answer ? <PrioritiesBody orgId={organisation.id} answer={answer} score={score} onScore={setScore} filters={filters} /> : null}
    </>
  );
}

function PrioritiesBody({ orgId, answer, score, onScore, filters }: { orgId: string; answer: Priorities; score: PriorityScore; onScore(next: PriorityScore): void; filters: Filters }) {
  const { t } = useI18n();
  const format = useFormat();
  const selector = <ScoreSelect value={score} onChange={(next) => onScore(next as PriorityScore)} options={priorityScores} label={t("insights.priorities.performanceBy")} />;

  if (answer.status === "too_few_data") {
    const key = `scores.priorities.${answer.reason}`;
    return (
      <>
        <Panel title={t("insights.priorities.matrix")} actions={selector} labelledBy="priorities-matrix">
          <div className="priorities-empty" data-status="too_few_data">
            <InsightIcon name="info" size={20} />
            <div>
              <p>{isMessageKey(key) ? t(key, { needed: answer.needed, observations: answer.observations }) : key}</p>
              <p className="priorities-empty__tip">{t("insights.priorities.tip")}</p>
            </div>
          </div>
        </Panel>
        <PerformanceTable orgId={orgId} score={score} rows={answer.touchpoints} filters={filters} />
      </>
    );
  }

  return (
    <>
      <Panel
        title={t("insights.priorities.matrix")}
        description={t("insights.priorities.matrixText", { days: format.number(answer.observations), r2: format.percent(answer.rSquared * 100, 0) })}
        actions={selector}
        labelledBy="priorities-matrix"
      >
        <Matrix answer={answer} score={score} />
      </Panel>
      <FixFirst orgId={orgId} answer={answer} score={score} filters={filters} />
    </>
  );
}

function Matrix({ answer, score }: { answer: Extract<Priorities, { status: "ready" }>; score: PriorityScore }) {
  const { t } = useI18n();
  const format = useFormat();
  const placed = answer.points.filter((p) => p.gap !== null);
  const option = useMemo<ChartOption>(() => {
    const base = baseOption();
    const maxImportance = Math.max(answer.importanceThreshold * 2, ...placed.map((p) => p.importance)) * 100 * 1.1;
    const step = score === "ces" ? 0.5 : 10;
    const maxGap = Math.ceil((Math.max(step / 10, ...placed.map((p) => Math.abs(p.gap!))) * 1.1) / step) * step;
    const threshold = answer.importanceThreshold * 100;
    return {
      ...base,
      grid: { left: 16, right: 24, top: 32, bottom: 36, containLabel: true },
      tooltip: {
        ...(base.tooltip as object),
        trigger: "item",
        formatter: (p: { dataIndex: number }) => {
          const point = placed[p.dataIndex];
          if (!point) return "";
          return [
            `${point.name}${point.momentOfTruth ? ` ★ ${t("board.touchpoint.momentOfTruth")}` : ""}`,
            `${t("insights.priorities.importance")}: ${format.percent(point.importance * 100, 1)}`,
            `${t(`insights.score.${score}.short`)}: ${format.score(score, point.performance)}${point.target !== null ? ` (${t("insights.heat.target", { value: format.score(score, point.target) })})` : ""}`,
            point.quadrant ? t(`insights.quadrant.${point.quadrant}`) : "",
          ]
            .filter(Boolean)
            .join("\n");
        },
      },
      xAxis: {
        type: "value",
        name: t("insights.priorities.importanceAxis"),
        nameLocation: "middle",
        nameGap: 26,
        min: 0,
        max: Math.ceil(maxImportance),
        ...axisStyle,
        axisLabel: { color: "#555b68", formatter: (v: number) => format.percent(v, 0) },
      },
      yAxis: {
        type: "value",
        name: t("insights.priorities.gapAxis"),
        nameTextStyle: { align: "left" },
        min: -maxGap,
        max: maxGap,
        ...axisStyle,
        axisLabel: { color: "#555b68", formatter: (v: number) => format.signed(v, score === "ces" ? 1 : 0) },
      },
      series: [
        {
          type: "scatter",
          data: placed.map((p) => ({
            value: [p.importance * 100, p.gap],
            symbol: p.momentOfTruth ? starPath : "circle",
            symbolSize: p.momentOfTruth ? 20 : 13,
            itemStyle: { color: p.quadrant ? quadrantColour[p.quadrant] : "#7a808c", borderColor: "#ffffff", borderWidth: 1.5, opacity: 1 },
          })),
          label: { show: true, position: "right", color: "#16181d", fontSize: 11, formatter: (p: { dataIndex: number }) => placed[p.dataIndex]?.name ?? "" },
          labelLayout: { hideOverlap: true },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: "#98a2b3", type: "dashed" },
            label: { show: false },
            data: [{ xAxis: threshold }, { yAxis: 0 }],
          },
          markArea: {
            silent: true,
            itemStyle: { color: "rgba(213, 94, 0, 0.08)" },
            label: { show: true, position: "insideBottomRight", color: "#a03c00", fontWeight: 600, fontSize: 12 },
            data: [[{ name: t("insights.quadrant.fix_first"), coord: [threshold, -maxGap] }, { coord: [Math.ceil(maxImportance), 0] }]],
          },
        },
      ],
    };
  }, [answer, placed, score, format, t]);
  const table = {
    columns: [
      t("insights.priorities.touchpoint"),
      t("insights.priorities.importance"),
      t(`insights.score.${score}.short`),
      t("insights.priorities.target"),
      t("insights.priorities.gap"),
      t("insights.priorities.quadrant"),
    ],
    rows: answer.points.map((p) => [
      `${p.name}${p.momentOfTruth ? ` (${t("board.touchpoint.momentOfTruth")})` : ""}`,
      format.percent(p.importance * 100, 1),
      format.score(score, p.performance),
      p.target !== null ? format.score(score, p.target) : "—",
      p.gap !== null ? format.signed(p.gap, score === "ces" ? 2 : 1) : "—",
      p.quadrant ? t(`insights.quadrant.${p.quadrant}`) : t("insights.quadrant.unplaced"),
    ]),
  };
  return (
    <>
      <Chart title={t("insights.priorities.chartTitle")} summary={t("insights.priorities.legend")} option={option} table={table} filename={`momentos-priorities-${score}`} height={420} />
      <ul className="quadrant-legend" aria-label={t("insights.priorities.quadrants")}>
        {(["fix_first", "keep_up", "low_priority", "possible_overkill"] as const).map((q) => (
          <li key={q} className={`quadrant-legend__item quadrant-legend__item--${q}`}>
            <strong>{t(`insights.quadrant.${q}`)}</strong> {t(`insights.quadrant.${q}.text`)}
          </li>
        ))}
        <li className="quadrant-legend__item quadrant-legend__item--mot">
          <InsightIcon name="star" size={13} filled /> {t("insights.priorities.motLegend")}
        </li>
      </ul>
    </>
  );
}

function FixFirst({ orgId, answer, score, filters }: { orgId: string; answer: Extract<Priorities, { status: "ready" }>; score: PriorityScore; filters: Filters }) {
  const { t } = useI18n();
  const format = useFormat();
  const first = answer.points.filter((p) => p.quadrant === "fix_first");
  return (
    <Panel title={t("insights.priorities.fixFirst")} description={t("insights.priorities.fixFirstText")} labelledBy="priorities-fix">
      {first.length === 0 ? (
        <p className="insights__muted">{t("insights.priorities.nothingToFix")}</p>
      ) : (
        <ol className="risk-list">
          {first.map((p) => (
            <li key={p.touchpointId} className="risk-list__item">
              {p.momentOfTruth ? <InsightIcon name="star" size={14} filled className="risk-list__star" label={t("board.touchpoint.momentOfTruth")} /> : <span className="risk-list__bullet" aria-hidden="true" />}
              <div className="risk-list__text">
                <Link to={withFilters(orgPath(orgId, `insights/touchpoints/${p.touchpointId}`), filters)} className="risk-list__name">
                  {p.name}
                </Link>
                <span className="risk-list__where">
                  {t("insights.priorities.importance")} {format.percent(p.importance * 100, 1)}
                </span>
              </div>
              <span className="risk-list__numbers">
                <span className="risk-list__value">
                  {t(`insights.score.${score}.short`)} {format.score(score, p.performance)}
                </span>
                {p.target !== null ? <span className="risk-list__target">{t("insights.heat.target", { value: format.score(score, p.target) })}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function PerformanceTable({ orgId, score, rows, filters }: { orgId: string; score: PriorityScore; rows: PriorityTouchpoint[]; filters: Filters }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <Panel title={t("insights.priorities.againstTarget")} flush labelledBy="priorities-table">
      <table className="table perf-table">
        <thead>
          <tr>
            <th scope="col">{t("insights.priorities.touchpoint")}</th>
            <th scope="col">{t(`insights.score.${score}.short`)}</th>
            <th scope="col">{t("insights.priorities.target")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.touchpointId}>
              <th scope="row">
                <Link to={withFilters(orgPath(orgId, `insights/touchpoints/${row.touchpointId}`), filters)}>{row.name}</Link>
                {row.momentOfTruth ? (
                  <span className="table__muted"> · {t("board.touchpoint.momentOfTruth")}</span>
                ) : null}
              </th>
              <td>{row.performance === null ? t("insights.score.hiddenShort") : format.score(score, row.performance)}</td>
              <td>{row.target === null ? "—" : format.score(score, row.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
