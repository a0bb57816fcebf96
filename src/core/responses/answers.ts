// The answers of a response and their validation against METHOD.md §1: strict bounds, known emotion
// codes, the variant's own slots, and a comment cleaned but never sanitised (it is always shown as text).
import { z } from "zod";
import { emotionCodes, isEmotionCode, isIntensity, type EmotionCode, type Intensity } from "../emotions.js";
import { formLimits } from "../forms/limits.js";
import { questionIds, questionIdsOf, ratingScales, type FormVariant, type QuestionId, type RatingQuestionId } from "../forms/questions.js";
import { countCodePoints, normaliseMultilineText } from "../forms/text.js";

/** Question 1's answer: one emotion, optionally a different second one, and the intensity once chosen. */
export interface EmotionAnswer {
  code: EmotionCode;
  second: EmotionCode | null;
  intensity: Intensity | null;
}

/** The answers of a response, by question id; a question not answered is absent. */
export interface Answers {
  emotion?: EmotionAnswer;
  csat?: number;
  brand_love?: number;
  ces?: number;
  usefulness?: number;
  nps?: number;
  comment?: string;
}

export interface AnswerIssue {
  /** The question (and part) the issue is about, e.g. "csat", "emotion.second"; "" for the whole. */
  path: string;
  message: string;
}

export type AnswersValidation = { ok: true; answers: Answers } | { ok: false; reason: "invalid_answer"; issues: AnswerIssue[] };

/**
 * A comment as stored: NFC, unpaired surrogates replaced, control characters other than newline and
 * tab removed, trimmed. HTML and `<script>` are kept verbatim: every screen renders comments as text.
 */
export function normaliseComment(text: string): string {
  return normaliseMultilineText(text);
}

const emotionCodeSchema = z.enum(emotionCodes, { error: (issue) => `unknown emotion code ${JSON.stringify(issue.input)}` });
const intensitySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "intensity must be 1, 2 or 3" });

/** Question 1: `{ code, second?, intensity? }`. */
export const emotionAnswerSchema = z
  .strictObject({
    code: emotionCodeSchema.optional(),
    second: emotionCodeSchema.nullable().optional(),
    intensity: intensitySchema.nullable().optional(),
  })
  .superRefine((answer, ctx) => {
    if (answer.code === undefined) {
      if (answer.intensity != null) ctx.addIssue({ code: "custom", path: ["intensity"], message: "an intensity requires an emotion" });
      if (answer.second != null) ctx.addIssue({ code: "custom", path: ["second"], message: "a second emotion requires a first" });
      if (answer.intensity == null && answer.second == null) ctx.addIssue({ code: "custom", path: ["code"], message: "must name an emotion" });
    } else if (answer.second != null && answer.second === answer.code) {
      ctx.addIssue({ code: "custom", path: ["second"], message: "the second emotion must differ from the first" });
    }
  })
  .transform((answer): EmotionAnswer => ({ code: answer.code as EmotionCode, second: answer.second ?? null, intensity: answer.intensity ?? null }));

function ratingSchema(id: RatingQuestionId) {
  const { min, max } = ratingScales[id];
  const message = `${id} must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** Question 5: cleaned, then at most 2,000 code points; empty after cleaning counts as not answered. */
export const commentSchema = z
  .string({ error: "comment must be text" })
  .transform(normaliseComment)
  .refine((text) => countCodePoints(text) <= formLimits.commentMax, `comment must be at most ${formLimits.commentMax} characters`);

const answerSchemas = {
  emotion: emotionAnswerSchema,
  csat: ratingSchema("csat"),
  brand_love: ratingSchema("brand_love"),
  ces: ratingSchema("ces"),
  usefulness: ratingSchema("usefulness"),
  nps: ratingSchema("nps"),
  comment: commentSchema,
} as const;

function answersSchemaOf(variant: FormVariant) {
  const shape = Object.fromEntries(questionIdsOf(variant).map((id) => [id, answerSchemas[id].optional()]));
  return z.strictObject(shape);
}

const schemas: Readonly<Record<FormVariant, ReturnType<typeof answersSchemaOf>>> = {
  universal: answersSchemaOf("universal"),
  content: answersSchemaOf("content"),
  relationship: answersSchemaOf("relationship"),
};

/**
 * Validates a response's answers against its form's variant. Any subset of the variant's questions
 * may be answered (answers are saved as they are given), but at least one. Refused: a question of
 * another variant (`csat` on a relationship form), numbers out of range or not whole, strings for
 * numbers, unknown emotion codes, a second emotion equal to the first, an intensity or a second emotion
 * without a first, a comment over 2,000 code points. A comment empty after cleaning is dropped.
 */
export function validateAnswers(input: unknown, variant: FormVariant): AnswersValidation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, reason: "invalid_answer", issues: [{ path: "", message: "answers must be an object" }] };
  }
  const answers = validateAnswersQuickly(input, variant);
  return answers ? { ok: true, answers } : validateAnswersBySchema(input, variant);
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const questionIdsByVariant: Readonly<Record<FormVariant, readonly QuestionId[]>> = {
  universal: questionIdsOf("universal"),
  content: questionIdsOf("content"),
  relationship: questionIdsOf("relationship"),
};
const emotionKeys: ReadonlySet<string> = new Set(["code", "second", "intensity"]);

/**
 * The answers of the common case without the schema, on the ingestion hot path: a plain object whose
 * every answer is well formed gives exactly what the schema gives (same values, same key order).
 * Anything else returns null and goes through the schema, so a refusal and its issues read the same.
 * Exported for the test that holds it to the schema.
 */
export function validateAnswersQuickly(input: object, variant: FormVariant): Answers | null {
  if (!isPlainObject(input)) return null;
  const ids = questionIdsByVariant[variant];
  for (const key in input) {
    if (!(ids as readonly string[]).includes(key)) return null;
  }
  const answers: Answers = {};
  let given = 0;
  for (const id of ids) {
    if (!hasOwn(input, id)) continue;
    const value = input[id];
    if (value === undefined) continue;
    if (id === "emotion") {
      const emotion = quickEmotion(value);
      if (!emotion) return null;
      answers.emotion = emotion;
    } else if (id === "comment") {
      if (typeof value !== "string") return null;
      const comment = normaliseComment(value);
      if (countCodePoints(comment) > formLimits.commentMax) return null;
      if (comment === "") continue;
      answers.comment = comment;
    } else {
      const { min, max } = ratingScales[id];
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) return null;
      answers[id] = value;
    }
    given++;
  }
  return given > 0 ? answers : null;
}

function quickEmotion(value: unknown): EmotionAnswer | null {
  if (!isPlainObject(value)) return null;
  for (const key in value) {
    if (!emotionKeys.has(key)) return null;
  }
  const { code, second, intensity } = value;
  if (!isEmotionCode(code)) return null;
  if (!(second === undefined || second === null || (isEmotionCode(second) && second !== code))) return null;
  if (!(intensity === undefined || intensity === null || isIntensity(intensity))) return null;
  return { code, second: second ?? null, intensity: intensity ?? null };
}

/** validateAnswers through the schema alone (objects only): what the quick path must agree with. */
export function validateAnswersBySchema(input: object, variant: FormVariant): AnswersValidation {
  const result = schemas[variant].safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.flatMap((issue): AnswerIssue[] => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({
          path: key,
          message: (questionIds as readonly string[]).includes(key) ? `the ${variant} form has no ${key} question` : "unknown question",
        }));
      }
      return [{ path: issue.path.join("."), message: issue.message }];
    });
    return { ok: false, reason: "invalid_answer", issues };
  }
  const answers: Answers = {};
  for (const [id, value] of Object.entries(result.data) as Array<[QuestionId, unknown]>) {
    if (value === undefined || (id === "comment" && value === "")) continue;
    (answers as Record<string, unknown>)[id] = value;
  }
  if (Object.keys(answers).length === 0) {
    return { ok: false, reason: "invalid_answer", issues: [{ path: "", message: "no answer given" }] };
  }
  return { ok: true, answers };
}

/** The field names of the plain HTML form (no JavaScript): one per question, question 1 split in three. */
export const formFieldNames = {
  emotion: "emotion",
  secondEmotion: "second_emotion",
  intensity: "intensity",
} as const;

/**
 * Turns the fields of a plain HTML form post (all strings) into an answers object for
 * validateAnswers: whole numbers become numbers, empty fields are left out, anything else is kept as
 * the string it is, so that validation reports it rather than guessing.
 */
export function answersFromFormFields(fields: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const get = (name: string) => {
    const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const toNumber = (value: string | undefined) => (value !== undefined && /^\s*-?\d{1,3}\s*$/.test(value) ? Number(value) : value);
  const answers: Record<string, unknown> = {};
  const code = get(formFieldNames.emotion);
  const second = get(formFieldNames.secondEmotion);
  const intensity = get(formFieldNames.intensity);
  if (code !== undefined || second !== undefined || intensity !== undefined) {
    answers.emotion = {
      ...(code !== undefined ? { code } : {}),
      ...(second !== undefined ? { second } : {}),
      ...(intensity !== undefined ? { intensity: toNumber(intensity) } : {}),
    };
  }
  for (const id of ["csat", "brand_love", "ces", "usefulness", "nps"] as const) {
    const value = get(id);
    if (value !== undefined) answers[id] = toNumber(value);
  }
  const comment = get("comment");
  if (comment !== undefined) answers.comment = comment;
  return answers;
}
