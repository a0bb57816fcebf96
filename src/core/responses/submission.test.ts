import { describe, expect, it } from "vitest";
import { noHiddenFields } from "./hidden-fields.js";
import {
  apiResponseItemSchema,
  honeypotField,
  idempotencyKeySchema,
  pageSubmissionSchema,
  parsePageSubmissionQuickly,
  submissionFromApi,
  submissionFromPage,
  visitTokenSchema,
} from "./submission.js";

describe("edge schemas", () => {
  it("takes visit tokens of 16–64 URL-safe characters", () => {
    expect(visitTokenSchema.safeParse("AbCdEfGh_-123456").success).toBe(true);
    expect(visitTokenSchema.safeParse("a".repeat(64)).success).toBe(true);
    expect(visitTokenSchema.safeParse("a".repeat(15)).success).toBe(false);
    expect(visitTokenSchema.safeParse("a".repeat(65)).success).toBe(false);
    expect(visitTokenSchema.safeParse("abc def ghi jkl mno").success).toBe(false);
  });

  it("takes printable ASCII idempotency keys up to 128 characters", () => {
    expect(idempotencyKeySchema.safeParse("zendesk:ticket/881").success).toBe(true);
    expect(idempotencyKeySchema.safeParse("k".repeat(129)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse("with space").success).toBe(false);
    expect(idempotencyKeySchema.safeParse("").success).toBe(false);
  });

  it("parses a page submission with its honeypot and time on page", () => {
    const body = pageSubmissionSchema.parse({ visitToken: "AbCdEfGh_-123456", answers: { nps: 9 }, timeOnPageMs: 2400, [honeypotField]: "" });
    expect(body).toMatchObject({ visitToken: "AbCdEfGh_-123456", answers: { nps: 9 }, timeOnPageMs: 2400, parameters: "", website: "" });
    expect(pageSubmissionSchema.safeParse({ visitToken: "AbCdEfGh_-123456", answers: {}, timeOnPageMs: -1 }).success).toBe(false);
    expect(pageSubmissionSchema.safeParse({ visitToken: "AbCdEfGh_-123456", answers: {}, timeOnPageMs: 1.5 }).success).toBe(false);
    expect(pageSubmissionSchema.safeParse({ visitToken: "AbCdEfGh_-123456", answers: {}, source: "api" }).success).toBe(false);
  });

  it("parses an API item with defaults", () => {
    const item = apiResponseItemSchema.parse({ touchpointId: "tp_1", answers: { nps: 9 }, occurredAt: "2025-02-01T09:30:00-03:00" });
    expect(item).toEqual({
      touchpointId: "tp_1",
      answers: { nps: 9 },
      hidden: noHiddenFields,
      source: "api",
      occurredAt: new Date("2025-02-01T12:30:00Z"),
    });
    expect(apiResponseItemSchema.safeParse({ touchpointId: "tp_1", answers: {}, source: "qr" }).success).toBe(false);
    expect(apiResponseItemSchema.safeParse({ touchpointId: "tp_1", answers: {}, occurredAt: "yesterday" }).success).toBe(false);
    expect(apiResponseItemSchema.safeParse({ touchpointId: "tp_1", answers: {}, extra: 1 }).success).toBe(false);
  });
});

describe("building a submission", () => {
  const context = { touchpointId: "tp_1", newResponseId: "rsp_1", userAgent: "UA", clientAddress: "203.0.113.7", receivedAt: new Date(0) };

  it("takes hidden fields, source and language from the page's link", () => {
    const body = pageSubmissionSchema.parse({
      visitToken: "AbCdEfGh_-123456",
      answers: { nps: 9 },
      timeOnPageMs: 2000,
      parameters: "cr=C-1&source=qr&placement=caja-3&lang=pt",
      website: "",
    });
    expect(submissionFromPage(body, context)).toEqual({
      touchpointId: "tp_1",
      newResponseId: "rsp_1",
      visitToken: "AbCdEfGh_-123456",
      idempotencyKey: null,
      answers: { nps: 9 },
      hidden: { ...noHiddenFields, customerReference: "C-1", placement: "caja-3" },
      language: "pt",
      source: "qr",
      userAgent: "UA",
      clientAddress: "203.0.113.7",
      honeypot: "",
      timeOnPageMs: 2000,
      occurredAt: null,
      receivedAt: new Date(0),
    });
  });

  it("defaults to source link and the browser's language", () => {
    const body = pageSubmissionSchema.parse({ visitToken: "AbCdEfGh_-123456", answers: { nps: 9 } });
    const submission = submissionFromPage(body, { ...context, acceptLanguage: "en-US,en;q=0.9" });
    expect(submission).toMatchObject({ source: "link", language: "en", honeypot: null, timeOnPageMs: null });
  });

  it("builds an API submission with its idempotency key", () => {
    const item = apiResponseItemSchema.parse({ touchpointId: "tp_9", idempotencyKey: "t-1", answers: { csat: 2 }, language: "es", source: "import" });
    expect(submissionFromApi(item, context)).toMatchObject({
      touchpointId: "tp_9",
      idempotencyKey: "t-1",
      visitToken: null,
      source: "import",
      language: "es",
      timeOnPageMs: null,
    });
  });
});

describe("parsePageSubmissionQuickly: the hot path's body parser agrees with the schema", () => {
  it("gives the schema's result for well-formed bodies and leaves every other body to the schema", () => {
    let state = 7;
    const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const fields: Record<string, readonly unknown[]> = {
      visitToken: ["AbCdEfGh_-123456", "a".repeat(64), "a".repeat(15), "a".repeat(65), "abc def ghi jkl mno", 5, null],
      answers: [{ nps: 9 }, {}, null, "x", [1]],
      language: ["es", "en", "pt", "fr", "", null, 1],
      timeOnPageMs: [0, 1500, 2400, 86_400_000, 86_400_001, -1, 1.5, "2000", null, undefined],
      parameters: ["", "cr=C-1&source=qr", "x".repeat(2048), "x".repeat(2049), null, 3],
      [honeypotField]: ["", "http://spam", "x".repeat(1000), "x".repeat(1001), null],
      source: ["api"],
    };
    let quickCount = 0;
    for (let i = 0; i < 4000; i++) {
      const input: Record<string, unknown> = {};
      for (const [key, values] of Object.entries(fields)) {
        if (next() < (key === "visitToken" ? 0.95 : key === "source" ? 0.03 : key === "answers" ? 0.9 : 0.5)) input[key] = pick(values);
      }
      const quick = parsePageSubmissionQuickly(input);
      const bySchema = pageSubmissionSchema.safeParse(input);
      if (quick) {
        quickCount++;
        expect(bySchema.success).toBe(true);
        expect(quick).toEqual(bySchema.data);
      } else if (bySchema.success) {
        // Only a body without answers may be left to the schema while being valid.
        expect(input).not.toHaveProperty("answers");
      }
    }
    expect(quickCount).toBeGreaterThan(200);
    expect(parsePageSubmissionQuickly(Object.assign(Object.create(null) as object, { visitToken: "AbCdEfGh_-123456", answers: {} }))).toBeNull();
  });
});
