// One touchpoint in depth: every score with its interval and change, the trend by day, week or month
// with the interval shaded, emotions by intensity, answer distributions, bond segments, completion
// time and drop-off per question, and its comments (verbatims), newest first. Comments are text only.
import { useEffect, useState } from "react";
import { bondSegments } from "../../../core/metrics/response-scores.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { Callout } from "../../ui/callout.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { PageHeader, Panel, Spinner } from "../../ui/page.js";
import { BoardIcon, ChannelIcon } from "../journeys/board-icons.js";
import type { Channel } from "../../../core/journeys/model.js";
import { DistributionChart, EmotionChart } from "./distribution-charts.js";
import { FilterBar } from "./filter-bar.js";
import { periodOf, useFilters, withFilters, type Filters } from "./filters.js";
import { useFormat, type ScoreKey } from "./format.js";
import { insightsApi, type TouchpointDetail, type TrendInterval } from "./insights-api.js";
import { ExportButtons, ScoreSelect } from "./insights-ui.js";
import { CountCard, ScoreCard } from "./score-card.js";
import { TrendChart } from "./trend-chart.js";
import { Verbatims } from "./verbatims.js";
import "../journeys/journeys.css";
import "./insights.css";

const trendScores: ScoreKey[] = ["cxIndex", "nps", "csat", "ces", "nes"];
const intervals: TrendInterval[] = ["day", "week", "month"];

export function TouchpointInsightsPage({ organisation, params }: OrgPageProps) {
  const { t } = useI18n();
  const touchpointId = params.touchpointId!;
  const { filters, setFilters, search } = useFilters();
  const [interval, setInterval] = useState<TrendInterval>(() => {
    const period = periodOf(filters);
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
    return days <= 31 ? "day" : days <= 180 ? "week" : "month";
  });
  const [detail, setDetail] = useState<TouchpointDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    insightsApi
      .touchpoint(organisation.id, touchpointId, filters, interval)
      .then((loaded) => live && setDetail(loaded))
      .catch((problem) => live && setError(describeProblem(t, problem)));
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a change of language must not reload the scores.
  }, [organisation.id, touchpointId, search, interval]);

  if (error && !detail) {
    return (
      <>
        <PageHeader title={t("insights.touchpoint.title")} />
        <Callout tone="danger">{error}</Callout>
      </>
    );
  }
  if (!detail) return <Spinner label={t("common.loading")} />;
  const tp = detail.touchpoint;

  return (
    <div className="insights">
      <Link to={withFilters(orgPath(organisation.id, `journeys/${tp.journeyId}`), filters)} className="back-link">
        <InsightIcon name="arrowLeft" size={14} />
        {t("insights.touchpoint.back")}
      </Link>
      <PageHeader
        title={tp.name}
        actions={<ExportButtons organisation={organisation} filters={{ ...filters, touchpointId: tp.id }} />}
        description={
          <span className="touchpoint-meta">
            <span className="touchpoint-meta__item">
              <ChannelIcon channel={tp.channel as Channel} size={14} />
              {t(`channel.${tp.channel as Channel}`)}
            </span>
            {tp.momentOfTruth ? (
              <span className="mot-badge">
                <BoardIcon name="star" size={12} filled />
                {t("board.touchpoint.momentOfTruth")}
              </span>
            ) : null}
          </span>
        }
      />
      <FilterBar orgId={organisation.id} filters={filters} onChange={setFilters} show={["period", "source", "language", "more"]} />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <TouchpointBody detail={detail} interval={interval} onInterval={setInterval} orgId={organisation.id} filters={filters} />
    </div>
  );
}

function TouchpointBody({
  detail,
  interval,
  onInterval,
  orgId,
  filters,
}: {
  detail: TouchpointDetail;
  interval: TrendInterval;
  onInterval(next: TrendInterval): void;
  orgId: string;
  filters: Filters;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const [trendScore, setTrendScore] = useState<ScoreKey>("nps");
  const s = detail.scores;
  const d = detail.detail;
  const tp = detail.touchpoint;
  const target = trendScore === "nps" || trendScore === "csat" || trendScore === "ces" ? tp.targets[trendScore] : null;
  const answered = d.completion.answered;
  const responses = s.responses.count;
  const questions: Array<{ key: string; label: string; answered: number }> = answered
    ? [
        { key: "emotion", label: t("insights.question.emotion"), answered: answered.emotion },
        ...(answered.brandLove > 0 ? [{ key: "brandLove", label: t("insights.question.brandLove"), answered: answered.brandLove }] : []),
        { key: "csat", label: t("insights.question.csat"), answered: answered.csat },
        ...(answered.usefulness > 0 ? [{ key: "usefulness", label: t("insights.question.usefulness"), answered: answered.usefulness }] : []),
        { key: "ces", label: t("insights.question.ces"), answered: answered.ces },
        { key: "nps", label: t("insights.question.nps"), answered: answered.nps },
      ]
    : [];
  const fileBase = `momentos-${tp.name}-${detail.period.from}-${detail.period.to}`;

  return (
    <>
      <p className="insights__period">
        {t("insights.period.compared", {
          from: format.day(detail.period.from),
          to: format.day(detail.period.to),
          previousFrom: format.day(detail.previousPeriod.from),
          previousTo: format.day(detail.previousPeriod.to),
        })}
      </p>
      <section aria-labelledby="tp-scores">
        <h2 id="tp-scores" className="visually-hidden">
          {t("insights.scores.title")}
        </h2>
        <div className="score-grid">
          <ScoreCard featured scoreKey="cxIndex" label={t("insights.score.cxIndex")} hint={t("insights.score.cxIndexHint")} score={s.cxIndex} />
          <ScoreCard
            scoreKey="nps"
            label={t("insights.score.nps")}
            hint={t("insights.score.npsHint")}
            score={s.nps}
            footer={tp.targets.nps !== null ? <p className="score-card__target">{t("insights.heat.target", { value: format.score("nps", tp.targets.nps) })}</p> : null}
          />
          <ScoreCard
            scoreKey="csat"
            label={t("insights.score.csat")}
            hint={t("insights.score.csatHint")}
            score={s.csat}
            footer={
              <p className="score-card__target">
                {s.csat.mean.visibility !== "hidden" && s.csat.mean.value !== null ? t("insights.score.csatMean", { value: format.number(s.csat.mean.value, 2) }) : null}
                {tp.targets.csat !== null ? ` · ${t("insights.heat.target", { value: format.score("csat", tp.targets.csat) })}` : ""}
              </p>
            }
          />
          <ScoreCard
            scoreKey="ces"
            label={t("insights.score.ces")}
            hint={t("insights.score.cesHint")}
            score={s.ces}
            footer={
              <p className="score-card__target">
                {s.ces.topBox.visibility !== "hidden" && s.ces.topBox.value !== null ? t("insights.score.cesTopBox", { value: format.percent(s.ces.topBox.value, 1) }) : null}
                {tp.targets.ces !== null ? ` · ${t("insights.heat.target", { value: format.score("ces", tp.targets.ces) })}` : ""}
              </p>
            }
          />
          <ScoreCard scoreKey="nes" label={t("insights.score.nes")} hint={t("insights.score.nesHint")} score={s.nes} />
          <CountCard label={t("insights.score.responses")} hint={t("insights.score.responsesHint")} count={s.responses.count} previous={s.responses.previous} />
          <ScoreCard scoreKey="completionRate" label={t("insights.score.completionRate")} hint={t("insights.score.completionRateHint")} score={s.completionRate} />
        </div>
      </section>

      <Panel
        title={t("insights.trend.title")}
        description={t(`insights.trend.by.${interval}`)}
        labelledBy="tp-trend"
        actions={
          <div className="segmented" role="group" aria-label={t("insights.trend.interval")}>
            {intervals.map((option) => (
              <button key={option} type="button" className="segmented__option" aria-pressed={interval === option} onClick={() => onInterval(option)}>
                {t(`insights.trend.interval.${option}`)}
              </button>
            ))}
          </div>
        }
      >
        <TrendChart
          title={t("insights.trend.chartTitle", { score: t(`insights.score.${trendScore}`) })}
          scoreKey={trendScore}
          interval={detail.trend.interval}
          target={target}
          points={detail.trend.points.map((p) => ({ start: p.start, score: p[trendScore] }))}
          filename={`${fileBase}-${trendScore}`}
          actions={<ScoreSelect value={trendScore} onChange={setTrendScore} options={trendScores} />}
        />
        {trendScore === "cxIndex" ? <p className="insights__note">{t("insights.trend.cxNoInterval")}</p> : null}
      </Panel>

      <div className="insights__columns">
        <Panel title={t("insights.emotions.distribution")} description={t("insights.emotions.distributionText")} labelledBy="tp-emotions">
          {d.distributions.emotions.length === 0 ? (
            <p className="insights__muted">{t("insights.emotions.none")}</p>
          ) : (
            <>
              <EmotionChart emotions={d.distributions.emotions} title={t("insights.emotions.byIntensity")} filename={`${fileBase}-emotions`} />
              {d.valence.visibility !== "hidden" && d.valence.value !== null ? (
                <p className="insights__note">
                  {t("insights.emotions.valence", { value: format.signed(d.valence.value, 2), interval: d.valence.interval ? `${format.signed(d.valence.interval.lower, 2)} … ${format.signed(d.valence.interval.upper, 2)}` : "—" })}
                </p>
              ) : null}
            </>
          )}
        </Panel>
        <Panel title={t("insights.bonds.title")} description={t("insights.bonds.description")} labelledBy="tp-bonds">
          {d.bonds.segments.length === 0 ? (
            <p className="insights__muted">{t("insights.score.hidden")}</p>
          ) : (
            <ul className="bar-list">
              {bondSegments.map((segment) => {
                const item = d.bonds.segments.find((b) => b.segment === segment);
                if (!item) return null;
                const share = item.share.value ?? 0;
                return (
                  <li key={segment} className={`bar-list__item bar-list__item--bond-${segment}`}>
                    <span className="bar-list__label">
                      {t(`insights.bonds.${segment}`)}
                      <span className="bar-list__tag">{t(`insights.bonds.${segment}.text`)}</span>
                    </span>
                    <span className="bar-list__track" aria-hidden="true">
                      <span className="bar-list__bar" style={{ width: `${share}%` }} />
                    </span>
                    <span className="bar-list__value">
                      {format.percent(share, 1)}
                      {item.share.interval ? (
                        <span className="bar-list__count">
                          {" "}
                          ({t("insights.score.intervalShort")} {format.number(item.share.interval.lower, 0)}–{format.number(item.share.interval.upper, 0)})
                        </span>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
      </div>

      <div className="insights__columns insights__columns--three">
        {(["nps", "csat", "ces"] as const).map((kind) => {
          const counts = d.distributions[kind];
          return (
            <Panel key={kind} title={t(`insights.distribution.${kind}`)} labelledBy={`tp-dist-${kind}`}>
              {counts ? (
                <DistributionChart kind={kind} counts={counts} title={t(`insights.distribution.${kind}.chart`)} filename={`${fileBase}-${kind}`} />
              ) : (
                <p className="insights__muted">{t("insights.score.hidden")}</p>
              )}
            </Panel>
          );
        })}
      </div>

      <Panel title={t("insights.completion.title")} description={t("insights.completion.description")} labelledBy="tp-completion">
        <div className="completion">
          <dl className="completion__facts">
            <div>
              <dt>{t("insights.completion.completed")}</dt>
              <dd>
                {format.number(d.completion.completed)} / {format.number(responses)}
              </dd>
            </div>
            <div>
              <dt>{t("insights.completion.time")}</dt>
              <dd className={d.completion.meanSeconds.value === null || d.completion.meanSeconds.visibility === "hidden" ? "completion__none" : undefined}>
                {d.completion.meanSeconds.visibility === "hidden" || d.completion.meanSeconds.value === null
                  ? t("insights.completion.noTime")
                  : t("insights.completion.seconds", { value: format.number(d.completion.meanSeconds.value, 0) })}
                {d.completion.meanSeconds.interval ? (
                  <span className="completion__interval">
                    {" "}
                    ({t("insights.score.intervalShort")} {format.number(d.completion.meanSeconds.interval.lower, 0)}–{format.number(d.completion.meanSeconds.interval.upper, 0)} s)
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
          {questions.length > 0 ? (
            <table className="table dropoff">
              <caption className="visually-hidden">{t("insights.completion.dropoff")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("insights.completion.question")}</th>
                  <th scope="col">{t("insights.completion.answered")}</th>
                  <th scope="col">{t("insights.completion.dropped")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("insights.completion.bar")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => {
                  const share = responses > 0 ? (100 * q.answered) / responses : 0;
                  return (
                    <tr key={q.key}>
                      <th scope="row">{q.label}</th>
                      <td>
                        {format.number(q.answered)} ({format.percent(share, 0)})
                      </td>
                      <td>{format.percent(100 - share, 1)}</td>
                      <td className="dropoff__bar-cell" aria-hidden="true">
                        <span className="dropoff__track">
                          <span className="dropoff__bar" style={{ width: `${share}%` }} />
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="insights__muted">{t("insights.score.hidden")}</p>
          )}
        </div>
      </Panel>

      <Verbatims orgId={orgId} filters={{ ...filters, touchpointId: tp.id }} />
    </>
  );
}
