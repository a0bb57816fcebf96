// The emotions Momentos inferred from the texts in scope (METHOD.md §2 codes), as bars with their
// counts and shares. Always labelled "inferred": they are read from words, not chosen by the customer.
import { valenceOf } from "../../../core/emotions.js";
import { useI18n } from "../../i18n.js";
import type { TextSummaryOut } from "./voice-api.js";
import type { VoiceFormat } from "./voice-format.js";

export function EmotionsPanel({ emotions, total, format }: { emotions: TextSummaryOut["emotions"]; total: number; format: VoiceFormat }) {
  const { t } = useI18n();
  const shown = emotions.filter((e) => (e.count ?? 0) > 0).sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const max = Math.max(1, ...shown.map((e) => e.count ?? 0));
  return (
    <section className="panel vc-emotions" aria-labelledby="voice-emotions-title">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="voice-emotions-title">
            {t("voice.emotions.title")} <span className="vc-chip__inferred">{t("voice.inferredPlural")}</span>
          </h2>
          <p className="panel__description">{t("voice.emotions.description")}</p>
        </div>
      </div>
      <div className="panel__body">
        {shown.length === 0 ? (
          <p className="vc-muted">{t("voice.emotions.empty")}</p>
        ) : (
          <table className="vc-bars">
            <caption className="visually-hidden">{t("voice.emotions.caption")}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t("voice.column.emotion")}</th>
                <th scope="col">{t("voice.column.texts")}</th>
                <th scope="col">{t("voice.column.share")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((emotion) => {
                const valence = valenceOf(emotion.code);
                return (
                  <tr key={emotion.code}>
                    <th scope="row" className="vc-bars__label">
                      {format.emotion(emotion.code)}
                      <span className="vc-bars__track" aria-hidden="true">
                        <span
                          className={`vc-bars__fill vc-bars__fill--${valence > 0 ? "positive" : valence < 0 ? "negative" : "neutral"}`}
                          style={{ width: `${((emotion.count ?? 0) / max) * 100}%` }}
                        />
                      </span>
                    </th>
                    <td className="vc-num">{emotion.count === null ? "—" : format.count(emotion.count)}</td>
                    <td className="vc-num vc-muted">{emotion.share.value === null ? "—" : format.share(emotion.share.value)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="vc-note">{t("voice.emotions.note", { total: format.count(total) })}</p>
      </div>
    </section>
  );
}
