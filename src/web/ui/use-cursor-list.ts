// A list read newest first in cursor pages with "load more" (the responses of a touchpoint, the Voice
// page's texts): the first page again whenever `key` changes, later pages appended with ids already
// shown skipped, a stale answer ignored, and for keyboard and screen-reader users the count of new
// items announced and the first of them focused.
import { useCallback, useEffect, useRef, useState } from "react";
import { describeProblem } from "../forms.js";
import { useI18n } from "../i18n.js";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export function useCursorList<T extends { id: string }>({
  key,
  fetchPage,
  loaded,
  focus,
}: {
  /** Names everything `fetchPage` reads: a change loads the first page again. */
  key: string;
  fetchPage(cursor: string | null): Promise<CursorPage<T>>;
  /** The announcement after a page: "N more loaded". */
  loaded(count: number): string;
  /** Moves focus to the item with this id. */
  focus(id: string): void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    setError(null);
    try {
      const page = await fetchPage(null);
      if (mine !== request.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (failure) {
      if (mine === request.current) setError(describeProblem(t, failure));
    }
    // `key` names everything `fetchPage` reads; `t` only words the error, a change of language must not reload.
  }, [key]);

  useEffect(() => {
    setItems(null);
    setLoadingMore(false);
    void reload();
  }, [reload]);

  const loadMore = async () => {
    if (!cursor || loadingMore) return;
    const mine = ++request.current;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await fetchPage(cursor);
      if (mine !== request.current) return;
      const known = new Set((items ?? []).map((item) => item.id));
      const added = page.items.filter((item) => !known.has(item.id));
      setItems([...(items ?? []), ...added]);
      setCursor(page.nextCursor);
      setAnnouncement(loaded(added.length));
      // Keyboard and screen-reader users go on reading from the first new item.
      if (added[0]) setFocusId(added[0].id);
    } catch (failure) {
      if (mine === request.current) setError(describeProblem(t, failure));
    } finally {
      if (mine === request.current) setLoadingMore(false);
    }
  };

  useEffect(() => {
    if (!focusId) return;
    focus(focusId);
    setFocusId(null);
  }, [focusId]);

  return { items, cursor, error, loadingMore, announcement, loadMore, reload };
}
