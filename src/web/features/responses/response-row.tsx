// One response in the list: a <tbody> with its row and, below it, the expandable details row (hidden
// fields, times, form version). On a phone each <tbody> is a card and every cell shows its column's name.
import { useId, useState, type ReactNode } from "react";
import { emotionLabel, intensityLabels, isIntensity, valenceOf } from "../../../core/emotions.js";
import { intlLocales, type MessageKey } from "../../../core/i18n/messages.js";
import { isPageSource } from "../../../core/responses/sources.js";
import { useI18n } from "../../i18n.js";
import { formatDuration, languageName, lastAnswered, npsGroup, ratingsOf, type Rating } from "./present.js";
import { deviceIcon, ResponseIcon, sourceIcon } from "./response-icons.js";
import type { RecentResponse } from "./responses-api.js";

export interface Columns {
  time: string;
  emotion: string;
  satisfaction: string;
  effort: string;
  nps: string;
  comment: string;
  source: string;
  status: string;
}

/** The column's name inside the cell, shown only when the table is laid out as cards (phones). */
function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="rsp-label" aria-hidden="true">
      {children}
    </span>
  );
}

function NoAnswer() {
  const { t } = useI18n();
  return (
    <span className="rsp-none">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("responses.noAnswer")}</span>
    </span>
  );
}

function Score({ rating }: { rating: Rating }) {
  const { t } = useI18n();
  if (rating.value === null) return <NoAnswer />;
  return (
    <span className="rsp-score">
      <span aria-hidden="true">
        <span className="rsp-score__value">{rating.value}</span>
        <span className="rsp-score__max">/{rating.max}</span>
      </span>
      <span className="visually-hidden">{t("responses.score", { value: rating.value, max: rating.max })}</span>
    </span>
  );
}

export function ResponseRow({ response, columns }: { response: RecentResponse; columns: Columns }) {
  const { t, language, formatDate, formatDateTime, formatRelative } = useI18n();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { answers, hidden } = response;
  const ratings = ratingsOf(response);
  const emotion = answers.emotion;
  const time = formatDateTime(response.startedAt);
  const last = response.completedAt ? null : lastAnswered(response);
  const meta = Object.entries(hidden.meta).sort(([a], [b]) => a.localeCompare(b));
  const hiddenFields: Array<[string, string]> = [
    [t("responses.details.customer"), hidden.customerReference],
    [t("responses.details.order"), hidden.orderReference],
    [t("responses.details.store"), hidden.store],
    [t("responses.details.channel"), hidden.channel],
  ].filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== "");
  for (const [key, value] of meta) hiddenFields.push([`m_${key}`, value]);

  // Only a person on the form page or widget has a time to answer; an API response's "completion" is when it was sent.
  const duration = response.completionMs !== null && response.source !== null && isPageSource(response.source) ? formatDuration(response.completionMs, language) : null;
  const intensity = emotion && isIntensity(emotion.intensity) ? intensityLabels[language][emotion.intensity] : null;
  const npsValue = ratings.nps.value;

  return (
    <tbody role="rowgroup" className={`rsp-item${open ? " is-open" : ""}${response.completedAt ? "" : " is-partial"}`} data-response-id={response.id}>
      <tr role="row" className="rsp-row">
        <th role="rowheader" scope="row" className="rsp-time" id={`response-${response.id}`} tabIndex={-1}>
          <time dateTime={response.startedAt}>
            <span className="rsp-time__date">{formatDate(response.startedAt)}</span>
            <span className="rsp-sub">
              {new Intl.DateTimeFormat(intlLocales[language], { timeStyle: "short" }).format(new Date(response.startedAt))}
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, </span>
              {formatRelative(response.startedAt)}
            </span>
          </time>
        </th>
        <td role="cell" className="rsp-emotion">
          <CellLabel>{columns.emotion}</CellLabel>
          {emotion ? (
            <span className="rsp-emotion__value">
              <span className={`rsp-valence rsp-valence--${valenceOf(emotion.code) > 0 ? "positive" : valenceOf(emotion.code) < 0 ? "negative" : "neutral"}`} aria-hidden="true" />
              <span>
                <span className="rsp-emotion__label">{emotionLabel(emotion.code, navigatorLocale(language))}</span>
                {intensity ? (
                  <span className="rsp-sub">
                    <span className="visually-hidden">, </span>
                    {intensity}
                  </span>
                ) : null}
                {emotion.second ? <span className="rsp-sub">{t("responses.emotion.second", { emotion: emotionLabel(emotion.second, navigatorLocale(language)) })}</span> : null}
              </span>
            </span>
          ) : (
            <NoAnswer />
          )}
        </td>
        <td role="cell" className="rsp-num">
          <CellLabel>{columns.satisfaction}</CellLabel>
          <Score rating={ratings.satisfaction} />
        </td>
        <td role="cell" className="rsp-num">
          <CellLabel>{columns.effort}</CellLabel>
          <Score rating={ratings.effort} />
        </td>
        <td role="cell" className="rsp-num">
          <CellLabel>{columns.nps}</CellLabel>
          {npsValue === null ? (
            <NoAnswer />
          ) : (
            <span className="rsp-score">
              <span className="rsp-score__value">{npsValue}</span>
              <span className={`rsp-nps rsp-nps--${npsGroup(npsValue)}`}>{t(`responses.nps.${npsGroup(npsValue)}`)}</span>
            </span>
          )}
        </td>
        <td role="cell" className="rsp-comment-cell">
          <CellLabel>{columns.comment}</CellLabel>
          {answers.comment ? (
            // Customer text: a text node, whatever it contains (markup, scripts, emoji).
            <p className="rsp-comment">{answers.comment}</p>
          ) : (
            <span className="rsp-none">{t("responses.noComment")}</span>
          )}
        </td>
        <td role="cell" className="rsp-source">
          <CellLabel>{columns.source}</CellLabel>
          <span className="rsp-source__main">
            <ResponseIcon name={sourceIcon(response.source)} size={15} />
            {t(`responses.source.${response.source ?? "unknown"}`)}
          </span>
          {response.placement ? <span className="rsp-sub rsp-placement">{t("responses.placement", { placement: response.placement })}</span> : null}
          <span className="rsp-sub rsp-source__meta">
            {response.language ? (
              <span lang={language} title={t("responses.language", { language: languageName(response.language, language) })}>
                <span className="visually-hidden">{t("responses.language", { language: languageName(response.language, language) })}</span>
                <span aria-hidden="true" className="rsp-lang">
                  {response.language.toUpperCase()}
                </span>
              </span>
            ) : null}
            {response.deviceClass && response.deviceClass !== "unknown" ? (
              <span className="rsp-device">
                <ResponseIcon name={deviceIcon(response.deviceClass)} size={13} />
                {t(`responses.device.${response.deviceClass}`)}
              </span>
            ) : null}
          </span>
        </td>
        <td role="cell" className="rsp-status">
          <CellLabel>{columns.status}</CellLabel>
          {response.completedAt ? (
            <>
              <span className="rsp-badge rsp-badge--complete">{t("responses.complete")}</span>
              {duration ? <span className="rsp-sub">{t("responses.completeIn", { duration })}</span> : null}
            </>
          ) : (
            <>
              <span className="rsp-badge rsp-badge--partial">{t("responses.partial")}</span>
              <span className="rsp-sub">
                {last ? t("responses.partialUntil", { question: t(`responses.question.${last}` as MessageKey) }) : t("responses.partialNone")}
              </span>
            </>
          )}
        </td>
        <td role="cell" className="rsp-toggle">
          <button
            type="button"
            className="icon-button rsp-toggle__button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t(open ? "responses.details.hide" : "responses.details.show", { time })}
            onClick={() => setOpen(!open)}
          >
            <ResponseIcon name="chevronDown" />
          </button>
        </td>
      </tr>
      <tr role="row" className="rsp-details-row" id={detailsId} hidden={!open}>
        <td role="cell" colSpan={9}>
          {open ? (
            <div className="rsp-details">
              <section className="rsp-details__group" aria-label={t("responses.details.hidden")}>
                <h3 className="rsp-details__title">{t("responses.details.hidden")}</h3>
                {hiddenFields.length > 0 ? (
                  <dl className="rsp-dl">
                    {hiddenFields.map(([label, value]) => (
                      <div key={label} className="rsp-dl__item">
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="rsp-none">{t("responses.details.noHidden")}</p>
                )}
              </section>
              <section className="rsp-details__group" aria-label={t("responses.details.response")}>
                <h3 className="rsp-details__title">{t("responses.details.response")}</h3>
                <dl className="rsp-dl">
                  <div className="rsp-dl__item">
                    <dt>{t("responses.details.started")}</dt>
                    <dd>
                      <time dateTime={response.startedAt}>{time}</time>
                    </dd>
                  </div>
                  <div className="rsp-dl__item">
                    <dt>{t("responses.details.completed")}</dt>
                    <dd>{response.completedAt ? <time dateTime={response.completedAt}>{formatDateTime(response.completedAt)}</time> : t("responses.details.notCompleted")}</dd>
                  </div>
                  {duration ? (
                    <div className="rsp-dl__item">
                      <dt>{t("responses.details.duration")}</dt>
                      <dd>{duration}</dd>
                    </div>
                  ) : null}
                  {emotion && intensity ? (
                    <div className="rsp-dl__item">
                      <dt>{columns.emotion}</dt>
                      <dd>{t("responses.emotion.intensity", { emotion: emotionLabel(emotion.code, navigatorLocale(language)), intensity })}</dd>
                    </div>
                  ) : null}
                  <div className="rsp-dl__item">
                    <dt>{t("responses.details.device")}</dt>
                    <dd>{response.deviceClass && response.deviceClass !== "unknown" ? t(`responses.device.${response.deviceClass}`) : t("responses.details.notKnown")}</dd>
                  </div>
                  <div className="rsp-dl__item">
                    <dt>{t("responses.details.version")}</dt>
                    <dd>{response.formVersion}</dd>
                  </div>
                  <div className="rsp-dl__item">
                    <dt>{t("responses.details.id")}</dt>
                    <dd className="rsp-mono">{response.id}</dd>
                  </div>
                </dl>
              </section>
            </div>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}

/**
 * The locale emotion labels follow: the browser's, when it is a variant of the chosen language (so
 * es-ES reads "Enfado" and es-MX "Enojo"), else the language itself.
 */
function navigatorLocale(language: string): string {
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language];
  return preferred.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? language;
}
