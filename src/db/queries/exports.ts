// Exports read responses in keyset pages (oldest first by start time, then id), one page at a time,
// so a file of millions of rows is streamed with the memory of one page. The analytics filters apply.
import type { Kdb, ResponsesTable } from "../tables.js";
import { dialectOf, distinctJsonKeys } from "../dialect.js";
import { whereResponses, type ResponseFilter } from "./response-filter.js";

/** Rows per page: large enough that round trips do not dominate, small enough to bound memory. */
export const exportPageSize = 1000;
/** At most this many of the brand's own fields become columns (a response holds at most 20). */
export const maxExportedFields = 100;

export type ExportRow = ResponsesTable;

/**
 * The responses `filter` selects, page by page. Lazy: a page is read only when the consumer asks for
 * it, so a slow client (backpressure) holds the reading back instead of filling memory.
 */
export async function* readResponsePages(db: Kdb, filter: ResponseFilter, pageSize = exportPageSize): AsyncGenerator<ExportRow[]> {
  const dialect = dialectOf(db);
  let after: { startedAt: number; id: string } | null = null;
  for (;;) {
    let query = whereResponses(db.selectFrom("responses").selectAll("responses"), filter, dialect);
    if (after) {
      const { startedAt, id } = after;
      query = query.where((eb) => eb.or([eb("responses.started_at", ">", startedAt), eb.and([eb("responses.started_at", "=", startedAt), eb("responses.id", ">", id)])]));
    }
    const page = await query.orderBy("responses.started_at").orderBy("responses.id").limit(pageSize).execute();
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { startedAt: Number(last.started_at), id: last.id };
  }
}

/**
 * The keys of the brand's own fields among the responses `filter` selects, sorted (at most
 * maxExportedFields): the export's extra columns, known before its first row. One query: the database
 * lists the keys, so no hidden fields travel before the rows do.
 */
export async function listFieldKeys(db: Kdb, filter: ResponseFilter): Promise<string[]> {
  const dialect = dialectOf(db);
  const rows = whereResponses(db.selectFrom("responses").select("responses.hidden_fields"), filter, dialect).where("responses.hidden_fields", "is not", null);
  const { rows: keys } = await distinctJsonKeys(rows, "hidden_fields", maxExportedFields, dialect).execute(db);
  // Sorted again here: the database's collation may order text otherwise than JavaScript does.
  return keys.map((k) => k.key).sort();
}
