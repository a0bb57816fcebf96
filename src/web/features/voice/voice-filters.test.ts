import { describe, expect, it } from "vitest";
import { readFilters, scopeFilter, writeFilters } from "./voice-filters.js";

describe("the Voice page's filters", () => {
  it("round-trip through the query string, defaults left out", () => {
    const search = new URLSearchParams("days=90&touchpoint=tp_1&source=review&topic=delivery&sentiment=negative&emotion=frustration&q=tarde");
    const filters = readFilters(search);
    expect(filters).toEqual({ days: 90, journeyId: null, touchpointId: "tp_1", source: "review", topic: "delivery", sentiment: "negative", emotion: "frustration", q: "tarde" });
    expect(writeFilters(filters)).toBe("?days=90&touchpoint=tp_1&source=review&topic=delivery&sentiment=negative&emotion=frustration&q=tarde");
    expect(writeFilters(readFilters(new URLSearchParams("")))).toBe("");
  });

  it("ignores unknown codes and periods", () => {
    const filters = readFilters(new URLSearchParams("days=12&topic=weather&sentiment=angry&emotion=rage&source=fax&q=%20%20"));
    expect(filters).toMatchObject({ days: 30, topic: null, sentiment: null, emotion: null, source: null, q: null });
  });

  it("asks the server for the last N days, today included, and maps the form to response texts", () => {
    const now = new Date("2026-03-10T15:00:00Z");
    expect(scopeFilter(readFilters(new URLSearchParams("days=7&source=form")), now)).toEqual({ from: "2026-03-04", to: "2026-03-10", kind: "response" });
    expect(scopeFilter(readFilters(new URLSearchParams("source=social&journey=j1")), now)).toEqual({ from: "2026-02-09", to: "2026-03-10", journeyId: "j1", kind: "voice", source: "social" });
  });
});
