import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, redactUrl } from "./config.js";

const dataDir = () => mkdtempSync(join(tmpdir(), "momentos-config-"));

describe("configuration", () => {
  it("defaults to port 3000 and a SQLite file under the data folder", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: "sqlite", file: join(dir, "momentos.db") });
    expect(config.baseUrl.href).toBe("http://localhost:3000/");
    expect(config.logLevel).toBe("info");
    expect(config.trustProxy).toBe(false);
  });

  it("generates a secret on first start and keeps it", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, "secret"), "utf8").trim()).toBe(first.secret);
    expect(loadConfig({ DATA_DIR: dir }).secret).toBe(first.secret);
  });

  it("chooses PostgreSQL from DATABASE_URL", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://u:p@db:5432/momentos", SECRET: "s".repeat(32) });
    expect(config.database).toEqual({ dialect: "postgres", url: "postgres://u:p@db:5432/momentos" });
    expect(config.databaseUrlForDisplay).toBe("postgres://u:***@db:5432/momentos");
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: "eighty", DATABASE_URL: "mysql://x", BASE_URL: "ftp://x", LOG_LEVEL: "loud", SECRET: "short", TRUST_PROXY: "maybe?" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(6);
      expect(problems.join("\n")).toMatch(/PORT[\s\S]*DATABASE_URL[\s\S]*BASE_URL[\s\S]*LOG_LEVEL[\s\S]*TRUST_PROXY[\s\S]*SECRET/);
    }
  });

  it("reads TRUST_PROXY as a flag, a hop count or a list", () => {
    const base = { DATA_DIR: dataDir(), SECRET: "s".repeat(32) };
    expect(loadConfig({ ...base, TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: "10.0.0.1, 10.0.0.0/8" }).trustProxy).toEqual(["10.0.0.1", "10.0.0.0/8"]);
  });

  it("redacts passwords in database URLs", () => {
    expect(redactUrl("postgresql://momentos:s3cr3t@db/momentos")).toBe("postgresql://momentos:***@db/momentos");
    expect(redactUrl("sqlite:./data/momentos.db")).toBe("sqlite:./data/momentos.db");
  });
});
