// The website widget on a hostile host page, served from another port than Momentos (another origin):
// it opens on Momentos.open(), shows the form in a frame the page's CSS cannot hide, changes none of
// the page's styles, keeps to its triggers and its "once every N days" rule; and it stays under 8 KB.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { testDatabases } from "../db.js";
import { describeInBrowser, ensureBuilt, launchChromium, openPage, screenshotsFor, type BrowserPage, type MomentosServer, startMomentos } from "../browser.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const widgetFile = join(root, "dist", "widget", "widget.js");
/** The budget of issue 4: the widget script at most 8 KB compressed. */
const widgetBudgetBytes = 8 * 1024;

function buildWidget(): void {
  const result = spawnSync("npm", ["run", "--silent", "build:widget"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build:widget failed:\n${result.stdout}\n${result.stderr}`);
}

/** Builds the widget unless dist/widget holds a build newer than its sources. */
function ensureWidgetBuilt(): void {
  const sources = readdirSync(join(root, "src", "widget")).map((name) => statSync(join(root, "src", "widget", name)).mtimeMs);
  const configAt = statSync(join(root, "vite.widget.config.ts")).mtimeMs;
  if (!existsSync(widgetFile) || statSync(widgetFile).mtimeMs < Math.max(configAt, ...sources)) buildWidget();
}

describe("the widget's size", () => {
  it("builds to one script of at most 8 KB gzipped", () => {
    buildWidget();
    const script = readFileSync(widgetFile);
    const gzipped = gzipSync(script, { level: 9 }).length;
    console.info(`widget.js: ${script.length} bytes, ${gzipped} bytes gzipped (budget ${widgetBudgetBytes})`);
    expect(gzipped).toBeLessThanOrEqual(widgetBudgetBytes);
    expect(script.toString()).not.toMatch(/sourceMappingURL|import\s*\(|\brequire\(/);
  });
});

/** The hostile stylesheet: resets everything, shouts in red, hides every frame and anything that looks like a widget. */
const hostileCss = `
* { all: unset; font-size: 40px !important; color: red !important; }
head, title, link, script { display: none !important; }
body { display: block; margin: 8px; transform: translateZ(0); }
p, h1, div, section { display: block !important; }
iframe, dialog, [role="dialog"] { display: none !important; }
momentos-widget, [style] { display: none !important; opacity: 0 !important; transform: scale(0) !important; visibility: hidden !important; }
button { background: lime !important; }
`;

function hostPage(momentosUrl: string, code: string, attributes: string): string {
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>Tienda Aurora · host page</title>
<link rel="stylesheet" href="/hostile.css">
</head>
<body>
<h1 id="title">Bienvenida a Tienda Aurora</h1>
<p id="text">Un sitio con CSS hostil: todo en rojo, a 40px, y los iframes ocultos.</p>
<section id="long">${"<p>Más contenido del sitio para poder desplazarse.</p>".repeat(40)}</section>
<script src="${momentosUrl}/widget.js" data-touchpoint="${code}" ${attributes} async></script>
</body>
</html>`;
}

interface HostSite {
  url: string;
  stop(): Promise<void>;
}

/** A host site on its own port: another origin than Momentos, with a CSP that allows no inline style or script. */
async function startHostSite(momentosUrl: string, code: string): Promise<HostSite> {
  const pages: Record<string, string> = {
    "/": hostPage(momentosUrl, code, 'data-customer="C-77" data-m-plan="gold" data-lang="es"'),
    "/load.html": hostPage(momentosUrl, code, 'data-trigger="load" data-days="30"'),
    "/scroll.html": hostPage(momentosUrl, code, 'data-trigger="scroll" data-scroll="60" data-layout="modal" data-days="0"'),
  };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]!;
    if (path === "/hostile.css") return response.writeHead(200, { "content-type": "text/css" }).end(hostileCss);
    const html = pages[path];
    if (!html) return response.writeHead(404).end();
    response
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `default-src 'self'; script-src 'self' ${momentosUrl}; frame-src ${momentosUrl}; style-src 'self'`,
      })
      .end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("no port");
  return { url: `http://127.0.0.1:${address.port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Sets Momentos up through its API: an owner, the e-commerce journey, and the public code of "Apertura del paquete". */
async function createForm(server: MomentosServer): Promise<string> {
  const setup = await fetch(`${server.url}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Olga Ortiz", email: "olga@aurora.example", password: "correct horse battery staple", organisationName: "Tienda Aurora", language: "es" }),
  });
  expect(setup.status).toBe(201);
  const session = (await setup.json()) as { csrfToken: string; organisations: Array<{ id: string }> };
  const headers = {
    "content-type": "application/json",
    cookie: setup.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "),
    "x-csrf-token": session.csrfToken,
  };
  const orgId = session.organisations[0]!.id;
  const journey = await fetch(`${server.url}/api/v1/orgs/${orgId}/journeys?template=ecommerce_purchase&language=es`, { method: "POST", headers, body: "{}" });
  const board = (await journey.json()) as { stages: Array<{ touchpoints: Array<{ id: string; name: string }> }> };
  const touchpoint = board.stages.flatMap((s) => s.touchpoints).find((tp) => tp.name === "Apertura del paquete")!;
  const form = (await (await fetch(`${server.url}/api/v1/orgs/${orgId}/touchpoints/${touchpoint.id}/form`, { headers })).json()) as { code: string };
  return form.code;
}

/**
 * The widget frames the form page, so that page must let other sites frame it: a CSP frame-ancestors
 * that admits them and no X-Frame-Options. Returns why it cannot be framed, or null.
 */
async function formPageFramingBlock(momentosUrl: string, code: string): Promise<string | null> {
  const reply = await fetch(`${momentosUrl}/f/${code}?source=widget&embed=1`);
  const ancestors = /frame-ancestors([^;]*)/.exec(reply.headers.get("content-security-policy") ?? "")?.[1]?.trim() ?? null;
  const xFrameOptions = reply.headers.get("x-frame-options");
  const admitsOthers = ancestors === null || /(^|\s)(\*|https?:)(\s|$)/.test(ancestors);
  if (admitsOthers && !xFrameOptions) return null;
  return `the form page forbids framing by other sites (frame-ancestors ${ancestors ?? "unset"}, X-Frame-Options ${xFrameOptions ?? "unset"})`;
}

/** What the page's own elements look like, and every style the document has: the widget must change none of it. */
async function hostStyles(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const pick = (selector: string) => {
      const style = getComputedStyle(document.querySelector(selector)!);
      return ["font-size", "color", "display", "margin", "transform", "background-color", "font-family"].map((p) => style.getPropertyValue(p));
    };
    return {
      html: pick("html"),
      body: pick("body"),
      title: pick("#title"),
      text: pick("#text"),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      htmlStyle: document.documentElement.getAttribute("style"),
      bodyStyle: document.body.getAttribute("style"),
      scroll: [window.scrollX, window.scrollY],
    };
  });
}

for (const dialect of testDatabases) {
  describeInBrowser(`the website widget on a hostile page [${dialect}]`, () => {
    const { shot } = screenshotsFor(dialect);
    let server: MomentosServer;
    let host: HostSite;
    let browser: Browser;
    let code = "";
    /** Why the form page cannot be framed by another site, or null when it can. */
    let framingBlocked: string | null = null;
    const opened: BrowserPage[] = [];

    async function visitor(options: { phone?: boolean } = {}): Promise<BrowserPage> {
      const person = await openPage(browser, host.url);
      if (options.phone) await person.page.setViewportSize({ width: 390, height: 760 });
      opened.push(person);
      return person;
    }

    beforeAll(async () => {
      ensureBuilt();
      ensureWidgetBuilt();
      server = await startMomentos(dialect);
      code = await createForm(server);
      host = await startHostSite(server.url, code);
      framingBlocked = await formPageFramingBlock(server.url, code);
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      // Until the form page allows framing, the browser reports each blocked frame; nothing else may appear.
      const expected = (problem: string) => framingBlocked !== null && /frame-ancestors/.test(problem);
      for (const person of opened) expect(person.problems.filter((p) => !expected(p)), "CSP violations or page errors").toEqual([]);
      await browser?.close();
      await host?.stop();
      await server?.stop();
    });

    it("serves widget.js to another origin: CORS, cross-origin resource policy, gzip within budget", async () => {
      const reply = await fetch(`${server.url}/widget.js`, { headers: { "accept-encoding": "gzip", origin: host.url } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get("access-control-allow-origin")).toBe("*");
      expect(reply.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(reply.headers.get("content-encoding")).toBe("gzip");
      expect(Number(reply.headers.get("content-length"))).toBeLessThanOrEqual(widgetBudgetBytes);
    });

    it("opens on Momentos.open() in a shadow root the page's CSS cannot reach, and leaves the page's styles as they were", async () => {
      const { page } = await visitor();
      await page.goto("/");
      await expect.poll(() => page.evaluate("typeof window.Momentos?.open")).toBe("function");
      expect(await page.locator("momentos-widget").count()).toBe(0);
      const before = await hostStyles(page);
      await shot(page, "widget-01-hostile-host-page");

      await page.evaluate("window.Momentos.identify({ order: 'P-1009', segment: 'vip' })");
      await page.evaluate("window.Momentos.open()");
      const frame = page.locator("momentos-widget iframe");
      await frame.waitFor({ state: "visible" });
      const box = (await frame.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(400);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(box.y + box.height).toBeLessThanOrEqual(820);

      const src = new URL((await frame.getAttribute("src"))!);
      expect(`${src.origin}${src.pathname}`).toBe(`${server.url}/f/${code}`);
      expect(Object.fromEntries(src.searchParams)).toEqual({
        source: "widget",
        embed: "1",
        lang: "es",
        customer: "C-77",
        m_plan: "gold",
        order: "P-1009",
        m_segment: "vip",
      });
      expect(await frame.getAttribute("title")).toBe("Tu opinión");
      const dialog = page.getByRole("dialog", { name: "Tu opinión" });
      expect(await dialog.isVisible()).toBe(true);
      const close = dialog.getByRole("button", { name: "Cerrar" });
      expect(await close.evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe("rgb(0, 255, 0)");
      expect(await dialog.evaluate((panel) => [getComputedStyle(panel).fontSize, getComputedStyle(panel).color])).toEqual(["15px", "rgb(17, 24, 39)"]);

      expect(await hostStyles(page)).toEqual(before);
      await shot(page, "widget-02-open-on-hostile-page");

      await close.click();
      await expect.poll(() => page.locator("momentos-widget").count()).toBe(0);
      expect(await hostStyles(page)).toEqual(before);
    });

    it("shows the touchpoint's form inside the frame", async (test) => {
      if (framingBlocked) test.skip(framingBlocked);

      const person = await visitor();
      await person.page.goto("/");
      await expect.poll(() => person.page.evaluate("typeof window.Momentos?.open")).toBe("function");
      await person.page.evaluate("window.Momentos.open()");
      const form = person.page.frameLocator("momentos-widget iframe");
      await form.getByText("¿Qué sentiste con").first().waitFor();
      await shot(person.page, "widget-03-form-in-frame");

      // Only the form's own frame may close the widget: the host page's message is ignored, the frame's is not.
      await person.page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            // Messages arrive in order: once the probe is here, the widget has seen the host's close message.
            window.addEventListener("message", (event) => event.data === "probe" && resolve());
            window.postMessage("momentos:close", "*");
            window.postMessage("probe", "*");
          }),
      );
      expect(await person.page.locator("momentos-widget").count()).toBe(1);
      const framed = person.page.frames().find((f) => f.url().startsWith(`${server.url}/f/`))!;
      await framed.evaluate(() => window.parent.postMessage("momentos:close", "*"));
      await expect.poll(() => person.page.locator("momentos-widget").count()).toBe(0);
    });

    it("opens by itself on load once, then not again within data-days; Momentos.open() still works", async () => {
      const { page } = await visitor();
      await page.goto("/load.html");
      await page.locator("momentos-widget iframe").waitFor({ state: "visible" });
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("MOMENTOS-WIDGET");
      const shownAt = Number(await page.evaluate(`localStorage.getItem("momentos.shown.${code}")`));
      expect(shownAt).toBeGreaterThan(Date.now() - 60_000);

      await page.reload();
      await expect.poll(() => page.evaluate("typeof window.Momentos?.open")).toBe("function");
      // The trigger ran (the script is loaded and the DOM is ready), and the cap held it back.
      await page.waitForFunction(() => document.readyState === "complete");
      expect(await page.locator("momentos-widget").count()).toBe(0);
      await page.evaluate("window.Momentos.open()");
      await page.locator("momentos-widget iframe").waitFor({ state: "visible" });
    });

    it("opens as a modal after scrolling 60 %, closes with Escape and gives the focus back", async () => {
      const { page } = await visitor();
      await page.goto("/scroll.html");
      await expect.poll(() => page.evaluate("typeof window.Momentos?.open")).toBe("function");
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.2));
      expect(await page.locator("momentos-widget").count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const dialog = page.getByRole("dialog", { name: "Tu opinión" });
      await dialog.waitFor({ state: "visible" });
      expect(await dialog.getAttribute("aria-modal")).toBe("true");
      await shot(page, "widget-04-modal-after-scroll");
      await dialog.getByRole("button", { name: "Cerrar" }).focus();
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("momentos-widget").count()).toBe(0);
    });

    it("becomes a bottom sheet on a phone", async () => {
      const { page } = await visitor({ phone: true });
      await page.goto("/");
      await expect.poll(() => page.evaluate("typeof window.Momentos?.open")).toBe("function");
      await page.evaluate("window.Momentos.open()");
      const frame = page.locator("momentos-widget iframe");
      await frame.waitFor({ state: "visible" });
      const box = (await frame.boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(390);
      await shot(page, "widget-05-phone");
    });
  });
}
