// Builds the dashboard (src/web) into dist/web, served by the Momentos server under /app.
// The page runs under a strict CSP (script-src 'self', style-src 'self'): Vite emits external
// script and style files only, and the module-preload polyfill is left out.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot("./src/web"),
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: fromRoot("./dist/web"),
    emptyOutDir: true,
    assetsDir: "assets",
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config vite.config.ts` next to `npm run dev`: the dashboard with hot reload, API proxied.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
