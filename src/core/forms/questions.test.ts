import { describe, expect, it } from "vitest";
import { closedQuestionIdsOf, findQuestion, hasQuestion, questionAt, questionIdsOf, questionsOf, ratingScales } from "./questions.js";
import { formLimits, minimumTimeOnPageMs } from "./limits.js";

describe("the universal form", () => {
  it("asks five questions in a fixed order: emotion, csat, ces, nps, comment", () => {
    expect(questionIdsOf("universal")).toEqual(["emotion", "csat", "ces", "nps", "comment"]);
    expect(questionsOf("universal").map((q) => q.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it("swaps question 3 for usefulness in the content variant", () => {
    expect(questionIdsOf("content")).toEqual(["emotion", "csat", "usefulness", "nps", "comment"]);
    expect(questionAt("content", 3).id).toBe("usefulness");
  });

  it("swaps question 2 for brand love in the relationship variant", () => {
    expect(questionIdsOf("relationship")).toEqual(["emotion", "brand_love", "ces", "nps", "comment"]);
    expect(hasQuestion("relationship", "csat")).toBe(false);
    expect(findQuestion("relationship", "csat")).toBeNull();
  });

  it("has the scales of METHOD.md §1", () => {
    expect(ratingScales.csat).toEqual({ min: 1, max: 5, labels: "csat" });
    expect(ratingScales.ces).toEqual({ min: 1, max: 7, labels: "agree" });
    expect(ratingScales.usefulness).toEqual({ min: 1, max: 7, labels: "agree" });
    expect(ratingScales.brand_love).toEqual({ min: 1, max: 7, labels: "agree" });
    expect(ratingScales.nps).toEqual({ min: 0, max: 10, labels: "nps" });
    const comment = findQuestion("universal", "comment");
    expect(comment).toMatchObject({ kind: "text", closed: false, maxLength: 2000 });
  });

  it("counts four closed questions in every variant", () => {
    expect(closedQuestionIdsOf("universal")).toEqual(["emotion", "csat", "ces", "nps"]);
    expect(closedQuestionIdsOf("content")).toEqual(["emotion", "csat", "usefulness", "nps"]);
    expect(closedQuestionIdsOf("relationship")).toEqual(["emotion", "brand_love", "ces", "nps"]);
  });

  it("keeps every limit in one place", () => {
    expect(formLimits.commentMax).toBe(2000);
    expect(formLimits.batchMax).toBe(1000);
    expect(minimumTimeOnPageMs).toBe(1500);
  });
});
