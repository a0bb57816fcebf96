// The row under the stages where the measured emotion curve goes: for each stage, in journey order,
// the mean emotional valence of its touchpoints' responses with its interval (METHOD.md §5). The
// analytics issue passes `points`; until then (or while no customer has answered) it shows why it is empty.
import { useI18n } from "../../i18n.js";
import { BoardIcon } from "./board-icons.js";
import type { Stage } from "./journeys-api.js";

/** One stage's measured emotion, as the analytics issue will provide it. */
export interface EmotionPoint {
  stageId: string;
  /** Mean emotional valence, −1 (negative) … 1 (positive). */
  mean: number;
  low: number;
  high: number;
  responses: number;
}

export function EmotionCurve({ stages, points = null }: { stages: Stage[]; points?: EmotionPoint[] | null }) {
  const { t } = useI18n();
  const measured = points !== null && points.some((p) => p.responses > 0);
  return (
    <section className="emotion-row" aria-labelledby="emotion-title">
      <h2 id="emotion-title" className="emotion-row__title">
        <BoardIcon name="heart" size={14} />
        {t("board.emotion.title")}
      </h2>
      <div className="emotion-row__track">
        {stages.map((stage) => (
          <div key={stage.id} className="emotion-row__cell" aria-hidden="true">
            <span className="emotion-row__baseline" />
            <span className="emotion-row__dot" />
          </div>
        ))}
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
