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

/** A moment of truth below a target or dropped significantly against the compared period (the overview). */
export interface MomentAtRisk {
  touchpointId: string;
  name: string;
  journeyId: string;
  journeyName: string;
  stageId: string;
  stageName: string;
  reason: string;
  responses: number;
  impact: number;
  nps: ScoreWithChange;
  csat: ScoreWithChange;
  ces: ScoreWithChange;
  targets: Targets;
  risks: Array<
    | { kind: "below_target"; score: "nps" | "csat" | "ces"; value: number; target: number }
    | { kind: "significant_drop"; score: "nps" | "csat" | "ces"; change: number; pValue: number }
  >;
}

export interface Overview {
  period: Period;
  previousPeriod: Period;
  scores: HeadlineScores;
  /** Most hurtful first; touchpoints below 5 answers are left out. */
  momentsOfTruthAtRisk: MomentAtRisk[];
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

export type NpsGroup = "detractor" | "passive" | "promoter";

/** A comment with the customer's emotions and scores (GET …/verbatims); `comment` is plain text. */
export interface Verbatim {
  id: string;
  comment: string;
  touchpoint: { id: string; name: string | null };
  stage: { id: string; name: string | null };
  journey: { id: string; name: string | null };
  emotions: EmotionCode[];
  intensity: number | null;
  scores: { csat: number | null; ces: number | null; nps: number | null; usefulness: number | null; brandLove: number | null };
  npsGroup: NpsGroup | null;
  source: string | null;
  language: string | null;
  placement: string | null;
  store: string | null;
  startedAt: string;
  analysis: { inferred: true; sentiment: { label: string; score: number }; topics: Array<{ code: string; score: number }> } | null;
}

export interface VerbatimPage {
  items: Verbatim[];
  nextCursor: string | null;
}

export type SegmentDimension = "source" | "language" | "channel" | "journey" | "stage" | "touchpoint" | "placement" | "store" | "customerChannel";
export type SegmentScore = "nps" | "csat" | "ces" | "nes" | "cx";

export interface Segment {
  kind: "value" | "none" | "other";
  key: string | null;
  label: string | null;
  segments: number;
  responses: number;
  score: Score;
  versusRest: { rest: Score; difference: number | null; pValue: number | null; qValue: number | null; significant: boolean } | null;
}

export interface Segments {
  period: Period;
  dimension: string;
  score: SegmentScore;
  overall: Score;
  responses: number;
  tested: number;
  segments: Segment[];
}

const orgBase = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}`;
const withQuery = (path: string, query: URLSearchParams) => (query.size > 0 ? `${path}?${query.toString()}` : path);

export const insightsApi = {
  overview: (orgId: string, filters: Filters) => request<Overview>("GET", withQuery(`${orgBase(orgId)}/scores/overview`, toQuery(filters, "overview"))),
  journey: (orgId: string, journeyId: string, filters: Filters) =>
    request<JourneyScores>("GET", withQuery(`${orgBase(orgId)}/scores/journeys/${encodeURIComponent(journeyId)}`, toQuery(filters, "journey"))),
  touchpoint: (orgId: string, touchpointId: string, filters: Filters, interval: TrendInterval) => {
    const query = toQuery(filters, "touchpoint");
    query.set("interval", interval);
    return request<TouchpointDetail>("GET", withQuery(`${orgBase(orgId)}/scores/touchpoints/${encodeURIComponent(touchpointId)}`, query));
  },
  /** The organisation's (or the filtered journey's, stage's, touchpoint's) trend: every bucket in one request. */
  trend: (orgId: string, filters: Filters, interval: TrendInterval) => {
    const query = toQuery(filters, "overview");
    query.set("interval", interval);
    return request<{ period: Period; trend: { interval: TrendInterval; points: TrendPoint[] } }>("GET", withQuery(`${orgBase(orgId)}/scores/trend`, query));
  },
  priorities: (orgId: string, filters: Filters, score: PriorityScore) => {
    const query = toQuery(filters, "overview");
    query.set("score", score);
    return request<Priorities>("GET", withQuery(`${orgBase(orgId)}/scores/priorities`, query));
  },
  /** Comments in scope (a touchpoint's, with the view's filters), newest first. */
  verbatims: (orgId: string, filters: Filters, options: { cursor: string | null; q: string; emotion: EmotionCode | ""; npsGroup: NpsGroup | ""; limit?: number }) => {
    const query = toQuery(filters, "verbatims");
    query.set("limit", String(options.limit ?? 10));
    if (options.cursor) query.set("cursor", options.cursor);
    if (options.q.trim()) query.set("q", options.q.trim());
    if (options.emotion) query.set("emotion", options.emotion);
    if (options.npsGroup) query.set("npsGroup", options.npsGroup);
    return request<VerbatimPage & { period: Period }>("GET", withQuery(`${orgBase(orgId)}/verbatims`, query));
  },
  /** Compare with any period (compareFrom/compareTo) instead of the previous one. */
  overviewAgainst: (orgId: string, filters: Filters, compare: Period) => {
    const query = toQuery(filters, "overview");
    query.set("compareFrom", compare.from);
    query.set("compareTo", compare.to);
    return request<Overview>("GET", withQuery(`${orgBase(orgId)}/scores/overview`, query));
  },
  /** `dimension` is a named one or `field:m_<key>` (the brand's own field). */
  segments: (orgId: string, filters: Filters, dimension: SegmentDimension | `field:m_${string}`, score: SegmentScore) => {
    const query = toQuery(filters, "overview");
    query.set("dimension", dimension);
    query.set("score", score);
    return request<Segments>("GET", withQuery(`${orgBase(orgId)}/scores/segments`, query));
  },
};
