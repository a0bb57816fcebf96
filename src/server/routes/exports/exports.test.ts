import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { KyselyPlugin } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, addMember, makeResponseWrite, setupOwner } from "../../../../test/factories.js";
import { readResponsePages } from "../../../db/queries/exports.js";
import { upsertResponses, type ResponseWrite } from "../../../db/queries/responses.js";
import { inertCsvCell } from "./cells.js";

const at = (date: string, second = 0) => Date.parse(`${date}T10:00:00Z`) + second * 1000;
const bulk = 20_000;
const payloads = ["=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"http://evil.test\",\"clic\")", "=cmd|' /C calc'!A0"];

describeEachDatabase("responses export", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let key = "";
  let journeyId = "";
  const tp: string[] = [];
  let base = "";
  let visit = 0;

  async function store(touchpointId: string, answers: Array<Partial<ResponseWrite>>, org = orgId): Promise<void> {
    for (let i = 0; i < answers.length; i += 200) {
      const writes = answers
        .slice(i, i + 200)
        .map((a) => makeResponseWrite({ organisation_id: org, journey_id: journeyId, touchpoint_id: touchpointId, dedupe_key: `k:exp-${++visit}`, source: "api", started_at: at("2026-01-10"), ...a }));
      await upsertResponses(t.ctx.db.kysely, writes, t.clock.now);
    }
  }

  async function download(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/api/v1/orgs/${orgId}/exports/${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
    const chunks: Buffer[] = [];
    const reader = response.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(Buffer.from(part.value));
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks), chunks: chunks.length };
  }
  const csvRows = (body: Buffer): string[][] => parse(body.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: false });

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Exporta"));
    key = (await addApiKey(t, owner, orgId, "read")).key;
    journeyId = (await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Compra" })).body.id;
    const stage = (await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/stages`, { name: "Recibir" })).body.id;
    for (const name of ["Entrega", "Devolución"]) tp.push((await owner.post(`/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints`, { stageId: stage, name, channel: "delivery" })).body.id);

    await store(tp[0]!, [
      {
        comment: "Llegó perfecto, ¡gracias! Ñandú en camión",
        emotion: "joy",
        intensity: 3,
        csat: 5,
        ces: 7,
        nps: 10,
        placement: "caja-azul",
        store: "Centro",
        channel: "email",
        customer_ref: "C-1",
        order_ref: "P-9",
        language: "es",
        device_class: "mobile",
        hidden_fields: JSON.stringify({ plan: "gold", region: "sur" }),
        started_at: at("2026-01-05"),
      },
      ...payloads.map((comment, i) => ({ comment, store: payloads[(i + 1) % payloads.length]!, nps: 0, hidden_fields: JSON.stringify({ plan: payloads[i]! }), started_at: at("2026-01-06", i) })),
    ]);
    await store(
      tp[1]!,
      Array.from({ length: bulk }, (_, i) => ({ nps: i % 11, csat: 1 + (i % 5), comment: i % 3 === 0 ? `Comentario número ${i}, con "comillas" y\nsalto` : null, started_at: at("2026-01-12", i % 50_000) })),
    );
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }, 120_000);

  const period = "from=2026-01-01&to=2026-01-15";

  it("streams 20,000 responses as CSV, chunked, every row complete", async () => {
    const before = process.memoryUsage().heapUsed;
    const reply = await download(`responses.csv?${period}&touchpointId=${tp[1]}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toBe('attachment; filename="momentos-responses-2026-01-01-2026-01-15.csv"');
    expect(reply.headers.get("content-length")).toBeNull();
    expect(reply.headers.get("transfer-encoding")).toBe("chunked");
    expect(reply.chunks).toBeGreaterThan(1);
    expect(reply.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvRows(reply.body);
    expect(rows).toHaveLength(bulk + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(bulk);
    const header = rows[0]!;
    const withComment = rows.find((r) => r[header.indexOf("Comentario")]?.startsWith("Comentario número 0,"))!;
    expect(withComment[header.indexOf("Comentario")]).toBe('Comentario número 0, con "comillas" y\nsalto');
    // For the report: the heap after streaming 20,000 rows (informative; the bound is proved below by the page reader).
    console.info(`[export] ${dialect}: ${reply.body.length} bytes in ${reply.chunks} chunks, heap ${Math.round((process.memoryUsage().heapUsed - before) / 1e6)} MB after`);
  }, 60_000);

  it("reads pages lazily, one page of at most pageSize rows per query", async () => {
    let queries = 0;
    let largest = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => {
        largest = Math.max(largest, args.result.rows.length);
        return args.result;
      },
    };
    const db = t.ctx.db.kysely.withPlugin(counting);
    const filter = { organisationId: orgId, fromDay: 0, toDay: 30_000, touchpointIds: [tp[1]!] };
    const pages = readResponsePages(db, filter, 1000);
    const first = await pages.next();
    expect(first.value).toHaveLength(1000);
    expect(queries).toBe(1); // nothing is read ahead of the consumer
    let rows = 1000;
    for await (const page of pages) rows += page.length;
    expect(rows).toBe(bulk);
    expect(queries).toBe(bulk / 1000 + 1); // the last, empty page ends it
    expect(largest).toBe(1000);
  }, 60_000);

  it("exports every column a person needs, with the brand's own fields as columns, headers in the requester's language", async () => {
    const es = csvRows((await download(`responses.csv?${period}&touchpointId=${tp[0]}`)).body);
    expect(es[0]).toEqual([
      "ID de respuesta", "Inicio (UTC)", "Completada (UTC)", "ID de recorrido", "Recorrido", "ID de etapa", "Etapa", "ID de punto de contacto",
      "Punto de contacto", "Canal del punto de contacto", "Origen", "Ubicación", "Idioma", "Dispositivo", "Tipo de formulario", "Versión del formulario",
      "Emoción", "Segunda emoción", "Intensidad (1–3)", "Satisfacción (1–5)", "Facilidad (1–7)", "Recomendación (0–10)", "Utilidad (1–7)",
      "Amor por la marca (1–7)", "Comentario", "Tiempo de respuesta (s)", "Referencia de cliente", "Referencia de pedido", "Canal declarado", "Tienda",
      "Campo m_plan", "Campo m_region",
    ]);
    const first = Object.fromEntries(es[0]!.map((h, i) => [h, es[1]![i]]));
    expect(first).toMatchObject({
      "Inicio (UTC)": "2026-01-05T10:00:00.000Z",
      Recorrido: "Compra",
      Etapa: "Recibir",
      "Punto de contacto": "Entrega",
      "Canal del punto de contacto": "delivery",
      Origen: "api",
      Ubicación: "caja-azul",
      Idioma: "es",
      Dispositivo: "mobile",
      Emoción: "joy",
      "Intensidad (1–3)": "3",
      "Recomendación (0–10)": "10",
      Comentario: "Llegó perfecto, ¡gracias! Ñandú en camión",
      "Referencia de cliente": "C-1",
      "Referencia de pedido": "P-9",
      "Canal declarado": "email",
      Tienda: "Centro",
      "Campo m_plan": "gold",
      "Campo m_region": "sur",
    });
    expect(csvRows((await download(`responses.csv?${period}&touchpointId=${tp[0]}&lang=en`)).body)[0]!.slice(0, 3)).toEqual(["Response ID", "Started (UTC)", "Completed (UTC)"]);
    const pt = await download(`responses.csv?${period}&touchpointId=${tp[0]}`, { "accept-language": "pt-BR,pt;q=0.9" });
    expect(csvRows(pt.body)[0]![0]).toBe("ID da resposta");
  });

  it("makes formula payloads inert in CSV", async () => {
    const rows = csvRows((await download(`responses.csv?${period}&touchpointId=${tp[0]}&lang=en`)).body);
    const header = rows[0]!;
    const column = (name: string) => rows.slice(2).map((r) => r[header.indexOf(name)]);
    const expected = payloads.map((p) => `'${p}`);
    expect(column("Comment")).toEqual(expected);
    expect(column("Store")).toEqual(payloads.map((_, i) => `'${payloads[(i + 1) % payloads.length]}`));
    expect(column("Field m_plan")).toEqual(expected);
    // Numbers stay numbers, and ordinary text is left alone.
    expect(inertCsvCell(-3)).toBe(-3);
    expect(inertCsvCell("hola = adiós")).toBe("hola = adiós");
    expect(inertCsvCell(null)).toBe("");
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes XLSX with string cells, never formulas", async () => {
    const reply = await download(`responses.xlsx?${period}&touchpointId=${tp[0]}&lang=en`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Responses")!;
    expect(sheet.rowCount).toBe(1 + 1 + payloads.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const commentColumn = header.indexOf("Comment") + 1;
    expect(sheet.getRow(2).getCell(commentColumn).value).toBe("Llegó perfecto, ¡gracias! Ñandú en camión");
    expect(sheet.getRow(2).getCell(header.indexOf("Recommendation (0–10)") + 1).value).toBe(10);
    payloads.forEach((payload, i) => {
      const cell = sheet.getRow(3 + i).getCell(commentColumn);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML turns a carriage return into a line feed when read: XLSX cells carry \n (still text, never a formula).
      expect(cell.value).toBe(payload.replace(/\r/g, "\n"));
      expect(cell.formula).toBeUndefined();
    });
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  it("streams 20,000 responses as XLSX", async () => {
    const reply = await download(`responses.xlsx?${period}&touchpointId=${tp[1]}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("transfer-encoding")).toBe("chunked");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Respuestas")!.rowCount).toBe(bulk + 1);
  }, 60_000);

  it("applies the analytics filters, and answers empty data with the header row alone", async () => {
    expect(csvRows((await download(`responses.csv?${period}&placement=caja-azul`)).body)).toHaveLength(2);
    expect(csvRows((await download(`responses.csv?${period}&field=m_region:sur`)).body)).toHaveLength(2);
    expect(csvRows((await download(`responses.csv?from=2026-01-06&to=2026-01-15&touchpointId=${tp[0]}`)).body)).toHaveLength(1 + payloads.length);
    const empty = csvRows((await download("responses.csv?from=2020-01-01&to=2020-01-31")).body);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toHaveLength(30); // no own-field columns when no response has one
    expect((await download(`responses.csv?field=plan:gold`)).status).toBe(400);
    expect((await download(`responses.xlsx?touchpointId=tp_nope`)).status).toBe(404);
  });

  it("needs the export permission: analysts and API keys, not viewers", async () => {
    const viewer = await addMember(t, owner, orgId, "viewer");
    expect((await viewer.client.get(`/api/v1/orgs/${orgId}/exports/responses.csv`)).status).toBe(403);
    expect((await viewer.client.get(`/api/v1/orgs/${orgId}/exports/responses.xlsx`)).status).toBe(403);
    const analyst = await addMember(t, owner, orgId, "analyst");
    const reply = await analyst.client.get(`/api/v1/orgs/${orgId}/exports/responses.csv?${period}&touchpointId=${tp[0]}`);
    expect(reply.status).toBe(200);
    expect(reply.text.split("\n")[0]).toContain("ID de respuesta");
    expect((await t.client().get(`/api/v1/orgs/${orgId}/exports/responses.csv`)).status).toBe(401);
  });

  it("never exports another organisation's responses", async () => {
    const other = await owner.post("/api/v1/orgs", { name: "Ajena" });
    const theirs = await owner.post(`/api/v1/orgs/${other.body.id}/journeys?template=ecommerce_purchase&language=es`, {});
    const theirTouchpoint = theirs.body.stages[0].touchpoints[0].id;
    await store(theirTouchpoint, [{ comment: "secreto de otra marca", started_at: at("2026-01-11") }], other.body.id);
    const mine = (await download(`responses.csv?${period}&placement=caja-azul`)).body.toString("utf8");
    expect(mine).not.toContain("secreto");
    const all = (await download(`responses.csv?${period}`)).body.toString("utf8");
    expect(all).not.toContain("secreto");
    expect((await download(`responses.csv?touchpointId=${theirTouchpoint}`)).status).toBe(404);
    const theirUrl = await fetch(`${base}/api/v1/orgs/${other.body.id}/exports/responses.csv`, { headers: { authorization: `Bearer ${key}` } });
    expect(theirUrl.status).toBe(404);
  });
});
