import { describe, expect, it } from "vitest";
import { isNegative, isPositive, valenceOf } from "../emotions.js";
import { compareNps, scoreNps } from "../metrics/index.js";
import { validateAnswers } from "../responses/answers.js";
import { analyseText } from "../text/index.js";
import { demoFix, demoJourneys, demoTouchpoints, type DemoTheme } from "./brand.js";
import { localise, themePhrases, type SpanishRegion } from "./comments.js";
import { demoCalendar, generateDemoResponses, toneOf, type DemoResponse } from "./generate.js";

const now = Date.UTC(2026, 10, 26, 21, 30);
const touchpoints = demoTouchpoints();
const themeOf = (r: DemoResponse) => touchpoints[r.touchpoint]!.model.theme;
const msPerDay = 86_400_000;

// One year of 60,000 responses, generated once for the whole file (a few hundred milliseconds).
const responses = [...generateDemoResponses({ responses: 60_000, seed: 7, now })];
const calendar = demoCalendar(now);

/** Every way a bank phrase can be written: Spain's and Latin America's wording, either gender. */
function variantsOf(phrase: string): string[] {
  return ["es", "419"].flatMap((region) => [true, false].map((feminine) => localise(phrase, region as SpanishRegion, feminine).toLowerCase()));
}

function npsCounts(list: DemoResponse[]): number[] {
  const counts = new Array<number>(11).fill(0);
  for (const r of list) if (r.nps !== null) counts[r.nps]! += 1;
  return counts;
}

describe("the demo brand", () => {
  it("has two journeys and about 25 touchpoints, each with a channel, an owner and modules; moments of truth have a reason", () => {
    expect(demoJourneys).toHaveLength(2);
    expect(touchpoints.length).toBeGreaterThanOrEqual(22);
    expect(touchpoints.length).toBeLessThanOrEqual(28);
    for (const tp of touchpoints) {
      expect(tp.draft.modules.length).toBeGreaterThan(0);
      expect(tp.owner).toBeTruthy();
      if (tp.draft.momentOfTruth) expect(tp.draft.momentOfTruthReason.length).toBeGreaterThan(20);
    }
    expect(touchpoints.filter((t) => t.draft.momentOfTruth).length).toBeGreaterThanOrEqual(4);
    expect(new Set(touchpoints.map((t) => t.model.theme)).size).toBe(touchpoints.length);
  });
});

describe("generateDemoResponses", () => {
  it("gives exactly the number asked for, the same ones for the same seed, others for another seed", () => {
    expect(responses).toHaveLength(60_000);
    const again = [...generateDemoResponses({ responses: 60_000, seed: 7, now })];
    expect(again).toEqual(responses);
    const other = [...generateDemoResponses({ responses: 60_000, seed: 8, now })];
    expect(other.slice(0, 50)).not.toEqual(responses.slice(0, 50));
  });

  it("spreads the responses over the last 12 months, none in the future", () => {
    const first = Math.min(...responses.map((r) => r.startedAt));
    const last = Math.max(...responses.map((r) => r.commentAt ?? r.completedAt ?? r.emotionAt ?? r.startedAt));
    expect(Math.floor(first / msPerDay)).toBe(calendar.firstDay);
    expect(last).toBeLessThanOrEqual(now);
    expect(calendar.lastDay - calendar.firstDay + 1).toBe(365);
  });

  it("stores only answers the universal form accepts (METHOD.md §1–2), in the order the form asks them", () => {
    for (const r of responses.slice(0, 20_000)) {
      const answers: Record<string, unknown> = {};
      if (r.emotion !== null) answers.emotion = { code: r.emotion, second: r.emotion2, intensity: r.intensity };
      if (r.csat !== null) answers.csat = r.csat;
      if (r.ces !== null) answers.ces = r.ces;
      if (r.nps !== null) answers.nps = r.nps;
      if (r.comment !== null) answers.comment = r.comment;
      const checked = validateAnswers(answers, "universal");
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
      // Emotion first, then the ratings in order; a comment only once the four are in.
      expect(r.emotion).not.toBeNull();
      if (r.ces !== null) expect(r.csat).not.toBeNull();
      if (r.nps !== null) expect(r.ces).not.toBeNull();
      expect(r.completedAt !== null).toBe(r.nps !== null);
      if (r.comment !== null) expect(r.completedAt).not.toBeNull();
      if (r.emotion2 !== null) expect(valenceOf(r.emotion2)).toBe(valenceOf(r.emotion!));
      const times = [r.startedAt, r.emotionAt, r.csatAt, r.cesAt, r.npsAt, r.commentAt].filter((t): t is number => t !== null);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });

  it("has abandoned visits, every source, mostly Spanish, and hidden fields", () => {
    const share = (f: (r: DemoResponse) => boolean) => responses.filter(f).length / responses.length;
    expect(share((r) => r.completedAt === null)).toBeGreaterThan(0.05);
    expect(share((r) => r.completedAt === null)).toBeLessThan(0.15);
    for (const source of ["link", "qr", "widget", "email"]) expect(share((r) => r.source === source)).toBeGreaterThan(0.05);
    expect(share((r) => r.language === "es")).toBeGreaterThan(0.85);
    expect(share((r) => r.language === "en")).toBeGreaterThan(0.02);
    expect(share((r) => r.meta.segment !== undefined)).toBe(1);
    expect(new Set(responses.filter((r) => r.source === "qr").map((r) => r.placement)).size).toBeGreaterThan(20);
    expect(new Set(responses.map((r) => r.store).filter(Boolean))).toEqual(new Set(["Madrid Malasaña", "Barcelona Gràcia", "Valencia Ruzafa", "Sevilla Triana"]));
    expect(new Set(responses.map((r) => r.deviceClass))).toContain("desktop");
    expect(new Set(responses.map((r) => r.formVersion))).toEqual(new Set([1, 2]));
  });

  it("follows the shop's year and week: a November–December peak, a quiet August, few deliveries on Sundays", () => {
    const monthOf = (r: DemoResponse) => new Date(r.startedAt).getUTCMonth();
    const inMonth = (m: number) => responses.filter((r) => monthOf(r) === m).length;
    expect(inMonth(11)).toBeGreaterThan(1.6 * inMonth(7));
    const delivery = responses.filter((r) => themeOf(r) === "home_delivery");
    const sunday = delivery.filter((r) => new Date(r.startedAt).getUTCDay() === 0).length;
    const tuesday = delivery.filter((r) => new Date(r.startedAt).getUTCDay() === 2).length;
    expect(sunday).toBeLessThan(tuesday / 4);
  });

  it("makes the returns journey clearly weaker than the purchase journey, with Reembolso the worst moment of truth", () => {
    const returnsThemes = new Set(demoJourneys[1]!.stages.flatMap((s) => s.touchpoints.map((t) => t.model.theme)));
    const returns = scoreNps(npsCounts(responses.filter((r) => returnsThemes.has(themeOf(r)))));
    const purchase = scoreNps(npsCounts(responses.filter((r) => !returnsThemes.has(themeOf(r)))));
    expect(purchase.value! - returns.value!).toBeGreaterThan(30);
    const momentsOfTruth = touchpoints.filter((t) => t.draft.momentOfTruth).map((t) => t.model.theme);
    const nps = (theme: DemoTheme) => scoreNps(npsCounts(responses.filter((r) => themeOf(r) === theme))).value!;
    const worst = momentsOfTruth.reduce((a, b) => (nps(a) < nps(b) ? a : b));
    expect(worst).toBe("refund");
  });

  it("shows the dated fix: home delivery's NPS of the 30 days after it beats the 30 days before, significantly", () => {
    const delivery = responses.filter((r) => themeOf(r) === demoFix.theme);
    const day = (r: DemoResponse) => Math.floor(r.startedAt / msPerDay);
    const before = delivery.filter((r) => day(r) >= calendar.fixDay - 30 && day(r) < calendar.fixDay);
    const after = delivery.filter((r) => day(r) >= calendar.fixDay && day(r) < calendar.fixDay + 30);
    const change = compareNps(npsCounts(after), npsCounts(before));
    expect(change.change!).toBeGreaterThan(25);
    expect(change.pValue!).toBeLessThan(0.001);
    expect(change.significant).toBe(true);
  });

  it("writes comments whose tone agrees with the answers", () => {
    const commented = responses.filter((r) => r.comment !== null);
    expect(commented.length / responses.length).toBeGreaterThan(0.15);
    for (const r of commented) {
      const tone = toneOf(r.emotion!, r.csat!, r.nps!);
      if (r.language !== "es") continue;
      const bank = themePhrases(themeOf(r));
      const text = r.comment!.toLowerCase();
      const has = (phrases: readonly string[]) => phrases.some((p) => variantsOf(p).some((v) => text.includes(v)));
      if (tone === "positive") expect(has(bank.bad), r.comment!).toBe(false);
      if (tone === "negative") expect(has(bank.good), r.comment!).toBe(false);
      if (isPositive(r.emotion!)) expect(r.nps!).toBeGreaterThanOrEqual(6);
      if (isNegative(r.emotion!)) expect(r.nps!).toBeLessThanOrEqual(8);
    }
  });

  it("writes comments that an independent reader (the text analyser) finds mostly as positive or negative as their answers", () => {
    const clear = responses.filter((r) => r.comment !== null && r.language === "es").slice(0, 3000);
    let agree = 0;
    let judged = 0;
    for (const r of clear) {
      const tone = toneOf(r.emotion!, r.csat!, r.nps!);
      if (tone !== "positive" && tone !== "negative") continue;
      const label = analyseText(r.comment!, { language: "es" }).sentiment.label;
      if (label === "neutral") continue;
      judged += 1;
      if (label === tone) agree += 1;
    }
    expect(judged).toBeGreaterThan(300);
    expect(agree / judged).toBeGreaterThan(0.85);
  });

  it("varies the comments: few repeat", () => {
    const texts = responses.filter((r) => r.comment !== null && r.language === "es").map((r) => r.comment!);
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.5);
    expect(texts.some((t) => t.includes(" pero "))).toBe(true);
    expect(texts.some((t) => /celular|ustedes|sigan/.test(t))).toBe(true);
    expect(texts.some((t) => /móvil|vosotros|seguid/.test(t))).toBe(true);
  });
});
