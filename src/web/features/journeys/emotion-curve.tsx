// The row under the stages with the measured emotion curve: for each stage, in journey order, the mean
// emotional valence of its touchpoints' responses with its 95 % interval, and its NES (METHOD.md §5).
// Dots sit on a −1…+1 scale; each stage also says its numbers in words, so colour and position are
// never the only signal. While no customer has answered it shows why it is empty.
import { useI18n } from "../../i18n.js";
import { useFormat } from "../insights/format.js";
import type { Visibility } from "../insights/insights-api.js";
import { BoardIcon } from "./board-icons.js";
import type { Stage } from "./journeys-api.js";

/** One stage's measured emotion, from the journey score endpoint. */
export interface EmotionPoint {
  stageId: string;
  /** Mean emotional valence, −1 (negative) … 1 (positive); null when withheld (fewer than 5 answers). */
  mean: number | null;
  low: number | null;
  high: number | null;
  responses: number;
  visibility: Visibility;
  nes: number | null;
}

/** Vertical position in % from the top for a valence −1…+1. */
const yOf = (valence: number) => Math.max(2, Math.min(98, ((1 - valence) / 2) * 100));

export function EmotionCurve({ stages, points = null }: { stages: Stage[]; points?: EmotionPoint[] | null }) {
  const { t, tn } = useI18n();
  const format = useFormat();
  const byStage = new Map((points ?? []).map((p) => [p.stageId, p]));
  const measured = points !== null && points.some((p) => p.responses > 0 && p.mean !== null);
  const shown = (stage: Stage) => {
    const point = byStage.get(stage.id);
    return point && point.mean !== null && point.visibility !== "hidden" ? point : null;
  };
  return (
    <section className={measured ? "emotion-row emotion-row--measured" : "emotion-row"} aria-labelledby="emotion-title">
      <h2 id="emotion-title" className="emotion-row__title">
        <BoardIcon name="heart" size={14} />
        {t("board.emotion.title")}
      </h2>
      {measured ? <p className="emotion-row__legend">{t("insights.curve.legend")}</p> : null}
      <div className="emotion-row__frame">
      <ol className="emotion-row__track" aria-label={t("board.emotion.title")}>
        {stages.map((stage, index) => {
          const point = measured ? shown(stage) : null;
          const next = measured && index + 1 < stages.length ? shown(stages[index + 1]!) : null;
          const raw = byStage.get(stage.id);
          const tone = point ? (point.mean! > 0.1 ? "positive" : point.mean! < -0.1 ? "negative" : "neutral") : "none";
          return (
            <li key={stage.id} className={`emotion-row__cell emotion-row__cell--${tone}${point?.visibility === "few_answers" ? " is-few" : ""}`}>
              <span className="emotion-row__baseline" aria-hidden="true" />
              {point && next ? (
                <svg className="emotion-row__link" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <line x1="0" y1={yOf(point.mean!)} x2="100" y2={yOf(next.mean!)} vectorEffect="non-scaling-stroke" />
                </svg>
              ) : null}
              {point && point.low !== null && point.high !== null ? (
                <span className="emotion-row__interval" aria-hidden="true" style={{ top: `${yOf(point.high)}%`, bottom: `${100 - yOf(point.low)}%` }} />
              ) : null}
              <span className="emotion-row__dot" aria-hidden="true" style={point ? { top: `${yOf(point.mean!)}%` } : undefined} />
              {measured ? (
                <span className="emotion-row__label">
                  <span className="visually-hidden">{stage.name}: </span>
                  {point ? (
                    <>
                      <span className="emotion-row__value">{t("insights.curve.valence", { value: format.signed(point.mean!, 2) })}</span>
                      {point.low !== null && point.high !== null ? (
                        <span className="emotion-row__range">
                          {t("insights.score.intervalShort")} {format.signed(point.low, 2)} … {format.signed(point.high, 2)}
                        </span>
                      ) : null}
                      <span className="emotion-row__meta">
                        {point.nes !== null ? `NES ${format.signed(Math.round(point.nes))} · ` : ""}
                        {tn("insights.score.answers", point.responses)}
                        {point.visibility === "few_answers" ? ` · ${t("insights.score.fewAnswers")}` : ""}
                      </span>
                    </>
                  ) : (
                    <span className="emotion-row__meta">{raw && raw.responses > 0 ? t("insights.score.hidden") : t("insights.curve.noAnswers")}</span>
                  )}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!measured ? (
        <div className="emotion-row__empty">
          <div className="emotion-row__message">
            <span className="emotion-row__message-icon" aria-hidden="true">
              <BoardIcon name="heart" size={16} />
            </span>
            <div>
              <p className="emotion-row__empty-title">{t("board.emotion.empty")}</p>
              <p className="emotion-row__empty-text">{t("board.emotion.emptyText")}</p>
            </div>
          </div>
        </div>
      ) : null}
      </div>
    </section>
  );
}
