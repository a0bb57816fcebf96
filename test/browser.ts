// Helpers for browser tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser), a real Momentos server (`node bin/momentos.js serve`) on a free port with a fresh
// database, axe-core scans and screenshots saved under test-artifacts/screenshots.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { describe, it } from "vitest";
import type { DialectName } from "../src/db/connect.js";
import { createEmptyPostgresDatabase } from "./db.js";
import { freePort } from "./process.js";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
const root = fileURLToPath(new URL("..", import.meta.url));
export const screenshotDir = join(root, "test-artifacts", "screenshots");

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `describe` for a browser suite. Without Chromium it is skipped, except under CI=true, where a
 * missing browser is a failure rather than a silent skip.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (hasChromium) {
    describe(name, suite);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("has Chromium to run in", () => {
        throw new Error(`Chromium is missing at ${chromiumPath}; CI must run the browser tests (apt-get install chromium).`);
      });
    });
  } else {
    describe.skip(`${name} (Chromium not found at ${chromiumPath})`, suite);
  }
}

/** Launches headless Chromium; playwright gives it a fresh, temporary --user-data-dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 30_000 });
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught errors seen on the page. */
  problems: string[];
}

/** A new browser context (its own cookies and storage, like a second person) with one page. */
export async function openPage(browser: Browser, baseUrl: string, options: { locale?: string } = {}): Promise<BrowserPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? "es-ES",
    viewport: { width: 1280, height: 820 },
    deviceScaleFactor: 1,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Saves a picture of the page; `fullPage: false` keeps just what fits on the screen (long lists). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // Let entry animations (dialogs, toasts) settle so the picture shows the resting state.
  await page.waitForTimeout(250);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/**
 * Screenshot helpers for a suite run on one database: the SQLite run keeps the plain name, the
 * others add `.<dialect>` so the runs do not overwrite each other's pictures.
 */
export function screenshotsFor(dialect: DialectName, prefix = "") {
  const named = (name: string) => (dialect === "sqlite" ? `${prefix}${name}` : `${prefix}${name}.${dialect}`);
  return {
    /** The whole page. */
    shot: (page: Page, name: string) => screenshot(page, named(name)),
    /** What fits on the screen, for a part of a long page. */
    viewportShot: (page: Page, name: string) => screenshot(page, named(name), { fullPage: false }),
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page and returns its serious and critical violations. The script is
 * evaluated through the DevTools protocol, which the page's CSP does not govern, so the page keeps
 * its real policy during the test.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`window.axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    })))`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

// ---------- The server ----------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function run(script: string): void {
  const result = spawnSync("npm", ["run", "--silent", script], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
}

const sources = (...parts: string[]) => Math.max(...parts.map((part) => newestMtime(join(root, "src", part))));

/**
 * Builds the server (which includes the public form page, src/form) when its sources are newer than
 * dist/. Suites that need nothing from the dashboard call this alone, so a dashboard being edited in
 * parallel cannot break them.
 */
export function ensureServerBuilt(): void {
  if (builtAt(join(root, "dist", "cli", "main.js")) < sources("core", "db", "server", "cli", "form")) run("build:server");
}

/**
 * Makes sure dist/ holds a build of the current sources. `npm test` builds first (pretest); this
 * covers running `npx vitest run test/e2e` straight after editing.
 */
export function ensureBuilt(): void {
  ensureServerBuilt();
  const webSources = Math.max(sources("core", "web"), builtAt(join(root, "vite.config.ts")));
  if (builtAt(join(root, "dist", "web", "index.html")) < webSources) run("build:web");
}


export interface MomentosServer {
  url: string;
  /** What the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface MomentosOptions {
  /** More environment for the server (and for `prepare`), e.g. MOMENTOS_PASSWORD. */
  env?: Record<string, string>;
  /** A `momentos` command run on the fresh database before `serve`, e.g. ["demo", "--responses", "500"]. */
  prepare?: string[];
}

/** Starts `node bin/momentos.js serve` on a free port with a fresh database, and waits until ready. */
export async function startMomentos(dialect: DialectName, options: MomentosOptions = {}): Promise<MomentosServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "momentos-e2e-"));
  const postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    BASE_URL: url,
    DATA_DIR: dataDir,
    DATABASE_URL: postgres?.url ?? `sqlite:${join(dataDir, "momentos.db")}`,
    SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
    ...options.env,
  };
  let output = "";
  if (options.prepare) {
    const prepared = spawnSync(process.execPath, [join(root, "bin", "momentos.js"), ...options.prepare], { cwd: dataDir, env, encoding: "utf8" });
    if (prepared.status !== 0) {
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`momentos ${options.prepare.join(" ")} failed:\n${prepared.stdout}\n${prepared.stderr}`);
    }
    output = prepared.stdout;
  }
  const child = spawn(process.execPath, [join(root, "bin", "momentos.js"), "serve"], { cwd: dataDir, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanUp();
      throw new Error(`Momentos exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await cleanUp();
      throw new Error(`Momentos was not ready within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => output, stop: cleanUp };
}
