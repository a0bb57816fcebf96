// The maths of understanding: scores, intervals, change tests, drivers and priorities (METHOD.md §3–6).
// Pure functions over count aggregates; see docs/metrics.md for every formula and the rollup shape.
export * from "./aggregate.js";
export * from "./compare.js";
export * from "./distributions.js";
export * from "./drivers.js";
export * from "./emotion-curve.js";
export * from "./false-discovery.js";
export * from "./intervals.js";
export * from "./linear-algebra.js";
export * from "./priority-matrix.js";
export * from "./random.js";
export * from "./response-scores.js";
export * from "./sample-size.js";
export * from "./scores.js";
