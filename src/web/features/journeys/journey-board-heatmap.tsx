// The journey board as a heatmap: the journey's scores for the filtered period (one request), turned
// into each card's reading against its target, the measured emotion curve, and the controls above the
// board (period and other filters, the score to colour by, the legend).
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n.js";
import { orgPath } from "../../routes.js";
import { FilterBar } from "../insights/filter-bar.js";
import { withFilters, type Filters } from "../insights/filters.js";
import { againstTarget, heatmapScores, useFormat, type ScoreKey } from "../insights/format.js";
import { ScoreSelect } from "../insights/insights-ui.js";
import { insightsApi, type JourneyScores } from "../insights/insights-api.js";
import type { EmotionPoint } from "./emotion-curve.js";
import type { CardHeat } from "./touchpoint-card.js";

export type HeatScore = (typeof heatmapScores)[number];

/** Loads the journey's scores whenever the filters, or the journey itself (`version`), change. */
export function useJourneyScores(orgId: string, journeyId: string, filters: Filters, version: string): { scores: JourneyScores | null; failed: boolean } {
  const [scores, setScores] = useState<JourneyScores | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    insightsApi
      .journey(orgId, journeyId, filters)
      .then((loaded) => {
        if (!live) return;
        setScores(loaded);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [orgId, journeyId, key, version]);
  return { scores, failed };
}

export function useHeat(orgId: string, scores: JourneyScores | null, scoreKey: HeatScore, filters: Filters): { heat: Map<string, CardHeat> | null; points: EmotionPoint[] | null } {
  const { t } = useI18n();
  const format = useFormat();
  return useMemo(() => {
    if (!scores) return { heat: null, points: null };
    // A journey nobody answered in the period keeps its plain cards; the controls above say "0 answers".
    if (scores.scores.responses === 0) return { heat: null, points: scores.emotionCurve.map((p) => ({ stageId: p.stageId, mean: null, low: null, high: null, responses: 0, visibility: p.visibility, nes: null })) };
    const heat = new Map<string, CardHeat>();
    const label = t(`insights.score.${scoreKey}.short`);
    // Without a target, a card is read against the journey's own score (as the priority matrix does).
    const journeyScore = scores.scores[scoreKey];
    const average = journeyScore.visibility !== "hidden" ? journeyScore.value : null;
    for (const stage of scores.stages) {
      for (const tp of stage.touchpoints) {
        const score = tp.scores[scoreKey];
        const target = scoreKey === "cxIndex" ? null : tp.targets[scoreKey];
        const shown = score.visibility !== "hidden" && score.value !== null;
        const againstGoal = !shown ? "nodata" : againstTarget(scoreKey as ScoreKey, score.value!, target);
        const level: CardHeat["level"] = againstGoal === "none" && average !== null ? (score.value! >= average ? "above" : "under") : againstGoal;
        const status = !shown
          ? score.n > 0
            ? t("insights.heat.fewToShow")
            : t("insights.heat.noAnswers")
          : level === "met"
            ? t("insights.heat.met")
            : level === "near"
              ? t("insights.heat.near")
              : level === "below"
                ? t("insights.heat.below")
                : level === "above"
                  ? t("insights.heat.above")
                  : level === "under"
                    ? t("insights.heat.under")
                    : t("insights.heat.noTarget");
        heat.set(tp.id, {
          label,
          value: shown ? format.score(scoreKey, score.value) : null,
          level,
          target:
            target !== null
              ? t("insights.heat.target", { value: format.score(scoreKey, target) })
              : level === "above" || level === "under"
                ? t("insights.heat.average", { value: format.score(scoreKey, average) })
                : null,
          status: score.visibility === "few_answers" ? `${status} · ${t("insights.score.fewAnswers")}` : status,
          few: score.visibility === "few_answers",
          detailHref: withFilters(orgPath(orgId, `insights/touchpoints/${tp.id}`), filters),
          detailText: t("insights.heat.detail"),
          detailLabel: t("insights.heat.detailOf", { name: tp.name }),
        });
      }
    }
    const points: EmotionPoint[] = scores.emotionCurve.map((p) => ({
      stageId: p.stageId,
      mean: p.valence.visibility === "hidden" ? null : p.valence.value,
      low: p.valence.interval?.lower ?? null,
      high: p.valence.interval?.upper ?? null,
      responses: p.n,
      visibility: p.visibility,
      nes: p.nes.visibility === "hidden" ? null : p.nes.value,
    }));
    return { heat, points };
  }, [scores, scoreKey, t, format, orgId, filters]);
}

export function HeatmapControls({
  orgId,
  filters,
  onFilters,
  scoreKey,
  onScore,
  scores,
  failed,
}: {
  orgId: string;
  filters: Filters;
  onFilters(next: Filters): void;
  scoreKey: HeatScore;
  onScore(next: HeatScore): void;
  scores: JourneyScores | null;
  failed: boolean;
}) {
  const { t, tn } = useI18n();
  const format = useFormat();
  const total = scores?.scores;
  return (
    <section className="heatmap-controls" aria-labelledby="heatmap-title">
      <div className="heatmap-controls__head">
        <div>
          <h2 id="heatmap-title" className="heatmap-controls__title">
            {t("insights.heat.title")}
          </h2>
          <p className="heatmap-controls__text">
            {failed
              ? t("insights.heat.failed")
              : total
                ? `${tn("insights.score.answers", total.responses)} · ${t(`insights.score.${scoreKey}`)} ${
                    total[scoreKey].visibility === "hidden" ? "—" : format.score(scoreKey, total[scoreKey].value)
                  }${format.interval(scoreKey, total[scoreKey]) ? ` (${t("insights.score.intervalShort")} ${format.interval(scoreKey, total[scoreKey])})` : ""}`
                : t("common.loading")}
          </p>
        </div>
        <ScoreSelect value={scoreKey} onChange={(next) => onScore(next as HeatScore)} options={heatmapScores} label={t("insights.heat.colourBy")} />
      </div>
      <FilterBar orgId={orgId} filters={filters} onChange={onFilters} show={["period", "channel", "source", "language", "more"]} describePeriod />
      <ul className="heat-legend" aria-label={t("insights.heat.legend")}>
        <li className="heat-legend__item heat-legend__item--met">{t("insights.heat.met")}</li>
        <li className="heat-legend__item heat-legend__item--near">{t("insights.heat.near")}</li>
        <li className="heat-legend__item heat-legend__item--below">{t("insights.heat.below")}</li>
        <li className="heat-legend__item heat-legend__item--above">{t("insights.heat.aboveLegend")}</li>
        <li className="heat-legend__item heat-legend__item--under">{t("insights.heat.underLegend")}</li>
        <li className="heat-legend__item heat-legend__item--nodata">{t("insights.heat.noAnswers")}</li>
      </ul>
    </section>
  );
}
