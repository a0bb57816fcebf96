// The demo brand (Casa Candela) and its generated year of responses; db/demo.ts stores them.
export * from "./brand.js";
export * from "./comments.js";
export * from "./generate.js";
