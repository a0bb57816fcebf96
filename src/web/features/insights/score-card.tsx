// One headline score as a card: value, 95 % interval, answers behind it, change against the previous
// period (marked significant only when p < 0.05) and METHOD.md §4's visibility: greyed with "few
// answers" below 30, withheld below 5. Colour is never the only signal: the change has an arrow and words.
import type { ReactNode } from "react";
import { useI18n } from "../../i18n.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { useFormat, type scoreScales } from "./format.js";
import type { Score, ScoreWithChange } from "./insights-api.js";

export type CardKey = keyof typeof scoreScales;

export function ScoreCard({
  scoreKey,
  label,
  hint,
  score,
  featured = false,
  footer,
}: {
  scoreKey: CardKey;
  label: string;
  /** What the number is, under the label ("% answering 4–5"). */
  hint: string;
  score: Score & Partial<Pick<ScoreWithChange, "change">>;
  featured?: boolean;
  footer?: ReactNode;
}) {
  const { t, tn } = useI18n();
  const format = useFormat();
  const hidden = score.visibility === "hidden";
  const few = score.visibility === "few_answers";
  const interval = format.interval(scoreKey, score);
  const classes = ["score-card", featured ? "score-card--featured" : "", few ? "score-card--few" : "", hidden ? "score-card--hidden" : ""].filter(Boolean).join(" ");
  return (
    <article className={classes} data-score={scoreKey} data-visibility={score.visibility}>
      <header className="score-card__header">
        <h3 className="score-card__label">{label}</h3>
        {few ? <span className="score-card__flag">{t("insights.score.fewAnswers")}</span> : null}
      </header>
      <p className="score-card__hint">{hint}</p>
      {hidden ? (
        <p className="score-card__withheld">
          <span className="score-card__value" aria-hidden="true">
            —
          </span>
          <span className="score-card__withheld-text">{t("insights.score.hidden")}</span>
        </p>
      ) : (
        <>
          <p className="score-card__value">{format.score(scoreKey, score.value)}</p>
          {interval ? (
            <p className="score-card__interval">
              <abbr title={t("insights.score.intervalTitle")}>{t("insights.score.intervalShort")}</abbr> {interval}
            </p>
          ) : null}
        </>
      )}
      <p className="score-card__n">{tn("insights.score.answers", score.n)}</p>
      {score.change !== undefined ? <ChangeLine scoreKey={scoreKey} change={score.change} /> : null}
      {footer}
    </article>
  );
}

export function ChangeLine({ scoreKey, change, compact = false }: { scoreKey: CardKey; change: ScoreWithChange["change"]; compact?: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  if (!change || change.change === null) return <p className="score-change score-change--none">{compact ? t("insights.compare.noChange") : t("insights.change.none")}</p>;
  const direction = change.change > 0 ? "up" : change.change < 0 ? "down" : "flat";
  const tone = !change.significant || direction === "flat" ? "neutral" : direction === "up" ? "better" : "worse";
  return (
    <p className={`score-change score-change--${tone}`}>
      <InsightIcon name={direction === "up" ? "arrowUp" : direction === "down" ? "arrowDown" : "flat"} size={13} />
      <span>{compact ? format.change(scoreKey, change.change) : t("insights.change.vsPrevious", { change: format.change(scoreKey, change.change) })}</span>
      {change.significant ? (
        <span className="score-change__significant" title={t("insights.change.significantTitle")}>
          {t("insights.change.significant")}
        </span>
      ) : (
        <span className="visually-hidden">{t("insights.change.notSignificant")}</span>
      )}
    </p>
  );
}

/** The count of responses with its change (a count has no interval). */
export function CountCard({ label, hint, count, previous }: { label: string; hint: string; count: number; previous: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const delta = count - previous;
  return (
    <article className="score-card" data-score="responses">
      <header className="score-card__header">
        <h3 className="score-card__label">{label}</h3>
      </header>
      <p className="score-card__hint">{hint}</p>
      <p className="score-card__value">{format.number(count)}</p>
      <p className="score-card__interval">{t("insights.responses.previous", { count: format.number(previous) })}</p>
      <p className={`score-change score-change--neutral`}>
        <InsightIcon name={delta > 0 ? "arrowUp" : delta < 0 ? "arrowDown" : "flat"} size={13} />
        <span>{t("insights.change.vsPrevious", { change: format.signed(delta) })}</span>
      </p>
    </article>
  );
}
