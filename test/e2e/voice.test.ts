// "Lo que dicen" in a real browser against a real server, in Spanish, on every database in TEST_DB: an
// admin imports a small CSV of reviews through the import page (preview and column mapping, a polled
// progress bar, the report with accepted, duplicate and rejected rows and its CSV download, the past
// imports), then reads the texts analysed on the Voice page (source badges, inferred emotions marked
// as such, the matching words highlighted as <mark>, a hostile review as literal text) and filters them
// by a topic, which the URL keeps, and exports them as CSV; the learned-models page; axe-core on every screen; screenshots.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
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

const hostile = "<img src=x onerror=alert(1)> la entrega nunca llegó, qué decepción";
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** Rows of the large file: enough that reading it takes several polls of its progress. */
const bulkRows = 20_000;
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Reviews of a shop: 12 good rows (7 about delivery), one repeated, one without a date, one with an unknown source. */
const reviews: Array<[source: string, text: string, date: string, rating: string]> = [
  ["review", "La entrega llegó tres días tarde y el repartidor fue muy borde.", day(1), "1"],
  ["review", "El envío llegó rapidísimo, perfecto y muy bien embalado.", day(2), "5"],
  ["social", "Precio excelente y la calidad del producto es muy buena.", day(3), ""],
  ["review", "No estaba limpio pero el personal fue excelente.", day(4), "3"],
  ["review", hostile, day(5), "1"],
  ["ticket", "La web se cuelga al pagar, imposible terminar la compra.", day(6), ""],
  ["chat", "Tardaron muchísimo en responder, pésima atención al cliente.", day(7), ""],
  ["review", "La entrega fue puntual y el paquete llegó intacto, genial.", day(8), "5"],
  ["review", "Otra vez la entrega se retrasó una semana, estoy harta.", day(9), "1"],
  ["social", "El repartidor dejó el paquete en la calle, la entrega un desastre.", day(10), ""],
  ["review", "Entrega rápida y sin problemas, volveré a comprar.", day(11), "5"],
  ["review", "La entrega a domicilio fue cómoda y el envío gratis.", day(12), "4"],
];
const csv = [
  "source,text,date,rating",
  ...reviews.map(([source, text, date, rating]) => [source, quote(text), date, rating].join(",")),
  ["review", quote(reviews[1]![1]), reviews[1]![2], "5"].join(","), // row 13: the same review again
  ["review", quote("Sin fecha pero con texto sobre la entrega."), "", ""].join(","), // row 14
  ["fax", quote("Un origen que no existe."), day(3), ""].join(","), // row 15
].join("\n");

for (const dialect of testDatabases) {
  describeInBrowser(`what customers say, imported and read [${dialect}]`, () => {
    const { shot, viewportShot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let admin: BrowserPage;
    let orgId = "";
    let touchpointId = "";
    const alerts: string[] = [];

    async function expectAccessible(page: Page, screen: string) {
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity));
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      admin = await openPage(browser, server.url);
      admin.page.setDefaultTimeout(20_000);
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
      orgId = session.organisations[0].id;
      const created = await page.request.post(`/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, {
        data: {},
        headers: { "x-csrf-token": session.csrfToken as string },
      });
      expect(created.status()).toBe(201);
      const journey = await created.json();
      const touchpoints = (journey.stages as Array<{ touchpoints: Array<{ id: string; name: string }> }>).flatMap((stage) => stage.touchpoints);
      touchpointId = touchpoints.find((tp) => tp.name === "Apertura del paquete")!.id;
    }, 180_000);

    afterAll(async () => {
      expect(admin?.problems ?? [], "CSP violations or page errors").toEqual([]);
      expect(alerts, "no script from an imported text ever ran").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("previews the file and how its columns are read before anything is sent", async () => {
      const { page } = admin;
      await page.goto(`/app/o/${orgId}`);
      // The sidebar leads to the Voice page; admins see its import tab.
      await page.getByRole("link", { name: "Lo que dicen" }).click();
      await page.getByRole("heading", { level: 1, name: "Lo que dicen tus clientes" }).waitFor();
      await page.getByText("Aún no hay textos analizados").waitFor();
      await page.getByRole("navigation", { name: "Secciones de Lo que dicen" }).getByRole("link", { name: "Importar" }).click();
      await page.getByRole("heading", { level: 1, name: "Importar opiniones" }).waitFor();
      await page.getByText("Aún no hay importaciones.").waitFor();

      // Nothing chosen: the form says what is missing, beside the fields.
      await page.getByRole("button", { name: "Importar", exact: true }).click();
      await page.getByText("Elige el archivo que quieres importar.").waitFor();
      await page.getByText("Elige el punto de contacto de las filas.").waitFor();

      await page.getByLabel("Archivo", { exact: true }).setInputFiles({ name: "resenas-tienda.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.getByText("resenas-tienda.csv").waitFor();
      await page.getByLabel("Punto de contacto", { exact: true }).selectOption(touchpointId);

      expect(await page.locator("dl.vc-mapping").getAttribute("aria-labelledby")).toBe("import-mapping-title");
      const columnOf = (field: string) =>
        page
          .locator(".vc-mapping__item")
          .filter({ has: page.locator("dt", { hasText: new RegExp(`^${field}(obligatorio)?$`) }) })
          .locator("dd")
          .textContent();
      expect(await columnOf("Texto")).toBe("text");
      expect(await columnOf("Fecha")).toBe("date");
      expect(await columnOf("Origen")).toBe("source");
      expect(await columnOf("Valoración")).toBe("rating");
      expect(await columnOf("Enlace")).toBe("—");
      const rows = page.getByRole("table", { name: "Primeras filas del archivo" });
      await rows.getByRole("cell", { name: reviews[0]![1] }).waitFor();
      expect(await rows.locator("tbody tr").count()).toBe(5);
      // The hostile review is text in a cell, not markup.
      expect(await rows.locator("img").count()).toBe(0);
      await page.getByText("Primeras 5 filas").waitFor();

      await expectAccessible(page, "import preview");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "voice-01-import-preview");
    });

    it("uploads the file, shows its progress and ends with the report", async () => {
      const { page } = admin;
      // Every progress bar the page shows is recorded, however short-lived.
      await page.evaluate(() => {
        const seen: Array<{ now: string | null; text: string | null }> = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('[role="progressbar"][aria-label="Progreso de la importación"]')) {
            seen.push({ now: bar.getAttribute("aria-valuenow"), text: bar.getAttribute("aria-valuetext") });
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.getByRole("button", { name: "Importar", exact: true }).click();
      const report = page.getByRole("region", { name: "Informe de la importación" });
      await report.waitFor();
      const seen = (await page.evaluate("window.progressSeen")) as Array<{ now: string | null; text: string | null }>;
      expect(seen.length, "the progress bar was shown while the import ran").toBeGreaterThan(0);
      expect(seen[0]!.text).toMatch(/filas leídas/);

      await report.getByText("Importación terminada").waitFor();
      const count = (label: string) => report.locator(".vc-stat", { hasText: label }).locator("dd").textContent();
      expect(await count("Aceptadas")).toBe("12");
      expect(await count("Duplicadas (omitidas)")).toBe("1");
      expect(await count("Rechazadas")).toBe("2");
      const rejections = report.getByRole("table", { name: "Filas rechazadas" });
      expect(await rejections.locator("tbody tr").allInnerTexts()).toEqual(["14\tSin fecha\tFecha", "15\tOrigen desconocido (review, social, ticket, chat u other)\tOrigen"]);
      // Focus moved to the report's heading, so a screen reader reads the outcome.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Informe de la importación");

      const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Descargar informe (CSV)" }).click()]);
      expect(download.suggestedFilename()).toBe("informe-importacion-resenas-tienda.csv");
      const content = readFileSync((await download.path())!, "utf8");
      expect(content).toContain("Aceptadas,12");
      expect(content).toContain("14,missing_date,Sin fecha,Fecha");
      expect(content).toContain('15,invalid_source,"Origen desconocido (review, social, ticket, chat u other)",Origen');

      const history = page.getByRole("table", { name: "Importaciones anteriores" });
      const row = history.getByRole("row", { name: /resenas-tienda\.csv/ });
      await row.getByText("Terminada").waitFor();
      expect(await row.getByRole("cell").nth(3).textContent()).toBe("12");

      await expectAccessible(page, "import report");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "voice-02-import-report");
    });

    it("shows the texts analysed, with their source, inferred emotions and the matching words highlighted", async () => {
      const { page } = admin;
      await page.getByRole("link", { name: "Ver los textos" }).click();
      await page.waitForURL(`**/app/o/${orgId}/voice`);
      await page.getByRole("heading", { level: 1, name: "Lo que dicen tus clientes" }).waitFor();
      const texts = page.getByRole("list", { name: "Textos" });
      await expect.poll(() => texts.locator(":scope > li").count()).toBe(12);
      await page.getByText("Se muestran 12 textos.").waitFor();

      // The hostile review: its text character for character, no element made of it but the highlights.
      const hostileItem = texts.locator("li", { hasText: "onerror" });
      const body = hostileItem.locator("blockquote p");
      expect(await body.textContent()).toBe(hostile);
      expect(await body.evaluate((node) => [...node.children].every((child) => child.tagName === "MARK"))).toBe(true);
      expect(await page.locator("img").count()).toBe(0);
      const marks = await body.locator("mark").allTextContents();
      expect(marks).toContain("entrega");
      await hostileItem.getByText("Reseña", { exact: true }).waitFor();
      await hostileItem.getByText("Apertura del paquete").waitFor();
      const emotion = hostileItem.locator(".vc-chip--emotion", { hasText: "Decepción" });
      await emotion.getByText("inferida", { exact: true }).waitFor();
      await hostileItem.getByText(/^Negativo/).waitFor();
      await hostileItem.getByText("Valoración: 1 de 5").waitFor();

      // Every source badge the file used, and the form's own comments are a source too.
      for (const source of ["Reseña", "Redes sociales", "Ticket", "Chat"]) expect(await texts.getByText(source, { exact: true }).count()).toBeGreaterThan(0);

      // Topics by sentiment: delivery is there with its count, and the emotions are marked inferred.
      const topics = page.getByRole("table", { name: "Sentimiento por tema" });
      const delivery = topics.getByRole("row", { name: /^Entrega/ });
      await delivery.waitFor();
      expect(Number(await delivery.getByRole("cell").first().innerText())).toBeGreaterThanOrEqual(7);
      await page.getByRole("heading", { name: /Emociones/ }).getByText("inferidas").waitFor();
      await page.getByRole("heading", { name: "Frases clave" }).waitFor();

      await expectAccessible(page, "voice page");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "voice-03-analysis");
    });

    it("filters the texts by a topic, kept in the URL", async () => {
      const { page } = admin;
      await page.getByRole("group", { name: "Filtrar los textos" }).getByLabel("Tema").selectOption("delivery");
      await page.waitForURL(/[?&]topic=delivery/);
      const texts = page.getByRole("list", { name: "Textos" });
      await page.getByText(/^Se muestran \d+ textos\.$/).waitFor();
      const shown = await texts.locator(":scope > li").count();
      expect(shown).toBeGreaterThanOrEqual(7);
      expect(shown).toBeLessThan(12);
      // Each text is about delivery, and its delivery words are the ones highlighted as the topic.
      for (const item of await texts.locator(":scope > li").all()) {
        await item.locator(".vc-chip--topic.is-active", { hasText: "Entrega" }).waitFor();
        expect(await item.locator("mark.vc-mark--topic").count()).toBeGreaterThan(0);
      }
      expect(await texts.getByText("Precio excelente", { exact: false }).count()).toBe(0);

      // "Export CSV" downloads the same texts, with the same filter, headed in the page's language.
      const exportLink = page.getByRole("link", { name: "Exportar CSV" });
      const href = (await exportLink.getAttribute("href"))!;
      expect(href).toMatch(/\/text\/texts\.csv\?.*topic=delivery/);
      expect(href).toContain("lang=es");
      const download = await page.evaluate(async (link) => {
        const reply = await fetch(link);
        return { status: reply.status, text: await reply.text() };
      }, href);
      expect(download.status).toBe(200);
      const exported = parse(download.text.replace(/^\uFEFF/, "")) as string[][];
      expect(exported[0]![0]).toBe("Fecha (UTC)");
      expect(exported.length - 1).toBe(shown);

      // The URL is the view: reloading keeps the filter.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Lo que dicen tus clientes" }).waitFor();
      expect(await page.getByRole("group", { name: "Filtrar los textos" }).getByLabel("Tema").inputValue()).toBe("delivery");
      await expect.poll(() => page.getByRole("list", { name: "Textos" }).locator(":scope > li").count()).toBe(shown);

      // The topic's row in the table is a toggle for the same filter.
      const row = page.getByRole("table", { name: "Sentimiento por tema" }).getByRole("button", { name: "Entrega", exact: true });
      expect(await row.getAttribute("aria-pressed")).toBe("true");
      await expectAccessible(page, "voice page filtered by topic");
      await page.locator("#voice-texts").evaluate((node) => node.scrollIntoView({ block: "start" }));
      await page.evaluate(() => window.scrollBy(0, -70));
      await viewportShot(page, "voice-04-topic-filter");
      await row.click();
      await page.waitForURL((url) => !url.search.includes("topic="));
      await expect.poll(() => page.getByRole("list", { name: "Textos" }).locator(":scope > li").count()).toBe(12);

      // Words: the search box narrows the list to the texts that contain them.
      await page.getByRole("searchbox", { name: "Buscar palabras" }).fill("repartidor");
      await page.getByRole("button", { name: "Buscar", exact: true }).click();
      await page.waitForURL(/[?&]q=repartidor/);
      await expect.poll(() => page.getByRole("list", { name: "Textos" }).locator(":scope > li").count()).toBe(2);
      for (const text of await page.getByRole("list", { name: "Textos" }).locator("blockquote").allTextContents()) expect(text.toLowerCase()).toContain("repartidor");
      await page.getByRole("button", { name: "Quitar filtros" }).click();
      await page.waitForURL((url) => !url.search.includes("q="));
      await expect.poll(() => page.getByRole("list", { name: "Textos" }).locator(":scope > li").count()).toBe(12);
    });

    it("reads in English and fits a phone", async () => {
      const { page } = admin;
      await page.goto(`/app/o/${orgId}/voice?topic=delivery`);
      await page.getByRole("button", { name: "English", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "What your customers say" }).waitFor();
      await page.getByRole("table", { name: "Sentiment by topic" }).getByRole("button", { name: "Delivery", exact: true }).waitFor();
      await page.getByText(/^Showing \d+ texts\.$/).waitFor();
      await page.getByRole("list", { name: "Texts" }).getByText("inferred", { exact: true }).first().waitFor();
      await page.getByRole("button", { name: "Español", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Lo que dicen tus clientes" }).waitFor();

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("list", { name: "Textos" }).locator(":scope > li").first().waitFor();
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((node) => node.getBoundingClientRect().right > 390.5 && !node.closest(".vc-scroll"))
          .slice(0, 8)
          .map((node) => `${node.tagName}.${node.className} ${Math.round(node.getBoundingClientRect().right)}`),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join("\n")).toBeLessThanOrEqual(390);
      await expectAccessible(page, "voice page on a phone");
      await page.evaluate(() => window.scrollTo(0, 0));
      await viewportShot(page, "voice-06-phone");
      await page.setViewportSize({ width: 1280, height: 820 });
    });

    it("explains the learned models and how far the organisation is from the first one", async () => {
      const { page } = admin;
      await page.getByRole("navigation", { name: "Secciones de Lo que dicen" }).getByRole("link", { name: "Modelos aprendidos" }).click();
      await page.getByRole("heading", { level: 1, name: "Modelos aprendidos" }).waitFor();
      const bar = page.getByRole("progressbar", { name: "Respuestas para aprender" });
      await bar.waitFor();
      expect(await bar.getAttribute("aria-valuenow")).toBe("0");
      await page.getByText("Cómo se mide la calidad").waitFor();
      await page.getByRole("button", { name: "Volver a analizar" }).waitFor();
      await expectAccessible(page, "learned models");
      await shot(page, "voice-05-models");
    });
    it("trains a model for a journey from the customers' own answers and shows its quality", async () => {
      const { page } = admin;
      // 320 form responses with a comment and the customer's own emotion and scores (sent through the API).
      const session = await (await page.request.get("/api/session")).json();
      const good = ["Todo perfecto, la entrega rápida y el trato muy amable", "Me encantó, volveré a comprar seguro", "Genial el envío, llegó antes de lo previsto"];
      const bad = ["La entrega llegó tarde y nadie me avisó", "Muy mal, el paquete llegó roto", "Pésimo servicio, no respondieron mis correos"];
      const items = Array.from({ length: 320 }, (_, i) => {
        const happy = i % 2 === 0;
        return {
          touchpointId,
          idempotencyKey: `train-${i}`,
          language: "es",
          answers: {
            emotion: { code: happy ? "joy" : "frustration", intensity: 2 },
            csat: happy ? 5 : 1,
            ces: happy ? 6 : 2,
            nps: happy ? 10 : 2,
            comment: `${(happy ? good : bad)[i % 3]} (pedido ${i})`,
          },
        };
      });
      const sent = await page.request.post(`/api/v1/orgs/${orgId}/responses`, { data: { items }, headers: { "x-csrf-token": session.csrfToken as string } });
      expect(sent.status()).toBe(201);

      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Modelos aprendidos" }).waitFor();
      await page.getByText(/^320 respuestas$/).waitFor();
      await page.getByLabel("Entrenar un modelo para").selectOption({ label: "Recorrido: Compra online" });
      await page.getByRole("button", { name: "Entrenar", exact: true }).click();
      const model = page.locator(".vc-model", { hasText: "Recorrido: Compra online" });
      await model.waitFor();
      await model.getByText("Listo", { exact: true }).waitFor({ timeout: 90_000 });
      const quality = model.locator(".vc-quality");
      expect(await quality.locator("div", { hasText: "F1 macro" }).locator(".vc-quality__value").textContent()).toMatch(/^[01],\d\d$/);
      expect(await quality.locator("div", { hasText: "Exactitud" }).locator(".vc-quality__value").textContent()).toMatch(/^\d{1,3}\s%$/);
      expect(Number(await quality.locator("div", { hasText: "Respuestas apartadas" }).locator(".vc-quality__value").textContent())).toBeGreaterThan(0);
      await model.getByRole("button", { name: /^Volver a entrenar/ }).waitFor();
      await expectAccessible(page, "learned models with a model");
      await shot(page, "voice-07-model-trained");
    }, 150_000);

    it("follows a large file's progress from the first bytes to the report", async () => {
      const { page } = admin;
      const adjectives = ["rápida", "lenta", "puntual", "tardía", "perfecta", "desastrosa"];
      const lines = ["source,text,date"];
      for (let i = 0; i < bulkRows; i += 1) lines.push(`review,"Pedido ${i}: la entrega fue ${adjectives[i % adjectives.length]} y el trato ${i % 2 ? "amable" : "frío"}.",${day(i % 28)}`);
      await page.goto(`/app/o/${orgId}/voice/import`);
      await page.getByLabel("Archivo", { exact: true }).setInputFiles({ name: "historico.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n"), "utf8") });
      await page.getByLabel("Punto de contacto", { exact: true }).selectOption(touchpointId);
      await page.getByRole("table", { name: "Primeras filas del archivo" }).waitFor();
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { bulkSeen: number[] }).bulkSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"][aria-label="Progreso de la importación"]');
          const now = bar?.getAttribute("aria-valuenow");
          if (now !== null && now !== undefined) seen.push(Number(now));
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
      });
      await page.getByRole("button", { name: "Importar", exact: true }).click();
      const report = page.getByRole("region", { name: "Informe de la importación" });
      await report.getByText("Importación terminada").waitFor({ timeout: 120_000 });
      const seen = (await page.evaluate("window.bulkSeen")) as number[];
      expect(seen.some((value) => value > 0 && value < 100), `progress values seen: ${seen.join(", ")}`).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(await report.locator(".vc-stat", { hasText: "Aceptadas" }).locator("dd").textContent()).toBe(new Intl.NumberFormat("es").format(bulkRows));
      await page.getByRole("table", { name: "Importaciones anteriores" }).getByRole("row", { name: /historico\.csv/ }).getByText("Terminada").waitFor();
    }, 180_000);
  });
}
