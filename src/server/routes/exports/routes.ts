// Exports of responses as CSV and XLSX: every column a person needs, the analytics filters applied,
// header row in the requester's language, streamed page by page from the database to the client (a
// slow client slows the reading down; memory holds about one page), and inert in a spreadsheet.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { isLanguage, languages, negotiateLanguage, type Language } from "../../../core/i18n/languages.js";
import { translate } from "../../../core/i18n/messages.js";
import { listFieldKeys, readResponsePages } from "../../../db/queries/exports.js";
import { listTouchpointPlaces, resolveTouchpointScope } from "../../../db/queries/scores.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { filterQuery, periodsOf, placeQuery, presentPeriod, responseFilterOf } from "../scores/schema.js";
import { cellsOf, exportColumns, inertCsvCell, xlsxCell, type Cell } from "./cells.js";

/** The CSV and Excel writers are loaded on the first export (exceljs alone is ~27 MB resident): an idle server does not carry them. */
const loadCsvStringify = async () => (await import("csv-stringify")).stringify;
const loadExcelJs = async () => (await import("exceljs")).default;

/** Exporting takes every answer out of Momentos: analysts and above, and API keys (read or write). */
const exportResponses = "export" as const;
/** An XLSX sheet holds 1,048,576 rows; beyond that (header included) the export continues on another sheet. */
const rowsPerSheet = 1_048_575;

const exportQuery = filterQuery.extend({
  ...placeQuery.shape,
  lang: z.enum(languages).optional().describe("The header row's language. Default: the member's language, else the request's Accept-Language, else Spanish."),
});

const description =
  "Every response in scope (partial ones included), oldest first: ids, journey, stage and touchpoint (their current names), times in ISO 8601 UTC, " +
  "source, placement, language, device, each answer, the comment, the references and one column per own field (m_<key>). Every analytics filter " +
  "applies. Streamed as it is read, whatever the size. Safe in spreadsheets: ";

interface Prepared {
  language: Language;
  header: string[];
  rows: AsyncGenerator<Cell[]>;
  filename: string;
}

export function exportRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  async function prepare(request: FastifyRequest, orgId: string, query: z.infer<typeof exportQuery>, extension: string): Promise<Prepared> {
    const access = await requireOrganisation(request, ctx, orgId, exportResponses);
    const periods = periodsOf(query, ctx.clock());
    const touchpointIds = await resolveTouchpointScope(db, access.organisationId, query);
    if (touchpointIds === "not_found") throw problem("not_found");
    const filter = responseFilterOf(access.organisationId, periods.current, touchpointIds, query);
    const principal = request.principal;
    const memberLanguage = principal?.kind === "session" && isLanguage(principal.user.language) ? principal.user.language : undefined;
    const language = query.lang ?? memberLanguage ?? negotiateLanguage(request.headers["accept-language"]);
    const [places, fieldKeys] = await Promise.all([listTouchpointPlaces(db, access.organisationId), listFieldKeys(db, filter)]);
    const placeOf = new Map(places.map((p) => [p.id, p]));
    const columns = exportColumns(fieldKeys);
    async function* rows(): AsyncGenerator<Cell[]> {
      for await (const page of readResponsePages(db, filter)) for (const row of page) yield cellsOf(columns, row, placeOf.get(row.touchpoint_id));
    }
    const period = presentPeriod(periods.current);
    return { language, header: columns.map((c) => c.header(language)), rows: rows(), filename: `momentos-responses-${period.from}-${period.to}.${extension}` };
  }

  const attachment = (reply: FastifyReply, type: string, filename: string) =>
    reply.header("content-type", type).header("content-disposition", `attachment; filename="${filename}"`).header("cache-control", "no-store");

  app.get(
    "/api/v1/orgs/:orgId/exports/responses.csv",
    {
      schema: {
        tags: ["exports"],
        summary: "Export responses as CSV (text/csv)",
        description:
          description +
          "a text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe. UTF-8 with a byte-order mark (so spreadsheets read accents), " +
          "comma-separated, RFC 4180 quoting. Analysts and above, and API keys.",
        params: orgParams,
        querystring: exportQuery,
        response: problemResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const prepared = await prepare(request, request.params.orgId, request.query, "csv");
      const stringify = await loadCsvStringify();
      const csv = stringify({ bom: true });
      csv.write(prepared.header);
      const source = Readable.from(
        (async function* () {
          for await (const cells of prepared.rows) yield cells.map(inertCsvCell);
        })(),
      );
      pipeline(source, csv).catch((error: unknown) => request.log.error({ err: error }, "CSV export stopped"));
      attachment(reply, "text/csv; charset=utf-8", prepared.filename);
      // A stream is sent as it is (no serializer); the schema lists only the problem responses.
      return reply.send(csv as never);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/exports/responses.xlsx",
    {
      schema: {
        tags: ["exports"],
        summary: "Export responses as an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)",
        description:
          description +
          "text is written as string cells, never as formulas; numbers as numbers. Beyond 1,048,575 responses the rows continue on a second sheet. Analysts and above, and API keys.",
        params: orgParams,
        querystring: exportQuery,
        response: problemResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const prepared = await prepare(request, request.params.orgId, request.query, "xlsx");
      const ExcelJS = await loadExcelJs();
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheetName = translate(prepared.language, "export.sheet");
      (async () => {
        let sheets = 1;
        let sheet = workbook.addWorksheet(sheetName);
        sheet.addRow(prepared.header).commit();
        let inSheet = 0;
        for await (const cells of prepared.rows) {
          if (out.destroyed) return;
          if (inSheet === rowsPerSheet) {
            sheet.commit();
            sheet = workbook.addWorksheet(`${sheetName} ${++sheets}`);
            sheet.addRow(prepared.header).commit();
            inSheet = 0;
          }
          sheet.addRow(cells.map(xlsxCell)).commit();
          inSheet += 1;
          // Backpressure: wait while the client has not taken what was written (or has gone).
          while (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, "drain"), once(out, "close")]);
        }
        sheet.commit();
        await workbook.commit();
      })().catch((error: unknown) => {
        request.log.error({ err: error }, "XLSX export stopped");
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      attachment(reply, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", prepared.filename);
      return reply.send(out as never);
    },
  );
}
