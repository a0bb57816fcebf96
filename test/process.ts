// Runs the real `momentos` command as a child process, from the TypeScript sources (through tsx),
// so that process-level behaviour (signals, exit codes, output) is tested on what ships.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The parent's environment without what Vitest injects (BASE_URL, MODE, …) or a developer's own Momentos settings. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  const dropped = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR", "PORT", "HOST", "DATABASE_URL", "SECRET", "DATA_DIR", "TRUST_PROXY", "LOG_LEVEL"]);
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !dropped.has(key) && !key.startsWith("VITE")) env[key] = value;
  return env;
}

export const cliEntry = ["--import", "tsx", join(import.meta.dirname, "..", "src", "cli", "main.ts")];

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `momentos <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...cliEntry, ...args], { env: { ...cleanEnv(), LOG_LEVEL: "warn", ...env }, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "momentos-data-"));
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `momentos serve` and resolves once /healthz answers. */
export async function startServerProcess(env: Record<string, string>, command: string[] = [...cliEntry, "serve"]): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, command, {
    env: { ...cleanEnv(), PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: "pipe",
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const reply = await fetch(`${url}/healthz`);
      if (reply.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => output, exited };
}
