import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { setupOwner } from "../../../../test/factories.js";
import { formLimits } from "../../../core/forms/limits.js";
import { createIngestor } from "../../ingest/ingestor.js";
import { formScriptAsset } from "./assets.js";

/** The size budget of the complete form page, compressed: one TCP round trip (issue 4). */
const pageBudgetBytes = 14 * 1024;

let addressCounter = 0;
/** Every test answers from its own address, so the per-address rate limit stays out of the way. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

function token(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2)}-visit-token`.replace(/[^A-Za-z0-9_-]/g, "").padEnd(20, "x").slice(0, 60);
}

describeEachDatabase("public form page and answers", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let touchpointId = "";
  let closedTouchpointId = "";
  let code = "";
  let closedCode = "";

  async function formOf(tp: string) {
    const reply = await owner.get(`/api/v1/orgs/${orgId}/touchpoints/${tp}/form`);
    expect(reply.status, reply.text).toBe(200);
    return reply.body as { code: string; config: Record<string, unknown> };
  }

  function person(): Client {
    const client = t.client();
    client.ip = newAddress();
    return client;
  }

  function answer(client: Client, body: Record<string, unknown>, formCode = code) {
    return client.post(`/f/${formCode}/answers`, { timeOnPageMs: 5000, parameters: "", ...body });
  }

  async function row(responseId: string) {
    return t.ctx.db.kysely.selectFrom("responses").selectAll().where("id", "=", responseId).executeTakeFirst();
  }

  async function page(url: string, headers: Record<string, string> = {}) {
    const reply = await t.app.inject({ method: "GET", url, headers: { accept: "text/html,application/xhtml+xml", ...headers }, remoteAddress: newAddress() });
    const encoding = reply.headers["content-encoding"];
    const raw = reply.rawPayload;
    const html = encoding === "br" ? brotliDecompressSync(raw).toString() : encoding === "gzip" ? gunzipSync(raw).toString() : raw.toString();
    return { reply, html, compressedBytes: raw.length };
  }

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Aurora"));
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(journey.status, journey.text).toBe(201);
    const touchpoints = journey.body.stages.flatMap((s: { touchpoints: Array<{ id: string }> }) => s.touchpoints);
    touchpointId = touchpoints[0].id;
    closedTouchpointId = touchpoints[1].id;
    code = (await formOf(touchpointId)).code;
    const closed = await formOf(closedTouchpointId);
    closedCode = closed.code;
    const put = await owner.request("PUT", `/api/v1/orgs/${orgId}/touchpoints/${closedTouchpointId}/form`, { ...closed.config, open: false });
    expect(put.status, put.text).toBe(200);
    t.app.ingestor.forgetTouchpoint(closedTouchpointId);
  });

  it("serves the page in Spanish by default, in English with ?lang=en and in Portuguese from the browser's language, with no cookies", async () => {
    const spanish = await page(`/f/${code}`);
    expect(spanish.reply.statusCode).toBe(200);
    expect(spanish.reply.headers["content-type"]).toContain("text/html");
    expect(spanish.reply.headers["set-cookie"]).toBeUndefined();
    expect(spanish.html).toContain('<html lang="es">');
    expect(spanish.html).toContain("¿Qué sentiste con tu experiencia?");
    expect(spanish.html).toContain("Tienda Aurora me lo puso fácil.");
    expect(spanish.html).toContain("Muy insatisfecho/a");
    expect(spanish.html).toContain(`<script src="${formScriptAsset.url}" defer></script>`);
    expect(spanish.html).not.toMatch(/<script>/);
    expect(spanish.html).not.toMatch(/https?:\/\/(?!momentos\.test)/);
    const csp = String(spanish.reply.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'sha256-[^']+' 'sha256-[^']+'/);
    expect(spanish.reply.headers["cache-control"]).toBe("no-store");
    expect(csp).toContain("frame-ancestors 'none'");
    // Inside the website widget's frame, any site may frame it.
    const embedded = await page(`/f/${code}?source=widget&embed=1`);
    expect(String(embedded.reply.headers["content-security-policy"])).toContain("frame-ancestors *");
    expect(embedded.reply.headers["x-frame-options"]).toBeUndefined();
    expect(embedded.html).toContain('data-w="1"');

    const english = await page(`/f/${code}?lang=en`);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain("What did you feel about your experience?");
    const portuguese = await page(`/f/${code}`, { "accept-language": "pt-BR,pt;q=0.9" });
    expect(portuguese.html).toContain("O que você sentiu com a sua experiência?");
    const spain = await page(`/f/${code}`, { "accept-language": "es-ES" });
    expect(spain.html).toContain(">Enfado<");
    expect((await page(`/f/${code}`)).html).toContain(">Enojo<");
  });

  it("keeps the complete page (HTML, CSS, JavaScript, icon) within 14 KB compressed", async () => {
    const sizes: Record<string, number> = {};
    for (const encoding of ["br", "gzip"] as const) {
      const html = await page(`/f/${code}?source=qr&placement=Tienda%20Centro`, { "accept-encoding": encoding });
      expect(html.reply.headers["content-encoding"]).toBe(encoding);
      const script = await t.app.inject({ method: "GET", url: formScriptAsset.url, headers: { "accept-encoding": encoding } });
      expect(script.statusCode).toBe(200);
      expect(script.headers["content-encoding"]).toBe(encoding);
      expect(script.headers["cache-control"]).toContain("immutable");
      // The page links no stylesheet, font or image of its own: CSS is inline, the icon is data:.
      expect(html.html).not.toMatch(/<link rel="stylesheet"|<img /);
      expect(html.html).toContain('<link rel="icon" href="data:,">');
      sizes[`${encoding} html`] = html.compressedBytes;
      sizes[`${encoding} js`] = script.rawPayload.length;
      sizes[`${encoding} total`] = html.compressedBytes + script.rawPayload.length;
      sizes[`${encoding} uncompressed`] = Buffer.byteLength(html.html) + formScriptAsset.identity.length;
      expect(html.compressedBytes + script.rawPayload.length).toBeLessThanOrEqual(pageBudgetBytes);
    }
    console.log(`form page size [${dialect}]: ${JSON.stringify(sizes)}`);
  });

  it("answers 404 for an unknown code: a translated page for people, a problem document for programs", async () => {
    const people = await page(`/f/zzzzzzzzzz?lang=en`);
    expect(people.reply.statusCode).toBe(404);
    expect(people.html).toContain("We can&#39;t find this form");
    const spanish = await page(`/f/zzzzzzzzzz`);
    expect(spanish.html).toContain("No encontramos este formulario");
    const program = await t.client().get(`/f/zzzzzzzzzz`, { accept: "application/json" });
    expect(program.status).toBe(404);
    expect(program.headers["content-type"]).toContain("application/problem+json");
    expect(program.body.code).toBe("not_found");
    expect((await t.client().get(`/f/${"<script>"}`)).status).toBe(404);
    const post = await answer(person(), { visitToken: token("unknown"), answers: { csat: 5 } }, "zzzzzzzzzz");
    expect(post.status).toBe(404);
    expect(post.body.code).toBe("not_found");
  });

  it("answers 410 for a closed form: a translated page for people, form_closed for programs, and counts the drop", async () => {
    const people = await page(`/f/${closedCode}`);
    expect(people.reply.statusCode).toBe(410);
    expect(people.html).toContain("Este formulario ya no recibe respuestas");
    expect(people.html).toContain("Tienda Aurora");
    const program = await t.client().get(`/f/${closedCode}`);
    expect(program.status).toBe(410);
    expect(program.body.code).toBe("form_closed");
    const post = await answer(person(), { visitToken: token("closed"), answers: { csat: 5 } }, closedCode);
    expect(post.status).toBe(410);
    expect(post.body.code).toBe("form_closed");
    const drops = await owner.get(`/api/v1/orgs/${orgId}/ingestion-drops`);
    expect(drops.body.items).toContainEqual({ touchpointId: closedTouchpointId, reason: "form_closed", count: 1 });
  });

  it("saves each answer as it is given into one response, and a double submit stores nothing new", async () => {
    const client = person();
    const visitToken = token("partial");
    const first = await answer(client, { visitToken, answers: { emotion: { code: "joy" } }, timeOnPageMs: 4000 });
    expect(first.status, first.text).toBe(200);
    const id = first.body.responseId;
    // Acknowledged means committed: the row is there now.
    expect(await row(id)).toMatchObject({ emotion: "joy", intensity: null, completed_at: null, source: "link", started_at: t.clock.now - 4000 });
    expect((await answer(client, { visitToken, answers: { emotion: { code: "joy", intensity: 3 } } })).body.responseId).toBe(id);
    expect((await answer(client, { visitToken, answers: { csat: 4 } })).body.responseId).toBe(id);
    expect((await answer(client, { visitToken, answers: { csat: 5 } })).body.responseId).toBe(id);
    expect((await answer(client, { visitToken, answers: { ces: 6 } })).body.responseId).toBe(id);
    expect(await row(id)).toMatchObject({ csat: 5, ces: 6, nps: null, completed_at: null });
    const last = await Promise.all([1, 2, 3].map(() => answer(client, { visitToken, answers: { nps: 9 } })));
    expect(new Set(last.map((r) => r.body.responseId))).toEqual(new Set([id]));
    const stored = await row(id);
    expect(stored).toMatchObject({ emotion: "joy", intensity: 3, csat: 5, ces: 6, nps: 9, language: "es", variant: "universal" });
    expect(stored?.completed_at).toBe(t.clock.now);
    const count = await t.ctx.db.kysely
      .selectFrom("responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("dedupe_key", "=", `v:${touchpointId}:${visitToken}`)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("validates every question through HTTP", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["csat below 1", { csat: 0 }, "body.answers.csat"],
      ["csat above 5", { csat: 6 }, "body.answers.csat"],
      ["csat not whole", { csat: 2.5 }, "body.answers.csat"],
      ["csat as a string", { csat: "5" }, "body.answers.csat"],
      ["ces below 1", { ces: 0 }, "body.answers.ces"],
      ["ces above 7", { ces: 8 }, "body.answers.ces"],
      ["nps below 0", { nps: -1 }, "body.answers.nps"],
      ["nps above 10", { nps: 11 }, "body.answers.nps"],
      ["nps as null", { nps: null }, "body.answers.nps"],
      ["a relationship question on a universal form", { brand_love: 5 }, "body.answers.brand_love"],
      ["a content question on a universal form", { usefulness: 5 }, "body.answers.usefulness"],
      ["an unknown question", { mood: 5 }, "body.answers.mood"],
      ["an unknown emotion code", { emotion: { code: "happiness" } }, "body.answers.emotion.code"],
      ["an intensity of 4", { emotion: { code: "joy", intensity: 4 } }, "body.answers.emotion.intensity"],
      ["an intensity without an emotion", { emotion: { intensity: 2 } }, "body.answers.emotion.intensity"],
      ["a second emotion equal to the first", { emotion: { code: "joy", second: "joy" } }, "body.answers.emotion.second"],
      ["an unknown second emotion", { emotion: { code: "joy", second: "glee" } }, "body.answers.emotion.second"],
      ["a comment that is not text", { comment: 42 }, "body.answers.comment"],
      ["a comment over 2,000 characters", { comment: "a".repeat(formLimits.commentMax + 1) }, "body.answers.comment"],
      ["2,001 emoji", { comment: "😀".repeat(formLimits.commentMax + 1) }, "body.answers.comment"],
      ["no answer at all", {}, "body.answers"],
    ];
    const client = person();
    for (const [name, answers, field] of cases) {
      const reply = await answer(client, { visitToken: token("invalid"), answers });
      expect(reply.status, `${name}: ${reply.text}`).toBe(422);
      expect(reply.body.code, name).toBe("invalid_answer");
      expect(reply.body.errors.map((e: { field: string }) => e.field), name).toContain(field);
    }
    const notAnObject = await answer(client, { visitToken: token("invalid"), answers: [1, 2] });
    expect(notAnObject.status).toBe(422);
    const badToken = await answer(client, { visitToken: "short", answers: { csat: 5 } });
    expect(badToken.status).toBe(400);
    expect(badToken.body.code).toBe("validation_failed");
    const count = await t.ctx.db.kysely.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).where("touchpoint_id", "=", touchpointId).where("dedupe_key", "like", "%invalid%").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("answers a stored answer with exactly { responseId } as JSON, and refuses odd bodies and codes with field errors", async () => {
    const client = person();
    const stored = await t.app.inject({
      method: "POST",
      url: `/f/${code}/answers`,
      headers: { "content-type": "application/json", origin: "https://shop.example" },
      payload: JSON.stringify({ visitToken: token("shape"), answers: { nps: 8 }, timeOnPageMs: 4000 }),
      remoteAddress: client.ip,
    });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(stored.headers["access-control-allow-origin"]).toBe("*");
    expect(Object.keys(JSON.parse(stored.body))).toEqual(["responseId"]);
    expect((await row(JSON.parse(stored.body).responseId))?.nps).toBe(8);

    const extraField = await answer(client, { visitToken: token("shape"), answers: { nps: 8 }, source: "api" });
    expect(extraField.status).toBe(400);
    expect(extraField.body.code).toBe("validation_failed");
    const badTime = await answer(client, { visitToken: token("shape"), answers: { nps: 8 }, timeOnPageMs: "5000" });
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors.map((e: { field: string }) => e.field)).toContain("body.timeOnPageMs");
    const badLanguage = await answer(client, { visitToken: token("shape"), answers: { nps: 8 }, language: "fr" });
    expect(badLanguage.status).toBe(400);
    const longCode = await answer(client, { visitToken: token("shape"), answers: { nps: 8 } }, "a".repeat(65));
    expect(longCode.status).toBe(400);
    expect(longCode.body.errors.map((e: { field: string }) => e.field)).toContain("params.code");
    const shortCode = await answer(client, { visitToken: token("shape"), answers: { nps: 8 } }, "ab");
    expect(shortCode.status).toBe(404);
  });

  it("stores unicode, emoji and markup in comments verbatim, and shows them escaped on the page", async () => {
    const client = person();
    const emojiComment = "😀".repeat(formLimits.commentMax);
    const atLimit = await answer(client, { visitToken: token("emoji"), answers: { comment: emojiComment } });
    expect(atLimit.status, atLimit.text).toBe(200);
    expect((await row(atLimit.body.responseId))?.comment).toBe(emojiComment);

    const hostile = `Ñandú 👍🏽 señal — <script>alert("x")</script> <b>bold</b> & "quotes" 'single' عربى 中文`;
    const stored = await answer(client, { visitToken: token("markup"), answers: { comment: `  ${hostile}\r\n ` } });
    expect(stored.status, stored.text).toBe(200);
    expect((await row(stored.body.responseId))?.comment).toBe(hostile);

    // Without JavaScript, a post with an invalid answer comes back with the comment in the textarea: as text.
    const body = new URLSearchParams({ v: token("nojs-markup"), t: String(t.clock.now - 10_000), p: "", lang: "es", csat: "9", comment: `</textarea>${hostile}` });
    const reply = await client.request("POST", `/f/${code}`, body.toString(), { "content-type": "application/x-www-form-urlencoded", accept: "text/html" });
    expect(reply.status).toBe(422);
    expect(reply.text).not.toContain("<script>alert");
    expect(reply.text.split("</textarea>")).toHaveLength(2);
    expect(reply.text).toContain("&#60;/textarea&#62;Ñandú");
    expect(reply.text).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });

  it("records hidden fields, source and placement from the link's parameters", async () => {
    const parameters = "source=qr&placement=Tienda%20Centro&cr=C-42&order=O-1001&channel=web&store=Centro%20Norte&m_plan=gold&m___proto__=x&unknown=1";
    const reply = await answer(person(), { visitToken: token("hidden"), parameters, answers: { csat: 4 } });
    expect(reply.status, reply.text).toBe(200);
    const stored = await row(reply.body.responseId);
    expect(stored).toMatchObject({ source: "qr", placement: "Tienda Centro", customer_ref: "C-42", order_ref: "O-1001", channel: "web", store: "Centro Norte" });
    const meta = typeof stored?.hidden_fields === "string" ? JSON.parse(stored.hidden_fields) : stored?.hidden_fields;
    expect(meta).toEqual({ plan: "gold" });
  });

  it("refuses the honeypot and answers faster than a person can read, but lets an e-mail click through", async () => {
    const client = person();
    const honeypot = await answer(client, { visitToken: token("bot"), answers: { csat: 5 }, website: "http://spam.example" });
    expect(honeypot.status).toBe(422);
    expect(honeypot.body.code).toBe("spam_suspected");
    const fast = await answer(client, { visitToken: token("fast"), answers: { csat: 5 }, timeOnPageMs: 200 });
    expect(fast.body.code).toBe("spam_suspected");
    const noTime = await answer(client, { visitToken: token("notime"), answers: { csat: 5 }, timeOnPageMs: null });
    expect(noTime.body.code).toBe("spam_suspected");
    const email = await answer(client, { visitToken: token("email"), answers: { emotion: { code: "frustration" } }, timeOnPageMs: null, parameters: "source=email&emotion=frustration" });
    expect(email.status, email.text).toBe(200);
    expect(await row(email.body.responseId)).toMatchObject({ source: "email", emotion: "frustration" });
  });

  it("rate-limits one address, refills with time, and leaves other addresses alone", async () => {
    const flooder = person();
    const statuses: number[] = [];
    // Invalid answers cost no write, so the flood is cheap; the limit is checked before validation.
    for (let i = 0; i < 125; i++) statuses.push((await answer(flooder, { visitToken: token("flood"), answers: {} })).status);
    expect(statuses.slice(0, 120).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
    const limited = await answer(flooder, { visitToken: token("flood"), answers: { csat: 5 } });
    expect(limited.body.code).toBe("rate_limited");
    expect((await answer(person(), { visitToken: token("neighbour"), answers: { csat: 5 } })).status).toBe(200);
    t.clock.advance(2_000);
    expect((await answer(flooder, { visitToken: token("refilled"), answers: { csat: 5 } })).status).toBe(200);
  });

  it("rate-limits one touchpoint across addresses", async () => {
    const ingestor = createIngestor(t.ctx, t.app.log, { perTouchpoint: { burst: 3, perSecond: 0 } });
    try {
      const outcomes = [];
      for (let i = 0; i < 5; i++) {
        outcomes.push(
          await ingestor.recordPageAnswer({
            code,
            visitToken: token(`tp${i}`),
            answers: { nps: 10 },
            language: "es",
            parameters: { hidden: { customerReference: null, orderReference: null, channel: null, store: null, placement: null, meta: {} }, language: null, source: null, emotion: null, ignored: [] },
            timeOnPageMs: 3000,
            honeypot: null,
            clientAddress: newAddress(),
            userAgent: null,
          }),
        );
      }
      expect(outcomes.map((o) => (o.ok ? "stored" : o.reason))).toEqual(["stored", "stored", "stored", "rate_limited", "rate_limited"]);
    } finally {
      await ingestor.close();
    }
  });

  it("takes the whole form as one plain post without JavaScript, and a double submit stores one response", async () => {
    const client = person();
    const v = token("nojs");
    const fields = {
      v,
      t: String(t.clock.now - 30_000),
      p: "source=qr&placement=Caja%203&cr=C-7",
      lang: "es",
      website: "",
      emotion: "calm",
      intensity: "2",
      csat: "5",
      ces: "7",
      nps: "10",
      comment: "Todo perfecto",
    };
    const post = () =>
      client.request("POST", `/f/${code}`, new URLSearchParams(fields).toString(), { "content-type": "application/x-www-form-urlencoded", accept: "text/html" });
    const first = await post();
    expect(first.status, first.text).toBe(200);
    expect(first.text).toContain("¡Gracias!");
    expect(first.headers["set-cookie"]).toBeUndefined();
    expect((await post()).status).toBe(200);
    const rows = await t.ctx.db.kysely.selectFrom("responses").selectAll().where("dedupe_key", "=", `v:${touchpointId}:${v}`).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ emotion: "calm", intensity: 2, csat: 5, ces: 7, nps: 10, comment: "Todo perfecto", source: "qr", placement: "Caja 3", customer_ref: "C-7", completion_ms: 30_000 });
  });

  it("sends a plain post back with what to fix: nothing chosen, or sent too fast", async () => {
    const client = person();
    const send = (fields: Record<string, string>) =>
      client.request("POST", `/f/${code}`, new URLSearchParams({ v: token("nojs-err"), lang: "es", ...fields }).toString(), {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
      });
    const empty = await send({ t: String(t.clock.now - 10_000) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("Elige al menos una respuesta antes de enviar.");
    const fast = await send({ t: String(t.clock.now), csat: "4" });
    expect(fast.status).toBe(422);
    expect(fast.text).toContain("Espera unos segundos");
    expect(fast.text).toMatch(/name="csat" value="4" checked/);
    const program = await client.request("POST", `/f/${code}`, "csat=4", { "content-type": "application/x-www-form-urlencoded", accept: "application/json" });
    expect(program.status).toBe(422);
    expect(program.body.code).toBe("spam_suspected");
  });

  it("pre-answers the first question from an e-mail click and pipes the emotion into the comment question", async () => {
    const { html } = await page(`/f/${code}?emotion=frustration&source=email`);
    expect(html).toMatch(/name="emotion" value="frustration" checked/);
    expect(html).toContain("¿Con qué intensidad sentiste frustración?");
    expect(html).toContain("¿Qué hizo que sintieras frustración? Cuéntanoslo con tus palabras.");
    expect(html).toContain('data-m="1"');
  });

  it("keeps a closed form open for at most the cache time on other servers, and at once where the change was made", async () => {
    const journey = await owner.post(`/api/v1/orgs/${orgId}/journeys`, { name: "Caché" });
    expect(journey.status, journey.text).toBe(201);
    const stage = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey.body.id}/stages`, { name: "Etapa" });
    const touchpoint = await owner.post(`/api/v1/orgs/${orgId}/journeys/${journey.body.id}/touchpoints`, { stageId: stage.body.id, name: "Punto" });
    expect(touchpoint.status, touchpoint.text).toBe(201);
    const form = await formOf(touchpoint.body.id);
    expect((await page(`/f/${form.code}`)).reply.statusCode).toBe(200);
    const put = await owner.request("PUT", `/api/v1/orgs/${orgId}/touchpoints/${touchpoint.body.id}/form`, { ...form.config, open: false });
    expect(put.status, put.text).toBe(200);
    const cachedOrForgotten = (await page(`/f/${form.code}`)).reply.statusCode;
    expect([200, 410]).toContain(cachedOrForgotten);
    t.clock.advance(6_000);
    expect((await page(`/f/${form.code}`)).reply.statusCode).toBe(410);
  });

  it("stores what is queued when the ingestor closes", async () => {
    const ingestor = createIngestor(t.ctx, t.app.log, { commitMaxWaitMs: 60_000 });
    await ingestor.findFormByCode(code); // cached, so the answer reaches the queue without I/O
    const pending = ingestor.recordPageAnswer({
      code,
      visitToken: token("closing"),
      answers: { nps: 7 },
      language: "es",
      parameters: { hidden: { customerReference: null, orderReference: null, channel: null, store: null, placement: null, meta: {} }, language: null, source: null, emotion: null, ignored: [] },
      timeOnPageMs: 3000,
      honeypot: null,
      clientAddress: newAddress(),
      userAgent: null,
    });
    await new Promise((resolve) => setImmediate(resolve));
    await ingestor.close();
    const outcome = await pending;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect((await row(outcome.responseId))?.nps).toBe(7);
  });

  it("counts drops per touchpoint and reason for admins", async () => {
    const drops = await owner.get(`/api/v1/orgs/${orgId}/ingestion-drops?days=7`);
    expect(drops.status).toBe(200);
    const reasons = new Map<string, number>(
      drops.body.items.filter((d: { touchpointId: string }) => d.touchpointId === touchpointId).map((d: { reason: string; count: number }) => [d.reason, d.count]),
    );
    expect(reasons.get("invalid_answer")).toBeGreaterThanOrEqual(20);
    expect(reasons.get("spam_suspected")).toBeGreaterThanOrEqual(3);
    expect(reasons.get("rate_limited")).toBeGreaterThanOrEqual(6);
  });
});
