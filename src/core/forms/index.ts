// The universal form (METHOD.md §1): questions, variants, wording, configuration, versions and limits.
// Pure and framework-free: the server, the public form page, the widget and the dashboard all import it.
export * from "./colour.js";
export * from "./config.js";
export * from "./limits.js";
export * from "./placeholders.js";
export * from "./questions.js";
export * from "./render.js";
export * from "./sha256.js";
export * from "./text.js";
export * from "./version.js";
export * from "./wording.js";
