// The universal form of METHOD.md §1 as data: five questions in a fixed order, and the two variants
// that swap one typed slot. Types, scales and order live here only; a brand can change wording, never these.
import { formLimits } from "./limits.js";

/** `universal` at a touchpoint; `content` for a post, video or campaign; `relationship` for the brand as a whole. */
export const formVariants = ["universal", "content", "relationship"] as const;
export type FormVariant = (typeof formVariants)[number];

/**
 * Every question id, which is also the answer's stored slot. `brand_love` replaces `csat` in the
 * relationship variant and `usefulness` replaces `ces` in the content variant, so analysis only ever
 * compares like with like.
 */
export const questionIds = ["emotion", "csat", "brand_love", "ces", "usefulness", "nps", "comment"] as const;
export type QuestionId = (typeof questionIds)[number];

/** The closed questions' rating slots (everything but the emotion question and the comment). */
export type RatingQuestionId = "csat" | "brand_love" | "ces" | "usefulness" | "nps";

/** Which label set a rating scale uses: CSAT 1–5, the 7-point agree scale, NPS 0–10. */
export type ScaleLabelSet = "csat" | "agree" | "nps";

export interface RatingScale {
  min: number;
  max: number;
  labels: ScaleLabelSet;
}

export type QuestionDefinition =
  | { position: 1; id: "emotion"; kind: "emotion"; closed: true }
  | { position: 2 | 3 | 4; id: RatingQuestionId; kind: "rating"; closed: true; scale: RatingScale }
  | { position: 5; id: "comment"; kind: "text"; closed: false; maxLength: number };

/** The scale of each rating slot, whichever variant uses it. */
export const ratingScales: Readonly<Record<RatingQuestionId, RatingScale>> = {
  csat: { min: 1, max: 5, labels: "csat" },
  brand_love: { min: 1, max: 7, labels: "agree" },
  ces: { min: 1, max: 7, labels: "agree" },
  usefulness: { min: 1, max: 7, labels: "agree" },
  nps: { min: 0, max: 10, labels: "nps" },
};

const emotionQuestion = { position: 1, id: "emotion", kind: "emotion", closed: true } as const;
const commentQuestion = { position: 5, id: "comment", kind: "text", closed: false, maxLength: formLimits.commentMax } as const;
function rating(position: 2 | 3 | 4, id: RatingQuestionId): QuestionDefinition {
  return { position, id, kind: "rating", closed: true, scale: ratingScales[id] };
}

const forms: Readonly<Record<FormVariant, readonly QuestionDefinition[]>> = {
  universal: [emotionQuestion, rating(2, "csat"), rating(3, "ces"), rating(4, "nps"), commentQuestion],
  content: [emotionQuestion, rating(2, "csat"), rating(3, "usefulness"), rating(4, "nps"), commentQuestion],
  relationship: [emotionQuestion, rating(2, "brand_love"), rating(3, "ces"), rating(4, "nps"), commentQuestion],
};

/** The five questions of a variant, in the order they are asked. */
export function questionsOf(variant: FormVariant): readonly QuestionDefinition[] {
  return forms[variant];
}

/** The five question ids of a variant, in order. */
export function questionIdsOf(variant: FormVariant): readonly QuestionId[] {
  return forms[variant].map((q) => q.id);
}

/** The four closed question ids of a variant: all four answered makes a response complete. */
export function closedQuestionIdsOf(variant: FormVariant): readonly QuestionId[] {
  return forms[variant].filter((q) => q.closed).map((q) => q.id);
}

/** True when the question belongs to the variant (a `csat` answer does not belong to a relationship form). */
export function hasQuestion(variant: FormVariant, id: QuestionId): boolean {
  return forms[variant].some((q) => q.id === id);
}

/** The definition of one question of a variant; null when the variant does not ask it. */
export function findQuestion(variant: FormVariant, id: QuestionId): QuestionDefinition | null {
  return forms[variant].find((q) => q.id === id) ?? null;
}

/** The variant's question that occupies a given slot of the universal form (2: csat/brand_love, 3: ces/usefulness). */
export function questionAt(variant: FormVariant, position: 1 | 2 | 3 | 4 | 5): QuestionDefinition {
  const question = forms[variant][position - 1];
  if (!question) throw new Error(`no question at position ${position}`);
  return question;
}
