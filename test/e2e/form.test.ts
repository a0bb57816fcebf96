// The public form in a real browser against a real server, on every database in TEST_DB: a customer
// scans the QR code of "opening the package" on a phone and answers all five by tapping; the same form
// without JavaScript; the e-mail's click-to-answer link; axe-core on every screen; screenshots.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { testDatabases } from "../db.js";
import {
  describeInBrowser,
  ensureServerBuilt,
  launchChromium,
  screenshotsFor,
  seriousAccessibilityViolations,
  startMomentos,
  type MomentosServer,
} from "../browser.js";

const phoneUserAgent =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36";

/** A tiny API client with the owner's session, as the dashboard uses it. */
class Api {
  private cookie = "";
  private csrf = "";
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (parsed?.csrfToken) this.csrf = parsed.csrfToken;
    return { status: response.status, body: parsed };
  }
}

for (const dialect of testDatabases) {
  describeInBrowser(`the public form [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect, "form-");
    let server: MomentosServer;
    let browser: Browser;
    let api: Api;
    let orgId = "";
    let touchpointId = "";
    let code = "";
    const contexts: Array<{ context: BrowserContext; problems: string[] }> = [];

    async function phone(options: { javaScriptEnabled?: boolean; watch?: boolean } = {}): Promise<Page> {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: "es-MX",
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: phoneUserAgent,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) problems.push(`third-party request: ${request.url()}`);
      });
      contexts.push({ context, problems: options.watch === false ? [] : problems });
      return page;
    }

    async function expectAccessible(page: Page, screen: string) {
      // A screen fades in; contrast is measured once it has settled.
      await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length)).toBe(0);
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    async function responses(): Promise<any[]> {
      const reply = await api.request("GET", `/api/v1/orgs/${orgId}/touchpoints/${touchpointId}/responses?limit=50`);
      expect(reply.status).toBe(200);
      return reply.body.items;
    }

    /** The option named `name` on the screen on show. */
    function option(page: Page, name: string) {
      return page.locator("section.s.on").getByRole("radio", { name, exact: true });
    }

    beforeAll(async () => {
      ensureServerBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      api = new Api(server.url);
      const setup = await api.request("POST", "/api/setup", {
        name: "Olga Ortiz",
        email: "olga@aurora.example",
        password: "correct horse battery staple",
        organisationName: "Tienda Aurora",
        language: "es",
      });
      expect(setup.status).toBe(201);
      orgId = setup.body.organisations[0].id;
      const journey = await api.request("POST", `/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {});
      expect(journey.status).toBe(201);
      const touchpoint = journey.body.stages
        .flatMap((stage: { touchpoints: Array<{ id: string; name: string }> }) => stage.touchpoints)
        .find((tp: { name: string }) => tp.name === "Apertura del paquete");
      touchpointId = touchpoint.id;
      const form = await api.request("GET", `/api/v1/orgs/${orgId}/touchpoints/${touchpointId}/form`);
      expect(form.status).toBe(200);
      code = form.body.code;
      const experience = { ...form.body.config, experienceName: { es: "la apertura de tu paquete" }, brandColour: "#0f766e" };
      expect((await api.request("PUT", `/api/v1/orgs/${orgId}/touchpoints/${touchpointId}/form`, experience)).status).toBe(200);
    }, 180_000);

    afterAll(async () => {
      for (const { problems } of contexts) expect(problems, "CSP violations, page errors or third-party requests").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("answers all five by tapping on a phone, opened from the QR code, and stores the response with source=qr", async () => {
      const page = await phone();
      // The form was just reworded; the page may show the old words for a few seconds (form cache).
      await expect
        .poll(async () => {
          await page.goto(`/f/${code}?source=qr&placement=Tienda%20Centro`);
          return page.locator("legend").first().textContent();
        }, { timeout: 15_000, interval: 500 })
        .toBe("¿Qué sentiste con la apertura de tu paquete?");
      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 1 de 5");
      await expectAccessible(page, "emotion");
      await shot(page, "01-emotion");

      await option(page, "Alegría").tap();
      await expect.poll(() => page.locator("section.s.on legend").textContent()).toBe("¿Con qué intensidad sentiste alegría?");
      await expectAccessible(page, "intensity");
      await shot(page, "02-intensity");
      await option(page, "Mucho").tap();

      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 2 de 5");
      await expectAccessible(page, "csat");
      await shot(page, "03-csat");
      await option(page, "Muy satisfecho/a").tap();

      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 3 de 5");
      await shot(page, "04-ces");
      await option(page, "Totalmente de acuerdo").tap();

      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 4 de 5");
      await expectAccessible(page, "nps");
      await shot(page, "05-nps");
      await option(page, "10 Extremadamente probable").tap();

      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 5 de 5");
      await expect.poll(() => page.locator("#cq").textContent()).toBe("¿Qué hizo que sintieras alegría? Cuéntanoslo con tus palabras.");
      await page.locator("#cm").fill("Llegó rápido y muy bien empaquetado 📦 <b>gracias</b>");
      await expect.poll(() => page.locator("#cn").textContent()).toBe("52");
      await expectAccessible(page, "comment");
      await shot(page, "06-comment");
      await page.getByRole("button", { name: "Enviar" }).tap();

      await page.getByRole("heading", { name: "¡Gracias!" }).waitFor();
      await expectAccessible(page, "thanks");
      await shot(page, "07-thanks");

      await expect.poll(async () => (await responses()).find((r) => r.source === "qr")?.answers.comment ?? null, { timeout: 15_000 }).not.toBeNull();
      const stored = (await responses()).filter((r) => r.source === "qr");
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        source: "qr",
        placement: "Tienda Centro",
        language: "es",
        deviceClass: "phone",
        answers: { emotion: { code: "joy", intensity: 3 }, csat: 5, ces: 7, nps: 10, comment: "Llegó rápido y muy bien empaquetado 📦 <b>gracias</b>" },
      });
      expect(stored[0].completedAt).not.toBeNull();
    });

    it("shows the page without its script as one accessible form", async () => {
      // axe needs JavaScript to run, so the page is scanned with form.js blocked instead of switched off.
      const page = await phone({ watch: false });
      await page.route("**/f/assets/**", (route) => route.abort());
      await page.goto(`/f/${code}`);
      await expect.poll(() => page.locator("section.s").first().isVisible()).toBe(true);
      expect(await page.locator("section.s:visible").count()).toBe(6);
      await expectAccessible(page, "without form.js");
    });

    it("takes the whole form in one plain post when JavaScript is off", async () => {
      const page = await phone({ javaScriptEnabled: false });
      await page.goto(`/f/${code}?source=link&cr=CUST-77`);
      const shownAt = Date.now();
      await shot(page, "08-no-javascript");
      for (const name of ["Tranquilidad", "Bastante", "Satisfecho/a", "De acuerdo", "8"]) await page.getByRole("radio", { name, exact: true }).check();
      await page.locator("#cm").fill("Sin JavaScript también funciona");
      // The server refuses posts sooner than a person could read the form (1.5 s); a person is never that fast.
      await expect.poll(() => Date.now() - shownAt, { interval: 100 }).toBeGreaterThan(1600);
      await page.getByRole("button", { name: "Enviar" }).click();
      await page.getByRole("heading", { name: "¡Gracias!" }).waitFor();
      await shot(page, "09-no-javascript-thanks");
      const stored = (await responses()).find((r) => r.hidden.customerReference === "CUST-77");
      expect(stored).toMatchObject({
        source: "link",
        answers: { emotion: { code: "calm", intensity: 2 }, csat: 4, ces: 6, nps: 8, comment: "Sin JavaScript también funciona" },
      });
    });

    it("lands from the e-mail's click on the emotion's intensity with the emotion recorded, then goes on to question 2", async () => {
      const page = await phone();
      await page.goto(`/f/${code}?emotion=frustration&source=email&cr=MAIL-1`);
      await expect.poll(() => page.locator("section.s.on legend").textContent()).toBe("¿Con qué intensidad sentiste frustración?");
      await expect.poll(async () => (await responses()).find((r) => r.hidden.customerReference === "MAIL-1") ?? null, { timeout: 15_000 }).toMatchObject({
        source: "email",
        answers: { emotion: { code: "frustration", intensity: null } },
      });
      await shot(page, "10-email-landing");
      await option(page, "Bastante").tap();
      await expect.poll(() => page.locator("#pt").textContent()).toBe("Pregunta 2 de 5");
      await expect
        .poll(async () => (await responses()).find((r) => r.hidden.customerReference === "MAIL-1")?.answers.emotion.intensity ?? null, { timeout: 15_000 })
        .toBe(2);
    });

    it("lets keyboard users answer without jumping ahead: arrows choose, Next moves on", async () => {
      const page = await phone();
      await page.goto(`/f/${code}?cr=KEYS-1`);
      await page.locator("#pt").waitFor();
      await page.locator("input[name=emotion]").first().focus();
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.locator("input[name=emotion]:checked").getAttribute("value")).toBe("calm");
      expect(await page.locator("#pt").textContent()).toBe("Pregunta 1 de 5");
      await page.getByRole("button", { name: "Siguiente" }).focus();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("nx");
      await shot(page, "11-keyboard-focus");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("section.s.on legend").textContent()).toBe("¿Con qué intensidad sentiste tranquilidad?");
    });
  });
}
