// Reads and validates the configuration once, at boot. A bad value stops the process with a list
// of every problem, not just the first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { parseDatabaseUrl, type DatabaseTarget } from "../db/connect.js";

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  databaseUrlForDisplay: string;
  baseUrl: URL;
  secret: string;
  logLevel: LogLevel;
  trustProxy: boolean | number | string[];
  dataDir: string;
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof logLevels)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The variables Momentos reads, with their defaults; the README's table comes from the same list. */
export const configVariables = [
  ["PORT", "3000", "TCP port to listen on."],
  ["HOST", "127.0.0.1", "Interface to listen on; 0.0.0.0 to accept connections from other machines."],
  ["DATABASE_URL", "sqlite:./data/momentos.db", "`sqlite:PATH` for the embedded database, or `postgres://user:pass@host:5432/db`."],
  ["BASE_URL", "http://localhost:PORT", "The public address people use; links in invitations and QR codes start with it. https turns on Secure cookies."],
  ["SECRET", "generated into ./data/secret", "At least 32 characters; keys the HMACs Momentos signs with. Set it on every app server when you run several."],
  ["LOG_LEVEL", "info", "fatal, error, warn, info, debug, trace or silent."],
  ["TRUST_PROXY", "false", "true, a number of hops, or a comma-separated list of proxy addresses, when Momentos runs behind a reverse proxy."],
  ["DATA_DIR", "./data", "Where the SQLite file (by default) and the generated secret live."],
] as const;

/**
 * Builds the configuration from environment variables. Throws ConfigError listing every problem.
 * When SECRET is unset it is generated once and kept in DATA_DIR/secret.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const dataDir = resolve(env.DATA_DIR?.trim() || "./data");

  const port = parsePort(env.PORT, problems);
  const host = env.HOST?.trim() || "127.0.0.1";

  const databaseUrl = env.DATABASE_URL?.trim() || `sqlite:${join(dataDir, "momentos.db")}`;
  const database = parseDatabaseUrl(databaseUrl);
  if (!database) problems.push(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${redactUrl(databaseUrl)}")`);

  let baseUrl: URL | null = null;
  const rawBase = env.BASE_URL?.trim() || `http://localhost:${port ?? 3000}`;
  try {
    baseUrl = new URL(rawBase);
    if (baseUrl.protocol !== "http:" && baseUrl.protocol !== "https:") {
      problems.push(`BASE_URL must be an http:// or https:// address (got "${rawBase}")`);
    }
  } catch {
    problems.push(`BASE_URL is not a valid URL (got "${rawBase}")`);
  }

  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || "info") as LogLevel;
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(", ")} (got "${env.LOG_LEVEL}")`);

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  let secret = env.SECRET ?? "";
  if (env.SECRET !== undefined && env.SECRET.length < 32) problems.push("SECRET must be at least 32 characters long");

  if (problems.length > 0) throw new ConfigError(problems);
  if (!secret) secret = readOrCreateSecret(join(dataDir, "secret"));

  return {
    port: port!,
    host,
    database: database!,
    databaseUrlForDisplay: redactUrl(databaseUrl),
    baseUrl: baseUrl!,
    secret,
    logLevel,
    trustProxy,
    dataDir,
  };
}

function parsePort(raw: string | undefined, problems: string[]): number | null {
  if (raw === undefined || raw.trim() === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535 (got "${raw}")`);
    return null;
  }
  return port;
}

function parseTrustProxy(raw: string | undefined, problems: string[]): boolean | number | string[] {
  const value = raw?.trim().toLowerCase();
  if (!value || value === "false" || value === "0") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(",").map((part) => part.trim()).filter(Boolean);
  if (list.some((entry) => !/^[0-9a-f.:/]+$/.test(entry))) {
    problems.push(`TRUST_PROXY must be true, false, a number of hops or a list of addresses (got "${raw}")`);
    return false;
  }
  return list;
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Hides the password of a database URL before it is printed or logged. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
