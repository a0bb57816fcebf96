// The texts behind the numbers, newest first: narrowed by topic, sentiment, inferred emotion and
// words (in the URL with the page's other filters), "load more" by cursor, the words behind each
// analysis highlighted.
import { useEffect, useState, type FormEvent } from "react";
import { emotionCodes } from "../../../core/emotions.js";
import { sentimentLabels, topicCodes } from "../../../core/text/types.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { EmptyState, Spinner } from "../../ui/page.js";
import { useCursorList } from "../../ui/use-cursor-list.js";
import { TextCard } from "./text-card.js";
import { voiceApi, type TextItemOut } from "./voice-api.js";
import { listFilter, scopeFilter, type VoiceFilters } from "./voice-filters.js";
import type { VoiceFormat } from "./voice-format.js";
import { VoiceIcon } from "./voice-icons.js";

export function TextsPanel({
  orgId,
  filters,
  onChange,
  touchpointNames,
  format,
  canExport,
}: {
  orgId: string;
  /** The member may export (analysts and above): shows the "Export CSV" link. */
  canExport: boolean;
  filters: VoiceFilters;
  onChange(next: Partial<VoiceFilters>): void;
  touchpointNames: Map<string, string>;
  format: VoiceFormat;
}) {
  const { t, tn, language } = useI18n();
  const [search, setSearch] = useState(filters.q ?? "");
  const key = JSON.stringify([orgId, filters.days, filters.journeyId, filters.touchpointId, filters.source, filters.topic, filters.sentiment, filters.emotion, filters.q]);
  const { items, cursor, error, loadingMore, announcement, loadMore } = useCursorList<TextItemOut>({
    key,
    fetchPage: async (cursor) => {
      const page = await voiceApi.texts(orgId, { ...scopeFilter(filters), ...listFilter(filters) }, cursor);
      return { items: page.texts, nextCursor: page.nextCursor };
    },
    loaded: (count) => tn("voice.texts.loaded", count),
    focus: (id) => document.querySelector<HTMLElement>(`[data-text-id="${CSS.escape(id)}"]`)?.focus(),
  });

  useEffect(() => setSearch(filters.q ?? ""), [filters.q]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: search.trim() ? search.trim().slice(0, 200) : null });
  };

  const narrowed = Boolean(filters.topic || filters.sentiment || filters.emotion || filters.q);

  let body;
  if (items === null) {
    body = error ? <Callout tone="danger">{error}</Callout> : <Spinner label={t("common.loading")} />;
  } else if (items.length === 0) {
    body = (
      <EmptyState icon={<VoiceIcon name="quote" size={22} />} title={t("voice.texts.empty")}>
        <p>{narrowed ? t("voice.texts.emptyNarrowed") : t("voice.texts.emptyText")}</p>
        {narrowed ? (
          <Button onClick={() => onChange({ topic: null, sentiment: null, emotion: null, q: null })}>{t("voice.texts.clear")}</Button>
        ) : null}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ul className="vc-texts" aria-label={t("voice.texts.title")}>
          {items.map((item) => (
            <li key={item.id} className="vc-texts__item" data-text-id={item.id} tabIndex={-1}>
              <TextCard item={item} touchpointName={item.touchpointId ? (touchpointNames.get(item.touchpointId) ?? null) : null} topic={filters.topic} format={format} />
            </li>
          ))}
        </ul>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <div className="vc-footer">
          <p className="vc-footer__count">{tn("voice.texts.count", items.length)}</p>
          {cursor ? (
            <Button onClick={() => void loadMore()} busy={loadingMore}>
              {loadingMore ? t("voice.texts.loadingMore") : t("voice.texts.loadMore")}
            </Button>
          ) : (
            <p className="vc-footer__end">{t("voice.texts.allLoaded")}</p>
          )}
        </div>
      </>
    );
  }

  return (
    <section className="panel vc-texts-panel" aria-labelledby="voice-texts-title" id="voice-texts">
      <div className="panel__header">
        <div>
          <h2 className="panel__title" id="voice-texts-title">
            {t("voice.texts.title")}
          </h2>
          <p className="panel__description">{t("voice.texts.description")}</p>
        </div>
        <p className="vc-legend vc-legend--marks">
          <span className="vc-legend__title">{t("voice.mark.legend")}</span>
          <mark className="vc-mark vc-mark--topic">{t("voice.mark.topic")}</mark>
          <mark className="vc-mark vc-mark--negative">{t("voice.mark.negative")}</mark>
          <mark className="vc-mark vc-mark--positive">{t("voice.mark.positive")}</mark>
        </p>
        {canExport ? (
          <a
            className="button button--secondary button--sm vc-texts-panel__export"
            href={voiceApi.textsCsvUrl(orgId, { ...scopeFilter(filters), ...listFilter(filters) }, language)}
            download
            title={t("voice.texts.exportHint")}
          >
            <VoiceIcon name="download" size={15} />
            {t("voice.texts.export")}
          </a>
        ) : null}
      </div>
      <div className="vc-toolbar" role="group" aria-label={t("voice.texts.filters")}>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.topic")}</span>
          <select className="input select input--compact" value={filters.topic ?? ""} onChange={(event) => onChange({ topic: (event.target.value || null) as VoiceFilters["topic"] })}>
            <option value="">{t("voice.filter.allTopics")}</option>
            {topicCodes.map((code) => (
              <option key={code} value={code}>
                {format.topic(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.sentiment")}</span>
          <select className="input select input--compact" value={filters.sentiment ?? ""} onChange={(event) => onChange({ sentiment: (event.target.value || null) as VoiceFilters["sentiment"] })}>
            <option value="">{t("voice.filter.allSentiments")}</option>
            {sentimentLabels.map((label) => (
              <option key={label} value={label}>
                {format.sentiment(label)}
              </option>
            ))}
          </select>
        </label>
        <label className="vc-select">
          <span className="vc-select__label">{t("voice.filter.emotion")}</span>
          <select className="input select input--compact" value={filters.emotion ?? ""} onChange={(event) => onChange({ emotion: (event.target.value || null) as VoiceFilters["emotion"] })}>
            <option value="">{t("voice.filter.allEmotions")}</option>
            {emotionCodes.map((code) => (
              <option key={code} value={code}>
                {format.emotion(code)}
              </option>
            ))}
          </select>
        </label>
        <form className="vc-search" role="search" onSubmit={submitSearch}>
          <label className="vc-select vc-search__field">
            <span className="vc-select__label">{t("voice.filter.search")}</span>
            <span className="vc-search__box">
              <VoiceIcon name="search" size={15} className="vc-search__icon" />
              <input
                type="search"
                className="input input--compact"
                value={search}
                maxLength={200}
                placeholder={t("voice.filter.searchPlaceholder")}
                onChange={(event) => setSearch(event.target.value)}
              />
            </span>
          </label>
          <Button type="submit" size="sm">
            {t("voice.filter.searchSubmit")}
          </Button>
        </form>
      </div>
      <div className="panel__body vc-texts-panel__body">{body}</div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
