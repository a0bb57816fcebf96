import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import Fastify from "fastify";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../../../test/db.js";
import { useTestApp, type Client } from "../../../../test/app.js";
import { addApiKey, addMember, setupOwner } from "../../../../test/factories.js";
import type { App } from "../../context.js";
import { widgetRoutes } from "./widget-routes.js";

describeEachDatabase("form settings and share assets API", (dialect) => {
  const t = useTestApp(dialect);
  let owner: Client;
  let orgId = "";
  let admin: { client: Client; userId: string };
  let viewer: { client: Client; userId: string };
  let readKey: Client;
  let writeKey: Client;
  let journey: { id: string; stages: Array<{ id: string; touchpoints: Array<{ id: string; name: string }> }> };
  let touchpointId = "";
  const formUrl = (tp = touchpointId) => `/api/v1/orgs/${orgId}/touchpoints/${tp}/form`;
  const put = (client: Client, body: unknown, tp = touchpointId) => client.request("PUT", formUrl(tp), body);

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Aurora"));
    admin = await addMember(t, owner, orgId, "admin");
    viewer = await addMember(t, owner, orgId, "viewer");
    readKey = (await addApiKey(t, owner, orgId, "read")).client;
    writeKey = (await addApiKey(t, owner, orgId, "write")).client;
    const created = await admin.client.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {});
    expect(created.status, created.text).toBe(201);
    journey = created.body;
    touchpointId = journey.stages.flatMap((s) => s.touchpoints).find((tp) => tp.name === "Apertura del paquete")!.id;
  });

  it("creates the touchpoint's form on first read: universal, open, version 1, with its public link", async () => {
    const reply = await viewer.client.get(formUrl());
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      touchpointId,
      touchpointName: "Apertura del paquete",
      journeyId: journey.id,
      version: 1,
      open: true,
      accepting: true,
      config: { variant: "universal", brandName: "Tienda Aurora", brandColour: "#1d4ed8", logoUrl: null, redirectUrl: null, open: true, wording: {} },
      colour: { meetsAa: true, shownAs: "#1d4ed8" },
    });
    expect(reply.body.code).toMatch(/^[2-9a-z]{10}$/);
    expect(reply.body.link).toBe(`http://momentos.test/f/${reply.body.code}`);
    const again = await readKey.get(formUrl());
    expect(again.body.code).toBe(reply.body.code);
    expect(again.body.id).toBe(reply.body.id);
  });

  it("lets admins reword a question: a new version, listed with who made it, and an audit event", async () => {
    const current = (await admin.client.get(formUrl())).body;
    const config = { ...current.config, wording: { es: { csat: "¿Qué tan contento/a quedaste con {experiencia}?" } }, experienceName: { es: "la apertura de tu paquete" } };
    const reply = await put(admin.client, config);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ version: 2, newVersion: true });
    expect(reply.body.config.wording).toEqual({ es: { csat: "¿Qué tan contento/a quedaste con {experiencia}?" } });
    expect(reply.body.config.experienceName).toEqual({ es: "la apertura de tu paquete" });

    const versions = await viewer.client.get(`${formUrl()}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[0].createdBy).toEqual({ userId: admin.userId, name: "admin person" });
    expect(versions.body.items[1].createdBy).toBeNull();
    expect(versions.body.items[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(versions.body.items[0].contentHash).not.toBe(versions.body.items[1].contentHash);
    expect(versions.body.items[1].config.wording).toEqual({});

    const audit = await owner.get(`/api/v1/orgs/${orgId}/audit-events`);
    const event = audit.body.items.find((e: { action: string }) => e.action === "form.updated");
    expect(event).toMatchObject({ targetType: "form", targetId: current.id });
    expect(event.details).toMatchObject({ touchpointId, version: 2, newVersion: true, changed: ["wording", "experienceName"] });
  });

  it("keeps the version when only the look or the behaviour changes, and warns about a low-contrast colour", async () => {
    const current = (await admin.client.get(formUrl())).body;
    const reply = await put(admin.client, {
      ...current.config,
      brandColour: "#FACC15",
      logoUrl: "https://cdn.aurora.example/logo.png",
      thankYou: { es: "¡Gracias por contárnoslo!" },
      redirectUrl: "https://aurora.example/gracias",
      open: false,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ version: 2, newVersion: false, open: false, accepting: false });
    expect(reply.body.config).toMatchObject({ brandColour: "#facc15", open: false, thankYou: { es: "¡Gracias por contárnoslo!" } });
    expect(reply.body.colour.meetsAa).toBe(false);
    expect(reply.body.colour.contrast).toBeLessThan(4.5);
    expect(reply.body.colour.shownAs).not.toBe("#facc15");

    const unchanged = await put(admin.client, reply.body.config);
    expect(unchanged.body).toMatchObject({ version: 2, newVersion: false });
    const reopened = await put(admin.client, { ...reply.body.config, open: true, brandColour: "#1d4ed8" });
    expect(reopened.body).toMatchObject({ open: true, accepting: true, version: 2 });
  });

  it("refuses to change a question's type, scale or order, and names the field", async () => {
    const current = (await admin.client.get(formUrl())).body.config;
    const cases: Array<[unknown, string]> = [
      [{ ...current, wording: { es: { brand_love: "Me encanta {marca}" } } }, "body.wording.es"],
      [{ ...current, wording: { en: { csat: "How was {shipping}?" } } }, "body.wording.en.csat"],
      [{ ...current, wording: { es: { emotion: "¿Qué sentiste, {emoción}?" } } }, "body.wording.es.emotion"],
      [{ ...current, questions: [{ id: "csat", scale: { min: 1, max: 10 } }] }, "body"],
      [{ ...current, redirectUrl: "javascript:alert(1)" }, "body.redirectUrl"],
      [{ ...current, logoUrl: "http://insecure.example/logo.png" }, "body.logoUrl"],
      [{ ...current, brandColour: "red" }, "body.brandColour"],
      [{ ...current, brandName: "   " }, "body.brandName"],
    ];
    for (const [body, field] of cases) {
      const reply = await put(admin.client, body);
      expect(reply.status, `${field}: ${reply.text}`).toBe(400);
      expect(reply.body.code).toBe("validation_failed");
      expect(reply.body.errors.map((e: { field: string }) => e.field).some((f: string) => f.startsWith(field)), `${field}: ${reply.text}`).toBe(true);
    }
    expect((await admin.client.get(formUrl())).body.version).toBe(2);
  });

  it("switches variant with a new version, accepting only that variant's rewordings", async () => {
    const tp = journey.stages[0]!.touchpoints[0]!.id;
    const current = (await admin.client.get(formUrl(tp))).body.config;
    const reply = await put(admin.client, { ...current, variant: "relationship", wording: { pt: { brand_love: "Eu adoro a {marca}." } } }, tp);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ version: 2, newVersion: true, config: { variant: "relationship" } });
  });

  it("lets only admins and owners change a form; viewers and API keys may read it", async () => {
    const current = (await owner.get(formUrl())).body.config;
    expect((await put(viewer.client, current)).status).toBe(403);
    expect((await put(writeKey, current)).status).toBe(403);
    expect((await put(readKey, current)).status).toBe(403);
    expect((await put(owner, current)).status).toBe(200);
    expect((await t.client().get(formUrl())).status).toBe(401);
    for (const path of ["", "/versions", "/share", "/qr.svg", "/qr.png", "/qr-card"]) {
      expect((await readKey.get(`${formUrl()}${path}`)).status, path).toBe(200);
    }
  });

  it("answers 404 for an unknown touchpoint and 409 when changing the form of a removed one", async () => {
    expect((await viewer.client.get(formUrl("tpt_doesnotexist"))).status).toBe(404);
    expect((await viewer.client.get(`${formUrl("tpt_doesnotexist")}/qr.svg`)).status).toBe(404);
    const tp = journey.stages[1]!.touchpoints[0]!;
    const config = (await admin.client.get(formUrl(tp.id))).body.config;
    const removed = await admin.client.delete(`/api/v1/orgs/${orgId}/journeys/${journey.id}/touchpoints/${tp.id}`);
    expect(removed.status, removed.text).toBeLessThan(300);
    const reply = await put(admin.client, config, tp.id);
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe("archived");
  });

  it("offers the link, the QR link with its placement, the widget snippet, the e-mail snippet and an API example", async () => {
    const form = (await viewer.client.get(formUrl())).body;
    const reply = await viewer.client.get(`${formUrl()}/share?lang=es&placement=${encodeURIComponent("Tienda Centro & Co")}`);
    expect(reply.status, reply.text).toBe(200);
    const share = reply.body;
    expect(share.link).toBe(`http://momentos.test/f/${form.code}`);
    expect(share.qrLink).toBe(`http://momentos.test/f/${form.code}?source=qr&placement=Tienda+Centro+%26+Co`);
    expect(share.widgetSnippet).toBe(
      `<script src="http://momentos.test/widget.js" data-touchpoint="${form.code}" data-trigger="delay" data-delay="10" data-days="30" async></script>`,
    );
    expect(share.apiExample).toContain("curl -X POST http://momentos.test/api/v1/responses");
    expect(share.apiExample).toContain(`"touchpointId": "${touchpointId}"`);
    expect(share.apiExample).toContain("Authorization: Bearer $MOMENTOS_API_KEY");

    const links = [...share.emailHtml.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, "&"), label: m[2] }));
    expect(links).toHaveLength(11);
    expect(links[0]).toEqual({ href: `http://momentos.test/f/${form.code}?source=email&emotion=joy&lang=es&placement=Tienda+Centro+%26+Co`, label: "Alegría" });
    expect(links.map((l) => new URL(l.href).searchParams.get("emotion"))).toEqual([
      "joy", "calm", "pleasant_surprise", "excitement", "affection", "indifference", "frustration", "anger", "disappointment", "worry", "distrust",
    ]);
    expect(share.emailHtml).toContain("¿Qué sentiste con la apertura de tu paquete?");
    expect(share.emailHtml).toMatch(/^<table role="presentation"/);
    expect(share.emailText).toContain(`- Alegría: http://momentos.test/f/${form.code}?source=email&emotion=joy&lang=es`);
    expect(share.emailText.split("\n")[0]).toBe("¿Qué sentiste con la apertura de tu paquete?");

    const english = (await viewer.client.get(`${formUrl()}/share?lang=en&customerMergeTag=${encodeURIComponent("{{contact.id}}")}`)).body;
    expect(english.emailHtml).toContain("What did you feel about your experience?");
    expect(english.emailText).toContain(`- Joy: http://momentos.test/f/${form.code}?source=email&emotion=joy&lang=en&customer={{contact.id}}`);
    expect((await viewer.client.get(`${formUrl()}/share?customerMergeTag=${encodeURIComponent('"><script>')}`)).status).toBe(400);
    expect((await viewer.client.get(`${formUrl()}/share?lang=fr`)).status).toBe(400);
  });

  it("escapes the brand's texts in every snippet and on the card", async () => {
    const tp = journey.stages[2]!.touchpoints[0]!.id;
    const current = (await admin.client.get(formUrl(tp))).body.config;
    const hostile = '<img src=x onerror="alert(1)">';
    expect((await put(admin.client, { ...current, brandName: hostile, experienceName: { es: hostile } }, tp)).status).toBe(200);
    const share = (await viewer.client.get(`${formUrl(tp)}/share`)).body;
    expect(share.emailHtml).not.toContain("<img");
    expect(share.emailHtml).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    const card = await viewer.client.get(`${formUrl(tp)}/qr-card`);
    expect(card.text).not.toContain("<img src=x");
    expect(card.text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("draws the QR code of the qr link as SVG and PNG", async () => {
    const form = (await viewer.client.get(formUrl())).body;
    const expectedLink = `http://momentos.test/f/${form.code}?source=qr&placement=Caja+3`;
    const svg = await viewer.client.get(`${formUrl()}/qr.svg?placement=Caja%203`);
    expect(svg.status).toBe(200);
    expect(svg.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(svg.text).toBe(await QRCode.toString(expectedLink, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } }));

    const png = await t.app.inject({ method: "GET", url: `${formUrl()}/qr.png?size=512&placement=Caja%203`, headers: { cookie: [...viewer.client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    const bytes = png.rawPayload;
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.readUInt32BE(16)).toBe(512); // IHDR width
    const expected = await QRCode.toBuffer(expectedLink, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 512, color: { dark: "#000000", light: "#ffffff" } });
    expect(bytes.equals(expected)).toBe(true);
    expect((await viewer.client.get(`${formUrl()}/qr.png?size=20000`)).status).toBe(400);
    expect((await viewer.client.get(`${formUrl()}/qr.svg?placement=${"x".repeat(121)}`)).status).toBe(400);
  });

  it("renders a printable card with the brand, question 1 in the chosen language and the QR code, under a script-free CSP", async () => {
    const card = await viewer.client.get(`${formUrl()}/qr-card?lang=es&placement=Tienda%20Centro`);
    expect(card.status, card.text).toBe(200);
    expect(card.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(card.text).toContain('<html lang="es">');
    expect(card.text).toContain("¿Qué sentiste con la apertura de tu paquete?");
    expect(card.text).toContain("Tienda Aurora");
    expect(card.text).toContain("<svg");
    expect(card.text).toContain("@page { size: 105mm 148mm");
    expect(card.text).not.toMatch(/<script|\son\w+=/i);
    const csp = String(card.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(csp).not.toContain("unsafe-inline");
    const style = /<style>([\s\S]*?)<\/style>/.exec(card.text)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);

    const small = await viewer.client.get(`${formUrl()}/qr-card?lang=pt&size=a7`);
    expect(small.text).toContain('<html lang="pt">');
    expect(small.text).toContain("O que você sentiu com a sua experiência?");
    expect(small.text).toContain("@page { size: 74mm 105mm");
    expect((await viewer.client.get(`${formUrl()}/qr-card?size=a4`)).status).toBe(400);
  });

  it("describes every form route in the OpenAPI document", async () => {
    const doc = (await t.client().get("/api/openapi.json")).body;
    const path = "/api/v1/orgs/{orgId}/touchpoints/{touchpointId}/form";
    expect(Object.keys(doc.paths[path])).toEqual(expect.arrayContaining(["get", "put"]));
    for (const suffix of ["/versions", "/share", "/qr.svg", "/qr.png", "/qr-card"]) expect(doc.paths[`${path}${suffix}`]?.get, suffix).toBeDefined();
    expect(doc.paths[path].put.requestBody).toBeDefined();
  });
});

describe("GET /widget.js", () => {
  const dir = mkdtempSync(join(tmpdir(), "momentos-widget-"));
  const file = join(dir, "widget.js");
  const source = `(()=>{${"/* momentos */".repeat(50)}})();\n`;

  async function appWith(built: boolean) {
    const app = Fastify({ logger: false }) as unknown as App;
    widgetRoutes(app, built ? file : join(dir, "missing.js"));
    await app.ready();
    return app;
  }

  it("serves the built script to any site, compressed and cached, and revalidates with its ETag", async () => {
    writeFileSync(file, source);
    const app = await appWith(true);
    const reply = await app.inject({ method: "GET", url: "/widget.js", headers: { "accept-encoding": "gzip, deflate" } });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers).toMatchObject({
      "content-type": "text/javascript; charset=utf-8",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
      "content-encoding": "gzip",
      vary: "accept-encoding",
    });
    expect(String(reply.headers["cache-control"])).toContain("public, max-age=3600");
    expect(gunzipSync(reply.rawPayload).toString()).toBe(source);
    const brotli = await app.inject({ method: "GET", url: "/widget.js", headers: { "accept-encoding": "gzip, br" } });
    expect(brotli.headers["content-encoding"]).toBe("br");
    const plain = await app.inject({ method: "GET", url: "/widget.js", headers: { "accept-encoding": "gzip;q=0" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(source);
    const revalidated = await app.inject({ method: "GET", url: "/widget.js", headers: { "if-none-match": String(reply.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says so when the widget is not built", async () => {
    const app = await appWith(false);
    const reply = await app.inject({ method: "GET", url: "/widget.js" });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers["cache-control"]).toBe("no-store");
    await app.close();
  });
});
