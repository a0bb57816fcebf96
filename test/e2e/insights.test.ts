// The score views in a real browser against a real server, on every database in TEST_DB, on the demo
// brand (`momentos demo`, Casa Candela, with a small number of responses so the test stays fast) plus
// one comment sent through the public API that looks like markup: the overview (scores with intervals,
// moments of truth at risk), the journey heatmap (coloured cards, the measured emotion curve), a
// touchpoint's detail (trend, distributions, comments shown as text, search), the priority matrix (or
// its plain sentence) and the comparison of periods and segments. Filters live in the URL. axe-core on
// every view; screenshots in test-artifacts/screenshots/insights-*.png.
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

const password = "correct horse battery staple";
const demoEmail = "demo@momentos.local";
const demoResponses = 12_000;
const trickyComment = "El repartidor dejó el paquete mojado <b>otra vez</b> & sin avisar";

for (const dialect of testDatabases) {
  describeInBrowser(`the score views [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let owner: BrowserPage;
    let orgPath = "";
    let orgId = "";
    /** The moment of truth the tricky comment goes to (home delivery). */
    let deliveryId = "";

    async function expectAccessible(page: Page, screen: string) {
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    /** A call with the signed-in person's cookie, CSRF token and origin, as the dashboard makes it. */
    async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
      const session = (await (await page.request.get("/api/session")).json()) as { csrfToken: string };
      const response = await page.request.fetch(path, {
        method,
        headers: { "x-csrf-token": session.csrfToken, origin: server.url, "content-type": "application/json" },
        ...(body === undefined ? {} : { data: JSON.stringify(body) }),
      });
      expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
      return (response.status() === 204 ? undefined : await response.json()) as T;
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect, { prepare: ["demo", "--responses", String(demoResponses)], env: { MOMENTOS_PASSWORD: password } });
      browser = await launchChromium();
      owner = await openPage(browser, server.url);
      owner.page.setDefaultTimeout(20_000);
      const { page } = owner;
      await page.goto("/app/sign-in");
      await page.getByLabel("Correo electrónico").fill(demoEmail);
      await page.getByLabel("Contraseña").fill(password);
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      await page.waitForURL(/\/app\/o\/[^/]+$/);
      orgPath = new URL(page.url()).pathname;
      orgId = orgPath.split("/").pop()!;

      // One comment that looks like markup, on the home delivery, sent through the public API.
      const journeys = await call<{ items: Array<{ id: string; name: string }> }>(page, "GET", `/api/v1/orgs/${orgId}/journeys`);
      const purchase = journeys.items.find((j) => j.name === "Compra online")!;
      const board = await call<{ stages: Array<{ touchpoints: Array<{ id: string; name: string }> }> }>(page, "GET", `/api/v1/orgs/${orgId}/journeys/${purchase.id}`);
      deliveryId = board.stages.flatMap((s) => s.touchpoints).find((tp) => tp.name === "Entrega a domicilio")!.id;
      const key = await call<{ key: string }>(page, "POST", `/api/v1/orgs/${orgId}/api-keys`, { name: "Test", scope: "write" });
      const response = await fetch(`${server.url}/api/v1/orgs/${orgId}/responses`, {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body: JSON.stringify({
          touchpointId: deliveryId,
          idempotencyKey: "tricky-comment",
          completedAt: new Date().toISOString(),
          answers: { emotion: { code: "frustration", intensity: 3 }, csat: 2, ces: 3, nps: 2, comment: trickyComment },
        }),
      });
      expect(response.status, await response.text()).toBe(201);
    }, 300_000);

    afterAll(async () => {
      expect(owner?.problems ?? [], "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("shows the overview's scores, each with its interval and change, top emotions, moments of truth at risk and the trend", async () => {
      const { page } = owner;
      await page.goto(orgPath);
      await page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      const nps = page.locator('.score-card[data-score="nps"]');
      await nps.waitFor();
      expect(await nps.getAttribute("data-visibility")).toBe("shown");
      expect(await nps.locator(".score-card__value").textContent()).toMatch(/^[+−]?\d+$/);
      expect(await nps.locator(".score-card__interval").textContent()).toMatch(/IC 95 %\s+[+−]?\d+ – [+−]?\d+/);
      for (const score of ["cxIndex", "csat", "ces", "nes", "completionRate"]) {
        expect(await page.locator(`.score-card[data-score="${score}"] .score-card__interval`).count(), score).toBe(1);
      }
      expect(await page.locator(".score-change").count()).toBeGreaterThanOrEqual(7);
      expect(await page.locator('.score-card[data-score="responses"] .score-card__value').textContent()).toMatch(/\d/);
      await page.getByRole("heading", { name: "Emociones más citadas" }).waitFor();
      expect(await page.locator(".bar-list__item").count()).toBeGreaterThan(2);
      await page.getByRole("heading", { name: "Momentos de la verdad en riesgo" }).waitFor();
      expect(await page.locator(".risk-list__name").count()).toBeGreaterThan(0);
      // The trend is an ECharts canvas with the same numbers in a table for screen readers.
      await page.locator(".chart canvas").first().waitFor();
      expect(await page.getByRole("table", { name: "Evolución de Índice CX" }).locator("tbody tr").count()).toBeGreaterThan(2);
      await expectAccessible(page, "overview");
      await shot(page, "insights-overview");
    });

    it("keeps the filters in the URL, so a view can be shared", async () => {
      const { page } = owner;
      const filters = page.getByRole("search", { name: "Filtros" });
      await filters.getByLabel("Periodo").selectOption("7");
      await page.waitForURL(/days=7/);
      await filters.getByLabel("Idioma de respuesta").selectOption("es");
      await page.waitForURL(/language=es/);
      const shared = page.url();
      const colleague = await openPage(browser, server.url);
      await colleague.page.goto("/app/sign-in");
      await colleague.page.getByLabel("Correo electrónico").fill(demoEmail);
      await colleague.page.getByLabel("Contraseña").fill(password);
      await colleague.page.getByRole("button", { name: "Iniciar sesión" }).click();
      await colleague.page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      await colleague.page.goto(shared);
      const theirFilters = colleague.page.getByRole("search", { name: "Filtros" });
      await expect.poll(() => theirFilters.getByLabel("Periodo").inputValue()).toBe("7");
      expect(await theirFilters.getByLabel("Idioma de respuesta").inputValue()).toBe("es");
      expect(colleague.problems).toEqual([]);
      await colleague.context.close();
      await page.getByRole("button", { name: "Quitar filtros" }).click();
      await expect.poll(() => new URL(page.url()).search).toBe("");
    });

    it("colours the journey's cards by the chosen score against their target and draws the measured emotion curve", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Mapas de recorrido" }).click();
      await page.getByRole("link", { name: "Devoluciones y atención al cliente" }).first().click();
      await page.getByRole("heading", { name: "Devoluciones y atención al cliente", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Mapa de calor" }).waitFor();
      const refund = page.locator(".tp-card", { has: page.getByRole("button", { name: "Reembolso", exact: true }) });
      await expect.poll(() => refund.getAttribute("data-heat")).toBe("below");
      expect(await refund.locator(".tp-card__heat-status").textContent()).toContain("Por debajo de la meta");
      expect(await refund.locator(".score-slot__value").textContent()).toMatch(/\d/);
      const levels = await page.locator(".tp-card[data-heat]").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-heat")));
      expect(new Set(levels).size, levels.join(",")).toBeGreaterThan(1);
      // The emotion curve is measured: each stage says its valence, interval and NES in words.
      await page.locator(".emotion-row--measured").waitFor();
      expect(await page.locator(".emotion-row__value").count()).toBe(await page.locator(".stage-column__name").count());
      await expectAccessible(page, "journey heatmap");
      await shot(page, "insights-journey-heatmap");

      await page.getByRole("group", { name: "Colorear por" }).getByRole("button", { name: "CSAT" }).click();
      await expect.poll(() => refund.locator(".score-slot__label").textContent()).toBe("CSAT");
      expect(await refund.locator(".score-slot__value").textContent()).toMatch(/%/);

      // Over the last 7 days every touchpoint has fewer than 30 answers: greyed (hatched) and said so.
      await page.getByRole("search", { name: "Filtros" }).getByLabel("Periodo").selectOption("7");
      await page.waitForURL(/days=7/);
      await expect.poll(() => refund.getAttribute("class")).toContain("tp-card--few");
      expect(await refund.locator(".tp-card__heat-status").textContent()).toContain("Pocas respuestas");
    });

    it("opens a touchpoint's detail from its card: scores, trend with its table, distributions and comments as text", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Mapas de recorrido" }).click();
      await page.getByRole("link", { name: "Compra online" }).first().click();
      await page.getByRole("link", { name: "Detalle de «Entrega a domicilio»" }).click();
      await page.getByRole("heading", { name: "Entrega a domicilio", level: 1 }).waitFor();
      await page.locator('.score-card[data-score="nps"] .score-card__interval').waitFor();
      await page.getByRole("heading", { name: "Evolución", exact: true }).waitFor();
      await page.locator(".chart canvas").first().waitFor();
      const days = await page.getByRole("table", { name: "Evolución de NPS" }).locator("tbody tr").count();
      await page.getByRole("group", { name: "Agrupar por" }).getByRole("button", { name: "Semana" }).click();
      await expect.poll(() => page.getByRole("table", { name: "Evolución de NPS" }).locator("tbody tr").count()).toBeLessThan(days);
      for (const heading of ["Emociones e intensidad", "Recomendación (0–10)", "Satisfacción (1–5)", "Facilidad (1–7)", "Vínculo con la marca", "Finalización y abandono"]) {
        await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      }
      expect(await page.locator(".dropoff tbody tr").count()).toBe(4);

      // Comments, newest first; "load more" adds the next page.
      const comments = page.locator(".verbatim");
      await comments.first().waitFor();
      const firstPage = await comments.count();
      expect(firstPage).toBe(10);
      await page.getByRole("button", { name: "Cargar más" }).click();
      await expect.poll(() => comments.count()).toBeGreaterThan(firstPage);
      const times = await page.locator(".verbatim__time").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime") ?? ""));
      expect([...times].sort().reverse()).toEqual(times);

      // The search finds the comment that looks like markup, shown as the customer wrote it: text, no markup.
      await page.getByLabel("Buscar en los comentarios").fill("MOJADO");
      await page.getByRole("button", { name: "Buscar", exact: true }).click();
      const tricky = page.locator(".verbatim__comment", { hasText: "<b>otra vez</b>" });
      await tricky.waitFor();
      expect(await tricky.locator("b").count()).toBe(0);
      await expect.poll(() => comments.count()).toBe(1);

      // Any chart downloads as a PNG.
      const trend = page.getByRole("figure", { name: "Evolución de NPS" });
      const [download] = await Promise.all([page.waitForEvent("download"), trend.getByRole("button", { name: "Descargar «Evolución de NPS» como PNG" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^momentos-Entrega-a-domicilio-.*-nps\.png$/);

      // The data table is there for everyone on demand.
      await trend.getByRole("button", { name: "Ver tabla" }).click();
      await trend.getByRole("button", { name: "Ver gráfico" }).waitFor();
      await expectAccessible(page, "touchpoint detail");
      await shot(page, "insights-touchpoint");
    });

    it("shows the plain sentence when the data are too few for the priority matrix, and the matrix for a journey over a year", async () => {
      const { page } = owner;
      await page.goto(orgPath);
      await page.getByRole("navigation", { name: "Vistas de análisis" }).getByRole("link", { name: "Prioridades" }).click();
      await page.getByRole("heading", { name: "Prioridades", level: 1 }).waitFor();
      const sentence = page.locator('[data-status="too_few_data"]');
      await sentence.waitFor();
      expect(await sentence.textContent()).toMatch(/hacen falta \d+ días con respuestas/);
      await expectAccessible(page, "priorities (too few data)");
      await shot(page, "insights-priorities-too-few");

      const filters = page.getByRole("search", { name: "Filtros" });
      await filters.getByLabel("Periodo").selectOption("365");
      await filters.getByLabel("Recorrido").selectOption({ label: "Devoluciones y atención al cliente" });
      await page.waitForURL(/journey=/);
      const matrix = page.getByRole("figure", { name: "Importancia frente a rendimiento" });
      await matrix.locator("canvas").waitFor();
      expect(await matrix.getByRole("table").locator("tbody tr").count()).toBe(11);
      await page.getByRole("heading", { name: "Arreglar primero", level: 2 }).waitFor();
      await expectAccessible(page, "priorities");
      await shot(page, "insights-priorities");
    });

    it("compares two periods and segments side by side, with significance", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Vistas de análisis" }).getByRole("link", { name: "Comparar" }).click();
      await page.getByRole("heading", { name: "Comparar", level: 1 }).waitFor();
      // The filters came along (the journey and the year).
      expect(new URL(page.url()).searchParams.get("days")).toBe("365");
      const periods = page.getByRole("table", { name: "Dos periodos" });
      await expect.poll(() => periods.locator("tbody tr").count()).toBe(7);
      await page.getByLabel("Comparar con").selectOption("year");
      await periods.locator("tbody tr").first().waitFor();
      const segments = page.getByRole("table", { name: "Segmentos lado a lado" });
      await expect.poll(() => segments.locator("tbody tr").count()).toBeGreaterThan(1);
      await page.getByLabel("Separar por").selectOption("touchpoint");
      await expect.poll(() => segments.locator("tbody tr").count()).toBeGreaterThan(5);
      // Any of the brand's own hidden fields: the demo's deliveries carry m_carrier.
      await page.getByLabel("Separar por").selectOption("field");
      await page.getByLabel("Clave del campo").fill("m_carrier");
      await page.getByRole("button", { name: "Aplicar" }).last().click();
      await segments.getByRole("rowheader", { name: "EnvíaYa" }).waitFor();
      await segments.getByRole("rowheader", { name: "Sin valor" }).waitFor();
      await page.getByText(/control de falsos descubrimientos de Benjamini–Hochberg/).waitFor();

      // Export buttons carry the view's filters.
      const csv = await page.getByRole("link", { name: /^CSV/ }).getAttribute("href");
      expect(csv).toMatch(/\/exports\/responses\.csv\?.*journeyId=/);
      const exported = await page.request.get(csv!);
      expect(exported.status()).toBe(200);
      expect(exported.headers()["content-type"]).toContain("text/csv");
      expect(await page.getByRole("link", { name: /^XLSX/ }).getAttribute("href")).toMatch(/\/exports\/responses\.xlsx\?/);
      await expectAccessible(page, "compare");
      await shot(page, "insights-compare");
    });
  });
}
