// Voice of the customer and text analytics through the HTTP API, on every database: analysis on
// arrival, edits re-analysed, imports (CSV, JSON lines, the JSON API, NPS and Delighted files) with
// bad rows, duplicates and concurrency, and the analytics reads with their filters.
import { parse } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { useTestApp, type Client } from "../../../../test/app.js";
import { describeEachDatabase } from "../../../../test/db.js";
import { addApiKey, addMember, setupOwner } from "../../../../test/factories.js";
import { analyserVersion } from "../../../core/voice/analyse.js";
import { staleWorkMs, sweepStaleWork } from "../../jobs/index.js";

async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return { value, ms: Date.now() - start };
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDatabase("voice of the customer and text analytics", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId: string;
  let writer: Client;
  let reader: Client;
  let journeyId: string;
  const tp: string[] = [];
  const url = (path: string) => `/api/v1/orgs/${orgId}/${path}`;
  const period = "from=2025-01-01&to=2026-01-31";

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Voz"));
    writer = (await addApiKey(t, owner, orgId, "write")).client;
    reader = (await addApiKey(t, owner, orgId, "read")).client;
    const journey = await owner.post(url("journeys"), { name: "Compra" });
    journeyId = journey.body.id;
    const stage = await owner.post(url(`journeys/${journeyId}/stages`), { name: "Entrega" });
    for (const name of ["Envío a domicilio", "Tienda"]) {
      const created = await owner.post(url(`journeys/${journeyId}/touchpoints`), { stageId: stage.body.id, name, channel: name === "Tienda" ? "store" : "web" });
      expect(created.status, created.text).toBe(201);
      tp.push(created.body.id);
    }
  });

  it("analyses a comment posted through the public API within about a second, and again after it is edited", async () => {
    const posted = await writer.post(url("responses"), {
      touchpointId: tp[0],
      idempotencyKey: "order-1",
      answers: { nps: 3, comment: "El pedido llegó tarde y el paquete venía roto" },
    });
    expect(posted.status, posted.text).toBe(201);
    const responseId = posted.body.items[0].responseId as string;
    const db = t.ctx.db.kysely;
    const { value: first, ms } = await until(() => db.selectFrom("text_analyses").selectAll().where("response_id", "=", responseId).executeTakeFirst());
    console.log(`[${dialect}] comment analysed ${ms} ms after the API answered`);
    expect(ms).toBeLessThan(3000);
    expect(first).toMatchObject({ organisation_id: orgId, touchpoint_id: tp[0], journey_id: journeyId, sentiment: "negative", analyser_version: analyserVersion(), model: "lexicon" });
    expect(JSON.parse(first.topics).map((x: { code: string }) => x.code)).toContain("delivery");
    const highlights = JSON.parse(first.highlights) as Array<{ start: number; end: number; kind: string }>;
    expect(highlights.some((h) => "El pedido llegó tarde y el paquete venía roto".slice(h.start, h.end) === "roto")).toBe(true);

    t.clock.advance(60_000);
    const edited = await writer.post(url("responses"), { touchpointId: tp[0], idempotencyKey: "order-1", answers: { comment: "Todo perfecto, el personal fue muy amable" } });
    expect(edited.status, edited.text).toBe(201);
    const { value: second } = await until(async () => {
      const row = await db.selectFrom("text_analyses").selectAll().where("response_id", "=", responseId).executeTakeFirst();
      return row && row.sentiment === "positive" ? row : null;
    });
    expect(JSON.parse(second.topics).map((x: { code: string }) => x.code)).toContain("staff");
    const topics = await db.selectFrom("text_topics").select("topic").where("text_id", "=", responseId).execute();
    expect(topics.map((x) => x.topic)).not.toContain("delivery");
  });

  it("imports a CSV file streamed as the raw body, reporting rejected rows with reasons and skipping duplicates", async () => {
    const csv = [
      "source,text,date,rating,author,url,touchpoint",
      'review,"La entrega tardó dos semanas, fatal",2026-01-10,1,ana,,Envío a domicilio',
      'review,"Muy buen precio y atención excelente",2026-01-11T10:00:00Z,5,ben@example.com,,Tienda',
      'social,"El repartidor fue muy amable 😊",2026-01-12 09:30,,carla,https://x.example/1,',
      'review,,2026-01-12,3,dan,,', // missing text
      'review,"Sin fecha válida",ayer,3,eva,,', // invalid date
      'review,"Nota rara",2026-01-12,siete,fer,,', // invalid rating
      'fax,"Fuente desconocida",2026-01-12,,gus,,', // invalid source
      'review,"Tienda que no existe",2026-01-12,,hugo,,Marte', // unknown touchpoint
      'review,"La entrega tardó dos semanas, fatal",2026-01-10,1,ana,,Envío a domicilio', // duplicate in the file
      'social,"Otro texto, misma URL",2026-01-13,,iris,https://x.example/1,', // duplicate by URL
    ].join("\n");
    const reply = await writer.request("POST", url(`voice/imports?kind=voice&touchpointId=${tp[0]}&fileName=reviews.csv`), csv, { "content-type": "text/csv" });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ status: "completed", format: "csv", rowsRead: 10, accepted: 3, rejected: 5, duplicates: 2, progress: 1, fileName: "reviews.csv" });
    expect(reply.body.rejections).toEqual([
      { row: 4, code: "missing_text", field: "text" },
      { row: 5, code: "invalid_date", field: "date" },
      { row: 6, code: "invalid_rating", field: "rating" },
      { row: 7, code: "invalid_source", field: "source" },
      { row: 8, code: "unknown_touchpoint", field: "touchpoint" },
    ]);
    // Uploading the same file again stores nothing twice.
    const again = await writer.request("POST", url(`voice/imports?touchpointId=${tp[0]}`), csv, { "content-type": "text/csv" });
    expect(again.body).toMatchObject({ status: "completed", accepted: 0, duplicates: 5 });
    // Every accepted item is analysed when the import answers.
    const items = await t.ctx.db.kysely.selectFrom("voice_items").innerJoin("text_analyses", "text_analyses.id", "voice_items.id").select(["voice_items.touchpoint_id", "text_analyses.source", "text_analyses.sentiment"]).where("voice_items.organisation_id", "=", orgId).execute();
    expect(items).toHaveLength(3);
    expect(items.filter((i) => i.touchpoint_id === tp[1])).toHaveLength(1);
    const authors = await t.ctx.db.kysely.selectFrom("voice_items").select("author_ref").where("organisation_id", "=", orgId).execute();
    expect(authors.map((a) => a.author_ref)).toEqual(expect.arrayContaining(["ana", expect.stringMatching(/^e:[0-9a-f]{32}$/)]));
    expect(JSON.stringify(authors)).not.toContain("example.com");
    const polled = await reader.get(url(`voice/imports/${reply.body.id}`));
    expect(polled.body).toMatchObject({ id: reply.body.id, accepted: 3 });
  });

  it("fails a CSV whose header lacks the text column, announced, with nothing half-stored", async () => {
    const reply = await writer.request("POST", url("voice/imports"), "source,date\nreview,2026-01-01\n", { "content-type": "text/csv" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: "failed", accepted: 0, error: "missing_column", errorDetail: "text" });
  });

  it("rejects rows in another encoding and a 10 MB line, and keeps going; a broken quote stops the import, announced", async () => {
    const latin1 = Buffer.concat([Buffer.from("text,date\n"), Buffer.from("Atenci\xf3n p\xe9sima,2026-01-05\n", "latin1"), Buffer.from("Todo bien,2026-01-05\n")]);
    const long = `"${"a".repeat(10 * 1024 * 1024)}",2026-01-05\n`;
    const body = Buffer.concat([latin1, Buffer.from(long), Buffer.from("Entrega rápida,2026-01-06\n")]);
    const reply = await writer.request("POST", url("voice/imports"), body, { "content-type": "text/csv" });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ status: "completed", accepted: 2, rowsRead: 4 });
    expect(reply.body.rejections).toEqual([
      { row: 1, code: "invalid_encoding" },
      { row: 3, code: "text_too_long", field: "text" },
    ]);

    const broken = await writer.request("POST", url("voice/imports"), 'text,date\nAntes del error,2026-01-07\n"sin cerrar,2026-01-07\nDespués,2026-01-07\n', { "content-type": "text/csv" });
    expect(broken.body, broken.text).toMatchObject({ status: "failed", accepted: 1 });
    expect(broken.body).toMatchObject({ error: "csv_syntax", errorDetail: "quote_not_closed at line 4" });
  });

  it("imports JSON lines and the JSON API, with bad lines and items reported", async () => {
    const jsonl = [
      JSON.stringify({ source: "ticket", text: "No puedo pagar con tarjeta en la web", date: "2026-01-14", externalId: "T-1" }),
      "{not json",
      JSON.stringify({ source: "chat", text: "Gracias por la rapidez", date: "2026-01-14T12:00:00+02:00", touchpointId: tp[1] }),
      JSON.stringify(["an", "array"]),
      JSON.stringify({ source: "ticket", text: "Otra vez el mismo ticket", date: "2026-01-14", externalId: "T-1" }),
    ].join("\n");
    const reply = await writer.request("POST", url("voice/imports"), jsonl, { "content-type": "application/x-ndjson" });
    expect(reply.body).toMatchObject({ status: "completed", format: "jsonl", accepted: 2, rejected: 2, duplicates: 1 });
    expect(reply.body.rejections).toEqual([
      { row: 2, code: "invalid_row" },
      { row: 4, code: "invalid_row" },
    ]);

    const api = await writer.post(url("voice/items"), {
      touchpointId: tp[0],
      items: [{ source: "review", text: "El envío llegó roto y nadie responde", date: "2026-01-15", rating: 1 }, { text: "" }, "x"],
    });
    expect(api.status, api.text).toBe(201);
    expect(api.body).toMatchObject({ format: "json", accepted: 1, rejected: 2 });
    expect((await reader.post(url("voice/items"), { items: [{ text: "x", date: "2026-01-01" }] })).status).toBe(403);
  });

  it("takes a file in two steps so the dashboard can poll the import while it uploads", async () => {
    const created = await owner.post(url("voice/imports"), { kind: "voice", format: "csv", fileName: "b.csv", bytesTotal: 60, source: "review" });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: "waiting", bytesTotal: 60 });
    const id = created.body.id as string;
    const uploaded = await owner.request("PUT", url(`voice/imports/${id}/content`), "text,date\nPrecio caro para lo que es,2026-01-03\n", { "content-type": "text/csv" });
    expect(uploaded.status, uploaded.text).toBe(200);
    expect(uploaded.body).toMatchObject({ id, status: "completed", accepted: 1 });
    const twice = await owner.request("PUT", url(`voice/imports/${id}/content`), "text,date\nx,2026-01-03\n", { "content-type": "text/csv" });
    expect(twice.status).toBe(409);
    const list = await reader.get(url("voice/imports"));
    expect(list.body.imports.map((i: { id: string }) => i.id)).toContain(id);
    const item = await t.ctx.db.kysely.selectFrom("voice_items").select("source").where("import_id", "=", id).executeTakeFirstOrThrow();
    expect(item.source).toBe("review");
  });

  it("announces an import left running by a server that stopped as interrupted", async () => {
    const created = await owner.post(url("voice/imports"), { kind: "voice", format: "csv" });
    await t.ctx.db.kysely.updateTable("voice_imports").set({ status: "running", accepted: 500, updated_at: t.clock.now - staleWorkMs - 1 }).where("id", "=", created.body.id).execute();
    await sweepStaleWork(t.ctx);
    const polled = await reader.get(url(`voice/imports/${created.body.id}`));
    expect(polled.body).toMatchObject({ status: "interrupted", accepted: 500, error: "server_stopped" });
  });

  it("keeps concurrent imports of the same file from storing anything twice", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `review,"Reseña número ${i}: la entrega fue ${i % 2 ? "rápida" : "lenta"}",2026-01-0${1 + (i % 9)}`);
    const csv = ["source,text,date", ...rows].join("\n");
    const replies = await Promise.all([0, 1, 2].map(() => writer.request("POST", url("voice/imports"), csv, { "content-type": "text/csv" })));
    const accepted = replies.reduce((sum, r) => sum + r.body.accepted, 0);
    const duplicates = replies.reduce((sum, r) => sum + r.body.duplicates, 0);
    expect(replies.map((r) => r.body.status)).toEqual(["completed", "completed", "completed"]);
    expect(accepted).toBe(300);
    expect(duplicates).toBe(600);
    const stored = await t.ctx.db.kysely.selectFrom("voice_items").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", orgId).where("text", "like", "Reseña número%").executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(300);
  });

  it("turns a generic NPS CSV and a Delighted export into NPS responses at a touchpoint, e-mails hashed", async () => {
    const generic = ["score,comment,date,email", "9,Muy rápido el envío,2026-01-02,Ana@Example.com", "3,Nunca llegó,2026-01-03,", "11,fuera de rango,2026-01-03,", "7,,2026-01-04,bob@example.com"].join("\n");
    const reply = await writer.request("POST", url(`voice/imports?kind=nps&touchpointId=${tp[0]}`), generic, { "content-type": "text/csv" });
    expect(reply.body).toMatchObject({ status: "completed", accepted: 3, rejected: 1 });
    expect(reply.body.rejections).toEqual([{ row: 3, code: "invalid_score", field: "score" }]);
    const stored = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("organisation_id", "=", orgId).where("source", "=", "import").orderBy("started_at").execute();
    expect(stored.map((r) => r.nps)).toEqual([9, 3, 7]);
    expect(stored[0]!.customer_ref).toMatch(/^e:[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toContain("example.com");
    // Their comments are analysed by the job like any form comment.
    await t.app.text.analysis.drain();
    const analysed = await t.ctx.db.kysely.selectFrom("text_analyses").select("id").where("response_id", "in", stored.map((r) => r.id)).execute();
    expect(analysed).toHaveLength(2);

    const delighted = [
      "Response ID,Email,Name,Score,Comment,Response Timestamp,Permalink,Survey Type",
      "1001,carla@example.com,Carla,10,Excelente atención,2026-01-05 10:00:00 UTC,https://app.delighted.com/r/abc,nps",
      "1002,,,0,Pésimo servicio,1767600000,https://app.delighted.com/r/def,nps",
      "1003,,,4,Encuesta CSAT,1767600000,https://app.delighted.com/r/ghi,csat",
    ].join("\n");
    const imported = await writer.request("POST", url(`voice/imports?kind=delighted&touchpointId=${tp[1]}`), delighted, { "content-type": "text/csv" });
    expect(imported.body).toMatchObject({ status: "completed", accepted: 2, rejected: 1 });
    expect(imported.body.rejections).toEqual([{ row: 3, code: "invalid_score", field: "survey_type" }]);
    const again = await writer.request("POST", url(`voice/imports?kind=delighted&touchpointId=${tp[1]}`), delighted, { "content-type": "text/csv" });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    // The scores flow into the score API (rollups), marked with source import.
    const scores = await reader.get(url(`scores/touchpoints/${tp[1]}?${period}&source=import`));
    expect(scores.status, scores.text).toBe(200);
  });

  it("reads sentiment and inferred emotions by topic and touchpoint, trends, phrases and the texts with highlights", async () => {
    await t.app.text.analysis.drain();
    const summary = await reader.get(url(`text/summary?${period}`));
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.texts).toBeGreaterThan(300);
    const delivery = summary.body.topics.find((x: { topic: string }) => x.topic === "delivery");
    expect(delivery.mentions.count).toBeGreaterThan(5);
    expect(delivery.sentiment.n).toBe(delivery.mentions.count);
    for (const e of summary.body.emotions) expect(e.inferred).toBe(true);
    expect(summary.body.touchpoints.map((x: { touchpointId: string | null }) => x.touchpointId)).toEqual(expect.arrayContaining([tp[0], tp[1]]));
    const byTouchpoint = await reader.get(url(`text/summary?${period}&touchpointId=${tp[1]}&kind=voice`));
    expect(byTouchpoint.body.touchpoints.map((x: { touchpointId: string }) => x.touchpointId)).toEqual([tp[1]]);

    const stores = await reader.get(url(`text/summary?${period}&channel=store`));
    expect(stores.body.touchpoints.map((x: { touchpointId: string }) => x.touchpointId)).toEqual([tp[1]]);

    const trends = await reader.get(url(`text/trends?from=2026-01-01&to=2026-01-31&interval=week`));
    expect(trends.status, trends.text).toBe(200);
    expect(trends.body.points.reduce((s: number, p: { texts: number }) => s + p.texts, 0)).toBeGreaterThan(300);

    const phrases = await reader.get(url(`text/phrases?${period}`));
    expect(phrases.status).toBe(200);
    expect(phrases.body.phrases.length).toBeGreaterThan(0);

    const negative = await reader.get(url(`text/texts?${period}&topic=delivery&sentiment=negative&limit=2`));
    expect(negative.status, negative.text).toBe(200);
    expect(negative.body.texts).toHaveLength(2);
    for (const text of negative.body.texts) {
      expect(text.sentiment.label).toBe("negative");
      expect(text.topics.map((x: { code: string }) => x.code)).toContain("delivery");
      const marked = text.highlights.map((h: { start: number; end: number }) => text.text.slice(h.start, h.end));
      expect(marked.every((m: string) => m.length > 0)).toBe(true);
    }
    const next = await reader.get(url(`text/texts?${period}&topic=delivery&sentiment=negative&limit=2&cursor=${negative.body.nextCursor}`));
    expect(next.body.texts.map((x: { id: string }) => x.id)).not.toContain(negative.body.texts[0].id);

    const search = await reader.get(url(`text/texts?${period}&q=${encodeURIComponent("TARJETA")}`));
    expect(search.body.texts.map((x: { text: string }) => x.text)).toEqual(["No puedo pagar con tarjeta en la web"]);
    const tickets = await reader.get(url(`text/texts?${period}&source=ticket`));
    expect(tickets.body.texts.every((x: { source: string; kind: string }) => x.source === "ticket" && x.kind === "voice")).toBe(true);
    const angry = await reader.get(url(`text/texts?${period}&emotion=joy&limit=100`));
    for (const text of angry.body.texts) expect(text.emotions.map((e: { code: string; inferred: boolean }) => [e.code, e.inferred])).toContainEqual(["joy", true]);
    expect((await reader.get(url(`text/texts?cursor=nonsense`))).status).toBe(400);
    expect((await reader.get(url(`text/texts?topic=weather`))).status).toBe(400);
  });
  it("exports the texts as CSV with the list's filters, formulas and markup inert on the way back out; NPS comments too in the responses export", async () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\t=1+2 con tabulador", "<img src=x onerror=alert(1)>", "Entrega rápida, gracias"];
    const csv = ["source,text,date,rating", ...hostile.map((text, i) => `other,"${text.replace(/"/g, '""')}",2026-01-2${i},${(i % 5) + 1}`)].join("\n");
    const imported = await writer.request("POST", url(`voice/imports?kind=voice&touchpointId=${tp[1]}&fileName=hostile.csv`), csv, { "content-type": "text/csv" });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).toMatchObject({ status: "completed", accepted: hostile.length, rejected: 0 });

    const exported = await reader.request("GET", url(`text/texts.csv?${period}&source=other&touchpointId=${tp[1]}&lang=en`));
    expect(exported.status, exported.text).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    expect(exported.headers["content-disposition"]).toMatch(/^attachment; filename="momentos-texts-2025-01-01-2026-01-31\.csv"$/);
    expect(exported.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(exported.text.slice(1)) as string[][];
    expect(rows[0]).toEqual(["Date (UTC)", "Source", "Touchpoint", "Language", "Rating", "Text", "Sentiment", "Sentiment score", "Inferred emotions", "Topics", "Key phrases", "URL"]);
    const byText = new Map(rows.slice(1).map((r) => [r[5]!, r]));
    expect(rows, JSON.stringify(rows)).toHaveLength(hostile.length + 1);
    // Formula starters get one apostrophe, everything else stays exactly as written (newest first); the
    // import trims the leading tab, and the formula it hid is made inert.
    expect(rows.slice(1).map((r) => r[5])).toEqual(["Entrega rápida, gracias", "<img src=x onerror=alert(1)>", "'=1+2 con tabulador", "'@SUM(A1)", "'-2", "'+1+1", `'=HYPERLINK("http://x","y")`]);
    for (const [text, row] of byText) {
      expect(/^[=+\-@\t\r]/.test(text), text).toBe(false);
      expect(row[1]).toBe("other");
      expect(row[2]).toBe("Tienda");
      expect(row[6]).toMatch(/^(negative|neutral|positive)$/);
      expect(Number(row[7])).toBeGreaterThanOrEqual(-1);
    }
    expect(byText.get(`'=HYPERLINK("http://x","y")`)).toBeDefined();
    expect(byText.get("'+1+1")).toBeDefined();
    expect(byText.get("'-2")).toBeDefined();
    expect(byText.get("'@SUM(A1)")).toBeDefined();
    expect(byText.get("<img src=x onerror=alert(1)>")).toBeDefined();
    expect(byText.get("Entrega rápida, gracias")![4]).toBe("2/5");

    // The list's filters apply; the header follows the requester's language; viewers may not export.
    const spanish = await reader.request("GET", url(`text/texts.csv?${period}&source=other&touchpointId=${tp[1]}&q=entrega`), undefined, { "accept-language": "es" });
    const spanishRows = parse(spanish.text.slice(1)) as string[][];
    expect(spanishRows[0]![0]).toBe("Fecha (UTC)");
    expect(spanishRows.slice(1).map((r) => r[5])).toEqual(["Entrega rápida, gracias"]);
    expect((await reader.request("GET", url(`text/texts.csv?sentiment=furious`))).status).toBe(400);
    const viewer = (await addMember(t, owner, orgId, "viewer")).client;
    expect((await viewer.request("GET", url(`text/texts.csv?${period}`))).status).toBe(403);
    expect((await viewer.request("GET", url(`text/texts?${period}`))).status).toBe(200);

    // An NPS CSV whose comment is a formula comes out inert in the responses export.
    const nps = ["score,comment,date", '2,"=HYPERLINK(""http://x"",""y"")",2026-01-25', "8,+cmd|' /C calc'!A0,2026-01-26"].join("\n");
    const npsImport = await writer.request("POST", url(`voice/imports?kind=nps&touchpointId=${tp[0]}`), nps, { "content-type": "text/csv" });
    expect(npsImport.body).toMatchObject({ status: "completed", accepted: 2 });
    const responses = await reader.request("GET", url(`exports/responses.csv?from=2026-01-25&to=2026-01-26&source=import&lang=en`));
    expect(responses.status, responses.text).toBe(200);
    const responseRows = parse(responses.text.slice(1)) as string[][];
    const comment = responseRows[0]!.indexOf("Comment");
    expect(responseRows.slice(1).map((r) => r[comment])).toEqual([`'=HYPERLINK("http://x","y")`, "'+cmd|' /C calc'!A0"]);
  });
});

