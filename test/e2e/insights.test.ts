// The score views in a real browser against a real server, on every database in TEST_DB: a brand
// with the e-commerce journey and some weeks of responses sent through the public API (a weak home
// delivery, below its target), then the overview (scores with intervals), the journey heatmap
// (coloured cards, the measured emotion curve), a touchpoint's detail (trend, distributions,
// comments shown as text) and the priority matrix (or its plain sentence). Filters live in the URL.
// axe-core on every view; screenshots in test-artifacts/screenshots/insights-*.png.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { testDatabases } from "../db.js";
import {
  describeInBrowser,
  ensureBuilt,
  launchChromium,
  openPage,
  screenshot,
  seriousAccessibilityViolations,
  startMomentos,
  type BrowserPage,
  type MomentosServer,
} from "../browser.js";

const password = "correct horse battery staple";
const weakName = "Entrega a domicilio";
const trickyComment = "El repartidor dejó el paquete mojado <b>otra vez</b> & sin avisar";

const comments = {
  good: ["Todo perfecto, muy rápido", "Me encantó la experiencia, repetiré", "Muy fácil y claro", "Genial, llegó antes de lo previsto"],
  bad: ["Tardó muchísimo y nadie avisó", "Una pena, el pedido llegó incompleto", "No me gustó nada el trato", "Demasiados pasos para algo tan simple"],
};

/** A small deterministic generator, so both databases get the same responses. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface SeedTouchpoint {
  id: string;
  name: string;
}

/** Responses over the last `days` days at every touchpoint: `quality` −1…1 per touchpoint shapes the answers. */
function responsesFor(touchpoints: SeedTouchpoint[], days: number, now: number): unknown[] {
  const next = random(42);
  const items: unknown[] = [];
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  touchpoints.forEach((tp, index) => {
    const quality = tp.name === weakName ? -0.7 : 0.6 - (index % 4) * 0.25;
    for (let day = 0; day < days; day += 1) {
      const perDay = 2 + Math.floor(next() * 3);
      for (let k = 0; k < perDay; k += 1) {
        // The weak touchpoint gets better in the last week (a fix that works).
        const q = quality + (tp.name === weakName && day < 7 ? 0.6 : 0) + (next() - 0.5) * 1.2;
        const positive = q + (next() - 0.5) > 0;
        const started = now - day * 86_400_000 - Math.floor(next() * 20 * 3_600_000) - 120_000;
        const comment =
          tp.name === weakName && day === 1 && k === 0 ? trickyComment : next() < 0.5 ? (positive ? comments.good : comments.bad)[Math.floor(next() * 4)] : undefined;
        items.push({
          touchpointId: tp.id,
          idempotencyKey: `seed-${tp.id}-${day}-${k}`,
          language: next() < 0.8 ? "es" : "en",
          startedAt: new Date(started).toISOString(),
          completedAt: new Date(started + 45_000 + Math.floor(next() * 60_000)).toISOString(),
          answers: {
            emotion: positive
              ? { code: (["joy", "calm", "pleasant_surprise", "affection"] as const)[Math.floor(next() * 4)], intensity: 1 + Math.floor(next() * 3) }
              : { code: (["frustration", "disappointment", "worry", "anger"] as const)[Math.floor(next() * 4)], intensity: 1 + Math.floor(next() * 3) },
            csat: clamp(3.4 + 1.6 * q, 1, 5),
            ces: clamp(4.6 + 2.2 * q, 1, 7),
            nps: clamp(7 + 3.2 * q, 0, 10),
            ...(comment ? { comment } : {}),
          },
        });
      }
    }
  });
  return items;
}

for (const dialect of testDatabases) {
  describeInBrowser(`the score views [${dialect}]`, () => {
    const shot = (page: Page, name: string) => screenshot(page, dialect === "sqlite" ? name : `${name}.${dialect}`);
    let server: MomentosServer;
    let browser: Browser;
    let owner: BrowserPage;
    let orgPath = "";
    let orgId = "";
    let journeyId = "";

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
      server = await startMomentos(dialect);
      browser = await launchChromium();
      owner = await openPage(browser, server.url);
      owner.page.setDefaultTimeout(20_000);
      const { page } = owner;
      await page.goto("/app/setup");
      await page.getByLabel("Tu nombre").fill("Olga Ortiz");
      await page.getByLabel("Correo electrónico").fill("olga@aurora.example");
      await page.getByLabel("Contraseña").fill(password);
      await page.getByLabel("Nombre de la organización").fill("Tienda Aurora");
      await page.getByRole("button", { name: "Crear cuenta y organización" }).click();
      await page.waitForURL(/\/app\/o\/[^/]+$/);
      orgPath = new URL(page.url()).pathname;
      orgId = orgPath.split("/").pop()!;

      // Before any response the overview keeps its first steps.
      await page.getByText("Tus indicadores aparecerán aquí").waitFor();

      const journey = await call<{ id: string; stages: Array<{ touchpoints: Array<{ id: string; name: string }> }> }>(
        page,
        "POST",
        `/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`,
        {},
      );
      journeyId = journey.id;
      const touchpoints = journey.stages.flatMap((s) => s.touchpoints);
      for (const [index, tp] of touchpoints.entries()) {
        await call(page, "PATCH", `/api/v1/orgs/${orgId}/journeys/${journeyId}/touchpoints/${tp.id}`, {
          targets: tp.name === weakName ? { nps: 40, csat: 85, ces: 5.5 } : index % 3 === 0 ? { nps: null, csat: null, ces: null } : { nps: 10 + (index % 3) * 20, csat: 70, ces: 5 },
        });
      }
      const key = await call<{ key: string }>(page, "POST", `/api/v1/orgs/${orgId}/api-keys`, { name: "Seed", scope: "write" });
      const items = responsesFor(touchpoints, 45, Date.now());
      for (let i = 0; i < items.length; i += 1000) {
        const response = await fetch(`${server.url}/api/v1/orgs/${orgId}/responses`, {
          method: "POST",
          headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
          body: JSON.stringify({ items: items.slice(i, i + 1000) }),
        });
        const result = (await response.json()) as { stored: number; dropped: number; items: unknown[] };
        expect(result.dropped, JSON.stringify(result.items.filter((r) => (r as { status: string }).status !== "stored").slice(0, 3))).toBe(0);
      }
    }, 240_000);

    afterAll(async () => {
      expect(owner?.problems ?? [], "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("shows the overview's scores, each with its interval and change, top emotions and the trend", async () => {
      const { page } = owner;
      await page.goto(orgPath);
      await page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      const nps = page.locator('.score-card[data-score="nps"]');
      await nps.waitFor();
      await expect.poll(() => nps.getAttribute("data-visibility")).toBe("shown");
      expect(await nps.locator(".score-card__value").textContent()).toMatch(/^[+−-]?\d+$/);
      expect(await nps.locator(".score-card__interval").textContent()).toMatch(/IC 95 %\s+−?\d+ – −?\d+/);
      for (const score of ["cxIndex", "csat", "ces", "nes", "completionRate"]) {
        await expect.poll(() => page.locator(`.score-card[data-score="${score}"] .score-card__interval`).count()).toBe(1);
      }
      expect(await page.locator('.score-card[data-score="responses"] .score-card__value').textContent()).toMatch(/\d/);
      await page.getByRole("heading", { name: "Emociones más citadas" }).waitFor();
      expect(await page.locator(".bar-list__item").count()).toBeGreaterThan(0);
      // The trend is an ECharts canvas with its table for screen readers.
      await page.locator(".chart canvas").first().waitFor();
      expect(await page.getByRole("table", { name: "Evolución de Índice CX" }).locator("tbody tr").count()).toBeGreaterThan(2);
      await page.getByRole("heading", { name: "Momentos de la verdad en riesgo" }).waitFor();
      await page.locator(".risk-list__name", { hasText: weakName }).waitFor();
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
      await colleague.page.getByLabel("Correo electrónico").fill("olga@aurora.example");
      await colleague.page.getByLabel("Contraseña").fill(password);
      await colleague.page.getByRole("button", { name: "Iniciar sesión" }).click();
      await colleague.page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      await colleague.page.goto(shared);
      const theirFilters = colleague.page.getByRole("search", { name: "Filtros" });
      await expect.poll(() => theirFilters.getByLabel("Periodo").inputValue()).toBe("7");
      expect(await theirFilters.getByLabel("Idioma de respuesta").inputValue()).toBe("es");
      await colleague.context.close();
      await page.getByRole("button", { name: "Quitar filtros" }).click();
      await expect.poll(() => new URL(page.url()).search).toBe("");
    });

    it("colours the journey's cards by the chosen score against their target and draws the measured emotion curve", async () => {
      const { page } = owner;
      await page.goto(`${orgPath}/journeys/${journeyId}`);
      await page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Mapa de calor" }).waitFor();
      const weak = page.locator(".tp-card", { hasText: weakName });
      await expect.poll(() => weak.getAttribute("data-heat")).toBe("below");
      expect(await weak.locator(".tp-card__heat-status").textContent()).toContain("Por debajo de la meta");
      expect(await weak.locator(".score-slot__value").textContent()).toMatch(/\d/);
      expect(await page.locator('.tp-card[data-heat="met"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.tp-card[data-heat="none"]').count()).toBeGreaterThan(0);
      // The emotion curve is measured: each stage says its valence in words.
      await page.locator(".emotion-row--measured").waitFor();
      expect(await page.locator(".emotion-row__value").count()).toBeGreaterThan(2);
      await expectAccessible(page, "journey heatmap");
      await shot(page, "insights-journey-heatmap");

      await page.getByRole("group", { name: "Colorear por" }).getByRole("button", { name: "CES" }).click();
      await expect.poll(() => weak.locator(".score-slot__label").textContent()).toBe("CES");
    });

    it("opens a touchpoint's detail from its card: scores, trend with its table, distributions and comments as text", async () => {
      const { page } = owner;
      await page.getByRole("link", { name: `Detalle de «${weakName}»` }).click();
      await page.getByRole("heading", { name: weakName, level: 1 }).waitFor();
      await page.locator('.score-card[data-score="nps"] .score-card__interval').waitFor();
      await page.getByRole("heading", { name: "Evolución", exact: true }).waitFor();
      await page.locator(".chart canvas").first().waitFor();
      await page.getByRole("group", { name: "Agrupar por" }).getByRole("button", { name: "Semana" }).click();
      await expect.poll(() => page.getByRole("table", { name: "Evolución de NPS" }).locator("tbody tr").count()).toBeLessThan(12);
      await page.getByRole("heading", { name: "Emociones e intensidad" }).waitFor();
      await page.getByRole("heading", { name: "Recomendación (0–10)" }).waitFor();
      await page.getByRole("heading", { name: "Vínculo con la marca" }).waitFor();
      await page.getByRole("heading", { name: "Finalización y abandono" }).waitFor();

      // The tricky comment is shown as the customer wrote it: text, no markup.
      const comment = page.locator(".verbatim__comment", { hasText: "<b>otra vez</b>" });
      await comment.waitFor();
      expect(await comment.locator("b").count()).toBe(0);
      const before = await page.locator(".verbatim").count();
      expect(before).toBeGreaterThan(3);
      const more = page.getByRole("button", { name: "Cargar más" });
      if (await more.isVisible()) {
        await more.click();
        await expect.poll(() => page.locator(".verbatim").count()).toBeGreaterThan(before);
      }

      // The data table is there for everyone on demand.
      await page.getByRole("figure", { name: "Evolución de NPS" }).getByRole("button", { name: "Ver tabla" }).click();
      await page.getByRole("figure", { name: "Evolución de NPS" }).getByRole("button", { name: "Ver gráfico" }).waitFor();
      await expectAccessible(page, "touchpoint detail");
      await shot(page, "insights-touchpoint");
    });

    it("shows the priority matrix, or the plain sentence when the data are too few", async () => {
      const { page } = owner;
      await page.goto(orgPath);
      await page.getByRole("navigation", { name: "Vistas de análisis" }).getByRole("link", { name: "Prioridades" }).click();
      await page.getByRole("heading", { name: "Prioridades", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Matriz de prioridades" }).waitFor();
      await page.locator('.chart canvas, [data-status="too_few_data"]').first().waitFor();
      if (await page.locator('[data-status="too_few_data"]').count()) {
        expect(await page.locator('[data-status="too_few_data"]').textContent()).toMatch(/hacen falta \d+ días con respuestas/);
      } else {
        expect(await page.getByRole("table", { name: "Importancia frente a rendimiento" }).locator("tbody tr").count()).toBeGreaterThan(3);
      }
      await expectAccessible(page, "priorities");
      await shot(page, "insights-priorities");
    });
  });
}
