// A touchpoint's form in the dashboard, in Spanish, on every database in TEST_DB: an admin rewords the
// CSAT question → the preview and the public page show it → version 2; the contrast warning; the Share
// tab (link, QR, placement, widget, e-mail, API) and the printable QR card; axe-core on each screen.
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

const newWording = "¿Qué tan contento/a quedaste con {experiencia}?";
const rendered = "¿Qué tan contento/a quedaste con la apertura de tu paquete?";

for (const dialect of testDatabases) {
  describeInBrowser(`a touchpoint's form in the dashboard [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let admin: BrowserPage;
    let orgId = "";
    let touchpointId = "";
    let formPath = "";
    let code = "";
    const opened: BrowserPage[] = [];

    async function expectAccessible(page: Page, screen: string) {
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      admin = await openPage(browser, server.url);
      opened.push(admin);
      // The owner and the map through the API, in the browser's own session: this suite is about the form.
      const setup = await admin.page.request.post("/api/setup", {
        data: { name: "Olga Ortiz", email: "olga@aurora.example", password: "correct horse battery staple", organisationName: "Tienda Aurora", language: "es" },
      });
      expect(setup.status()).toBe(201);
      const session = await setup.json();
      orgId = session.organisations[0].id;
      const journey = await admin.page.request.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {
        data: {},
        headers: { "x-csrf-token": session.csrfToken },
      });
      expect(journey.status()).toBe(201);
      const board = await journey.json();
      touchpointId = board.stages.flatMap((s: { touchpoints: Array<{ id: string; name: string }> }) => s.touchpoints).find((tp: { name: string }) => tp.name === "Apertura del paquete").id;
      formPath = `/app/o/${orgId}/touchpoints/${touchpointId}/form`;
    }, 180_000);

    afterAll(async () => {
      for (const person of opened) expect(person.problems, "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("shows the form with its defaults, status, version and a phone preview", async () => {
      const { page } = admin;
      await page.goto(formPath);
      await page.getByRole("heading", { level: 1, name: "Formulario de «Apertura del paquete»" }).waitFor();
      await page.getByText("Versión 1", { exact: true }).first().waitFor();
      const link = await page.locator(".form-page__link").textContent();
      code = link!.split("/f/")[1]!;
      expect(code).toMatch(/^[2-9a-z]{10}$/);
      expect(await page.getByLabel("2 · Satisfacción").getAttribute("placeholder")).toBe("En general, ¿qué tan satisfecho/a quedaste con {experiencia}?");
      expect(await page.getByRole("switch", { name: "Aceptar respuestas" }).isChecked()).toBe(true);
      const preview = page.getByRole("complementary", { name: "Vista previa" });
      await preview.getByText("¿Qué sentiste con tu experiencia?").waitFor();
      await expectAccessible(page, "form settings");
      await shot(page, "form-settings-01-settings");
    });

    it("rewords the CSAT question in Spanish: the preview follows, saving makes version 2", async () => {
      const { page } = admin;
      await page.getByLabel("Nombre de la experiencia").fill("la apertura de tu paquete");
      await page.getByLabel("2 · Satisfacción").fill(newWording);
      const preview = page.getByRole("complementary", { name: "Vista previa" });
      await preview.getByText("¿Qué sentiste con la apertura de tu paquete?").waitFor();
      await preview.getByRole("button", { name: "Pantalla siguiente" }).click();
      await preview.getByText(rendered).waitFor();
      await preview.getByText("Pregunta 2 de 5").waitFor();
      await page.getByText("Tienes cambios sin guardar.").waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "form-settings-02-reworded");

      await page.getByRole("button", { name: "Guardar cambios" }).click();
      await page.getByText("Cambios guardados: ya está publicada la versión 2.").waitFor();
      await page.locator(".form-page__meta").getByText("Versión 2").waitFor();
      const versions = page.getByRole("region", { name: "Versiones" });
      await versions.getByText("Olga Ortiz").waitFor();
      await versions.getByText("Creada con el formulario").waitFor();

      const reply = await page.request.get(`/api/v1/orgs/${orgId}/touchpoints/${touchpointId}/form/versions`);
      const body = await reply.json();
      expect(body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(body.items[0].config.wording).toEqual({ es: { csat: newWording } });
    });

    it("shows the new wording on the public page", async () => {
      const person = await openPage(browser, server.url, { locale: "es-ES" });
      opened.push(person);
      await person.page.goto(`/f/${code}?lang=es`);
      await person.page.getByText("¿Qué sentiste con la apertura de tu paquete?").first().waitFor();
      expect(await person.page.content()).toContain(rendered);
      await shot(person.page, "form-settings-03-public-page");
    });

    it("warns about a low-contrast brand colour and offers a readable shade", async () => {
      const { page } = admin;
      await page.getByLabel("Color de la marca", { exact: true }).fill("#facc15");
      const warning = page.getByText("Poco contraste");
      await warning.waitFor();
      await page.getByText(/por debajo de 4,5:1/).waitFor();
      await expectAccessible(page, "contrast warning");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "form-settings-04-contrast-warning");
      const useShade = page.getByRole("button", { name: /^Usar #/ });
      const shade = (await useShade.textContent())!.replace("Usar ", "");
      await useShade.click();
      expect(await page.getByLabel("Color de la marca", { exact: true }).inputValue()).toBe(shade);
      await page.getByText(/cumple WCAG AA/).waitFor();
      await page.getByRole("button", { name: "Descartar" }).click();
      expect(await page.getByLabel("Color de la marca", { exact: true }).inputValue()).toBe("#1d4ed8");
    });

    it("shares the form: link, QR with placement, widget, e-mail and API snippets", async () => {
      const { page } = admin;
      await page.getByRole("tab", { name: "Compartir" }).click();
      await page.waitForURL(`**${formPath}?tab=share`);
      const link = page.getByLabel("Enlace público");
      expect(await link.inputValue()).toBe(`${server.url}/f/${code}`);
      await page.getByRole("button", { name: "Copiar Enlace público" }).click();
      await page.getByRole("button", { name: "Copiado Enlace público" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/f/${code}`);

      const qr = page.getByRole("img", { name: "Código QR del formulario de «Apertura del paquete»" });
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await page.getByLabel("Ubicación (opcional)").fill("Tienda Centro");
      await expect.poll(() => page.getByLabel("Enlace del código QR").inputValue()).toBe(`${server.url}/f/${code}?source=qr&placement=Tienda+Centro`);
      expect(await qr.getAttribute("src")).toContain("placement=Tienda+Centro");
      expect(await page.getByLabel("Etiqueta HTML").inputValue()).toContain(`data-touchpoint="${code}"`);
      expect(await page.getByLabel("HTML para tu herramienta de correo").inputValue()).toContain(`source=email&amp;emotion=joy&amp;lang=es`);
      expect(await page.getByLabel("Ejemplo con curl").inputValue()).toContain(`"touchpointId": "${touchpointId}"`);
      await expectAccessible(page, "share");
      await shot(page, "form-settings-05-share");
    });

    it("prints a QR card with the brand, the reworded form's first question and the code", async () => {
      const { page } = admin;
      const [card] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Tarjeta para imprimir" }).click()]);
      await card.waitForLoadState();
      await card.getByRole("heading", { level: 1, name: "¿Qué sentiste con la apertura de tu paquete?" }).waitFor();
      await card.getByText("Escanea el código con la cámara de tu móvil").waitFor();
      expect(new URL(card.url()).searchParams.get("placement")).toBe("Tienda Centro");
      const box = (await card.locator(".qr svg").boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      await expectAccessible(card, "QR card");
      await shot(card, "form-settings-06-qr-card");
      await card.close();
    });

    it("fits a phone", async () => {
      const { page } = admin;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(formPath);
      await page.getByRole("heading", { level: 1, name: "Formulario de «Apertura del paquete»" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, "form-settings-07-phone");
      await page.setViewportSize({ width: 1280, height: 820 });
    });
  });
}
