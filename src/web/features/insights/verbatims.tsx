// Comments with their emotion and scores (GET …/verbatims), newest first, a page at a time ("load
// more"), with the view's filters plus a search (case and accents ignored), emotion and NPS group.
// A comment is untrusted text: it is rendered as a text node, never as HTML.
import { useCallback, useEffect, useId, useState } from "react";
import { emotionCodes, emotionLabel, intensityLabels, valenceOf, type EmotionCode } from "../../../core/emotions.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { Panel } from "../../ui/page.js";
import type { Filters } from "./filters.js";
import { insightsApi, type NpsGroup, type Verbatim } from "./insights-api.js";

const npsGroups: NpsGroup[] = ["detractor", "passive", "promoter"];

export function Verbatims({ orgId, filters, showPlace = false }: { orgId: string; filters: Filters; showPlace?: boolean }) {
  const { t, language, formatDateTime } = useI18n();
  const id = useId();
  const [items, setItems] = useState<Verbatim[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState({ q: "", emotion: "" as EmotionCode | "", npsGroup: "" as NpsGroup | "" });
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (from: string | null, replace: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await insightsApi.verbatims(orgId, filters, { cursor: from, ...search });
        setItems((previous) => (replace ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
      } catch (problem) {
        setError(describeProblem(t, problem));
      } finally {
        setLoading(false);
      }
    },
    // `t` is left out on purpose: a change of language must not reload the list.
    [orgId, key, search],
  );

  useEffect(() => {
    void load(null, true);
  }, [load]);

  const filtered = Boolean(search.q || search.emotion || search.npsGroup);

  return (
    <Panel title={t("insights.verbatims.title")} description={t("insights.verbatims.description")} labelledBy="verbatims-title">
      <form
        className="verbatims__search"
        role="search"
        aria-label={t("insights.verbatims.filtersLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch((s) => ({ ...s, q: query.trim() }));
        }}
      >
        <div className="filter-bar__field verbatims__search-box">
          <label className="filter-bar__label" htmlFor={`${id}-q`}>
            {t("insights.verbatims.searchLabel")}
          </label>
          <span className="verbatims__search-field">
            <InsightIcon name="search" size={15} />
            <input id={`${id}-q`} type="search" className="input input--compact" value={query} maxLength={200} placeholder={t("insights.verbatims.searchPlaceholder")} onChange={(e) => setQuery(e.target.value)} />
          </span>
        </div>
        <div className="filter-bar__field">
          <label className="filter-bar__label" htmlFor={`${id}-emotion`}>
            {t("insights.verbatims.emotion")}
          </label>
          <select
            id={`${id}-emotion`}
            className="input select input--compact"
            value={search.emotion}
            onChange={(e) => setSearch((s) => ({ ...s, emotion: e.target.value as EmotionCode | "" }))}
          >
            <option value="">{t("insights.verbatims.anyEmotion")}</option>
            {emotionCodes.map((code) => (
              <option key={code} value={code}>
                {emotionLabel(code, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label className="filter-bar__label" htmlFor={`${id}-nps`}>
            {t("insights.verbatims.npsGroup")}
          </label>
          <select id={`${id}-nps`} className="input select input--compact" value={search.npsGroup} onChange={(e) => setSearch((s) => ({ ...s, npsGroup: e.target.value as NpsGroup | "" }))}>
            <option value="">{t("insights.verbatims.anyGroup")}</option>
            {npsGroups.map((group) => (
              <option key={group} value={group}>
                {t(`insights.verbatims.group.${group}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" size="sm">
          {t("insights.verbatims.search")}
        </Button>
      </form>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {items.length === 0 && !loading ? (
        <p className="insights__muted">{filtered ? t("insights.verbatims.noMatch") : t("insights.verbatims.none")}</p>
      ) : (
        <ol className="verbatims" aria-label={t("insights.verbatims.title")}>
          {items.map((item) => {
            const first = item.emotions[0];
            const valence = first ? valenceOf(first) : 0;
            return (
              <li key={item.id} className="verbatim">
                <p className="verbatim__comment">{item.comment}</p>
                <p className="verbatim__meta">
                  {item.emotions.map((code, index) => (
                    <span key={code} className={`verbatim__emotion verbatim__emotion--${valence > 0 ? "positive" : valence < 0 ? "negative" : "neutral"}`}>
                      {emotionLabel(code, language)}
                      {index === 0 && item.intensity ? ` · ${intensityLabels[language][item.intensity as 1 | 2 | 3]}` : ""}
                    </span>
                  ))}
                  {item.scores.nps !== null ? <span className="verbatim__chip">NPS {item.scores.nps}</span> : null}
                  {item.scores.csat !== null ? <span className="verbatim__chip">CSAT {item.scores.csat}</span> : null}
                  {item.scores.ces !== null ? <span className="verbatim__chip">CES {item.scores.ces}</span> : null}
                  {item.analysis ? (
                    <span className="verbatim__inferred" title={t("insights.verbatims.inferredTitle")}>
                      {t("insights.verbatims.inferred", { sentiment: t(`insights.verbatims.sentiment.${item.analysis.sentiment.label === "positive" || item.analysis.sentiment.label === "negative" ? item.analysis.sentiment.label : "neutral"}`) })}
                    </span>
                  ) : null}
                  {showPlace && item.touchpoint.name ? <span className="verbatim__place">{item.touchpoint.name}</span> : null}
                  <time className="verbatim__time" dateTime={item.startedAt}>
                    {formatDateTime(item.startedAt)}
                  </time>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <div className="verbatims__more">
        {loading ? (
          <span className="insights__muted" role="status">
            {t("common.loading")}
          </span>
        ) : null}
        {cursor && !loading ? <Button onClick={() => void load(cursor, false)}>{t("insights.verbatims.more")}</Button> : null}
      </div>
    </Panel>
  );
}
