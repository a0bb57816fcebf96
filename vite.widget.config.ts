// Builds the website widget (src/widget) into dist/widget/widget.js: one self-contained, minified
// script (an IIFE) that any site loads with <script async>. Its size budget is 8 KB gzipped.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRoot("./src/widget"),
  publicDir: false,
  build: {
    outDir: fromRoot("./dist/widget"),
    emptyOutDir: true,
    target: "es2019",
    minify: true,
    sourcemap: false,
    lib: {
      entry: fromRoot("./src/widget/widget.ts"),
      formats: ["iife"],
      name: "MomentosWidget",
      fileName: () => "widget.js",
    },
  },
});
