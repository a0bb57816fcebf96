// The journey's audit trail: who changed what and when, newest first, in sentences. Names of stages
// and touchpoints come from the event itself or, for edits, from the board (archived items included).
import { useCallback, useEffect, useState } from "react";
import type { MessageKey } from "../../../core/i18n/messages.js";
import { intlLocales } from "../../../core/i18n/messages.js";
import { isMessageKey } from "../../../core/i18n/messages.js";
import { describeProblem } from "../../forms.js";
import { useI18n } from "../../i18n.js";
import { Avatar } from "../../ui/brand.js";
import { Button } from "../../ui/button.js";
import { Callout } from "../../ui/callout.js";
import { EmptyState, Spinner } from "../../ui/page.js";
import { BoardIcon } from "./board-icons.js";
import { Drawer } from "./journey-ui.js";
import { journeysApi, type Journey, type JourneyAuditEvent } from "./journeys-api.js";

const pageSize = 30;

interface Details {
  name?: string;
  changes?: Record<string, unknown>;
  to?: number | { stageId: string; position: number };
  position?: number;
}

export function HistoryDrawer({ open, orgId, journeyId, onClose }: { open: boolean; orgId: string; journeyId: string; onClose(): void }) {
  const { t, language, formatRelative, formatDateTime } = useI18n();
  const [events, setEvents] = useState<JourneyAuditEvent[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [more, setMore] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    async (before?: string) => {
      try {
        const [page, board] = await Promise.all([
          journeysApi.auditEvents(orgId, journeyId, { limit: pageSize, ...(before ? { before } : {}) }),
          before ? Promise.resolve(null) : journeysApi.get(orgId, journeyId, { includeArchived: true }),
        ]);
        if (board) setNames(namesOf(board));
        setEvents((current) => (before && current ? [...current, ...page.items] : page.items));
        setMore(page.items.length === pageSize);
        setFailure(null);
      } catch (error) {
        setFailure(describeProblem(t, error));
      }
    },
    [orgId, journeyId],
  );

  useEffect(() => {
    if (!open) return;
    setEvents(null);
    void load();
  }, [open, load]);

  const list = new Intl.ListFormat(intlLocales[language], { type: "conjunction" });

  const sentence = (event: JourneyAuditEvent): string => {
    const details = (event.details ?? {}) as Details;
    const actor = event.actor.name ?? (event.actor.apiKeyId ? t("history.apiKey") : t("history.someone"));
    const name = details.name ?? names.get(event.targetId) ?? "…";
    const fields = list.format(
      Object.keys(details.changes ?? {}).map((field) => {
        const key = `history.field.${field}`;
        return isMessageKey(key) ? t(key) : field;
      }),
    );
    const key = `history.${event.action}`;
    if (!isMessageKey(key)) return t("history.other", { actor, action: event.action });
    let position: number | string = "";
    let stage = "";
    if (typeof details.to === "number") position = details.to + 1;
    else if (details.to && typeof details.to === "object") {
      position = details.to.position + 1;
      stage = names.get(details.to.stageId) ?? "…";
    }
    return t(key as MessageKey, { actor, name, fields, position, stage });
  };

  return (
    <Drawer open={open} onClose={onClose} title={t("history.title")} description={t("history.description")}>
      {failure ? <Callout tone="danger">{failure}</Callout> : null}
      {events === null ? (
        failure ? null : <Spinner label={t("common.loading")} />
      ) : events.length === 0 ? (
        <EmptyState icon={<BoardIcon name="history" size={20} />} title={t("history.empty")} />
      ) : (
        <>
          <ol className="history">
            {events.map((event) => (
              <li key={event.id} className="history__item">
                <Avatar name={event.actor.name ?? "API"} size="sm" />
                <div className="history__text">
                  <p className="history__sentence">{sentence(event)}</p>
                  <time className="history__when" dateTime={event.at} title={formatDateTime(event.at)}>
                    {formatRelative(event.at)}
                  </time>
                </div>
              </li>
            ))}
          </ol>
          {more ? (
            <Button size="sm" className="history__more" onClick={() => void load(events.at(-1)?.at)}>
              {t("history.more")}
            </Button>
          ) : null}
        </>
      )}
    </Drawer>
  );
}

function namesOf(board: Journey): Map<string, string> {
  const names = new Map<string, string>([[board.id, board.name]]);
  for (const stage of board.stages) {
    names.set(stage.id, stage.name);
    for (const touchpoint of stage.touchpoints) names.set(touchpoint.id, touchpoint.name);
  }
  return names;
}
