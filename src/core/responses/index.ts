// Responses (METHOD.md §1): answers and their validation, hidden fields, sources and devices, the
// merge of a visit's answers, and the ingestion pipeline the server composes with its own I/O.
export * from "./answers.js";
export * from "./device.js";
export * from "./hidden-fields.js";
export * from "./merge.js";
export * from "./pipeline.js";
export * from "./sources.js";
export * from "./submission.js";
