// The Responses tab of a touchpoint's form page: its recent responses, newest first, with "load more"
// (cursor pages), partial responses marked with the last question reached, hidden fields in an
// expandable row, and, for admins, the submissions dropped over 30 days by reason. A table on wide
// screens, stacked cards on a phone. Comments are customer text: always rendered as text nodes.
import { useState } from "react";
import { roleCan, type Role } from "../../../core/roles.js";
import type { FormVariant } from "../../../core/forms/questions.js";
import { useI18n } from "../../i18n.js";
import { Link } from "../../router.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { EmptyState, Spinner } from "../../ui/page.js";
import { useCursorList } from "../../ui/use-cursor-list.js";
import { DropsPanel } from "./drops-panel.js";
import { ResponseIcon } from "./response-icons.js";
import { ResponseRow } from "./response-row.js";
import { responsesApi, type RecentResponse } from "./responses-api.js";
import "./responses.css";

export function ResponsesPanel({
  orgId,
  touchpointId,
  touchpointName,
  variant,
  role,
  shareHref,
}: {
  orgId: string;
  touchpointId: string;
  touchpointName: string;
  /** The form's current variant: it names the rating columns (CSAT or brand love, effort or usefulness). */
  variant: FormVariant;
  role: Role | null;
  /** The form page's Share tab, offered when there is nothing to show yet. */
  shareHref: string;
}) {
  const { t, tn } = useI18n();
  const [refreshing, setRefreshing] = useState(false);
  const { items, cursor, error, loadingMore, announcement, loadMore, reload } = useCursorList<RecentResponse>({
    key: JSON.stringify([orgId, touchpointId]),
    fetchPage: (cursor) => responsesApi.listRecent(orgId, touchpointId, cursor),
    loaded: (count) => tn("responses.loaded", count),
    focus: (id) => document.getElementById(`response-${id}`)?.focus(),
  });

  const refresh = async () => {
    setRefreshing(true);
    await reload();
    setRefreshing(false);
  };

  const canSeeDrops = role !== null && roleCan(role, "configure");
  const satisfaction = variant === "relationship" ? t("responses.column.brandLove") : t("responses.column.csat");
  const effort = variant === "content" ? t("responses.column.usefulness") : t("responses.column.ces");
  const columns = {
    time: t("responses.column.time"),
    emotion: t("responses.column.emotion"),
    satisfaction,
    effort,
    nps: t("responses.column.nps"),
    comment: t("responses.column.comment"),
    source: t("responses.column.source"),
    status: t("responses.column.status"),
  };

  let body;
  if (items === null) {
    body = error ? (
      <Callout tone="danger">
        {t("responses.loadError")} {error}
      </Callout>
    ) : (
      <Spinner label={t("common.loading")} />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState icon={<ResponseIcon name="inbox" size={22} />} title={t("responses.empty.title")}>
        <p>{t("responses.empty.text")}</p>
        <Link to={shareHref} className="button button--primary">
          <ResponseIcon name="share" />
          {t("responses.empty.share")}
        </Link>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className="rsp-scroll">
          {/* Explicit roles keep the table a table for screen readers when a phone lays it out as cards. */}
          <table className="rsp-table" role="table">
            <caption className="visually-hidden">{t("responses.caption", { touchpoint: touchpointName })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">{columns.time}</th>
                <th role="columnheader" scope="col">{columns.emotion}</th>
                <th role="columnheader" scope="col" className="rsp-num">
                  {columns.satisfaction}
                </th>
                <th role="columnheader" scope="col" className="rsp-num">
                  {columns.effort}
                </th>
                <th role="columnheader" scope="col" className="rsp-num">
                  {columns.nps}
                </th>
                <th role="columnheader" scope="col">{columns.comment}</th>
                <th role="columnheader" scope="col">{columns.source}</th>
                <th role="columnheader" scope="col">{columns.status}</th>
                <th role="columnheader" scope="col">
                  <span className="visually-hidden">{t("responses.column.details")}</span>
                </th>
              </tr>
            </thead>
            {items.map((response) => (
              <ResponseRow key={response.id} response={response} columns={columns} />
            ))}
          </table>
        </div>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <div className="rsp-footer">
          <p className="rsp-footer__count">{tn("responses.count", items.length)}</p>
          {cursor ? (
            <Button onClick={() => void loadMore()} busy={loadingMore}>
              {loadingMore ? t("responses.loadingMore") : t("responses.loadMore")}
            </Button>
          ) : (
            <p className="rsp-footer__end">{t("responses.allLoaded")}</p>
          )}
        </div>
      </>
    );
  }

  return (
    <div className={canSeeDrops ? "responses responses--with-drops" : "responses"}>
      <section className="panel responses__list" aria-labelledby="responses-title">
        <div className="panel__header">
          <div>
            <h2 className="panel__title" id="responses-title">
              {t("responses.title")}
            </h2>
            <p className="panel__description">{t("responses.description")}</p>
          </div>
          {items !== null ? (
            <div className="panel__actions">
              <Button size="sm" onClick={() => void refresh()} busy={refreshing}>
                <ResponseIcon name="refresh" />
                {t("responses.refresh")}
              </Button>
            </div>
          ) : null}
        </div>
        <div className="panel__body panel__body--flush">{body}</div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </section>
      {canSeeDrops ? <DropsPanel orgId={orgId} touchpointId={touchpointId} /> : null}
    </div>
  );
}
