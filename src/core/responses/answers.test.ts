import { describe, expect, it } from "vitest";
import { emotionCodes } from "../emotions.js";
import { answersFromFormFields, normaliseComment, validateAnswers, validateAnswersBySchema, validateAnswersQuickly, type AnswersValidation } from "./answers.js";

const valid = (input: unknown, variant: "universal" | "content" | "relationship" = "universal") => {
  const result = validateAnswers(input, variant);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.answers;
};
const issues = (result: AnswersValidation) => (result.ok ? [] : result.issues);
const invalid = (input: unknown, variant: "universal" | "content" | "relationship" = "universal") => {
  const result = validateAnswers(input, variant);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toBe("invalid_answer");
  return issues(result);
};

describe("validateAnswers: bounds of every question", () => {
  it.each([
    ["csat", 1, 5],
    ["ces", 1, 7],
    ["nps", 0, 10],
  ] as const)("takes %s from %i to %i and nothing beyond", (id, min, max) => {
    for (let v = min; v <= max; v++) expect(valid({ [id]: v })).toEqual({ [id]: v });
    expect(invalid({ [id]: min - 1 })[0]).toMatchObject({ path: id });
    expect(invalid({ [id]: max + 1 })[0]).toMatchObject({ path: id });
    expect(invalid({ [id]: 2.5 })[0]?.message).toMatch(/whole number/);
    expect(invalid({ [id]: "3" })[0]?.path).toBe(id);
    expect(invalid({ [id]: null })).not.toEqual([]);
    expect(invalid({ [id]: true })).not.toEqual([]);
    expect(invalid({ [id]: Number.NaN })).not.toEqual([]);
    expect(invalid({ [id]: Number.POSITIVE_INFINITY })).not.toEqual([]);
  });

  it("takes usefulness 1–7 on a content form and brand_love 1–7 on a relationship form", () => {
    expect(valid({ usefulness: 7 }, "content")).toEqual({ usefulness: 7 });
    expect(invalid({ usefulness: 8 }, "content")).not.toEqual([]);
    expect(valid({ brand_love: 1 }, "relationship")).toEqual({ brand_love: 1 });
    expect(invalid({ brand_love: 0 }, "relationship")).not.toEqual([]);
  });

  it("takes every emotion code with an intensity 1–3", () => {
    for (const code of emotionCodes) {
      for (const intensity of [1, 2, 3]) expect(valid({ emotion: { code, intensity } }).emotion).toEqual({ code, second: null, intensity });
    }
    expect(invalid({ emotion: { code: "joy", intensity: 0 } })[0]?.path).toBe("emotion.intensity");
    expect(invalid({ emotion: { code: "joy", intensity: 4 } })).not.toEqual([]);
    expect(invalid({ emotion: { code: "joy", intensity: "2" } })).not.toEqual([]);
    expect(invalid({ emotion: "joy" })).not.toEqual([]);
  });
});

describe("validateAnswers: the emotion question", () => {
  it("takes an emotion before its intensity is chosen", () => {
    expect(valid({ emotion: { code: "calm" } })).toEqual({ emotion: { code: "calm", second: null, intensity: null } });
  });

  it("takes a second emotion that differs from the first", () => {
    expect(valid({ emotion: { code: "joy", second: "worry", intensity: 2 } }).emotion).toEqual({ code: "joy", second: "worry", intensity: 2 });
    expect(invalid({ emotion: { code: "joy", second: "joy", intensity: 2 } })[0]).toEqual({
      path: "emotion.second",
      message: "the second emotion must differ from the first",
    });
  });

  it("refuses unknown emotion codes", () => {
    expect(invalid({ emotion: { code: "sadness", intensity: 1 } })[0]).toMatchObject({ path: "emotion.code", message: 'unknown emotion code "sadness"' });
    expect(invalid({ emotion: { code: "Joy" } })).not.toEqual([]);
    expect(invalid({ emotion: { code: "toString" } })).not.toEqual([]);
    expect(invalid({ emotion: { code: "__proto__" } })).not.toEqual([]);
    expect(invalid({ emotion: { code: "joy", second: "surprise" } })[0]?.path).toBe("emotion.second");
  });

  it("refuses an intensity or a second emotion without an emotion", () => {
    expect(invalid({ emotion: { intensity: 3 } })).toEqual([{ path: "emotion.intensity", message: "an intensity requires an emotion" }]);
    expect(invalid({ emotion: { second: "joy" } })).toEqual([{ path: "emotion.second", message: "a second emotion requires a first" }]);
    expect(invalid({ emotion: {} })).toEqual([{ path: "emotion.code", message: "must name an emotion" }]);
    expect(invalid({ emotion: { code: "joy", third: "calm" } })).not.toEqual([]);
  });
});

describe("validateAnswers: partial answers and variant slots", () => {
  it("takes any subset of the variant's questions", () => {
    expect(valid({ nps: 9 })).toEqual({ nps: 9 });
    expect(valid({ emotion: { code: "joy", intensity: 3 }, csat: 5, ces: 7, nps: 10, comment: "¡Genial!" })).toEqual({
      emotion: { code: "joy", second: null, intensity: 3 },
      csat: 5,
      ces: 7,
      nps: 10,
      comment: "¡Genial!",
    });
  });

  it("refuses an empty submission", () => {
    expect(invalid({})).toEqual([{ path: "", message: "no answer given" }]);
    expect(invalid({ comment: "   " })).toEqual([{ path: "", message: "no answer given" }]);
  });

  it("refuses what is not an answers object", () => {
    for (const input of [null, undefined, [], "nps=9", 9]) expect(invalid(input)).toEqual([{ path: "", message: "answers must be an object" }]);
  });

  it("refuses another variant's slot: csat on a relationship form, ces on a content form", () => {
    expect(invalid({ csat: 4 }, "relationship")).toEqual([{ path: "csat", message: "the relationship form has no csat question" }]);
    expect(invalid({ ces: 4 }, "content")).toEqual([{ path: "ces", message: "the content form has no ces question" }]);
    expect(invalid({ brand_love: 4 })).toEqual([{ path: "brand_love", message: "the universal form has no brand_love question" }]);
    expect(invalid({ usefulness: 4 }, "relationship")).toEqual([{ path: "usefulness", message: "the relationship form has no usefulness question" }]);
  });

  it("refuses unknown keys, including hostile ones", () => {
    expect(invalid({ nps: 9, q6: 1 })).toEqual([{ path: "q6", message: "unknown question" }]);
    expect(invalid(JSON.parse('{"nps": 9, "__proto__": {"csat": 1}}'))).toEqual([{ path: "__proto__", message: "unknown question" }]);
    expect(invalid({ nps: 9, constructor: 1 })).toEqual([{ path: "constructor", message: "unknown question" }]);
  });
});

describe("validateAnswers: the comment", () => {
  it("takes 2,000 code points and refuses 2,001", () => {
    expect(valid({ comment: "a".repeat(2000) }).comment).toHaveLength(2000);
    expect(invalid({ comment: "a".repeat(2001) })[0]).toMatchObject({ path: "comment", message: "comment must be at most 2000 characters" });
  });

  it("counts an emoji once", () => {
    const emoji = "😀".repeat(2000);
    expect(emoji.length).toBe(4000);
    expect(valid({ comment: emoji }).comment).toBe(emoji);
    expect(invalid({ comment: emoji + "😀" })).not.toEqual([]);
    expect(valid({ comment: "ñ".repeat(1999) + "🎉" }).comment).toBe("ñ".repeat(1999) + "🎉");
  });

  it("counts after cleaning: surrounding spaces and control characters do not count", () => {
    expect(valid({ comment: `  ${"a".repeat(2000)}\u0000\u0007  ` }).comment).toBe("a".repeat(2000));
  });

  it("normalises to NFC, so a decomposed accent counts once", () => {
    const decomposed = "e\u0301".repeat(2000);
    const comment = valid({ comment: decomposed }).comment;
    expect(comment).toBe("é".repeat(2000));
  });

  it("keeps HTML and <script> verbatim", () => {
    const html = '<script>alert("hola")</script><img src=x onerror=alert(1)> <b>negrita</b> &lt;ok&gt; \' " `';
    expect(valid({ comment: html }).comment).toBe(html);
    expect(normaliseComment("<a href=\"javascript:alert(1)\">x</a>")).toBe("<a href=\"javascript:alert(1)\">x</a>");
  });

  it("keeps Unicode, emoji sequences, newlines and tabs; drops other control characters", () => {
    const text = "Muy bien 👍🏽\nObrigado! 🇧🇷 👨‍👩‍👧\tこんにちは مرحبا";
    expect(valid({ comment: text }).comment).toBe(text);
    expect(valid({ comment: "a\r\nb\u001bc\u0085d\u200be" }).comment).toBe("a\nbcd\u200be");
  });

  it("refuses a comment that is not text", () => {
    expect(invalid({ comment: 42 })[0]).toEqual({ path: "comment", message: "comment must be text" });
    expect(invalid({ comment: ["a"] })).not.toEqual([]);
  });
});

describe("answersFromFormFields", () => {
  it("reads a plain HTML form post", () => {
    const input = answersFromFormFields({ emotion: "joy", second_emotion: "calm", intensity: "2", csat: "4", ces: "", nps: "10", comment: "Todo bien" });
    expect(input).toEqual({ emotion: { code: "joy", second: "calm", intensity: 2 }, csat: 4, nps: 10, comment: "Todo bien" });
    expect(valid(input)).toEqual({ emotion: { code: "joy", second: "calm", intensity: 2 }, csat: 4, nps: 10, comment: "Todo bien" });
  });

  it("keeps non-numbers as strings so that validation refuses them", () => {
    const input = answersFromFormFields({ csat: "4.5", nps: "ten" });
    expect(input).toEqual({ csat: "4.5", nps: "ten" });
    expect(invalid(input).map((i) => i.path)).toEqual(["csat", "nps"]);
  });

  it("passes an intensity without an emotion on, to be refused", () => {
    expect(invalid(answersFromFormFields({ intensity: "3" }))).toEqual([{ path: "emotion.intensity", message: "an intensity requires an emotion" }]);
  });
});

describe("validateAnswers: the quick path of the hot path agrees with the schema", () => {
  // A seeded generator of answers objects, well formed and not, near every bound the schema checks.
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }
  const next = random(20261208);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const long = (n: number, unit = "a") => unit.repeat(n);
  const scalars: unknown[] = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 2.5, -0, Number.NaN, "3", "", null, undefined, true, [], {}, [1]];
  const comments: unknown[] = ["", "   ", "Muy bien", " spaced \r\n out ", "\u0000\u0007", "<script>x</script>", long(2000), long(2001), long(2000, "😀"), long(2001, "😀"), long(1999) + "\u0301", "\ud800 lone", 5, null];
  const emotionValue = (): unknown => {
    if (next() < 0.1) return pick(scalars);
    const emotion: Record<string, unknown> = {};
    if (next() < 0.8) emotion.code = next() < 0.85 ? pick(emotionCodes) : pick(["Joy", "happy", 1, null, undefined]);
    if (next() < 0.4) emotion.second = next() < 0.7 ? pick(emotionCodes) : pick([null, undefined, "x", 2]);
    if (next() < 0.6) emotion.intensity = pick([1, 2, 3, 0, 4, 1.5, "2", null, undefined]);
    if (next() < 0.05) emotion.extra = 1;
    return emotion;
  };
  const keys = ["emotion", "csat", "brand_love", "ces", "usefulness", "nps", "comment", "other"] as const;
  const answersValue = (): Record<string, unknown> => {
    const answers: Record<string, unknown> = {};
    for (const key of keys) {
      if (next() < (key === "other" ? 0.03 : 0.45)) {
        answers[key] = key === "emotion" ? emotionValue() : key === "comment" ? pick(comments) : next() < 0.8 ? Math.floor(next() * 13) - 1 : pick(scalars);
      }
    }
    return answers;
  };

  it("accepts exactly what the schema accepts, with the same answers in the same order, on every variant", () => {
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const input = answersValue();
      for (const variant of ["universal", "content", "relationship"] as const) {
        const quick = validateAnswersQuickly(input, variant);
        const bySchema = validateAnswersBySchema(input, variant);
        expect({ input, variant, ok: quick !== null }).toEqual({ input, variant, ok: bySchema.ok });
        if (quick && bySchema.ok) {
          expect(JSON.stringify(quick)).toBe(JSON.stringify(bySchema.answers));
          accepted++;
        }
      }
    }
    // Both outcomes are well represented, so the comparison means something.
    expect(accepted).toBeGreaterThan(1000);
    expect(accepted).toBeLessThan(13500);
  });

  it("leaves objects that are not plain to the schema, which still validates them", () => {
    const answers = Object.assign(Object.create(null) as object, { csat: 4 });
    expect(validateAnswersQuickly(answers, "universal")).toBeNull();
    expect(validateAnswers(answers, "universal")).toEqual({ ok: true, answers: { csat: 4 } });
  });
});
