// The HTTP API of text analytics, learned models and voice-of-the-customer imports (issue 6): the
// requests and responses, as Zod shapes. The server validates and documents with them; the dashboard
// (src/web/features/voice) types its calls with them. Keep changes additive.
//
// Routes (all under /api/v1/organisations/:orgId):
//   POST   /voice/imports?kind=&touchpointId=&fileName=   raw body: text/csv or application/x-ndjson → 202 importOut
//   GET    /voice/imports                                  → importListOut
//   GET    /voice/imports/:importId                        → importOut (poll for progress)
//   POST   /voice/items                                    JSON voiceItemsRequest → importOut (completed, synchronous)
//   GET    /text/summary?…filters                          → textSummaryOut (by topic, by touchpoint, overall)
//   GET    /text/trends?…filters&interval=                 → textTrendsOut
//   GET    /text/phrases?…filters                          → textPhrasesOut
//   GET    /text/texts?…filters&topic=&sentiment=&emotion=&kind=&q=&cursor=&limit=  → textListOut
//   GET    /text/models                                    → textModelListOut
//   POST   /text/models  { scope, scopeId? }               → 202 textModelOut (admin: train or retrain)
//   POST   /text/reanalyse                                 → 202 reanalyseOut (admin)
import { z } from "zod";
import { emotionCodes } from "../emotions.js";
import { sentimentLabels, topicCodes } from "../text/types.js";
import { channels } from "../journeys/model.js";

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

// ---------------------------------------------------------------- voice items and imports

/** Where an imported text comes from. */
export const voiceSources = ["review", "social", "ticket", "chat", "other"] as const;
export type VoiceSource = (typeof voiceSources)[number];

/** What a file holds: voice items, a generic NPS CSV, or Delighted's CSV export (see docs/import.md). */
export const importKinds = ["voice", "nps", "delighted"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFormats = ["csv", "jsonl", "json"] as const;
/** waiting: created, its file not uploaded yet (two-step upload, so the dashboard polls from the start). */
export const importStatuses = ["waiting", "running", "completed", "failed", "interrupted"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Why a row was rejected (stable codes; the dashboard translates them: voice.reject.<code>). */
export const rejectCodes = [
  "missing_text",
  "text_too_long",
  "missing_date",
  "invalid_date",
  "invalid_source",
  "invalid_rating",
  "invalid_score",
  "invalid_language",
  "unknown_touchpoint",
  "missing_touchpoint",
  "invalid_row",
  "field_too_long",
  "invalid_encoding",
] as const;
export type RejectCode = (typeof rejectCodes)[number];

/** Longest text kept from one item (longer rows are rejected, text_too_long). */
export const maxVoiceTextLength = 20_000;

/** One voice item, as the JSON API takes it and as a JSONL line or CSV row carries it. */
export const voiceItemIn = z.object({
  source: z.enum(voiceSources).default("other"),
  text: z.string().min(1).max(maxVoiceTextLength),
  date: z.string().min(1).max(40).describe("ISO 8601 date or date-time; a date alone means midnight UTC."),
  rating: z.number().min(0).max(100).optional().describe("The rating the author gave, on its own scale."),
  ratingMax: z.number().min(1).max(100).optional().describe("The top of the rating's scale; 5 when absent."),
  author: z.string().max(200).optional().describe("A reference to the author; an e-mail address is stored only as a keyed hash."),
  url: z.string().max(2000).optional(),
  externalId: z.string().max(200).optional().describe("The item's id in its channel; duplicates are recognised by it, else by URL, else by content."),
  language: z.enum(["es", "en", "pt"]).optional().describe("Detected when absent."),
  touchpointId: id.optional().describe("Overrides the request's touchpointId for this item."),
  touchpoint: z.string().max(200).optional().describe("A touchpoint's name, when its id is not known."),
});
export type VoiceItemIn = z.infer<typeof voiceItemIn>;

export const maxItemsPerRequest = 1000;

export const voiceItemsRequest = z.object({
  touchpointId: id.optional().describe("The touchpoint every item is mapped to, unless the item names one."),
  items: z.array(z.unknown()).min(1).max(maxItemsPerRequest).describe("voiceItemIn objects; bad ones are rejected in the report, not fatal."),
});

export const importQuery = z.object({
  kind: z.enum(importKinds).default("voice"),
  touchpointId: id.optional().describe("The touchpoint of every row that does not name one (required for nps and delighted)."),
  fileName: z.string().max(200).optional(),
  source: z.enum(voiceSources).optional().describe("The source of rows that carry none."),
});

/** Why an import stopped (stable codes; the dashboard translates them: voice.importError.<code>). */
export const importErrorCodes = ["missing_column", "csv_syntax", "file_too_large", "upload_aborted", "store_failed", "server_stopped", "import_failed"] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export const rejectionOut = z.object({
  row: z.number().int().describe("1-based data row (CSV: not counting the header line; JSONL: the line)."),
  code: z.enum(rejectCodes),
  field: z.string().optional(),
});

export const importOut = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  format: z.enum(importFormats),
  status: z.enum(importStatuses),
  touchpointId: z.string().nullable(),
  fileName: z.string().nullable(),
  bytesTotal: z.number().nullable(),
  bytesRead: z.number(),
  rowsRead: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  progress: z.number().nullable().describe("0…1 when the upload's size is known."),
  rejections: z.array(rejectionOut).describe("The first 1,000 rejected rows, with their reason."),
  rejectionsTruncated: z.boolean(),
  error: z
    .enum(importErrorCodes)
    .nullable()
    .describe("Why a failed or interrupted import stopped (rows already stored stay; uploading the file again skips them as duplicates)."),
  errorDetail: z.string().nullable().describe("missing_column: the column; csv_syntax: the problem and its line."),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportOut = z.infer<typeof importOut>;
export const importListOut = z.object({ imports: z.array(importOut) });

// ---------------------------------------------------------------- text analytics

export const textKinds = ["response", "voice"] as const;

/** The filters of every text route: the score API's (dates, source, language, journey, touchpoint) plus text ones. */
export const textFilterQuery = z.object({
  from: day.optional().describe("First day (UTC), YYYY-MM-DD. Default: 29 days before `to`."),
  to: day.optional().describe("Last day (UTC), included. Default: today."),
  journeyId: id.optional(),
  touchpointId: id.optional(),
  source: z.string().max(20).optional().describe("A response source (link, qr, widget, email, api, import) or a voice source (review, social, ticket, chat, other)."),
  language: z.enum(["es", "en", "pt"]).optional().describe("The text's detected language."),
  kind: z.enum(textKinds).optional().describe("response: form comments; voice: imported items."),
  channel: z.enum(channels).optional().describe("The touchpoint's channel on the journey map."),
});
export type TextFilter = z.infer<typeof textFilterQuery>;

export const textTrendQuery = textFilterQuery.extend({ interval: z.enum(["day", "week", "month"]).default("day") });

export const textListQuery = textFilterQuery.extend({
  topic: z.enum(topicCodes).optional(),
  sentiment: z.enum(sentimentLabels).optional(),
  emotion: z.enum(emotionCodes).optional().describe("An inferred emotion."),
  q: z.string().min(1).max(200).optional().describe("Words the text contains (case-insensitive)."),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const intervalOut = z.object({ lower: z.number(), upper: z.number() }).nullable();
const visibilityOut = z.enum(["hidden", "few_answers", "shown"]).describe("hidden below 5 texts (no value), few_answers below 30, else shown.");

/** A share of texts with its Wilson interval (METHOD.md §4); value null when hidden. */
export const shareOut = z.object({ count: z.number().int().nullable(), value: z.number().nullable(), interval: intervalOut });

export const sentimentSummaryOut = z.object({
  n: z.number().int(),
  visibility: visibilityOut,
  negative: shareOut,
  neutral: shareOut,
  positive: shareOut,
  net: z.object({ value: z.number().nullable(), interval: intervalOut }).describe("%positive − %negative, −100…100, adjusted-Wald interval like NES."),
  meanScore: z.object({ value: z.number().nullable(), interval: intervalOut }).describe("Mean sentiment score −1…1, t interval."),
});

export const inferredEmotionOut = z.object({
  code: z.enum(emotionCodes),
  inferred: z.literal(true),
  count: z.number().int().nullable(),
  share: shareOut,
});

export const topicSummaryOut = z.object({
  topic: z.enum(topicCodes),
  /** Share of all texts in scope that mention the topic. */
  mentions: shareOut,
  sentiment: sentimentSummaryOut.describe("The topic's aspect sentiment (the clauses that mention it)."),
  emotions: z.array(inferredEmotionOut),
});

export const touchpointTextSummaryOut = z.object({
  touchpointId: z.string().nullable(),
  name: z.string().nullable(),
  sentiment: sentimentSummaryOut,
  emotions: z.array(inferredEmotionOut),
  topTopics: z.array(z.object({ topic: z.enum(topicCodes), count: z.number().int() })),
});

export const textSummaryOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  texts: z.number().int(),
  overall: sentimentSummaryOut,
  emotions: z.array(inferredEmotionOut),
  topics: z.array(topicSummaryOut),
  touchpoints: z.array(touchpointTextSummaryOut),
});
export type TextSummaryOut = z.infer<typeof textSummaryOut>;

export const textTrendsOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  interval: z.enum(["day", "week", "month"]),
  points: z.array(
    z.object({
      start: z.string(),
      texts: z.number().int(),
      meanSentiment: z.number().nullable(),
      topics: z.array(z.object({ topic: z.enum(topicCodes), count: z.number().int(), meanSentiment: z.number().nullable() })),
    }),
  ),
});

export const textPhrasesOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  phrases: z.array(z.object({ phrase: z.string(), count: z.number().int(), meanSentiment: z.number() })),
  sampled: z.number().int().describe("Texts read to count phrases (the newest, at most 20,000)."),
});

export const highlightOut = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(["positive", "negative", "negator", "intensifier", "diminisher", "contrast", "emotion", "topic"]),
  code: z.string().optional(),
});

export const textItemOut = z.object({
  id: z.string(),
  kind: z.enum(textKinds),
  responseId: z.string().nullable(),
  text: z.string().describe("Untrusted: render as text, never as HTML."),
  at: z.string(),
  source: z.string(),
  touchpointId: z.string().nullable(),
  journeyId: z.string().nullable(),
  language: z.string().nullable(),
  sentiment: z.object({ label: z.enum(sentimentLabels), score: z.number() }),
  emotions: z.array(z.object({ code: z.enum(emotionCodes), score: z.number(), inferred: z.literal(true) })),
  topics: z.array(z.object({ code: z.enum(topicCodes), sentiment: z.number() })),
  keyPhrases: z.array(z.string()),
  highlights: z.array(highlightOut).describe("UTF-16 offsets into text: text.slice(start, end)."),
  rating: z.number().nullable(),
  ratingMax: z.number().nullable(),
  url: z.string().nullable(),
  model: z.string().describe("lexicon, or the learned model's id."),
});
export type TextItemOut = z.infer<typeof textItemOut>;

export const textListOut = z.object({ texts: z.array(textItemOut), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------- learned models

export const modelScopes = ["organisation", "journey", "touchpoint"] as const;
export const modelStatuses = ["queued", "training", "ready", "failed", "superseded"] as const;

/** Form responses with a comment and the customer's own emotion or scores needed before a model is trained. */
export const minTrainingResponses = 300;

export const textModelOut = z.object({
  id: z.string(),
  scope: z.enum(modelScopes),
  scopeId: z.string(),
  status: z.enum(modelStatuses),
  progress: z.number(),
  trainedOn: z.number().int(),
  heldBack: z.number().int(),
  quality: z
    .object({
      accuracy: z.number(),
      macroF1: z.number(),
      lexiconAccuracy: z.number().optional().describe("The lexicon alone on the same held-back responses."),
      lexiconMacroF1: z.number().optional(),
    })
    .nullable(),
  inUse: z.boolean().describe("Used for texts that carry no scores of their own (imports)."),
  error: z
    .string()
    .nullable()
    .describe("Why training failed: not_enough_data (too few usable responses once read) or training_failed (anything else; details in the server log). Models failed by older versions may hold a message."),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TextModelOut = z.infer<typeof textModelOut>;

export const textModelListOut = z.object({
  models: z.array(textModelOut),
  eligible: z.number().int().describe("The organisation's form responses with a comment and own emotion or scores."),
  threshold: z.number().int(),
});

export const trainModelRequest = z.object({
  scope: z.enum(modelScopes).default("organisation"),
  scopeId: id.optional().describe("The journey's or touchpoint's id (not for organisation)."),
});

export const reanalyseOut = z.object({ queued: z.number().int().describe("Texts whose analysis is stale or missing; the background job works through them.") });
