import { describe, expect, it } from "vitest";
import { analyserVersion, trainingExampleOf } from "./analyse.js";
import { npsColumns, parseImportDate, readNpsRow, readVoiceRow, voiceColumns, voiceDedupeParts, type VoiceRow } from "./rows.js";

describe("import rows", () => {
  it("reads dates as UTC: ISO dates and times, a space-separated time, Unix seconds and milliseconds", () => {
    expect(parseImportDate("2026-01-05")).toBe(Date.UTC(2026, 0, 5));
    expect(parseImportDate("2026-01-05T10:30:00+02:00")).toBe(Date.UTC(2026, 0, 5, 8, 30));
    expect(parseImportDate("2026-01-05 10:30")).toBe(Date.UTC(2026, 0, 5, 10, 30));
    expect(parseImportDate("2026-01-05 10:30:00 UTC")).toBe(Date.UTC(2026, 0, 5, 10, 30));
    expect(parseImportDate("1767600000")).toBe(1767600000_000);
    expect(parseImportDate("1767600000123")).toBe(1767600000123);
    for (const bad of ["ayer", "2026-13-01", "1850-01-01", "05/01/2026", ""]) expect(parseImportDate(bad)).toBeNull();
  });

  it("maps columns by alias, case and spacing aside, and needs text and date", () => {
    const mapped = voiceColumns(["Review Text", "Created-At", "STARS", "Lang"]);
    expect("map" in mapped && Object.fromEntries(mapped.map)).toEqual({ text: "Review Text", date: "Created-At", rating: "STARS", language: "Lang" });
    expect(voiceColumns(["body", "rating"])).toEqual({ missing: "date" });
    expect(npsColumns(["Response ID", "Score", "Response Timestamp"])).toHaveProperty("map");
  });

  it("checks a voice row field by field", () => {
    const { map } = voiceColumns(["text", "date", "rating", "language", "source"]) as { map: Map<string, string> };
    const row = (r: Record<string, string>) => readVoiceRow(r, map);
    expect(row({ text: "  Muy bien ", date: "2026-01-02", rating: "4,5", language: "es-MX", source: "Review" })).toMatchObject({
      text: "Muy bien",
      rating: 4.5,
      ratingMax: 5,
      language: "es",
      source: "review",
    });
    expect(row({ text: "", date: "2026-01-02" })).toEqual({ code: "missing_text", field: "text" });
    expect(row({ text: "x".repeat(20_001), date: "2026-01-02" })).toEqual({ code: "text_too_long", field: "text" });
    expect(row({ text: "x", date: "2026-01-02", rating: "-1" })).toEqual({ code: "invalid_rating", field: "rating" });
    expect(row({ text: "x", date: "2026-01-02", language: "fr" })).toEqual({ code: "invalid_language", field: "language" });
    expect(row({ text: "x", date: "2026-01-02", source: "fax" })).toEqual({ code: "invalid_source", field: "source" });
  });

  it("reads NPS rows: whole scores 0–10 only, e-mails lower-cased for hashing", () => {
    const { map } = npsColumns(["score", "comment", "date", "email"]) as { map: Map<string, string> };
    expect(readNpsRow({ score: "10", comment: "", date: "2026-01-02", email: "Ana@X.com" }, map)).toMatchObject({ score: 10, comment: null, email: "ana@x.com" });
    for (const score of ["11", "7.5", "-1", "", "diez"]) expect(readNpsRow({ score, date: "2026-01-02" }, map)).toEqual({ code: "invalid_score", field: "score" });
  });

  it("reads Delighted's response fields under their API names and under the export's headers", () => {
    // Field names from Delighted's API documentation (listing survey responses); values made up.
    const api = npsColumns(["id", "person", "survey_type", "score", "comment", "permalink", "created_at", "updated_at", "person_properties", "notes", "tags"]) as { map: Map<string, string> };
    const record = { id: "7", person: "42", survey_type: "nps", score: "9", comment: "Rápido", permalink: "https://app.example/r/x", created_at: "1767600000", updated_at: "", person_properties: "", notes: "", tags: "" };
    expect(readNpsRow(record, api.map)).toMatchObject({ score: 9, comment: "Rápido", at: 1_767_600_000_000, customerRef: "42", externalId: "7", email: null });
    expect(readNpsRow({ ...record, survey_type: "csat" }, api.map)).toEqual({ code: "invalid_score", field: "survey_type" });
    const exported = npsColumns(["Response ID", "Email", "Score", "Comment", "Response Timestamp", "Survey Type"]) as { map: Map<string, string> };
    const row = { "Response ID": "8", Email: "Ana@X.com", Score: "0", Comment: "Mal", "Response Timestamp": "2026-01-05 10:00:00 UTC", "Survey Type": "NPS" };
    expect(readNpsRow(row, exported.map)).toMatchObject({ score: 0, externalId: "8", email: "ana@x.com", at: Date.UTC(2026, 0, 5, 10) });
  });

  it("recognises duplicates by external id, else URL, else content (case and spacing folded)", () => {
    const base: VoiceRow = { source: "review", text: "Muy  BIEN", at: Date.UTC(2026, 0, 2, 9), rating: null, ratingMax: null, author: "ana", url: null, externalId: null, language: null, touchpointId: null, touchpointName: null };
    expect(voiceDedupeParts({ ...base, externalId: "R1" }, null)).toEqual({ key: "x:review:R1" });
    expect(voiceDedupeParts({ ...base, url: "https://r/1" }, null)).toEqual({ key: "u:https://r/1" });
    const a = voiceDedupeParts(base, "tp_1");
    expect(voiceDedupeParts({ ...base, text: "muy bien", at: Date.UTC(2026, 0, 2, 20) }, "tp_1")).toEqual(a);
    expect(voiceDedupeParts(base, "tp_2")).not.toEqual(a);
  });
});

describe("training examples from form responses", () => {
  const none = { emotion: null, emotion_2: null, intensity: null, csat: null, nps: null };
  it("labels with the customer's own emotion first, then CSAT, then NPS, and needs a comment", () => {
    expect(trainingExampleOf({ ...none, comment: "genial", emotion: "joy", intensity: 3 })).toEqual({ text: "genial", score: 1, emotion: ["joy"] });
    expect(trainingExampleOf({ ...none, comment: "meh", emotion: "joy", emotion_2: "anger", intensity: 2, nps: 10 })).toEqual({ text: "meh", score: 0, emotion: ["joy", "anger"] });
    expect(trainingExampleOf({ ...none, comment: "bien", csat: 5 })).toEqual({ text: "bien", score: 1 });
    expect(trainingExampleOf({ ...none, comment: "mal", nps: 0 })).toEqual({ text: "mal", score: -1 });
    expect(trainingExampleOf({ ...none, comment: "normal", nps: 8 })!.score).toBe(0);
    expect(trainingExampleOf({ ...none, comment: "regular", nps: 6 })!.score).toBe(-0.5);
    expect(trainingExampleOf({ ...none, comment: "   ", nps: 0 })).toBeNull();
    expect(trainingExampleOf({ ...none, comment: "sin nada" })).toBeNull();
  });

  it("fingerprints the analyser: the same version for the same analyser", () => {
    expect(analyserVersion()).toMatch(/^r\d+-[0-9a-f]{10}$/);
    expect(analyserVersion()).toBe(analyserVersion());
  });
});
