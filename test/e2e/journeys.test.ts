// The journey map's golden path in a real browser against a real server, on every database in
// TEST_DB: create from the Spanish e-commerce template → add a touchpoint → mark it as a moment of
// truth → reorder it with the keyboard alone → reload and find the order kept; another session sees
// the change; a viewer reads the board without editing affordances; axe-core on the list and the board;
// screenshots of the board at laptop and tablet sizes.
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
const stageName = "Envío y entrega";
const newTouchpoint = "Llamada del repartidor";

for (const dialect of testDatabases) {
  describeInBrowser(`the journey map [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let browser: Browser;
    let owner: BrowserPage;
    let elsewhere: BrowserPage;
    let orgPath = "";
    let boardPath = "";
    const opened: BrowserPage[] = [];

    async function expectAccessible(page: Page, screen: string) {
      // Scan the resting state: a drawer or dialog sliding in has its colours mid-fade.
      await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
      const violations = await seriousAccessibilityViolations(page);
      expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }

    async function newPerson(): Promise<BrowserPage> {
      const person = await openPage(browser, server.url);
      person.page.setDefaultTimeout(20_000);
      opened.push(person);
      return person;
    }

    async function signIn(page: Page, email: string) {
      await page.goto("/app/sign-in");
      await page.getByLabel("Correo electrónico").fill(email);
      await page.getByLabel("Contraseña").fill(password);
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      await page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
    }

    /** Touchpoint names of a stage, top to bottom, as the board shows them. */
    async function cardsOf(page: Page, stage: string): Promise<string[]> {
      const list = page.getByRole("list", { name: stage, exact: true });
      return list.locator(".tp-card__open").allTextContents();
    }

    beforeAll(async () => {
      ensureBuilt();
      server = await startMomentos(dialect);
      browser = await launchChromium();
      owner = await newPerson();
      const { page } = owner;
      await page.goto("/app/setup");
      await page.getByLabel("Tu nombre").fill("Olga Ortiz");
      await page.getByLabel("Correo electrónico").fill("olga@aurora.example");
      await page.getByLabel("Contraseña").fill(password);
      await page.getByLabel("Nombre de la organización").fill("Tienda Aurora");
      await page.getByRole("button", { name: "Crear cuenta y organización" }).click();
      await page.waitForURL(/\/app\/o\/[^/]+$/);
      orgPath = new URL(page.url()).pathname;
    }, 180_000);

    afterAll(async () => {
      for (const person of opened) expect(person.problems, "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await server?.stop();
    });

    it("offers the six industry templates in Spanish and creates the e-commerce journey from one", async () => {
      const { page } = owner;
      await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Mapas de recorrido" }).click();
      await page.getByRole("heading", { name: "Mapas de recorrido", level: 1 }).waitFor();
      await page.getByText("Aún no hay recorridos").waitFor();
      await expectAccessible(page, "journeys (empty)");
      await shot(page, "journeys-01-empty");

      await page.getByRole("link", { name: "Nuevo recorrido" }).first().click();
      await page.getByRole("heading", { name: "Nuevo recorrido", level: 1 }).waitFor();
      await expect.poll(() => page.locator(".template-card").count()).toBe(6);
      await page.getByText("Apertura de cuenta bancaria", { exact: false }).first().waitFor();
      await expectAccessible(page, "template gallery");
      await shot(page, "journeys-02-templates");

      await page.getByRole("button", { name: "Usar plantilla «Compra online»" }).click();
      await page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      boardPath = new URL(page.url()).pathname;
      expect(boardPath).toMatch(new RegExp(`^${orgPath}/journeys/[^/]+$`));
      await page.getByRole("list", { name: stageName, exact: true }).waitFor();
      expect(await cardsOf(page, stageName)).toEqual(["Aviso de envío y seguimiento", "Entrega a domicilio"]);
      await page.getByText("La curva de emoción medida aparece aquí cuando los clientes respondan.").waitFor();
    });

    it("shows the board to a second session, which sees later changes after a reload", async () => {
      elsewhere = await newPerson();
      await signIn(elsewhere.page, "olga@aurora.example");
      await elsewhere.page.goto(boardPath);
      await elsewhere.page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      expect(await cardsOf(elsewhere.page, stageName)).toEqual(["Aviso de envío y seguimiento", "Entrega a domicilio"]);
    });

    it("adds a touchpoint and marks it as a moment of truth with its reason", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: `Añadir punto de contacto a «${stageName}»` }).click();
      const drawer = page.getByRole("dialog", { name: "Nuevo punto de contacto" });
      await drawer.getByLabel("Nombre", { exact: true }).fill(newTouchpoint);
      await drawer.getByLabel("Canal").selectOption("phone");
      await drawer.getByLabel("Responsable").selectOption({ label: "Olga Ortiz" });
      await drawer.getByRole("button", { name: "Añadir", exact: true }).click();
      await expect.poll(() => drawer.isVisible()).toBe(false);
      await expect.poll(() => cardsOf(page, stageName)).toEqual(["Aviso de envío y seguimiento", "Entrega a domicilio", newTouchpoint]);

      await page.getByRole("button", { name: newTouchpoint, exact: true }).click();
      const editor = page.getByRole("dialog", { name: "Editar punto de contacto" });
      await editor.getByLabel("Es un momento de la verdad").check();
      await editor.getByRole("button", { name: "Guardar cambios" }).click();
      await editor.getByText("Explica por qué es un momento de la verdad.").waitFor();
      await editor.getByLabel("Por qué es un momento de la verdad").fill("Si el repartidor no avisa, el cliente pierde la entrega y la confianza.");
      await editor.getByLabel("Sentimientos").check();
      await editor.getByLabel("CSAT (% de 4–5, 0 a 100)").fill("85");
      await expectAccessible(page, "touchpoint editor");
      await shot(page, "journeys-03-touchpoint-editor");
      await editor.getByRole("button", { name: "Guardar cambios" }).click();
      await expect.poll(() => editor.isVisible()).toBe(false);

      const card = page.locator(".tp-card", { has: page.getByRole("button", { name: newTouchpoint, exact: true }) });
      await card.getByText("Momento de la verdad").waitFor();
      await expect.poll(() => card.locator(".tp-card__owner-name").textContent()).toBe("Olga Ortiz");
    });

    it("reorders the touchpoint with the keyboard alone and announces each step", async () => {
      const { page } = owner;
      const handle = page.getByRole("button", { name: `Mover «${newTouchpoint}»` });
      await handle.focus();
      await page.keyboard.press("Space");
      const live = page.locator("[aria-live='assertive']");
      await expect.poll(() => live.textContent()).toBe(`Levantaste «${newTouchpoint}». Está en la etapa «${stageName}», posición 3 de 3.`);
      await page.keyboard.press("ArrowUp");
      await expect.poll(() => live.textContent()).toBe(`«${newTouchpoint}»: etapa «${stageName}», posición 2 de 3.`);
      await page.keyboard.press("ArrowUp");
      await expect.poll(() => live.textContent()).toBe(`«${newTouchpoint}»: etapa «${stageName}», posición 1 de 3.`);
      const moved = page.waitForResponse((response) => response.url().includes("/move") && response.request().method() === "POST");
      await page.keyboard.press("Space");
      expect((await moved).status()).toBe(200);
      await expect.poll(() => live.textContent()).toBe(`Soltaste «${newTouchpoint}» en la etapa «${stageName}», posición 1 de 3.`);
      expect(await cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);
      // Focus stays on the grip, so a keyboard user can keep going.
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Mover «${newTouchpoint}»`);

      // Escape puts a lifted card back where it was.
      await page.keyboard.press("Enter");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Escape");
      await expect.poll(() => live.textContent()).toBe(`Movimiento cancelado. «${newTouchpoint}» volvió a su sitio.`);
      expect(await cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);

      await page.reload();
      await page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      await expect.poll(() => cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);
      await expectAccessible(page, "board");
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(page, "journeys-04-board-laptop");
    });

    it("lets the other session see the new order after a reload", async () => {
      const { page } = elsewhere;
      await page.reload();
      await page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      await expect.poll(() => cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);
      const card = page.locator(".tp-card", { has: page.getByRole("button", { name: newTouchpoint, exact: true }) });
      await card.getByText("Momento de la verdad").waitFor();
    });

    it("filters the board to moments of truth and to my touchpoints", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: "Momentos de la verdad" }).click();
      await page.getByText(/Mostrando \d+ de 14 puntos de contacto/).waitFor();
      expect(await cardsOf(page, stageName)).toEqual([newTouchpoint, "Entrega a domicilio"]);
      expect(await page.getByRole("button", { name: `Mover «${newTouchpoint}»` }).count()).toBe(0);
      await page.getByRole("button", { name: "Mis puntos de contacto" }).click();
      await page.getByText("Mostrando 1 de 14 puntos de contacto").waitFor();
      await shot(page, "journeys-05-board-filtered");
      await page.getByRole("button", { name: "Quitar filtros" }).click();
      await expect.poll(() => cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);
    });

    it("removes a touchpoint and brings it back with undo; the history says who did what", async () => {
      const { page } = owner;
      await page.getByRole("button", { name: "Entrega a domicilio", exact: true }).click();
      const editor = page.getByRole("dialog", { name: "Editar punto de contacto" });
      await editor.getByRole("button", { name: "Quitar del mapa" }).click();
      await page.getByText("Se quitó «Entrega a domicilio».").waitFor();
      await expect.poll(() => cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento"]);
      await page.getByRole("button", { name: "Deshacer" }).click();
      await expect.poll(() => cardsOf(page, stageName)).toEqual([newTouchpoint, "Aviso de envío y seguimiento", "Entrega a domicilio"]);

      await page.getByRole("button", { name: "Historial" }).click();
      const history = page.getByRole("dialog", { name: "Historial de cambios" });
      await history.getByText(`Olga Ortiz movió «${newTouchpoint}» a «${stageName}», posición 1`).waitFor();
      await history.getByText(`Olga Ortiz añadió «${newTouchpoint}»`).waitFor();
      await history.getByText("Olga Ortiz recuperó «Entrega a domicilio»").waitFor();
      await expectAccessible(page, "history");
      await shot(page, "journeys-06-history");
      await page.keyboard.press("Escape");
      await expect.poll(() => history.isVisible()).toBe(false);
    });

    it("fits a tablet: columns scroll sideways and snap", async () => {
      const { page } = owner;
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.reload();
      await page.getByRole("heading", { name: "Compra online", level: 1 }).waitFor();
      const scroller = page.locator(".board__scroller");
      expect(await scroller.evaluate((el) => getComputedStyle(el).scrollSnapType)).toContain("mandatory");
      expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expectAccessible(page, "board on a tablet");
      await shot(page, "journeys-07-board-tablet");
      await page.setViewportSize({ width: 1280, height: 820 });
    });

    it("lists the journey and lets a viewer read the board without editing it", async () => {
      const { page } = owner;
      await page.goto(`${orgPath}/journeys`);
      await page.getByRole("link", { name: "Compra online" }).waitFor();
      await page.getByText("6 momentos de la verdad").waitFor();
      await expectAccessible(page, "journeys list");
      await shot(page, "journeys-08-list");

      const session = await page.request.get("/api/session");
      const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
      const orgId = orgPath.split("/").at(-1)!;
      const invitation = await page.request.post(`/api/v1/orgs/${orgId}/invitations`, { data: { role: "viewer" }, headers: { "x-csrf-token": csrf } });
      expect(invitation.status()).toBe(201);
      const { url } = (await invitation.json()) as { url: string };

      const viewer = await newPerson();
      await viewer.page.goto(url);
      await viewer.page.getByLabel("Tu nombre").fill("Víctor Vega");
      await viewer.page.getByLabel("Correo electrónico").fill("victor@aurora.example");
      await viewer.page.getByLabel("Contraseña").fill(password);
      await viewer.page.getByRole("button", { name: "Crear cuenta y unirme" }).click();
      await viewer.page.getByRole("heading", { name: "Resumen", level: 1 }).waitFor();
      await viewer.page.goto(boardPath);
      await viewer.page.getByText("Estás viendo el mapa en modo lectura").waitFor();
      expect(await viewer.page.getByRole("button", { name: /^Mover/ }).count()).toBe(0);
      expect(await viewer.page.getByRole("button", { name: /Añadir/ }).count()).toBe(0);
      expect(await viewer.page.getByRole("button", { name: "Ajustes" }).count()).toBe(0);
      await viewer.page.getByRole("button", { name: newTouchpoint, exact: true }).click();
      const drawer = viewer.page.getByRole("dialog", { name: "Punto de contacto" });
      expect(await drawer.getByLabel("Nombre", { exact: true }).isDisabled()).toBe(true);
      expect(await drawer.getByRole("button", { name: "Guardar cambios" }).count()).toBe(0);
      await expectAccessible(viewer.page, "board (viewer)");
    });
  });
}
