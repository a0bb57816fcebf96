// What one response says on its own (METHOD.md §3): its emotional valence, its CX index with the
// components behind it, its bond segment and whether it should open a close-the-loop case.
import { isNegative, isPositive, intensityWeights, valenceOf, type EmotionCode, type Intensity } from "../emotions.js";

/** The emotion question's answer: one code, optionally a second, and one intensity (METHOD.md §1). */
export interface EmotionAnswer {
  codes: readonly EmotionCode[];
  intensity: Intensity;
}

/** The closed answers of one response; a question not answered is null or absent. */
export interface ResponseAnswers {
  emotion?: EmotionAnswer | null;
  /** 1–5 */
  csat?: number | null;
  /** 1–7 */
  ces?: number | null;
  /** 0–10 */
  nps?: number | null;
  /** 1–7, the `content` variant's question 3 (stored instead of ces). */
  usefulness?: number | null;
  /** 1–7, the `relationship` variant's question 2 (stored instead of csat). */
  brandLove?: number | null;
}

// The form allows one emotion and optionally a second; anything beyond is ignored, so that EV stays
// a multiple of 1/6 and can be counted exactly in rollups (see aggregate.ts).
function chosenCodes(answer: EmotionAnswer): readonly EmotionCode[] {
  return answer.codes.slice(0, 2);
}

/**
 * Emotional valence of one response: EV = v · w, with w = 1/3, 2/3, 1 for intensity 1, 2, 3;
 * with two emotions, the mean of their valences times w. In −1 … +1; null without an emotion.
 */
export function emotionalValence(answer: EmotionAnswer | null | undefined): number | null {
  if (!answer) return null;
  const codes = chosenCodes(answer);
  if (codes.length === 0) return null;
  const meanValence = codes.reduce((sum, code) => sum + valenceOf(code), 0) / codes.length;
  return meanValence * intensityWeights[answer.intensity];
}

export interface CxComponents {
  /** 50·(EV + 1) */
  emo: number | null;
  /** 25·(csat − 1) */
  sat: number | null;
  /** 100·(ces − 1)/6 */
  ease: number | null;
  /** 10·nps */
  rec: number | null;
}

export interface ResponseCxIndex {
  /** Mean of the components present, 0 … 100. */
  value: number;
  components: CxComponents;
}

/** The four 0–100 components of one response's CX index; a missing answer gives null. */
export function cxComponents(answers: ResponseAnswers): CxComponents {
  const ev = emotionalValence(answers.emotion);
  return {
    emo: ev === null ? null : 50 * (ev + 1),
    sat: answers.csat == null ? null : 25 * (answers.csat - 1),
    ease: answers.ces == null ? null : (100 * (answers.ces - 1)) / 6,
    rec: answers.nps == null ? null : 10 * answers.nps,
  };
}

/**
 * CX index of one response: the equal-weight mean of EMO, SAT, EASE and REC over the components it
 * has (METHOD.md §3). Null when it has none. The variants' usefulness and brand love are not part of it.
 */
export function cxIndexOfResponse(answers: ResponseAnswers): ResponseCxIndex | null {
  const components = cxComponents(answers);
  const present = [components.emo, components.sat, components.ease, components.rec].filter((c): c is number => c !== null);
  if (present.length === 0) return null;
  return { value: present.reduce((sum, c) => sum + c, 0) / present.length, components };
}

export const bondSegments = ["at_risk", "in_love", "indifferent", "satisfied"] as const;
export type BondSegment = (typeof bondSegments)[number];

/**
 * Bond segment, assigned in this order: `at_risk` (any negative emotion, or nps 0–6), `in_love`
 * (a positive emotion at intensity ≥ 2 and nps 9–10), `indifferent` (indifference), `satisfied`
 * (everyone else). Null for a response that answered neither the emotion nor the nps question:
 * nothing is known about its bond.
 */
export function bondSegment(answers: ResponseAnswers): BondSegment | null {
  const codes = answers.emotion ? chosenCodes(answers.emotion) : [];
  const nps = answers.nps ?? null;
  if (codes.length === 0 && nps === null) return null;
  if (codes.some(isNegative) || (nps !== null && nps <= 6)) return "at_risk";
  if (answers.emotion && answers.emotion.intensity >= 2 && codes.some(isPositive) && nps !== null && nps >= 9) return "in_love";
  if (codes.includes("indifference")) return "indifferent";
  return "satisfied";
}

/** The close-the-loop rule; METHOD.md §3 gives the default. */
export interface CloseTheLoopRule {
  /** A negative emotion at this intensity or above triggers. */
  negativeEmotionIntensity: Intensity;
  /** ces at or below this triggers. */
  cesAtMost: number;
  /** nps at or below this triggers… */
  npsAtMost: number;
  /** …only at a moment of truth when true. */
  npsOnlyAtMomentOfTruth: boolean;
}

/**
 * "A negative emotion at intensity 3, or ces ≤ 3, or nps ≤ 6 at a moment of truth" (METHOD.md §3).
 * Read as: the moment-of-truth condition qualifies the nps clause only, so that every detractor
 * everywhere does not open a case, while a very negative emotion or a hard experience always does.
 */
export const defaultCloseTheLoopRule: CloseTheLoopRule = {
  negativeEmotionIntensity: 3,
  cesAtMost: 3,
  npsAtMost: 6,
  npsOnlyAtMomentOfTruth: true,
};

export type CloseTheLoopReason = "strong_negative_emotion" | "low_ease" | "detractor";

/** Why a response should open a close-the-loop case; empty when it should not. */
export function closeTheLoopReasons(
  answers: ResponseAnswers,
  context: { momentOfTruth: boolean },
  rule: CloseTheLoopRule = defaultCloseTheLoopRule,
): CloseTheLoopReason[] {
  const reasons: CloseTheLoopReason[] = [];
  const emotion = answers.emotion;
  if (emotion && emotion.intensity >= rule.negativeEmotionIntensity && chosenCodes(emotion).some(isNegative)) {
    reasons.push("strong_negative_emotion");
  }
  if (answers.ces != null && answers.ces <= rule.cesAtMost) reasons.push("low_ease");
  if (answers.nps != null && answers.nps <= rule.npsAtMost && (context.momentOfTruth || !rule.npsOnlyAtMomentOfTruth)) {
    reasons.push("detractor");
  }
  return reasons;
}

/** True when the response should open a close-the-loop case under the rule. */
export function shouldCloseTheLoop(
  answers: ResponseAnswers,
  context: { momentOfTruth: boolean },
  rule: CloseTheLoopRule = defaultCloseTheLoopRule,
): boolean {
  return closeTheLoopReasons(answers, context, rule).length > 0;
}
