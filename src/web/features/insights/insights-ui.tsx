// Pieces the score views share: the tabs between them (keeping the filters), the export buttons and
// the list of moments of truth doing worse than their target.
import { roleCan } from "../../../core/roles.js";
import type { Organisation } from "../../api.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { orgPath } from "../../routes.js";
import { InsightIcon, type InsightIconName } from "../../ui/insight-icons.js";
import { Panel } from "../../ui/page.js";
import { toQuery, withFilters, type Filters } from "./filters.js";
import { useFormat, type ScoreKey } from "./format.js";
import type { Overview } from "./insights-api.js";

export type InsightsView = "overview" | "priorities" | "compare";


export function InsightsNav({ orgId, current, filters }: { orgId: string; current: InsightsView; filters: Filters }) {
  const { t } = useI18n();
  const tabs: Array<{ view: InsightsView; to: string; icon: InsightIconName; label: string }> = [
    { view: "overview", to: orgPath(orgId), icon: "chart", label: t("insights.nav.overview") },
    { view: "priorities", to: orgPath(orgId, "insights/priorities"), icon: "target", label: t("insights.nav.priorities") },
    { view: "compare", to: orgPath(orgId, "insights/compare"), icon: "compare", label: t("insights.nav.compare") },
  ];
  return (
    <nav className="insights-nav" aria-label={t("insights.nav.label")}>
      {tabs.map((tab) => (
        <Link key={tab.view} to={withFilters(tab.to, filters)} className="insights-nav__link" aria-current={tab.view === current ? "page" : undefined}>
          <InsightIcon name={tab.icon} size={15} />
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** Responses as CSV or XLSX with the view's filters (analysts and above: the export permission). */
export function ExportButtons({ organisation, filters }: { organisation: Organisation; filters: Filters }) {
  const { t } = useI18n();
  if (organisation.role === null || !roleCan(organisation.role, "export")) return null;
  const orgId = organisation.id;
  const query = toQuery(filters, "export").toString();
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/exports/responses`;
  return (
    <div className="export-buttons" role="group" aria-label={t("insights.export.label")}>
      <a className="button button--secondary" href={`${base}.csv?${query}`} download aria-label={t("insights.export.csv")}>
        <InsightIcon name="download" />
        CSV
      </a>
      <a className="button button--secondary" href={`${base}.xlsx?${query}`} download aria-label={t("insights.export.xlsx")}>
        <InsightIcon name="download" />
        XLSX
      </a>
    </div>
  );
}

/** Moments of truth below a target or dropped significantly against the compared period, most hurtful first (the server's order). */
export function MomentsAtRisk({ orgId, overview, filters }: { orgId: string; overview: Overview; filters: Filters }) {
  const { t, tn } = useI18n();
  const format = useFormat();
  const items = overview.momentsOfTruthAtRisk;
  return (
    <Panel title={t("insights.risk.title")} description={t("insights.risk.description")} labelledBy="overview-risk">
      {items.length === 0 ? (
        <p className="insights__muted">{t("insights.risk.none")}</p>
      ) : (
        <ul className="risk-list">
          {items.slice(0, 6).map((item) => (
            <li key={item.touchpointId} className="risk-list__item">
              <InsightIcon name="star" size={14} filled className="risk-list__star" />
              <div className="risk-list__text">
                <Link to={withFilters(orgPath(orgId, `insights/touchpoints/${item.touchpointId}`), filters)} className="risk-list__name">
                  {item.name}
                </Link>
                <span className="risk-list__where">
                  {item.journeyName} · {item.stageName} · {tn("insights.score.answers", item.responses)}
                </span>
              </div>
              <ul className="risk-list__numbers">
                {item.risks.map((risk) => (
                  <li key={`${risk.kind}-${risk.score}`} className="risk-list__risk">
                    {risk.kind === "below_target" ? (
                      <>
                        <span className="risk-list__value">
                          {t(`insights.score.${risk.score}.short`)} {format.score(risk.score, risk.value)}
                        </span>{" "}
                        <span className="risk-list__target">{t("insights.risk.target", { target: format.score(risk.score, risk.target) })}</span>
                      </>
                    ) : (
                      <span className="risk-list__value">{t("insights.risk.drop", { score: t(`insights.score.${risk.score}.short`), change: format.change(risk.score, risk.change) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function ScoreSelect({ value, onChange, options, label }: { value: ScoreKey; onChange(next: ScoreKey): void; options: readonly ScoreKey[]; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={label ?? t("insights.score.choose")}>
      {options.map((option) => (
        <button key={option} type="button" className="segmented__option" aria-pressed={value === option} onClick={() => onChange(option)}>
          {t(`insights.score.${option}.short`)}
        </button>
      ))}
    </div>
  );
}
