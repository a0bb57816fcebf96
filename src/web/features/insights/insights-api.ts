// The scores as the dashboard reads them: the shapes the score routes send (restated from
// src/server/routes/scores/present.ts and routes.ts, since the web app imports only from core) and
// every call. Each call takes the shared filters (filters.ts) and passes them on as query parameters;
// the server ignores a parameter it does not know yet, so a filter can be offered before it lands.
import type { EmotionCode } from "../../../core/emotions.js";
import type { BondSegment } from "../../../core/metrics/response-scores.js";
import { request } from "../../api.js";
import { toQuery, type Filters } from "./filters.js";

/** METHOD.md §4: hidden below 5 answers (no value), few_answers below 30 (greyed), else shown. */
export type Visibility = "hidden" | "few_answers" | "shown";

export interface Interval {
  lower: number;
  upper: number;
}

export interface Score {
  n: number;
  value: number | null;
  interval: Interval | null;
  visibility: Visibility;
}

export interface Change {
  previous: number | null;
  change: number | null;
  pValue: number | null;
  significant: boolean;
}

export interface ScoreWithChange extends Score {
  /** Null when either period has fewer than 5 answers. */
  change: Change | null;
}

export interface Period {
  from: string;
  to: string;
}

export interface TopEmotion {
  code: EmotionCode;
  mentions: number;
  share: number;
}

export interface HeadlineScores {
  responses: { count: number; previous: number; change: number };
  completionRate: ScoreWithChange;
  cxIndex: ScoreWithChange & { components: { emo: Score; sat: Score; ease: Score; rec: Score } };
  nps: ScoreWithChange & { promoters: number | null; passives: number | null; detractors: number | null };
  csat: ScoreWithChange & { mean: Score };
  ces: ScoreWithChange & { topBox: Score };
  nes: ScoreWithChange;
  topEmotions: TopEmotion[];
}

/** A touchpoint of a moment of truth doing worse than its target (the overview, when the server sends it). */
export interface MomentAtRisk {
  touchpointId: string;
  name: string;
  journeyId?: string;
  journeyName?: string;
  stageName?: string;
  score?: string;
  value?: number | null;
  target?: number | null;
  gap?: number | null;
  responses?: number;
  [key: string]: unknown;
}

export interface Overview {
  period: Period;
  previousPeriod: Period;
  scores: HeadlineScores;
  /** Present once the server computes it (issue #5, richer overview). */
  momentsAtRisk?: MomentAtRisk[];
}

export interface CellScores {
  responses: number;
  cxIndex: Score;
  nps: Score;
  /** % answering 4–5. */
  csat: Score;
  /** Mean of 1–7. */
  ces: Score;
  nes: Score;
}

export interface Targets {
  nps: number | null;
  csat: number | null;
  ces: number | null;
}

export interface EmotionCurvePoint {
  stageId: string;
  n: number;
  visibility: Visibility;
  /** Mean emotional valence −1…+1. */
  valence: Score;
  nes: Score;
}

export interface JourneyScores {
  period: Period;
  journey: { id: string; name: string };
  scores: CellScores;
  stages: Array<{
    id: string;
    name: string;
    scores: CellScores;
    touchpoints: Array<{ id: string; name: string; channel: string; momentOfTruth: boolean; targets: Targets; scores: CellScores }>;
  }>;
  emotionCurve: EmotionCurvePoint[];
}

export type TrendInterval = "day" | "week" | "month";

export interface TrendPoint {
  start: string;
  responses: number;
  cxIndex: Score;
  nps: Score;
  csat: Score;
  ces: Score;
  nes: Score;
}

export interface TouchpointDetail {
  period: Period;
  previousPeriod: Period;
  touchpoint: { id: string; name: string; journeyId: string; stageId: string; channel: string; momentOfTruth: boolean; targets: Targets };
  scores: HeadlineScores;
  detail: {
    distributions: {
      nps: number[] | null;
      csat: number[] | null;
      ces: number[] | null;
      usefulness: number[] | null;
      brandLove: number[] | null;
      emotions: Array<{ code: EmotionCode; mentions: number; share: number; byIntensity: number[] }>;
    };
    valence: Score;
    usefulness: Score;
    brandLove: Score;
    bonds: { n: number; visibility: Visibility; segments: Array<{ segment: BondSegment; count: number; share: Score }> };
    completion: {
      completed: number;
      meanSeconds: Score;
      answered: { emotion: number; csat: number; ces: number; nps: number; usefulness: number; brandLove: number } | null;
    };
  };
  trend: { interval: TrendInterval; points: TrendPoint[] };
}

export type PriorityScore = "nps" | "csat" | "ces";
export type Quadrant = "fix_first" | "keep_up" | "low_priority" | "possible_overkill";

export interface PriorityTouchpoint {
  touchpointId: string;
  name: string;
  stageId: string;
  momentOfTruth: boolean;
  performance: number | null;
  target: number | null;
}

export type Priorities =
  | {
      status: "ready";
      score: PriorityScore;
      observations: number;
      rSquared: number;
      importanceThreshold: number;
      points: Array<PriorityTouchpoint & { importance: number; gap: number | null; quadrant: Quadrant | null; highImportance: boolean }>;
    }
  | {
      status: "too_few_data";
      score: PriorityScore;
      reason: "too_few_observations" | "no_variation" | "collinear_predictors";
      observations: number;
      needed: number;
      message: string;
      touchpoints: PriorityTouchpoint[];
    };

/** A comment with its answers, from the verbatims endpoint or (until it lands) a touchpoint's recent responses. */
export interface Verbatim {
  id: string;
  touchpointId: string;
  comment: string | null;
  emotion: { code: EmotionCode; second: EmotionCode | null; intensity: number | null } | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  language: string | null;
  source: string | null;
  startedAt: string;
}

export interface VerbatimPage {
  items: Verbatim[];
  nextCursor: string | null;
}

const orgBase = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const withQuery = (path: string, query: URLSearchParams) => (query.size > 0 ? `${path}?${query.toString()}` : path);

/** Turns a response (recent-responses list) or a verbatim (verbatims list) into a Verbatim. */
function toVerbatim(raw: Record<string, unknown>): Verbatim {
  const answers = (raw.answers ?? raw) as Record<string, unknown>;
  const pick = <T>(key: string): T | null => ((answers[key] ?? raw[key] ?? null) as T | null);
  return {
    id: String(raw.id ?? raw.responseId ?? ""),
    touchpointId: String(raw.touchpointId ?? ""),
    comment: pick<string>("comment"),
    emotion: pick<Verbatim["emotion"]>("emotion"),
    nps: pick<number>("nps"),
    csat: pick<number>("csat"),
    ces: pick<number>("ces"),
    language: (raw.language ?? null) as string | null,
    source: (raw.source ?? null) as string | null,
    startedAt: String(raw.startedAt ?? raw.at ?? raw.createdAt ?? ""),
  };
}

export const insightsApi = {
  overview: (orgId: string, filters: Filters) => request<Overview>("GET", withQuery(`${orgBase(orgId)}/scores/overview`, toQuery(filters, "overview"))),
  journey: (orgId: string, journeyId: string, filters: Filters) =>
    request<JourneyScores>("GET", withQuery(`${orgBase(orgId)}/scores/journeys/${encodeURIComponent(journeyId)}`, toQuery(filters, "journey"))),
  touchpoint: (orgId: string, touchpointId: string, filters: Filters, interval: TrendInterval) => {
    const query = toQuery(filters, "touchpoint");
    query.set("interval", interval);
    return request<TouchpointDetail>("GET", withQuery(`${orgBase(orgId)}/scores/touchpoints/${encodeURIComponent(touchpointId)}`, query));
  },
  priorities: (orgId: string, filters: Filters, score: PriorityScore) => {
    const query = toQuery(filters, "overview");
    query.set("score", score);
    return request<Priorities>("GET", withQuery(`${orgBase(orgId)}/scores/priorities`, query));
  },
  /** A touchpoint's comments, newest first. */
  verbatims: async (orgId: string, touchpointId: string, options: { cursor: string | null; search: string; limit?: number }): Promise<VerbatimPage> => {
    const query = new URLSearchParams({ limit: String(options.limit ?? 10) });
    if (options.cursor) query.set("cursor", options.cursor);
    const page = await request<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      "GET",
      withQuery(`${orgBase(orgId)}/touchpoints/${encodeURIComponent(touchpointId)}/responses`, query),
    );
    const items = page.items.map(toVerbatim);
    const needle = options.search.trim().toLocaleLowerCase();
    return { items: needle ? items.filter((v) => v.comment?.toLocaleLowerCase().includes(needle)) : items, nextCursor: page.nextCursor };
  },
};
