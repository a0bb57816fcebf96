import { describe, expect, it } from "vitest";
import { newTimeOrderedIds } from "./ids.js";

describe("time-ordered ids", () => {
  it("sort by creation time, are distinct within a millisecond, and keep the prefix_base32 form", () => {
    const t = Date.UTC(2026, 10, 26, 22, 0, 0);
    const earlier = newTimeOrderedIds("rsp", t, 500);
    const later = newTimeOrderedIds("rsp", t + 1, 500);
    for (const id of [...earlier, ...later]) expect(id).toMatch(/^rsp_[0-9a-hjkmnp-tv-z]{20}$/);
    expect(new Set([...earlier, ...later]).size).toBe(1000);
    expect([...earlier].sort().at(-1)! < [...later].sort()[0]!).toBe(true);
    // Across decades too: the time part is fixed width.
    expect(newTimeOrderedIds("rsp", Date.UTC(2001, 0, 1), 1)[0]! < newTimeOrderedIds("rsp", Date.UTC(2099, 0, 1), 1)[0]!).toBe(true);
    expect(newTimeOrderedIds("rsp", 0, 1)[0]!.slice(4, 13)).toBe("000000000");
  });
});
