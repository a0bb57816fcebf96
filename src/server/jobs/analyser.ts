// The analyser (core/text's lexicons, about 10 MB in memory) is loaded on first use, not at start: an
// instance that never receives a comment or an import keeps its idle memory (BENCHMARKS.md, idle RSS).
type AnalyseModule = typeof import("../../core/voice/analyse.js");

let loading: Promise<AnalyseModule> | null = null;

export function loadAnalyser(): Promise<AnalyseModule> {
  return (loading ??= import("../../core/voice/analyse.js"));
}

export function loadTextCore(): Promise<typeof import("../../core/text/index.js")> {
  return import("../../core/text/index.js");
}
