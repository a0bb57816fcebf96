// A touchpoint's comments with their emotion and scores, newest first, a page at a time ("load more").
// A comment is untrusted text: it is rendered as a text node, never as HTML.
import { useCallback, useEffect, useId, useState } from "react";
import { emotionLabel, intensityLabels, valenceOf } from "../../../core/emotions.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { InsightIcon } from "../../ui/insight-icons.js";
import { Panel } from "../../ui/page.js";
import { insightsApi, type Verbatim } from "./insights-api.js";

export function Verbatims({ orgId, touchpointId }: { orgId: string; touchpointId: string }) {
  const { t, language, formatDateTime } = useI18n();
  const id = useId();
  const [items, setItems] = useState<Verbatim[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");

  const load = useCallback(
    async (from: string | null, replace: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await insightsApi.verbatims(orgId, touchpointId, { cursor: from, search });
        setItems((previous) => (replace ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
      } catch (problem) {
        setError(describeProblem(t, problem));
      } finally {
        setLoading(false);
      }
    },
    // `t` is left out on purpose: a change of language must not reload the list.
    [orgId, touchpointId, search],
  );

  useEffect(() => {
    void load(null, true);
  }, [load]);

  const withComment = items.filter((item) => item.comment && item.comment.trim().length > 0);

  return (
    <Panel title={t("insights.verbatims.title")} description={t("insights.verbatims.description")} labelledBy="tp-verbatims">
      <form
        className="verbatims__search"
        role="search"
        aria-label={t("insights.verbatims.searchLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(query.trim());
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-q`}>
          {t("insights.verbatims.searchLabel")}
        </label>
        <span className="verbatims__search-field">
          <InsightIcon name="search" size={15} />
          <input id={`${id}-q`} type="search" className="input" value={query} maxLength={200} placeholder={t("insights.verbatims.searchPlaceholder")} onChange={(e) => setQuery(e.target.value)} />
        </span>
        <Button type="submit">{t("insights.verbatims.search")}</Button>
      </form>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {withComment.length === 0 && !loading ? (
        <p className="insights__muted">{search ? t("insights.verbatims.noMatch") : t("insights.verbatims.none")}</p>
      ) : (
        <ol className="verbatims" aria-label={t("insights.verbatims.title")}>
          {withComment.map((item) => {
            const valence = item.emotion ? valenceOf(item.emotion.code) : 0;
            return (
              <li key={item.id} className="verbatim">
                <p className="verbatim__comment">{item.comment}</p>
                <p className="verbatim__meta">
                  {item.emotion ? (
                    <span className={`verbatim__emotion verbatim__emotion--${valence > 0 ? "positive" : valence < 0 ? "negative" : "neutral"}`}>
                      {emotionLabel(item.emotion.code, language)}
                      {item.emotion.intensity ? ` · ${intensityLabels[language][item.emotion.intensity as 1 | 2 | 3]}` : ""}
                    </span>
                  ) : null}
                  {item.nps !== null ? <span className="verbatim__chip">NPS {item.nps}</span> : null}
                  {item.csat !== null ? <span className="verbatim__chip">CSAT {item.csat}</span> : null}
                  {item.ces !== null ? <span className="verbatim__chip">CES {item.ces}</span> : null}
                  {item.startedAt ? (
                    <time className="verbatim__time" dateTime={item.startedAt}>
                      {formatDateTime(item.startedAt)}
                    </time>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <div className="verbatims__more">
        {loading ? <span className="insights__muted" role="status">{t("common.loading")}</span> : null}
        {cursor && !loading ? (
          <Button onClick={() => void load(cursor, false)}>{t("insights.verbatims.more")}</Button>
        ) : null}
      </div>
    </Panel>
  );
}
