// The shared filters' round trip through the URL, what each score route is sent, the period a preset
// names and the trend's interval; and how a value stands against its target on the heatmap.
import { describe, expect, it } from "vitest";
import { trendIntervalOf, filtersToSearch, parseFilters, periodOf, toQuery, withFilters, type Filters } from "./filters.js";
import { againstTarget } from "./format.js";

describe("filters in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const filters: Filters = {
      from: "2026-01-01",
      to: "2026-03-31",
      journeyId: "jny_a",
      stageId: "stg_b",
      touchpointId: "tch_c",
      channel: "web",
      source: "qr",
      language: "pt",
      placement: "Mesa 4",
      store: "Madrid Malasaña",
      fields: ["m_plan:oro", "m_region:norte"],
    };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe(
      "from=2026-01-01&to=2026-03-31&journey=jny_a&stage=stg_b&touchpoint=tch_c&channel=web&source=qr&language=pt&placement=Mesa+4&store=Madrid+Malasa%C3%B1a&field=m_plan%3Aoro&field=m_region%3Anorte",
    );
    expect(parseFilters(search)).toEqual(filters);
  });

  it("ignores what is malformed instead of sending it on", () => {
    const parsed = parseFilters(
      new URLSearchParams("from=2026-02-01&to=2026-01-01&days=12&journey=../x&channel=fax&source=mail&language=fr&field=plan:oro&field=m_ok:1&store="),
    );
    expect(parsed).toEqual({ fields: ["m_ok:1"] });
    expect(parseFilters(new URLSearchParams("from=2026-01-01"))).toEqual({});
  });

  it("keeps other query parameters and drops the default preset", () => {
    const search = filtersToSearch({ preset: 30, channel: "app" }, new URLSearchParams("tab=x&channel=web&days=7"));
    expect(search.toString()).toBe("tab=x&channel=app");
    expect(withFilters("/app/o/1/insights/compare", { preset: 90 })).toBe("/app/o/1/insights/compare?days=90");
    expect(withFilters("/app/o/1", {})).toBe("/app/o/1");
  });

  it("names the period of a preset, ending today (UTC)", () => {
    const now = Date.parse("2026-11-26T23:30:00Z");
    expect(periodOf({}, now)).toEqual({ from: "2026-10-28", to: "2026-11-26" });
    expect(periodOf({ preset: 7 }, now)).toEqual({ from: "2026-11-20", to: "2026-11-26" });
    expect(periodOf({ from: "2026-01-01", to: "2026-01-31", preset: 7 }, now)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("sends each route only the parameters it reads, with the API's names", () => {
    const filters: Filters = { from: "2026-01-01", to: "2026-01-31", journeyId: "j", stageId: "s", touchpointId: "t", channel: "web", store: "A", fields: ["m_a:1"] };
    expect(toQuery(filters, "overview").toString()).toBe("from=2026-01-01&to=2026-01-31&channel=web&journeyId=j&stageId=s&touchpointId=t&store=A&field=m_a%3A1");
    // The touchpoint detail names its touchpoint in the path and has no map channel.
    expect(toQuery(filters, "touchpoint").toString()).toBe("from=2026-01-01&to=2026-01-31&store=A&field=m_a%3A1");
    // The journey view names its journey in the path.
    expect(toQuery(filters, "journey").has("journeyId")).toBe(false);
    expect(toQuery(filters, "export").get("journeyId")).toBe("j");
  });
});

describe("trend interval", () => {
  it("uses days up to two weeks, ISO weeks up to four months, else calendar months (the server makes the buckets)", () => {
    expect(trendIntervalOf({ from: "2026-11-20", to: "2026-11-26" })).toBe("day");
    expect(trendIntervalOf({ from: "2026-11-13", to: "2026-11-26" })).toBe("day");
    expect(trendIntervalOf({ from: "2026-11-12", to: "2026-11-26" })).toBe("week");
    expect(trendIntervalOf({ from: "2026-10-28", to: "2026-11-26" })).toBe("week");
    expect(trendIntervalOf({ from: "2026-07-30", to: "2026-11-26" })).toBe("week");
    expect(trendIntervalOf({ from: "2026-07-29", to: "2026-11-26" })).toBe("month");
    expect(trendIntervalOf({ from: "2024-11-27", to: "2026-11-26" })).toBe("month");
  });
});

describe("a value against its target", () => {
  it("meets, comes near (within 5 % of the scale) or falls below", () => {
    expect(againstTarget("nps", 40, 40)).toBe("met");
    expect(againstTarget("nps", 31, 40)).toBe("near"); // 9 points of a 200-point scale
    expect(againstTarget("nps", 29, 40)).toBe("below");
    expect(againstTarget("csat", 76, 80)).toBe("near");
    expect(againstTarget("ces", 5.3, 5.5)).toBe("near"); // 0.2 of a 6-point scale
    expect(againstTarget("ces", 5.1, 5.5)).toBe("below"); // 0.4
    expect(againstTarget("cxIndex", 70, null)).toBe("none");
  });
});
