// One analysed text: where it came from (source badge, touchpoint, date), its sentiment, the emotions
// Momentos inferred (always labelled so), its topics, and the text itself with the words behind the
// analysis highlighted. The text is untrusted: it is cut into text nodes and <mark> elements by
// offsets, never parsed as markup.
import { valenceOf } from "../../../core/emotions.js";
import { isLanguage } from "../../../core/i18n/languages.js";
import type { TopicCode } from "../../../core/text/types.js";
import { useI18n } from "../../i18n.js";
import { languageName } from "../responses/present.js";
import { highlightPieces, type HighlightSpan } from "./highlight.js";
import type { TextItemOut } from "./voice-api.js";
import { textSourceOf } from "./voice-filters.js";
import type { VoiceFormat } from "./voice-format.js";
import { VoiceIcon } from "./voice-icons.js";

/** Where two marks overlap, the opinion wins over the topic word. */
const tonePriority = ["negative", "positive", "topic"] as const;

/** The spans to mark: topic words (only the chosen topic's, when the list is filtered by one) and opinion words. */
export function markSpans(item: TextItemOut, topic: TopicCode | null): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const h of item.highlights) {
    if (h.kind === "topic") {
      if (!topic || h.code === topic) spans.push({ start: h.start, end: h.end, tone: "topic" });
    } else if (h.kind === "positive" || h.kind === "negative") {
      spans.push({ start: h.start, end: h.end, tone: h.kind });
    } else if (h.kind === "emotion" && h.code) {
      const valence = isEmotion(h.code) ? valenceOf(h.code) : 0;
      if (valence !== 0) spans.push({ start: h.start, end: h.end, tone: valence > 0 ? "positive" : "negative" });
    }
  }
  return spans;
}

const emotionSet = new Set(["joy", "calm", "pleasant_surprise", "excitement", "affection", "indifference", "frustration", "anger", "disappointment", "worry", "distrust"]);
const isEmotion = (code: string): code is Parameters<typeof valenceOf>[0] => emotionSet.has(code);

const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export function TextCard({
  item,
  touchpointName,
  topic,
  format,
}: {
  item: TextItemOut;
  touchpointName: string | null;
  topic: TopicCode | null;
  format: VoiceFormat;
}) {
  const { t, language, formatDateTime, formatRelative } = useI18n();
  const source = textSourceOf(item);
  const pieces = highlightPieces(item.text, markSpans(item, topic), tonePriority);
  const url = safeUrl(item.url);
  const label = item.sentiment.label;
  return (
    <article className="vc-text" aria-labelledby={`text-${item.id}-meta`}>
      <header className="vc-text__head">
        <p className="vc-text__meta" id={`text-${item.id}-meta`}>
          <span className={`vc-source vc-source--${source}`}>
            <VoiceIcon name={source} size={13} />
            {format.source(source)}
          </span>
          {touchpointName ? <span className="vc-text__touchpoint">{touchpointName}</span> : null}
          <time dateTime={item.at} title={formatDateTime(item.at)} className="vc-text__time">
            {formatRelative(item.at)}
          </time>
        </p>
        <span className={`vc-sentiment-badge vc-sentiment-badge--${label}`}>
          <span className="vc-sentiment-badge__dot" aria-hidden="true" />
          {t("voice.text.sentiment", { label: format.sentiment(label), score: format.score(item.sentiment.score) })}
        </span>
      </header>
      <blockquote className="vc-text__body" lang={item.language ?? undefined}>
        <p>
          {pieces.map((piece) =>
            piece.tone ? (
              <mark key={piece.start} className={`vc-mark vc-mark--${piece.tone}`}>
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          )}
        </p>
      </blockquote>
      <footer className="vc-text__foot">
        {item.topics.length > 0 ? (
          <div className="vc-chips">
            <span className="vc-chips__label">{t("voice.text.topics")}</span>
            <ul className="vc-chips__list">
              {item.topics.map((tp) => (
                <li key={tp.code} className={`vc-chip vc-chip--topic${tp.code === topic ? " is-active" : ""}`}>
                  <span className={`vc-tone vc-tone--${tp.sentiment <= -0.1 ? "negative" : tp.sentiment >= 0.1 ? "positive" : "neutral"}`} aria-hidden="true" />
                  {format.topic(tp.code)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {item.emotions.length > 0 ? (
          <div className="vc-chips">
            <span className="vc-chips__label">{t("voice.text.emotions")}</span>
            <ul className="vc-chips__list">
              {item.emotions.map((emotion) => (
                <li key={emotion.code} className="vc-chip vc-chip--emotion">
                  {format.emotion(emotion.code)}
                  <span className="vc-chip__inferred">{t("voice.inferred")}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="vc-text__extra">
          {item.rating !== null ? (
            <span className="vc-rating">{t("voice.text.rating", { value: format.count(item.rating), max: format.count(item.ratingMax ?? 5) })}</span>
          ) : null}
          {item.language && isLanguage(item.language) ? <span className="vc-lang">{t("voice.text.language", { language: languageName(item.language, language) })}</span> : null}
          {item.model !== "lexicon" ? <span className="vc-model">{t("voice.text.learned")}</span> : null}
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="vc-text__link">
              {t("voice.text.original")}
              <span className="visually-hidden"> {t("voice.text.newWindow")}</span>
            </a>
          ) : null}
        </p>
      </footer>
    </article>
  );
}
