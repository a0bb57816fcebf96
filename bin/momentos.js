#!/usr/bin/env node
// The `momentos` command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// V8 doubles the young generation each time enough objects survive it, up to 2 × 16 MB that then stay
// committed for good; keeping it at its first 2 × 1 MB costs ingestion nothing measurable and an idle
// server ~15–20 MB less (docs/BENCHMARKS.md). Set here, before start-up allocates, so that every way of
// starting Momentos gets it; a semi-space size given to node explicitly wins.
const nodeFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ");
if (!/semi[-_]space/.test(nodeFlags)) setFlagsFromString("--semi-space-growth-factor=1");

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("Momentos is not built yet: run `npm run build` first.");
  process.exit(1);
}
await import(entry.href);
