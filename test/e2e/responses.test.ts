// A touchpoint's recent responses in the dashboard, in Spanish, on every database in TEST_DB: responses
// arrive through the public form endpoint (a QR code on a phone, a partial visit) and the API (a hostile
// comment, a batch of older ones); the board's drawer links to the form page, whose Respuestas tab lists
// them newest first with "load more", partial ones marked, hidden fields in an expandable row, the
// hostile comment as literal text, and the admins' dropped submissions; the empty state; a phone.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { testDatabases } from "../db.js";
import {
  describeInBrowser,
  ensureBuilt,
  launchChromium,
  openPage,
  screenshotsFor,
  seriousAccessibilityViolations,
  startMomentos,
  type BrowserPage,
  type MomentosServer,
} from "../browser.js";

const hostile = "<img src=x onerror=alert(1)>";
const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const olderCount = 30;

type Stage = { touchpoints: Array<{ id: string; name: string }> };

for (const dialect of testDatabases) {
  describeInBrowser(`a touchpoint's recent responses in the dashboard [${dialect}]`, () => {
    const { shot, viewportShot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let admin: BrowserPage;
    let orgId = "";
    let journeyId = "";
    let touchpointId = "";
    let emptyTouchpointId = "";
    let code = "";
    const ids = { qr: "", partial: "", hostile: "" };
    const opened: BrowserPage[] = [];
    const alerts: string[] = [];

    async function expectAccessible(page: Page, screen: string) {
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    /** One answer as the public form page posts it (form.js), from a phone. */
    async function answerOnPage(body: { visitToken: string; answers: unknown; parameters: string; timeOnPageMs: number; language?: string }) {
      return fetch(`${server.url}/f/${code}/answers`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": iPhone },
        body: JSON.stringify(body),
      });
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      admin = await openPage(browser, server.url);
      opened.push(admin);
      admin.page.on("dialog", (dialog) => {
        alerts.push(dialog.message());
        void dialog.dismiss();
      });
      const { page } = admin;
      const setup = await page.request.post("/api/setup", {
        data: { name: "Olga Ortiz", email: "olga@aurora.example", password: "correct horse battery staple", organisationName: "Tienda Aurora", language: "es" },
      });
      expect(setup.status()).toBe(201);
      const session = await setup.json();
      const csrf = { "x-csrf-token": session.csrfToken as string };
      orgId = session.organisations[0].id;
      const created = await page.request.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, { data: {}, headers: csrf });
      expect(created.status()).toBe(201);
      const journey = await created.json();
      journeyId = journey.id;
      const touchpoints = (journey.stages as Stage[]).flatMap((stage) => stage.touchpoints);
      touchpointId = touchpoints.find((tp) => tp.name === "Apertura del paquete")!.id;
      emptyTouchpointId = touchpoints.find((tp) => tp.name !== "Apertura del paquete")!.id;
      const form = await (await page.request.get(`/api/v1/orgs/${orgId}/touchpoints/${touchpointId}/form`)).json();
      code = form.code;

      // Thirty older responses through the API, one batch, a day or more ago: they fill a second page.
      const hour = 3_600_000;
      const older = Array.from({ length: olderCount }, (_, i) => {
        const at = new Date(Date.now() - 24 * hour - i * hour).toISOString();
        return {
          touchpointId,
          idempotencyKey: `older-${i}`,
          language: "es",
          startedAt: at,
          completedAt: at,
          answers: { emotion: { code: i % 3 === 0 ? "calm" : "joy", intensity: 2 }, csat: 4, ces: 5, nps: 8 },
        };
      });
      const batch = await page.request.post(`/api/v1/orgs/${orgId}/responses`, { data: { items: older }, headers: csrf });
      expect(batch.status()).toBe(201);

      // A visit from a QR code on a phone that stops after two answers: partial, last answered = satisfaction.
      const partial = await answerOnPage({
        visitToken: randomBytes(16).toString("base64url"),
        answers: { emotion: { code: "worry", intensity: 1 }, csat: 3 },
        parameters: "source=link&lang=es",
        timeOnPageMs: 4000,
      });
      expect(partial.status).toBe(200);
      ids.partial = (await partial.json()).responseId;

      // A complete visit from a QR code in a store, with hidden fields.
      const visitToken = randomBytes(16).toString("base64url");
      const parameters = "source=qr&placement=Tienda%20Centro&lang=es&customer=C-1042&order=P-1009&m_plan=gold";
      let last: Response | null = null;
      for (const answers of [
        { emotion: { code: "joy", intensity: 3 } },
        { emotion: { code: "joy", intensity: 3 }, csat: 5, ces: 6, nps: 10, comment: "Llegó perfecto y muy bien envuelto.\nGracias 🎁" },
      ]) {
        last = await answerOnPage({ visitToken, answers, parameters, timeOnPageMs: 6000 });
        expect(last.status).toBe(200);
      }
      ids.qr = (await last!.json()).responseId;

      // A support system sends a response whose comment is markup: it must only ever read as text.
      const api = await page.request.post(`/api/v1/orgs/${orgId}/responses`, {
        data: {
          touchpointId,
          idempotencyKey: "ticket-48213",
          language: "en",
          customerReference: "C-7",
          hidden: { channel: "support", store: "Centro" },
          answers: { emotion: { code: "frustration", intensity: 2 }, csat: 2, ces: 3, nps: 4, comment: hostile },
        },
        headers: csrf,
      });
      expect(api.status()).toBe(201);
      ids.hostile = (await api.json()).items[0].responseId;

      // Two submissions that are dropped and counted: too fast to be a person, and an answer out of range.
      const spam = await answerOnPage({ visitToken: randomBytes(16).toString("base64url"), answers: { csat: 5 }, parameters: "", timeOnPageMs: 200 });
      expect(spam.status).toBe(422);
      const invalid = await page.request.post(`/api/v1/orgs/${orgId}/responses`, {
        data: { touchpointId, idempotencyKey: "bad-1", answers: { csat: 9 } },
        headers: csrf,
      });
      expect((await invalid.json()).dropped).toBe(1);
    }, 180_000);

    afterAll(async () => {
      for (const person of opened) expect(person.problems, "CSP violations or page errors").toEqual([]);
      expect(alerts, "no script from a comment ever ran").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("links the board's touchpoint drawer to the touchpoint's form page", async () => {
      const { page } = admin;
      await page.goto(`/app/o/${orgId}/journeys/${journeyId}`);
      await page.getByRole("heading", { level: 1, name: "Compra online" }).waitFor();
      await page.getByRole("button", { name: "Apertura del paquete", exact: true }).click();
      const drawer = page.getByRole("dialog", { name: "Editar punto de contacto" });
      const link = drawer.getByRole("link", { name: /Formulario y enlaces/ });
      await link.waitFor();
      expect(await link.getAttribute("href")).toBe(`/app/o/${orgId}/touchpoints/${touchpointId}/form`);
      await expectAccessible(page, "drawer with the form link");
      await shot(page, "responses-01-drawer-link");
      await link.click();
      await page.waitForURL(`**/app/o/${orgId}/touchpoints/${touchpointId}/form`);
      await page.getByRole("heading", { level: 1, name: "Formulario de «Apertura del paquete»" }).waitFor();
      expect(await page.getByRole("dialog").count()).toBe(0);
    });

    it("lists the recent responses newest first, the hostile comment as literal text", async () => {
      const { page } = admin;
      await page.getByRole("tab", { name: "Respuestas" }).click();
      await page.waitForURL(`**/form?tab=responses`);
      const table = page.getByRole("table", { name: /Respuestas recientes de «Apertura del paquete»/ });
      await table.waitFor();
      const items = table.locator("tbody.rsp-item");
      await expect.poll(() => items.count()).toBe(25);
      // Newest first (by when the visit started): the three of today, then the older ones.
      const order = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-response-id")));
      expect(new Set(order.slice(0, 3))).toEqual(new Set([ids.hostile, ids.qr, ids.partial]));
      const starts = await table.locator("th time").evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute("datetime")!)));
      expect(starts).toEqual([...starts].sort((a, b) => b - a));

      // The comment is the customer's text, character for character, and no element came out of it.
      const hostileRow = table.locator(`tbody[data-response-id="${ids.hostile}"]`);
      const comment = hostileRow.locator(".rsp-comment");
      expect(await comment.textContent()).toBe(hostile);
      await hostileRow.getByText(hostile, { exact: true }).waitFor();
      expect(await comment.evaluate((node) => node.childElementCount)).toBe(0);
      expect(await table.locator("img").count()).toBe(0);
      await hostileRow.getByText("Frustración").waitFor();
      await hostileRow.getByText("API", { exact: true }).waitFor();
      await hostileRow.getByText("Idioma: Inglés").waitFor();
      await hostileRow.getByText("Detractor").waitFor();

      const qrRow = table.locator(`tbody[data-response-id="${ids.qr}"]`);
      await qrRow.getByText("Código QR").waitFor();
      await qrRow.getByText("Ubicación: Tienda Centro").waitFor();
      await qrRow.getByText("Móvil").waitFor();
      await qrRow.getByText("Alegría").waitFor();
      await qrRow.getByText("Mucho").waitFor();
      await qrRow.getByText("Promotor").waitFor();
      await qrRow.getByText("Completa", { exact: true }).waitFor();
      expect(await qrRow.getByRole("cell").nth(1).textContent()).toContain("5 de 5");

      const partialRow = table.locator(`tbody[data-response-id="${ids.partial}"]`);
      await partialRow.getByText("Parcial", { exact: true }).waitFor();
      await partialRow.getByText("Última respondida: satisfacción").waitFor();
      await partialRow.getByText("Preocupación").waitFor();
      expect(await partialRow.getByText("Sin respuesta").count()).toBe(2);

      const drops = page.getByRole("complementary", { name: "Descartadas" });
      await drops.getByText("2 envíos descartados").waitFor();
      await drops.getByText("Posible spam").waitFor();
      await drops.getByText("Respuesta no válida").waitFor();

      await expectAccessible(page, "responses");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "responses-02-list");
    });

    it("opens a response's hidden fields from the keyboard", async () => {
      const { page } = admin;
      const qrRow = page.locator(`tbody[data-response-id="${ids.qr}"]`);
      const toggle = qrRow.locator(".rsp-toggle__button");
      expect(await toggle.getAttribute("aria-label")).toMatch(/^Mostrar detalles de la respuesta del /);
      await toggle.focus();
      await page.keyboard.press("Enter");
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      const details = page.locator(`#${(await toggle.getAttribute("aria-controls"))!.replace(/:/g, "\\:")}`);
      await details.getByRole("heading", { name: "Campos ocultos" }).waitFor();
      for (const text of ["C-1042", "P-1009", "m_plan", "gold", "Versión del formulario"]) await details.getByText(text, { exact: true }).waitFor();
      expect(await toggle.getAttribute("aria-label")).toMatch(/^Ocultar detalles/);

      const hostileToggle = page.locator(`tbody[data-response-id="${ids.hostile}"] .rsp-toggle__button`);
      await hostileToggle.focus();
      await page.keyboard.press("Space");
      const hostileDetails = page.locator(`tbody[data-response-id="${ids.hostile}"] .rsp-details`);
      for (const text of ["C-7", "support", "Centro"]) await hostileDetails.getByText(text, { exact: true }).waitFor();
      await expectAccessible(page, "responses with details open");
      await page.evaluate(() => window.scrollTo(0, 0));
      await viewportShot(page, "responses-03-details");
      await page.keyboard.press("Space");
      await expect.poll(() => hostileToggle.getAttribute("aria-expanded")).toBe("false");
    });

    it("loads older responses with the cursor, then says there are no more", async () => {
      const { page } = admin;
      const items = page.locator("tbody.rsp-item");
      await page.getByText("Se muestran 25 respuestas.").waitFor();
      await page.getByRole("button", { name: "Cargar más" }).click();
      await expect.poll(() => items.count()).toBe(olderCount + 3);
      await page.getByText("No hay más respuestas.").waitFor();
      await page.getByText("Se cargaron 8 respuestas más.").waitFor();
      // Focus moves to the first new response, so the keyboard goes on from there.
      const focused = await page.evaluate(() => document.activeElement?.closest("tbody")?.getAttribute("data-response-id"));
      expect(focused).toBe(await items.nth(25).getAttribute("data-response-id"));
      const ids = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-response-id")));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("moves between the form page's tabs with the arrow keys", async () => {
      const { page } = admin;
      await page.getByRole("tab", { name: "Respuestas" }).focus();
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(`**/form?tab=share`);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Compartir");
      await page.keyboard.press("ArrowRight");
      await page.waitForURL(`**/form?tab=responses`);
      await page.locator("tbody.rsp-item").first().waitFor();
    });

    it("explains how to share the form when a touchpoint has no responses", async () => {
      const { page } = admin;
      await page.goto(`/app/o/${orgId}/touchpoints/${emptyTouchpointId}/form?tab=responses`);
      await page.getByText("Aún no hay respuestas").waitFor();
      await page.getByText(/Comparte el formulario: el enlace público, un código QR/).waitFor();
      await page.getByRole("complementary", { name: "Descartadas" }).getByText("Ningún envío descartado en los últimos 30 días.").waitFor();
      await expectAccessible(page, "responses (empty)");
      await shot(page, "responses-04-empty");
      await page.getByRole("link", { name: "Compartir el formulario" }).click();
      await page.waitForURL(`**/touchpoints/${emptyTouchpointId}/form?tab=share`);
      await page.getByLabel("Enlace público").waitFor();
    });

    it("stacks responses as cards on a phone", async () => {
      const { page } = admin;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/app/o/${orgId}/touchpoints/${touchpointId}/form?tab=responses`);
      const hostileRow = page.locator(`tbody[data-response-id="${ids.hostile}"]`);
      await hostileRow.getByText(hostile, { exact: true }).waitFor();
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((node) => node.getBoundingClientRect().right > 390.5)
          .slice(0, 8)
          .map((node) => `${node.tagName}.${node.className} ${Math.round(node.getBoundingClientRect().right)}`),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join("\n")).toBeLessThanOrEqual(390);
      // Each card names its fields, and the table is still a table for screen readers.
      await hostileRow.getByText("Comentario", { exact: true }).waitFor();
      await page.getByRole("table", { name: /Respuestas recientes/ }).waitFor();
      await page.locator(`tbody[data-response-id="${ids.qr}"]`).getByRole("button", { name: /^Mostrar detalles/ }).click();
      await page.locator(`tbody[data-response-id="${ids.qr}"] .rsp-details`).getByText("C-1042").waitFor();
      await expectAccessible(page, "responses on a phone");
      await page.evaluate(() => window.scrollTo(0, 0));
      await viewportShot(page, "responses-05-phone");
      await page.locator(`tbody[data-response-id="${ids.qr}"]`).evaluate((node) => node.scrollIntoView({ block: "start" }));
      await page.evaluate(() => window.scrollBy(0, -70));
      await viewportShot(page, "responses-06-phone-details");
      await page.setViewportSize({ width: 1280, height: 820 });
    });
  });
}
