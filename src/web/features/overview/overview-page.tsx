// The organisation's home. With responses: the headline scores of the period (each with its interval
// and change), top emotions, moments of truth at risk and the trend, under the shared filter bar.
// Without any response yet: the first useful steps the member's role allows.
import { useEffect, useState } from "react";
import { emotionLabel, valenceOf } from "../../../core/emotions.js";
import { roleCan } from "../../../core/roles.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath, type OrgPageProps } from "../../routes.js";
import { useSignedIn } from "../../session.js";
import { Callout } from "../../ui/callout.js";
import { Icon, type IconName } from "../../ui/icon.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { PageHeader, Panel, Spinner } from "../../ui/page.js";
import { FilterBar } from "../insights/filter-bar.js";
import { periodOf, trendIntervalOf, useFilters, type Filters } from "../insights/filters.js";
import { useFormat, type ScoreKey } from "../insights/format.js";
import { insightsApi, type Overview, type Score, type TrendPoint } from "../insights/insights-api.js";
import { ExportButtons, InsightsNav, MomentsAtRisk, ScoreSelect } from "../insights/insights-ui.js";
import { CountCard, ScoreCard } from "../insights/score-card.js";
import { TrendChart, type TrendDatum } from "../insights/trend-chart.js";
import "../insights/insights.css";

export function OverviewPage({ organisation }: OrgPageProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const { filters, setFilters, search } = useFilters();
  const [overview, setOverview] = useState<Overview | null>(null);
  /** Whether the organisation has any response in the last two years (asked only when the period has none). */
  const [everAnswered, setEverAnswered] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;

  useEffect(() => {
    let live = true;
    setError(null);
    insightsApi
      .overview(organisation.id, filters)
      .then(async (loaded) => {
        if (loaded.scores.responses.count === 0 && loaded.scores.responses.previous === 0) {
          const today = new Date().toISOString().slice(0, 10);
          const longAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
          const wide = await insightsApi.overview(organisation.id, { from: longAgo, to: today });
          if (live) setEverAnswered(wide.scores.responses.count > 0);
        } else if (live) setEverAnswered(true);
        if (live) setOverview(loaded);
      })
      .catch((problem) => live && setError(describeProblem(t, problem)));
    return () => {
      live = false;
    };
    // `t` is left out on purpose: a change of language must not reload the scores.
  }, [organisation.id, search]);

  const filtered = search.length > 0;
  const header = <PageHeader title={t("overview.title")} description={t("overview.greeting", { name: firstName, organisation: organisation.name })} />;

  if (error && !overview) {
    return (
      <>
        {header}
        <Callout tone="danger">{error}</Callout>
      </>
    );
  }
  if (!overview) return <Spinner label={t("common.loading")} />;
  if (!filtered && everAnswered === false) {
    return (
      <>
        {header}
        <Onboarding organisation={organisation} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.greeting", { name: firstName, organisation: organisation.name })}
        actions={<ExportButtons organisation={organisation} filters={filters} />}
      />
      <InsightsNav orgId={organisation.id} current="overview" filters={filters} />
      <FilterBar orgId={organisation.id} filters={filters} onChange={setFilters} show={["period", "journey", "stage", "touchpoint", "channel", "source", "language", "more"]} />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <Dashboard orgId={organisation.id} overview={overview} filters={filters} />
    </>
  );
}

function Dashboard({ orgId, overview, filters }: { orgId: string; overview: Overview; filters: Filters }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const s = overview.scores;
  return (
    <div className="insights">
      <p className="insights__period">
        {t("insights.period.compared", {
          from: format.day(overview.period.from),
          to: format.day(overview.period.to),
          previousFrom: format.day(overview.previousPeriod.from),
          previousTo: format.day(overview.previousPeriod.to),
        })}
      </p>
      {s.responses.count === 0 ? (
        <Callout tone="info" title={t("insights.empty.title")}>
          {t("insights.empty.text")}
        </Callout>
      ) : null}
      <section aria-labelledby="overview-scores">
        <h2 id="overview-scores" className="visually-hidden">
          {t("insights.scores.title")}
        </h2>
        <div className="score-grid">
          <ScoreCard
            featured
            scoreKey="cxIndex"
            label={t("insights.score.cxIndex")}
            hint={t("insights.score.cxIndexHint")}
            score={s.cxIndex}
            footer={<CxComponents components={s.cxIndex.components} />}
          />
          <ScoreCard scoreKey="nps" label={t("insights.score.nps")} hint={t("insights.score.npsHint")} score={s.nps} />
          <ScoreCard scoreKey="csat" label={t("insights.score.csat")} hint={t("insights.score.csatHint")} score={s.csat} />
          <ScoreCard scoreKey="ces" label={t("insights.score.ces")} hint={t("insights.score.cesHint")} score={s.ces} />
          <ScoreCard scoreKey="nes" label={t("insights.score.nes")} hint={t("insights.score.nesHint")} score={s.nes} />
          <CountCard label={t("insights.score.responses")} hint={t("insights.score.responsesHint")} count={s.responses.count} previous={s.responses.previous} />
          <ScoreCard scoreKey="completionRate" label={t("insights.score.completionRate")} hint={t("insights.score.completionRateHint")} score={s.completionRate} />
        </div>
        <p className="insights__note">{t("insights.scores.note")}</p>
      </section>

      <div className="insights__columns">
        <Panel title={t("insights.emotions.title")} description={t("insights.emotions.description")} labelledBy="overview-emotions">
          {s.topEmotions.length === 0 ? (
            <p className="insights__muted">{t("insights.emotions.none")}</p>
          ) : (
            <ol className="bar-list">
              {s.topEmotions.map((emotion) => {
                const valence = valenceOf(emotion.code);
                return (
                  <li key={emotion.code} className={`bar-list__item bar-list__item--${valence > 0 ? "positive" : valence < 0 ? "negative" : "neutral"}`}>
                    <span className="bar-list__label">
                      {emotionLabel(emotion.code, language)}
                      <span className="bar-list__tag">{t(valence > 0 ? "insights.valence.positive" : valence < 0 ? "insights.valence.negative" : "insights.valence.neutral")}</span>
                    </span>
                    <span className="bar-list__track" aria-hidden="true">
                      <span className="bar-list__bar" style={{ width: `${emotion.share}%` }} />
                    </span>
                    <span className="bar-list__value">
                      {format.percent(emotion.share, 1)} <span className="bar-list__count">({format.number(emotion.mentions)})</span>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </Panel>
        <MomentsAtRisk orgId={orgId} overview={overview} filters={filters} />
      </div>

      <OverviewTrend orgId={orgId} filters={filters} />
    </div>
  );
}

function CxComponents({ components }: { components: Overview["scores"]["cxIndex"]["components"] }) {
  const { t } = useI18n();
  const format = useFormat();
  const items: Array<[string, Score]> = [
    [t("insights.cx.emo"), components.emo],
    [t("insights.cx.sat"), components.sat],
    [t("insights.cx.ease"), components.ease],
    [t("insights.cx.rec"), components.rec],
  ];
  return (
    <dl className="cx-components" aria-label={t("insights.cx.components")}>
      {items.map(([label, score]) => (
        <div key={label} className="cx-components__item">
          <dt>{label}</dt>
          <dd>{score.visibility === "hidden" ? "—" : format.number(score.value ?? 0, 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

type TrendScoreKey = "cxIndex" | "nps" | "csat" | "ces" | "nes";
const trendScores: TrendScoreKey[] = ["cxIndex", "nps", "csat", "ces", "nes"];

/** The trend of the organisation's scores (or the filtered journey's): every bucket from one request. */
function OverviewTrend({ orgId, filters }: { orgId: string; filters: Filters }) {
  const { t } = useI18n();
  const [scoreKey, setScoreKey] = useState<ScoreKey>("cxIndex");
  const [points, setPoints] = useState<TrendPoint[] | null>(null);
  const period = periodOf(filters);
  const interval = trendIntervalOf(period);
  const key = JSON.stringify(filters);

  useEffect(() => {
    let live = true;
    setPoints(null);
    insightsApi
      .trend(orgId, filters, interval)
      .then((loaded) => live && setPoints(loaded.trend.points))
      .catch(() => live && setPoints([]));
    return () => {
      live = false;
    };
  }, [orgId, key, interval]);

  const data: TrendDatum[] = (points ?? []).map((p) => ({ start: p.start, score: p[scoreKey as TrendScoreKey] }));
  return (
    <Panel title={t("insights.trend.title")} description={t(`insights.trend.by.${interval}`)} labelledBy="overview-trend">
      {points === null ? (
        <Spinner label={t("common.loading")} />
      ) : (
        <>
          <TrendChart
            title={t("insights.trend.chartTitle", { score: t(`insights.score.${scoreKey}`) })}
            scoreKey={scoreKey}
            points={data}
            interval={interval}
            filename={`momentos-${scoreKey}-${period.from}-${period.to}`}
            actions={<ScoreSelect value={scoreKey} onChange={setScoreKey} options={trendScores} />}
          />
          {scoreKey === "cxIndex" ? <p className="insights__note">{t("insights.trend.cxNoInterval")}</p> : null}
        </>
      )}
    </Panel>
  );
}

function Onboarding({ organisation }: { organisation: OrgPageProps["organisation"] }) {
  const { t } = useI18n();
  const role = organisation.role ?? "viewer";
  const steps: Array<{ icon: IconName; title: string; text: string; to: string; external?: boolean }> = [
    { icon: "route", title: t("insights.onboarding.journey"), text: t("insights.onboarding.journeyText"), to: orgPath(organisation.id, "journeys") },
    ...(roleCan(role, "manage_members")
      ? [{ icon: "users" as const, title: t("overview.step.invite"), text: t("overview.step.inviteText"), to: orgPath(organisation.id, "members") }]
      : [{ icon: "users" as const, title: t("overview.step.team"), text: t("overview.step.teamText"), to: orgPath(organisation.id, "members") }]),
    ...(roleCan(role, "configure")
      ? [{ icon: "key" as const, title: t("overview.step.apiKey"), text: t("overview.step.apiKeyText"), to: orgPath(organisation.id, "api-keys") }]
      : []),
    { icon: "link", title: t("overview.step.docs"), text: t("overview.step.docsText"), to: "/api/docs", external: true },
  ];
  return (
    <>
      <section className="hero" aria-labelledby="overview-coming">
        <div className="hero__art" aria-hidden="true">
          <span className="hero__dot hero__dot--1" />
          <span className="hero__line" />
          <span className="hero__dot hero__dot--2" />
          <span className="hero__line" />
          <span className="hero__dot hero__dot--3" />
        </div>
        <h2 id="overview-coming" className="hero__title">
          {t("overview.placeholder")}
        </h2>
        <p className="hero__text">{t("overview.placeholderText")}</p>
      </section>
      <section aria-labelledby="overview-next">
        <h2 id="overview-next" className="section-title">
          {t("overview.next")}
        </h2>
        <ul className="tiles">
          {steps.map((step) => (
            <li key={step.to}>
              {step.external ? (
                <a className="tile" href={step.to}>
                  <TileContent {...step} />
                </a>
              ) : (
                <Link className="tile" to={step.to}>
                  <TileContent {...step} />
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function TileContent({ icon, title, text }: { icon: IconName; title: string; text: string }) {
  return (
    <>
      <span className="tile__icon">
        <Icon name={icon} size={18} />
      </span>
      <span className="tile__title">{title}</span>
      <span className="tile__text">{text}</span>
      <Icon name="chevronRight" className="tile__arrow" />
    </>
  );
}

