// Builds the real app on a fresh test database, with a controllable clock, and an HTTP client
// that keeps cookies and sends the CSRF token like the dashboard does.
import { afterAll, beforeAll } from "vitest";
import type { DialectName } from "../src/db/connect.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import type { App, AppContext } from "../src/server/context.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: TestClock;
  /** A new client with its own cookie jar (a new browser). */
  client(): Client;
}

/** Sets up a fresh app for the enclosing describe block; torn down after it. */
export function useTestApp(dialect: DialectName, options: { env?: Record<string, string> } = {}): TestApp {
  const holder = {} as TestApp & { database: TestDatabase };
  const clock: TestClock = {
    now: Date.UTC(2026, 0, 15, 12, 0, 0),
    advance(ms) {
      this.now += ms;
    },
  };
  beforeAll(async () => {
    holder.database = await createTestDatabase(dialect);
    const config = loadConfig({
      SECRET: "test-secret-test-secret-test-secret-0123",
      BASE_URL: "http://momentos.test",
      DATABASE_URL: "sqlite::memory:",
      ...options.env,
    });
    holder.ctx = { db: holder.database.db, config, clock: () => clock.now, ready: { value: true } };
    holder.app = await buildApp(holder.ctx, { logger: false });
    await holder.app.ready();
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.database?.drop();
  });
  return {
    get app() {
      return holder.app;
    },
    get ctx() {
      return holder.ctx;
    },
    clock,
    client: () => new Client(() => holder.app, () => clock.now),
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  text: string;
}

/** An HTTP client over app.inject: keeps cookies, adds the CSRF token to every change. */
export class Client {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  apiKey: string | null = null;
  ip = "203.0.113.10";

  constructor(
    private readonly getApp: () => App,
    private readonly now: () => number = Date.now,
  ) {}

  withApiKey(key: string): Client {
    this.apiKey = key;
    return this;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (this.csrfToken && method !== "GET" && !("x-csrf-token" in headers)) allHeaders["x-csrf-token"] = this.csrfToken;
    if (this.apiKey) allHeaders.authorization = `Bearer ${this.apiKey}`;
    const response = await this.getApp().inject({
      method: method as "GET",
      url,
      headers: allHeaders,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === "string" ? { payload: body } : { payload: body as object }),
    });
    for (const cookie of response.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired = (cookie.expires && cookie.expires.getTime() <= this.now()) || cookie.maxAge === 0 || cookie.value === "";
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let parsed: unknown = undefined;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === "object" && "csrfToken" in parsed) this.csrfToken = String((parsed as { csrfToken: string }).csrfToken);
    return { status: response.statusCode, headers: response.headers as Reply["headers"], body: parsed, text: response.body };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request("GET", url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", url, body ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request("DELETE", url, undefined, headers);
  }
}
