import { describe, expect, it } from "vitest";
import { formConfigSchema } from "../forms/config.js";
import { minimumTimeOnPageMs } from "../forms/limits.js";
import type { ResponseRecord } from "./merge.js";
import {
  checkBatch,
  checkBodySize,
  checkForm,
  checkSpam,
  drop,
  isDrop,
  normaliseAnswers,
  pipeline,
  recordResponsePipeline,
  scoredAnswers,
  type Accepted,
  type IngestionIo,
  type Merged,
} from "./pipeline.js";
import { dropReasons } from "./sources.js";
import type { Submission, TouchpointForm } from "./submission.js";
import { at, makeSubmission, makeTouchpoint } from "./test-fixtures.js";

const accepted = (submission: Partial<Submission> = {}, touchpoint: Parameters<typeof makeTouchpoint>[0] = {}): Accepted => ({
  submission: makeSubmission(submission),
  touchpoint: makeTouchpoint(touchpoint),
});

/** An in-memory server: records which I/O ran, keeps responses by visit token and idempotency key. */
function fakeServer(options: { touchpoint?: TouchpointForm | null; allow?: boolean } = {}) {
  const calls: string[] = [];
  const rows = new Map<string, ResponseRecord>();
  const alerts: string[][] = [];
  const key = (r: { visitToken: string | null; idempotencyKey: string | null }) => r.visitToken ?? `key:${r.idempotencyKey}`;
  const io: IngestionIo = {
    findTouchpoint: async (id) => {
      calls.push("findTouchpoint");
      return options.touchpoint === undefined ? makeTouchpoint({ touchpointId: id }) : options.touchpoint;
    },
    allowRate: async () => {
      calls.push("allowRate");
      return options.allow ?? true;
    },
    findResponse: async ({ submission }) => {
      calls.push("findResponse");
      return rows.get(key(submission)) ?? null;
    },
    saveResponse: async (merged) => {
      calls.push("saveResponse");
      rows.set(key(merged.response), merged.response);
    },
    analyseComment: async () => {
      calls.push("analyseComment");
    },
    notify: async (_merged, reasons) => {
      calls.push("notify");
      alerts.push(reasons);
    },
  };
  return { io, calls, rows, alerts, record: recordResponsePipeline(io) };
}

describe("pipeline", () => {
  it("runs steps in order and stops at the first drop", async () => {
    const seen: string[] = [];
    const run = pipeline(
      (n: number) => (seen.push("double"), n * 2),
      async (n: number) => (seen.push("check"), n > 5 ? drop("rate_limited") : n),
      (n: number) => (seen.push("string"), `n=${n}`),
    );
    expect(await run(2)).toEqual({ ok: true, value: "n=4" });
    expect(seen).toEqual(["double", "check", "string"]);
    seen.length = 0;
    expect(await run(3)).toEqual({ ok: false, reason: "rate_limited" });
    expect(seen).toEqual(["double", "check"]);
  });

  it("tells drops from values", () => {
    expect(isDrop(drop("form_closed"))).toBe(true);
    expect(isDrop({ submission: {} })).toBe(false);
    expect(isDrop(null)).toBe(false);
    expect(dropReasons).toEqual([
      "form_closed",
      "rate_limited",
      "spam_suspected",
      "invalid_answer",
      "unknown_touchpoint",
      "duplicate_response",
      "batch_too_large",
      "body_too_large",
    ]);
  });
});

describe("checkForm", () => {
  it("drops a response for an unknown touchpoint", () => {
    expect(checkForm({ submission: makeSubmission(), touchpoint: null })).toEqual({ ok: false, reason: "unknown_touchpoint" });
  });

  it("drops a response when the form is closed, or the touchpoint paused or archived", () => {
    const closed = makeTouchpoint({ form: formConfigSchema.parse({ brandName: "Acme", open: false }) });
    expect(checkForm({ submission: makeSubmission(), touchpoint: closed })).toEqual({ ok: false, reason: "form_closed" });
    expect(checkForm({ submission: makeSubmission(), touchpoint: makeTouchpoint({ status: "paused" }) })).toEqual({ ok: false, reason: "form_closed" });
    expect(checkForm({ submission: makeSubmission(), touchpoint: makeTouchpoint({ archived: true }) })).toEqual({ ok: false, reason: "form_closed" });
    expect(isDrop(checkForm({ submission: makeSubmission(), touchpoint: makeTouchpoint() }))).toBe(false);
  });
});

describe("checkSpam", () => {
  it("drops a response whose honeypot is filled", () => {
    expect(checkSpam(accepted({ honeypot: "http://spam.example" }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(isDrop(checkSpam(accepted({ honeypot: "" })))).toBe(false);
    expect(isDrop(checkSpam(accepted({ honeypot: "  " })))).toBe(false);
  });

  it(`drops a first answer given less than ${minimumTimeOnPageMs} ms after the form was shown`, () => {
    expect(checkSpam(accepted({ timeOnPageMs: minimumTimeOnPageMs - 1 }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(checkSpam(accepted({ timeOnPageMs: 0 }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(isDrop(checkSpam(accepted({ timeOnPageMs: minimumTimeOnPageMs })))).toBe(false);
  });

  it("drops a page answer without a time on page, except an e-mail click", () => {
    expect(checkSpam(accepted({ timeOnPageMs: null, source: "qr" }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(checkSpam(accepted({ timeOnPageMs: null, source: "widget" }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(isDrop(checkSpam(accepted({ timeOnPageMs: null, source: "email" })))).toBe(false);
    expect(checkSpam(accepted({ timeOnPageMs: 200, source: "email" }))).toEqual({ ok: false, reason: "spam_suspected" });
  });

  it("does not apply to the API or imports", () => {
    expect(isDrop(checkSpam(accepted({ timeOnPageMs: null, source: "api", honeypot: "x" })))).toBe(false);
    expect(isDrop(checkSpam(accepted({ timeOnPageMs: 0, source: "import" })))).toBe(false);
  });
});

describe("normaliseAnswers", () => {
  it("drops invalid answers with the issues", () => {
    const result = normaliseAnswers(accepted({ answers: { csat: 9 } }));
    expect(result).toMatchObject({ ok: false, reason: "invalid_answer", issues: [{ path: "csat" }] });
  });

  it("checks answers against the touchpoint form's variant", () => {
    expect(normaliseAnswers(accepted({ answers: { csat: 4 } }, { variant: "relationship" }))).toMatchObject({
      reason: "invalid_answer",
      issues: [{ path: "csat", message: "the relationship form has no csat question" }],
    });
    const ok = normaliseAnswers(accepted({ answers: { brand_love: 6 } }, { form: formConfigSchema.parse({ variant: "relationship", brandName: "A" }) }));
    expect(ok).toMatchObject({ answers: { brand_love: 6 } });
  });
});

describe("batches and bodies", () => {
  it("drops a batch over 1,000 items", () => {
    expect(checkBatch(new Array(1000).fill({}))).toBeNull();
    expect(checkBatch(new Array(1001).fill({}))).toEqual({ ok: false, reason: "batch_too_large" });
  });

  it("drops a body over its limit", () => {
    expect(checkBodySize(32 * 1024, "single")).toBeNull();
    expect(checkBodySize(32 * 1024 + 1, "single")).toEqual({ ok: false, reason: "body_too_large" });
    expect(checkBodySize(16 * 1024 * 1024 + 1, "batch")).toEqual({ ok: false, reason: "body_too_large" });
  });
});

describe("recordResponsePipeline", () => {
  it("runs load, rate, find, store, analyse and notify in order for a good answer", async () => {
    const server = fakeServer();
    const outcome = await server.record(makeSubmission({ answers: { comment: "Todo bien" } }));
    expect(outcome.ok).toBe(true);
    expect(server.calls).toEqual(["findTouchpoint", "allowRate", "findResponse", "saveResponse", "analyseComment"]);
    expect(server.rows.size).toBe(1);
  });

  it.each([
    ["unknown_touchpoint", { touchpoint: null }, {}, ["findTouchpoint"]],
    ["form_closed", { touchpoint: makeTouchpoint({ status: "paused" }) }, {}, ["findTouchpoint"]],
    ["spam_suspected", {}, { honeypot: "x" }, ["findTouchpoint"]],
    ["rate_limited", { allow: false }, {}, ["findTouchpoint", "allowRate"]],
    ["invalid_answer", {}, { answers: { nps: 11 } }, ["findTouchpoint", "allowRate"]],
  ] as const)("drops with %s and stores nothing", async (reason, options, submission, calls) => {
    const server = fakeServer(options);
    const outcome = await server.record(makeSubmission(submission));
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(server.calls).toEqual(calls);
    expect(server.rows.size).toBe(0);
  });

  it("checks spam before the rate limiter, so bots do not spend its budget", async () => {
    const server = fakeServer({ allow: false });
    expect(await server.record(makeSubmission({ timeOnPageMs: 10 }))).toEqual({ ok: false, reason: "spam_suspected" });
    expect(server.calls).not.toContain("allowRate");
  });

  it("updates the same response when the visit answers again, and skips the store for a double submit", async () => {
    const server = fakeServer();
    await server.record(makeSubmission({ answers: { emotion: { code: "joy", intensity: 2 } } }));
    await server.record(makeSubmission({ answers: { csat: 5 }, receivedAt: at(3), newResponseId: "rsp_2" }));
    server.calls.length = 0;
    const again = await server.record(makeSubmission({ answers: { csat: 5 }, receivedAt: at(3.2), newResponseId: "rsp_3" }));
    expect(again).toMatchObject({ ok: true, value: { change: "unchanged" } });
    expect(server.calls).toEqual(["findTouchpoint", "allowRate", "findResponse"]);
    expect(server.rows.size).toBe(1);
    expect([...server.rows.values()][0]).toMatchObject({ id: "rsp_1", answers: { emotion: { code: "joy" }, csat: 5 } });
  });

  it("answers a repeated idempotency key with duplicate_response and the first response's id", async () => {
    const server = fakeServer();
    const item = makeSubmission({ source: "api", visitToken: null, idempotencyKey: "ticket-881", timeOnPageMs: null, answers: { nps: 3 } });
    expect(await server.record(item)).toMatchObject({ ok: true });
    const replay = await server.record({ ...item, newResponseId: "rsp_2", answers: { nps: 10 } });
    expect(replay).toEqual({ ok: false, reason: "duplicate_response", responseId: "rsp_1" });
    expect([...server.rows.values()].map((r) => r.answers)).toEqual([{ nps: 3 }]);
  });

  it("drops a visit token that belongs to another touchpoint", async () => {
    const server = fakeServer();
    await server.record(makeSubmission());
    const other = await server.record(makeSubmission({ touchpointId: "tp_2", newResponseId: "rsp_2" }));
    expect(other).toEqual({ ok: false, reason: "duplicate_response", responseId: "rsp_1" });
  });

  it("lets the store drop, e.g. when a concurrent first answer won the insert", async () => {
    const server = fakeServer();
    server.io.saveResponse = async () => drop("duplicate_response");
    const record = recordResponsePipeline(server.io);
    expect(await record(makeSubmission())).toEqual({ ok: false, reason: "duplicate_response" });
  });

  it("notifies each close-the-loop reason once per response, not at every answer", async () => {
    const server = fakeServer({ touchpoint: makeTouchpoint({ momentOfTruth: true }) });
    await server.record(makeSubmission({ answers: { emotion: { code: "anger" } } }));
    await server.record(makeSubmission({ answers: { emotion: { code: "anger", intensity: 3 } }, receivedAt: at(2) }));
    await server.record(makeSubmission({ answers: { ces: 2 }, receivedAt: at(4) }));
    await server.record(makeSubmission({ answers: { ces: 1 }, receivedAt: at(5) }));
    await server.record(makeSubmission({ answers: { nps: 3 }, receivedAt: at(6) }));
    await server.record(makeSubmission({ answers: { comment: "Nunca más" }, receivedAt: at(9) }));
    expect(server.alerts).toEqual([["strong_negative_emotion"], ["low_ease"], ["detractor"]]);
  });

  it("does not raise a detractor alert away from a moment of truth (METHOD.md §3 default rule)", async () => {
    const server = fakeServer();
    await server.record(makeSubmission({ answers: { nps: 0 } }));
    expect(server.alerts).toEqual([]);
  });

  it("analyses a comment only when it is new or changed", async () => {
    const server = fakeServer();
    await server.record(makeSubmission({ answers: { nps: 9 } }));
    await server.record(makeSubmission({ answers: { comment: "Bien" }, receivedAt: at(3) }));
    await server.record(makeSubmission({ answers: { comment: "Bien", csat: 4 }, receivedAt: at(5) }));
    expect(server.calls.filter((c) => c === "analyseComment")).toHaveLength(1);
  });

  it("reads like the list of its steps", async () => {
    const server = fakeServer();
    const outcome = await server.record(makeSubmission({ answers: { emotion: { code: "joy", intensity: 3 }, csat: 5, ces: 7, nps: 10 } }));
    if (!outcome.ok) throw new Error(outcome.reason);
    const merged: Merged = outcome.value;
    expect(merged.response.completedAt).not.toBeNull();
    expect(scoredAnswers(merged.response.answers)).toEqual({
      emotion: { codes: ["joy"], intensity: 3 },
      csat: 5,
      ces: 7,
      nps: 10,
      usefulness: null,
      brandLove: null,
    });
  });
});
