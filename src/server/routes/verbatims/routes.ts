// Verbatims: the organisation's comments, newest first, with the customer's emotions and scores and
// the text analyser's reading, filtered like every analytics view (plus emotion, NPS group, topic,
// sentiment and an accent-insensitive search) and paged with an opaque cursor.
import { z } from "zod";
import { emotionCodes } from "../../../core/emotions.js";
import { sentimentLabels, topicCodes } from "../../../core/text/types.js";
import { resolveTouchpointScope } from "../../../db/queries/scores.js";
import { listVerbatims, npsGroups, type VerbatimCursor } from "../../../db/queries/verbatims.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { requireOrganisation } from "../../auth/principal.js";
import { orgParams, problemResponses } from "../openapi.js";
import { filterQuery, periodOut, periodsOf, placeQuery, presentPeriod, responseFilterOf } from "../scores/schema.js";
import { presentVerbatim, verbatimOut } from "./present.js";

/** Longest search text, in characters. */
export const maxSearchLength = 200;
export const maxVerbatimsPerPage = 100;

export const verbatimsQuery = filterQuery.extend({
  ...placeQuery.shape,
  emotion: z.enum(emotionCodes).optional().describe("The customer's own emotion (first or second)."),
  npsGroup: z.enum(npsGroups).optional().describe("detractor (0–6), passive (7–8) or promoter (9–10)."),
  q: z
    .string()
    .trim()
    .min(1)
    .max(maxSearchLength)
    .optional()
    .describe("Words to find in the comment: case and accents are ignored (\"envio\" finds \"Envío\"); % and _ are plain characters."),
  topic: z.enum(topicCodes).optional().describe("An inferred topic (text analysis)."),
  sentiment: z.enum(sentimentLabels).optional().describe("The inferred sentiment (text analysis)."),
  limit: z.coerce.number().int().min(1).max(maxVerbatimsPerPage).default(25),
  cursor: z.string().max(200).optional().describe("The nextCursor of the previous page."),
});

/** The cursor: the last row's start time and id, opaque to clients. */
export function encodeCursor(cursor: VerbatimCursor): string {
  return Buffer.from(`${cursor.startedAt}:${cursor.id}`, "utf8").toString("base64url");
}
export function decodeCursor(text: string): VerbatimCursor | null {
  const [time, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split(":");
  const startedAt = Number(time);
  return rest.length === 0 && Number.isSafeInteger(startedAt) && id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { startedAt, id } : null;
}

export function verbatimRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;

  app.get(
    "/api/v1/orgs/:orgId/verbatims",
    {
      schema: {
        tags: ["verbatims"],
        summary: "Comments with their emotions and scores, newest first",
        description:
          "The organisation's comments (or a journey's, stage's or touchpoint's) in the period, newest first by the time the response started, with the " +
          "customer's emotions, intensity and scores, where the response came from, and the text analyser's inferred sentiment, emotions, topics and " +
          "highlight spans when it has run. Every analytics filter applies, plus emotion, npsGroup, topic, sentiment and `q` (case- and accent-insensitive). " +
          "Page with `cursor`: pass the previous page's `nextCursor` until it is null. Comments are plain text: render them as text.",
        params: orgParams,
        querystring: verbatimsQuery,
        response: {
          200: z.object({ period: periodOut, items: z.array(verbatimOut), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, "read");
      const query = request.query;
      const periods = periodsOf(query, ctx.clock());
      const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (before === null) throw problem("validation_failed", undefined, { errors: [{ field: "querystring.cursor", message: "is not a cursor of this list" }] });
      const touchpointIds = await resolveTouchpointScope(db, access.organisationId, query);
      if (touchpointIds === "not_found") throw problem("not_found");
      const filter = {
        ...responseFilterOf(access.organisationId, periods.current, touchpointIds, query),
        emotion: query.emotion,
        npsGroup: query.npsGroup,
        text: query.q,
        topic: query.topic,
        sentiment: query.sentiment,
      };
      const rows = await listVerbatims(db, filter, { limit: query.limit + 1, before });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        period: presentPeriod(periods.current),
        items: page.map(presentVerbatim),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ startedAt: Number(last.started_at), id: last.id }) : null,
      };
    },
  );
}
