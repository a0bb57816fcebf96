// The demo's responses, generated from a seed: a year of a living online shop. Each response has a
// latent satisfaction (the touchpoint's quality, the dated fix, the Christmas peak, the store and the
// customer's segment, plus noise) from which its emotion, CSAT, CES, NPS and comment follow, so they
// agree with one another. Volumes follow the shop's weekly and yearly rhythm. Pure: no I/O, no clock.
import { isNegative, isPositive, type EmotionCode, type Intensity } from "../emotions.js";
import type { Language } from "../i18n/languages.js";
import { mulberry32, type Random } from "../metrics/random.js";
import type { DeviceClass } from "../responses/device.js";
import type { UrlSource } from "../responses/sources.js";
import {
  demoFix,
  demoPurchaseChannels,
  demoRewording,
  demoSegments,
  demoStores,
  demoTouchpoints,
  type DemoRhythm,
  type DemoTouchpoint,
} from "./brand.js";
import { composeComment, type CommentTone, type SpanishRegion } from "./comments.js";

const msPerDay = 86_400_000;
/** The demo covers the 365 days that end today (UTC). */
export const demoDays = 365;

export interface DemoOptions {
  /** How many responses in all (complete and abandoned). */
  responses: number;
  seed: number;
  /** The moment the demo is generated: the last response starts before it. */
  now: number;
}

/** One response, as the form page would have stored it. */
export interface DemoResponse {
  /** Index into demoTouchpoints(). */
  touchpoint: number;
  formVersion: number;
  source: UrlSource;
  placement: string | null;
  language: Language;
  deviceClass: DeviceClass;
  emotion: EmotionCode | null;
  emotion2: EmotionCode | null;
  intensity: Intensity | null;
  csat: number | null;
  ces: number | null;
  nps: number | null;
  comment: string | null;
  customerRef: string | null;
  orderRef: string | null;
  channel: string | null;
  store: string | null;
  /** The brand's `m_*` fields, stored without the prefix. */
  meta: Record<string, string>;
  startedAt: number;
  emotionAt: number | null;
  csatAt: number | null;
  cesAt: number | null;
  npsAt: number | null;
  commentAt: number | null;
  /** When the four closed answers were in (null when abandoned). */
  completedAt: number | null;
}

/** The UTC day numbers the demo covers, and the special days in it. */
export interface DemoCalendar {
  firstDay: number;
  lastDay: number;
  fixDay: number;
  rewordingDay: number;
}

export function demoCalendar(now: number): DemoCalendar {
  const lastDay = Math.floor(now / msPerDay);
  return { firstDay: lastDay - demoDays + 1, lastDay, fixDay: lastDay - demoFix.daysAgo, rewordingDay: lastDay - demoRewording.daysAgo };
}

// ---- Volumes ---------------------------------------------------------------------------------

const monthWeight = [1.2, 0.85, 0.9, 0.95, 1.0, 0.95, 1.0, 0.7, 0.95, 1.0, 1.3, 1.45];
// Sunday … Saturday: people browse and buy on Sunday evening and Monday.
const purchaseWeekday = [1.15, 1.15, 1.0, 0.95, 0.95, 0.9, 0.8];
const deliveryWeekday = [0.12, 1.15, 1.1, 1.05, 1.05, 1.05, 0.5];
const aftersalesWeekday = [0.7, 1.2, 1.1, 1.05, 1.0, 0.95, 0.8];

/** The Friday of Black Friday (the fourth Friday of November) of a year, as a day number. */
function blackFriday(year: number): number {
  const first = Math.floor(Date.UTC(year, 10, 1) / msPerDay);
  const weekday = new Date(first * msPerDay).getUTCDay();
  return first + ((5 - weekday + 7) % 7) + 21;
}

/** How much people buy on a day (1 is an ordinary day in May). */
export function purchaseWeight(day: number): number {
  const date = new Date(day * msPerDay);
  const month = date.getUTCMonth();
  const dom = date.getUTCDate();
  let w = monthWeight[month]! * purchaseWeekday[date.getUTCDay()]!;
  const bf = blackFriday(date.getUTCFullYear());
  if (day >= bf - 1 && day <= bf + 3) w *= 2.4; // Black Friday to Cyber Monday
  if (month === 11 && (dom === 24 || dom === 25 || dom === 31)) w *= 0.45;
  if (month === 0 && dom === 1) w *= 0.45;
  if ((month === 11 && dom >= 26) || (month === 0 && dom <= 5)) w *= 1.2; // before Reyes
  return w;
}

/** From Reyes to mid-February, when the Christmas presents come back. */
function isReturnSeason(date: Date): boolean {
  return (date.getUTCMonth() === 0 && date.getUTCDate() >= 7) || (date.getUTCMonth() === 1 && date.getUTCDate() <= 15);
}

/** How many responses a touchpoint of this rhythm gets on a day, relative to others. */
export function rhythmWeight(rhythm: DemoRhythm, day: number): number {
  const weekday = new Date(day * msPerDay).getUTCDay();
  switch (rhythm) {
    case "purchase":
      return purchaseWeight(day);
    case "delivery":
      return ((purchaseWeight(day - 1) + purchaseWeight(day - 2) + purchaseWeight(day - 3)) / 3) * deliveryWeekday[weekday]!;
    case "aftersales":
      return ((purchaseWeight(day - 6) + purchaseWeight(day - 8) + purchaseWeight(day - 10)) / 3) * aftersalesWeekday[weekday]!;
    case "returns": {
      const date = new Date(day * msPerDay);
      // After Christmas everyone returns presents.
      const january = isReturnSeason(date) ? 1.9 : 1;
      return ((purchaseWeight(day - 12) + purchaseWeight(day - 15) + purchaseWeight(day - 20)) / 3) * aftersalesWeekday[weekday]! * january;
    }
  }
}

/**
 * How many responses each touchpoint gets on each day: `counts[dayIndex * touchpoints + t]`, adding
 * up exactly to `total` (largest remainders). The shop grows about 30 % over the year; days vary.
 */
export function planDemoVolumes(total: number, calendar: DemoCalendar, random: Random): Int32Array {
  const touchpoints = demoTouchpoints();
  const days = calendar.lastDay - calendar.firstDay + 1;
  const weights = new Float64Array(days * touchpoints.length);
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const day = calendar.firstDay + d;
    // Growth, plus what no calendar explains: a campaign, the weather, a newsletter that worked.
    const growth = (0.85 + (0.3 * d) / days) * Math.exp(0.12 * randomNormal(random));
    touchpoints.forEach((tp, t) => {
      const w = growth * tp.model.volume * rhythmWeight(tp.model.rhythm, day) * Math.exp(0.18 * randomNormal(random));
      weights[d * touchpoints.length + t] = w;
      sum += w;
    });
  }
  const counts = new Int32Array(weights.length);
  const remainders: Array<[number, number]> = [];
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (weights[i]! / sum) * total;
    counts[i] = Math.floor(exact);
    assigned += counts[i]!;
    remainders.push([exact - counts[i]!, i]);
  }
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - assigned; k++) counts[remainders[k]![1]]! += 1;
  return counts;
}

// ---- Drawing ---------------------------------------------------------------------------------

/** A standard normal draw (Box–Muller). */
export function randomNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

interface Weighted<T> {
  items: T[];
  cumulative: number[];
}

function weighted<T>(entries: Array<[T, number]>): Weighted<T> {
  const kept = entries.filter(([, w]) => w > 0);
  let acc = 0;
  return { items: kept.map(([item]) => item), cumulative: kept.map(([, w]) => (acc += w)) };
}

function draw<T>(random: Random, table: Weighted<T>): T {
  const x = random() * table.cumulative[table.cumulative.length - 1]!;
  let i = 0;
  while (table.cumulative[i]! <= x && i < table.cumulative.length - 1) i++;
  return table.items[i]!;
}

const basePositive: Partial<Record<EmotionCode, number>> = { joy: 1, calm: 1, pleasant_surprise: 0.5, excitement: 0.5, affection: 0.4 };
const baseNegative: Partial<Record<EmotionCode, number>> = { frustration: 1, disappointment: 1, anger: 0.5, worry: 0.6, distrust: 0.5 };
const hourWeights = [0.5, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.2, 1.8, 2.2, 2.5, 2.6, 2.6, 2.4, 2.2, 2.3, 2.5, 2.8, 3.2, 3.6, 3.8, 3.0, 2.0, 1.0];
const hours = weighted(hourWeights.map((w, h) => [h, w] as [number, number]));
const languagesTable = weighted<Language>([["es", 0.9], ["en", 0.06], ["pt", 0.04]]);
const storesTable = weighted(demoStores.map((s) => [s, s.weight] as [(typeof demoStores)[number], number]));
const segmentsTable = weighted(demoSegments.map((s) => [s, s.weight] as [(typeof demoSegments)[number], number]));
const channelsTable = weighted(demoPurchaseChannels.map((c) => [c.code, c.weight] as [string, number]));

interface Prepared {
  tp: DemoTouchpoint;
  sources: Weighted<UrlSource>;
  positive: Weighted<EmotionCode>;
  negative: Weighted<EmotionCode>;
  carrier: boolean;
}

function prepare(tp: DemoTouchpoint): Prepared {
  const merge = (base: Partial<Record<EmotionCode, number>>, extra: Partial<Record<EmotionCode, number>> | undefined) =>
    weighted(Object.entries({ ...base, ...extra }) as Array<[EmotionCode, number]>);
  return {
    tp,
    sources: weighted(Object.entries(tp.model.sources) as Array<[UrlSource, number]>),
    positive: merge(basePositive, tp.model.positive),
    negative: merge(baseNegative, tp.model.negative),
    carrier: ["home_delivery", "tracking", "return_pickup", "exchange"].includes(tp.model.theme),
  };
}

/** The latent mean of a touchpoint on a day: its quality, or the quality after the fix, minus the peak's strain. */
export function demoQuality(tp: DemoTouchpoint, day: number, calendar: DemoCalendar): number {
  let q = tp.model.theme === demoFix.theme && day >= calendar.fixDay ? demoFix.qualityAfter : tp.model.quality;
  if (tp.model.peakStrain) {
    const date = new Date(day * msPerDay);
    const bf = blackFriday(date.getUTCFullYear());
    if (day >= bf - 3 && day <= bf + 10) q -= tp.model.peakStrain * 1.3;
    else if (date.getUTCMonth() === 11 && date.getUTCDate() <= 23) q -= tp.model.peakStrain;
    // Returns pile up after Christmas: the returns team falls behind until mid-February.
    else if (tp.model.rhythm === "returns" && isReturnSeason(date)) q -= tp.model.peakStrain;
  }
  return q;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The tone a comment must have, given the answers it comes with. */
export function toneOf(emotion: EmotionCode, csat: number, nps: number): CommentTone {
  if (isPositive(emotion)) return csat >= 4 && nps >= 7 ? "positive" : "mixed_positive";
  if (isNegative(emotion)) return csat <= 2 || nps <= 4 ? "negative" : "mixed_negative";
  return "neutral";
}

function isoWeek(day: number): string {
  const date = new Date(day * msPerDay);
  const thursday = day - ((date.getUTCDay() + 6) % 7) + 3;
  const year = new Date(thursday * msPerDay).getUTCFullYear();
  const week = Math.floor((thursday - Math.floor(Date.UTC(year, 0, 1) / msPerDay)) / 7) + 1;
  return `${year}-S${String(week).padStart(2, "0")}`;
}

/**
 * Every demo response, day by day (in order of start time within a day per touchpoint), exactly
 * `options.responses` of them. The same options give the same responses on every machine.
 */
export function* generateDemoResponses(options: DemoOptions): Generator<DemoResponse> {
  const random = mulberry32(options.seed);
  const calendar = demoCalendar(options.now);
  const prepared = demoTouchpoints().map(prepare);
  const counts = planDemoVolumes(options.responses, calendar, random);
  const days = calendar.lastDay - calendar.firstDay + 1;
  let orderNumber = 1_184_000;
  // Each touchpoint has good and bad spells (a sick day in the team, a carrier's bad week): a daily
  // shock that lingers (AR(1)), so daily scores move together the way real operations do.
  const shocks = new Float64Array(prepared.length);

  for (let d = 0; d < days; d++) {
    const day = calendar.firstDay + d;
    const dayStart = day * msPerDay;
    // Today's last visits started at least half an hour ago, so that they are over by `now`.
    const latestStart = day === calendar.lastDay ? Math.max(dayStart, options.now - 30 * 60_000) : dayStart + msPerDay - 1;
    for (let t = 0; t < prepared.length; t++) {
      shocks[t] = 0.75 * shocks[t]! + (prepared[t]!.tp.model.rhythm === "purchase" ? 0.08 : 0.16) * randomNormal(random);
      const n = counts[d * prepared.length + t]!;
      if (n === 0) continue;
      const { tp, sources, positive, negative, carrier } = prepared[t]!;
      const model = tp.model;
      const quality = demoQuality(tp, day, calendar) + shocks[t]!;
      const afterFix = model.theme === demoFix.theme && day >= calendar.fixDay;
      const formVersion = model.theme === demoRewording.theme && day >= calendar.rewordingDay ? 2 : 1;
      const starts: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = dayStart + draw(random, hours) * 3_600_000 + Math.floor(random() * 3_600_000);
        starts.push(Math.min(start, latestStart));
      }
      starts.sort((a, b) => a - b);

      for (const startedAt of starts) {
        const source = draw(random, sources);
        const language = draw(random, languagesTable);
        const segment = draw(random, segmentsTable);
        const purchaseChannel = model.inStore ? "tienda" : draw(random, channelsTable);
        const store = model.inStore ? draw(random, storesTable) : null;
        const meta: Record<string, string> = { segment: segment.code };
        if (carrier) meta.carrier = day >= calendar.fixDay ? "Paquetería Levante" : "EnvíaYa";

        // The latent satisfaction every answer follows.
        const q = quality + segment.effect + (store?.effect ?? 0) + 0.85 * randomNormal(random);

        // Emotion first, as on the form.
        const qe = q + 0.45 * randomNormal(random);
        let emotion: EmotionCode;
        let intensity: Intensity;
        if (qe > 0.15) {
          emotion = draw(random, positive);
          intensity = qe > 1.25 ? 3 : qe > 0.6 ? 2 : 1;
        } else if (qe < -0.55) {
          emotion = draw(random, negative);
          intensity = qe < -1.7 ? 3 : qe < -1.05 ? 2 : 1;
        } else {
          emotion = random() < 0.25 && qe > -0.1 ? "calm" : "indifference";
          intensity = random() < 0.7 ? 1 : 2;
        }
        let emotion2: EmotionCode | null = null;
        if (emotion !== "indifference" && random() < 0.12) {
          const second = draw(random, isPositive(emotion) ? positive : negative);
          if (second !== emotion) emotion2 = second;
        }

        const c = q + 0.5 * randomNormal(random);
        let csat = c > 0.8 ? 5 : c > -0.15 ? 4 : c > -0.85 ? 3 : c > -1.55 ? 2 : 1;
        const ces = clamp(Math.round(5.1 + 1.25 * (0.8 * q + model.ease + 0.6 * randomNormal(random))), 1, 7);
        let nps = clamp(Math.round(7.4 + 2.0 * q + 0.9 * randomNormal(random)), 0, 10);
        // A customer who felt good does not score like a detractor in anger, and vice versa.
        if (isPositive(emotion)) {
          nps = Math.max(nps, 6);
          csat = Math.max(csat, 3);
        } else if (isNegative(emotion)) {
          nps = Math.min(nps, 8);
          csat = Math.min(csat, 4);
        }

        // Timing: a few seconds per answer, on a phone; some people get distracted.
        const pace = Math.exp(0.35 * randomNormal(random)) * (random() < 0.03 ? 8 + random() * 20 : 1);
        const emotionAt = startedAt + Math.round((4000 + random() * 6000) * pace);
        const csatAt = emotionAt + Math.round((2500 + random() * 4000) * pace);
        const cesAt = csatAt + Math.round((2500 + random() * 4500) * pace);
        const npsAt = cesAt + Math.round((2500 + random() * 5000) * pace);

        // Abandoned visits: unhappy customers give up more often.
        const abandonRate = model.abandon * (q < -0.5 ? 1.4 : 1);
        let answered = 4;
        if (random() < abandonRate) {
          const r = random();
          answered = r < 0.45 ? 1 : r < 0.8 ? 2 : 3;
        }

        let comment: string | null = null;
        let commentAt: number | null = null;
        if (answered === 4) {
          const tone = toneOf(emotion, csat, nps);
          const chance = tone === "negative" ? 0.45 : tone === "positive" ? (intensity === 3 ? 0.35 : 0.24) : tone === "neutral" ? 0.1 : 0.22;
          if (random() < chance) {
            const region: SpanishRegion = random() < 0.85 ? "es" : "419";
            comment = composeComment(random, { theme: model.theme, tone, language, region, feminine: random() < 0.58, afterFix });
            commentAt = npsAt + Math.round((12_000 + random() * 50_000) * pace);
          }
        }

        const device: DeviceClass =
          source === "qr" ? (random() < 0.96 ? "phone" : "tablet")
          : purchaseChannel === "app" ? "phone"
          : source === "widget" ? (random() < 0.46 ? "desktop" : random() < 0.88 ? "phone" : "tablet")
          : random() < 0.68 ? "phone" : random() < 0.85 ? "desktop" : random() < 0.7 ? "tablet" : "unknown";

        let placement: string | null = null;
        if (source === "qr") placement = store ? `Mostrador ${store.name}` : model.theme === "assembly" ? "Manual de montaje" : `Caja lote ${isoWeek(day)}`;
        else if (source === "widget") placement = purchaseChannel === "app" ? "app" : "web";
        else if (source === "link") placement = model.rhythm === "delivery" || model.rhythm === "returns" ? "sms" : random() < 0.5 ? "whatsapp" : null;
        else if (source === "email") placement = model.rhythm === "purchase" ? "correo pedido" : "correo posventa";

        const hasOrder = model.rhythm !== "purchase" || model.theme === "checkout" || model.theme === "confirmation";
        const customer = Math.floor(random() * 60_000);
        yield {
          touchpoint: t,
          formVersion,
          source,
          placement,
          language,
          deviceClass: device,
          emotion,
          emotion2,
          intensity,
          csat: answered >= 2 ? csat : null,
          ces: answered >= 3 ? ces : null,
          nps: answered >= 4 ? nps : null,
          comment,
          customerRef: source === "email" || segment.code === "club" ? `cli-${String(customer).padStart(6, "0")}` : null,
          orderRef: hasOrder && random() < 0.8 ? `CC-${orderNumber++}` : null,
          channel: purchaseChannel,
          store: store?.name ?? null,
          meta,
          startedAt,
          emotionAt,
          csatAt: answered >= 2 ? csatAt : null,
          cesAt: answered >= 3 ? cesAt : null,
          npsAt: answered >= 4 ? npsAt : null,
          commentAt,
          completedAt: answered === 4 ? npsAt : null,
        };
      }
    }
  }
}
