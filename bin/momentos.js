#!/usr/bin/env node
// The `momentos` command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("Momentos is not built yet: run `npm run build` first.");
  process.exit(1);
}
await import(entry.href);
