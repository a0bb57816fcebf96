import { describe, expect, it } from "vitest";
import { validateAnswers, type Answers } from "./answers.js";
import { isComplete, mergeResponse, type ResponseRecord } from "./merge.js";
import type { Submission } from "./submission.js";
import { at, makeSubmission, makeTouchpoint, t0 } from "./test-fixtures.js";

const touchpoint = makeTouchpoint();

function answersOf(input: unknown, variant: "universal" | "content" | "relationship" = "universal"): Answers {
  const result = validateAnswers(input, variant);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
}

/** Submits answers one after another, as the form page does, and returns each merge. */
function visit(steps: Array<{ answers: unknown; seconds: number; extra?: Partial<Submission> }>, tp = touchpoint) {
  let response: ResponseRecord | null = null;
  return steps.map(({ answers, seconds, extra }) => {
    const submission = makeSubmission({ answers, receivedAt: at(seconds), timeOnPageMs: 3000 + seconds * 1000, ...extra });
    const result = mergeResponse(response, submission, tp, answersOf(answers, tp.form.variant));
    response = result.response;
    return result;
  });
}

describe("mergeResponse", () => {
  it("creates a response from the first answer, started when the form was shown", () => {
    const [first] = visit([{ answers: { emotion: { code: "joy" } }, seconds: 0 }]);
    expect(first?.change).toBe("created");
    expect(first?.changedQuestions).toEqual(["emotion"]);
    expect(first?.response).toMatchObject({
      id: "rsp_1",
      visitToken: "visit_token_0123456789",
      touchpointId: "tp_1",
      formVersion: "v1",
      variant: "universal",
      source: "link",
      deviceClass: "phone",
      startedAt: new Date(t0.getTime() - 3000),
      completedAt: null,
      completionMs: null,
    });
    expect(first?.response.answeredAt).toEqual({ emotion: t0 });
  });

  it("updates the same response as answers are given, and completes when all four closed questions are", () => {
    const steps = visit([
      { answers: { emotion: { code: "joy" } }, seconds: 0 },
      { answers: { emotion: { code: "joy", intensity: 3 } }, seconds: 2 },
      { answers: { csat: 5 }, seconds: 5 },
      { answers: { ces: 6 }, seconds: 8 },
      { answers: { nps: 10 }, seconds: 12 },
      { answers: { comment: "¡Rapidísimo!" }, seconds: 30 },
    ]);
    expect(steps.map((s) => s.change)).toEqual(["created", "updated", "updated", "updated", "updated", "updated"]);
    const last = steps.at(-1)!.response;
    expect(last.id).toBe("rsp_1");
    expect(last.answers).toEqual({ emotion: { code: "joy", second: null, intensity: 3 }, csat: 5, ces: 6, nps: 10, comment: "¡Rapidísimo!" });
    expect(last.answeredAt).toEqual({ emotion: at(2), csat: at(5), ces: at(8), nps: at(12), comment: at(30) });
    // Completed at the nps answer (the comment is optional): 12 s after the first answer + 3 s on the page.
    expect(steps[4]?.response.completedAt).toEqual(at(12));
    expect(last.completedAt).toEqual(at(12));
    expect(last.completionMs).toBe(15_000);
    expect(last.updatedAt).toEqual(at(30));
  });

  it("does not count question 1 as answered until its intensity is chosen", () => {
    const steps = visit([
      { answers: { emotion: { code: "calm" }, csat: 4, ces: 5, nps: 8 }, seconds: 0 },
      { answers: { emotion: { code: "calm", intensity: 1 } }, seconds: 4 },
    ]);
    expect(steps[0]?.response.completedAt).toBeNull();
    expect(steps[1]?.response.completedAt).toEqual(at(4));
  });

  it("overwrites an answer given again, per question", () => {
    const steps = visit([
      { answers: { csat: 2, nps: 3 }, seconds: 0 },
      { answers: { csat: 4 }, seconds: 5 },
    ]);
    expect(steps[1]?.response.answers).toEqual({ csat: 4, nps: 3 });
    expect(steps[1]?.changedQuestions).toEqual(["csat"]);
    expect(steps[1]?.response.answeredAt).toEqual({ csat: at(5), nps: at(0) });
  });

  it("replaces question 1 as a whole: a new emotion drops the old second emotion", () => {
    const steps = visit([
      { answers: { emotion: { code: "joy", second: "calm", intensity: 2 } }, seconds: 0 },
      { answers: { emotion: { code: "calm", intensity: 2 } }, seconds: 3 },
    ]);
    expect(steps[1]?.response.answers.emotion).toEqual({ code: "calm", second: null, intensity: 2 });
  });

  it("stores nothing new for a double submit", () => {
    const steps = visit([
      { answers: { csat: 4, nps: 9 }, seconds: 0 },
      { answers: { csat: 4, nps: 9 }, seconds: 0.3 },
    ]);
    expect(steps[1]?.change).toBe("unchanged");
    expect(steps[1]?.response).toBe(steps[0]?.response);
  });

  it("keeps the time of an unchanged answer resent with a new one", () => {
    const steps = visit([
      { answers: { csat: 4 }, seconds: 0 },
      { answers: { csat: 4, nps: 9 }, seconds: 6 },
    ]);
    expect(steps[1]?.response.answeredAt).toEqual({ csat: at(0), nps: at(6) });
  });

  it("does not let an older answer arriving late overwrite a newer one", () => {
    const existing = visit([{ answers: { nps: 9 }, seconds: 10, extra: { source: "api", occurredAt: at(10) } }])[0]!.response;
    const late = makeSubmission({ source: "api", answers: { nps: 2 }, occurredAt: at(5), receivedAt: at(20) });
    const result = mergeResponse(existing, late, touchpoint, answersOf({ nps: 2 }));
    expect(result.response.answers.nps).toBe(9);
    expect(result.change).toBe("unchanged");
  });

  it("keeps hidden fields already set and fills new ones", () => {
    const first = visit([{ answers: { nps: 9 }, seconds: 0, extra: { hidden: { customerReference: "C-1", orderReference: null, channel: null, store: null, placement: null, meta: {} } } }])[0]!.response;
    const next = makeSubmission({
      answers: { csat: 3 },
      receivedAt: at(4),
      hidden: { customerReference: "C-2", orderReference: "O-9", channel: null, store: null, placement: null, meta: { plan: "gold" } },
    });
    const result = mergeResponse(first, next, touchpoint, answersOf({ csat: 3 }));
    expect(result.response.hidden).toMatchObject({ customerReference: "C-1", orderReference: "O-9", meta: { plan: "gold" } });
  });

  it("uses an API item's occurredAt, never one in the future, and gives API responses no completion time", () => {
    const item = makeSubmission({ source: "api", visitToken: null, idempotencyKey: "tk-1", timeOnPageMs: null, occurredAt: at(-3600), receivedAt: t0, answers: {} });
    const all = answersOf({ emotion: { code: "worry", intensity: 2 }, csat: 2, ces: 3, nps: 4 });
    const result = mergeResponse(null, item, touchpoint, all);
    expect(result.response.startedAt).toEqual(at(-3600));
    expect(result.response.completedAt).toEqual(at(-3600));
    expect(result.response.completionMs).toBeNull();
    const future = mergeResponse(null, { ...item, occurredAt: at(3600) }, touchpoint, all);
    expect(future.response.completedAt).toEqual(t0);
    // A page cannot choose its own time.
    const page = mergeResponse(null, makeSubmission({ occurredAt: at(-3600) }), touchpoint, all);
    expect(page.response.answeredAt.nps).toEqual(t0);
  });

  it("completes each variant on its own four closed questions", () => {
    expect(isComplete(answersOf({ emotion: { code: "joy", intensity: 1 }, brand_love: 7, ces: 7, nps: 10 }, "relationship"), "relationship")).toBe(true);
    expect(isComplete(answersOf({ emotion: { code: "joy", intensity: 1 }, csat: 5, usefulness: 7, nps: 10 }, "content"), "content")).toBe(true);
    expect(isComplete(answersOf({ emotion: { code: "joy", intensity: 1 }, csat: 5, ces: 7, comment: "x" }), "universal")).toBe(false);
  });
});
