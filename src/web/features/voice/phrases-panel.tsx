// The phrases customers repeat most (an aspect word with the opinion next to it, "entrega tardía"),
// with how many texts say them and their mean sentiment; choosing one searches the texts for it.
import { useEffect, useState } from "react";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Callout } from "../../ui/callout.js";
import { Spinner } from "../../ui/page.js";
import { voiceApi, type TextPhrases } from "./voice-api.js";
import { scopeFilter, type VoiceFilters } from "./voice-filters.js";
import type { VoiceFormat } from "./voice-format.js";

const shownPhrases = 12;

export function PhrasesPanel({ orgId, filters, format, onPick }: { orgId: string; filters: VoiceFilters; format: VoiceFormat; onPick(phrase: string): void }) {
  const { t, tn } = useI18n();
  const [phrases, setPhrases] = useState<TextPhrases | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([filters.days, filters.journeyId, filters.touchpointId, filters.source]);

  useEffect(() => {
    let current = true;
    setError(null);
    voiceApi
      .phrases(orgId, scopeFilter(filters))
      .then((loaded) => current && setPhrases(loaded))
      .catch((failure) => current && setError(describeProblem(t, failure)));
    return () => {
      current = false;
    };
    // The key lists the filters the phrases depend on; `t` only words errors.
  }, [orgId, key]);

  const list = phrases?.phrases.slice(0, shownPhrases) ?? [];
  const max = Math.max(1, ...list.map((p) => p.count));
  return (
    <section className="panel vc-phrases" aria-labelledby="voice-phrases-title">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="voice-phrases-title">
            {t("voice.phrases.title")}
          </h2>
          <p className="panel__description">{t("voice.phrases.description")}</p>
        </div>
      </div>
      <div className="panel__body">
        {error ? (
          <Callout tone="danger">{error}</Callout>
        ) : !phrases ? (
          <Spinner label={t("common.loading")} />
        ) : list.length === 0 ? (
          <p className="vc-muted">{t("voice.phrases.empty")}</p>
        ) : (
          <ol className="vc-phrase-list">
            {list.map((phrase) => {
              const tone = phrase.meanSentiment <= -0.1 ? "negative" : phrase.meanSentiment >= 0.1 ? "positive" : "neutral";
              return (
                <li key={phrase.phrase}>
                  <button
                    type="button"
                    className={filters.q === phrase.phrase ? "vc-phrase is-active" : "vc-phrase"}
                    aria-pressed={filters.q === phrase.phrase}
                    onClick={() => onPick(phrase.phrase)}
                  >
                    <span className={`vc-tone vc-tone--${tone}`} aria-hidden="true" />
                    <span className="vc-phrase__text">{phrase.phrase}</span>
                    <span className="vc-phrase__count">
                      {tn("voice.phrases.count", phrase.count)}
                      <span className="visually-hidden">, {t("voice.phrases.sentiment", { label: format.sentiment(tone), score: format.score(phrase.meanSentiment) })}</span>
                    </span>
                    <span className="vc-phrase__bar" aria-hidden="true">
                      <span className={`vc-phrase__fill vc-phrase__fill--${tone}`} style={{ width: `${(phrase.count / max) * 100}%` }} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        {phrases && phrases.sampled > 0 ? <p className="vc-note">{tn("voice.phrases.sampled", phrases.sampled)}</p> : null}
      </div>
    </section>
  );
}
