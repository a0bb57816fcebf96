// The public form: the page a customer opens from a link, a QR code or an e-mail (GET /f/:code), the
// plain HTML post that works without JavaScript (POST /f/:code), the per-answer saves of form.js and
// the widget (POST /f/:code/answers) and form.js itself. No cookies, no third-party requests.
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler, FastifySerializerCompiler } from "fastify";
import { z } from "zod";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { isEmotionCode, type EmotionCode } from "../../../core/emotions.js";
import { formLimits, maximumTimeOnPageMs } from "../../../core/forms/limits.js";
import { defaultLanguage, isLanguage, negotiateLanguage, type Language } from "../../../core/i18n/languages.js";
import { answersFromFormFields } from "../../../core/responses/answers.js";
import { parseUrlParameters, type UrlParameters } from "../../../core/responses/hidden-fields.js";
import { honeypotField, pageSubmissionSchema, parsePageSubmissionQuickly } from "../../../core/responses/submission.js";
import type { ProblemCode } from "../../../core/problems.js";
import type { DropReason } from "../../../core/responses/sources.js";
import type { FormTarget } from "../../../db/queries/forms.js";
import { renderFormPage, renderNoticePage, renderThankYouPage, pageStyles, type ChosenAnswers } from "../../../form/page.js";
import { formTexts } from "../../../form/texts.js";
import type { App, AppContext } from "../../context.js";
import { sendProblem } from "../../errors.js";
import { issuesAsErrors, type IngestOutcome, type Ingestor } from "../../ingest/ingestor.js";
import { problemResponses } from "../openapi.js";
import { cspHash, formAssets, formScriptAsset } from "./assets.js";
import { sendCompressed } from "./compress.js";

/** Public codes are short letters and digits; anything else is unknown without asking the database. */
const codePattern = /^[A-Za-z0-9]{4,32}$/;
const codeMax = 64;
const codeParams = z.object({ code: z.string().max(codeMax) });

const problemOf: Readonly<Record<DropReason, ProblemCode>> = {
  unknown_touchpoint: "not_found",
  form_closed: "form_closed",
  rate_limited: "rate_limited",
  spam_suspected: "spam_suspected",
  invalid_answer: "invalid_answer",
  duplicate_response: "bad_request",
  batch_too_large: "batch_too_large",
  body_too_large: "body_too_large",
};

/** People get pages, programs get problem documents: HTML only when the client asks for it by name. */
function wantsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/i.test(request.headers.accept ?? "");
}

function rawQuery(request: FastifyRequest): string {
  const index = request.url.indexOf("?");
  return index < 0 ? "" : request.url.slice(index + 1, index + 1 + formLimits.urlMax);
}

/** The page's language: ?lang=, else the browser's, else Spanish; and a locale of it for regional words. */
function chooseLanguage(request: FastifyRequest, fromUrl: Language | null): { language: Language; locale: string } {
  const accept = request.headers["accept-language"];
  const language = fromUrl ?? negotiateLanguage(accept);
  const tag = (accept ?? "")
    .split(",")
    .map((part) => part.split(";")[0]!.trim())
    .find((t) => /^[a-z]{2}(-[A-Za-z0-9]{2,8})?$/.test(t) && t.slice(0, 2).toLowerCase() === language);
  return { language, locale: tag ?? language };
}

/** `embed=1`: the page is shown in the website widget's frame, on the brand's own site. */
function isEmbedded(query: string): boolean {
  return new URLSearchParams(query).get("embed") === "1";
}

function pagePolicy(target: FormTarget | null, brandColour: string, embedded = false): string {
  const logo = target?.config.logoUrl ? ` ${new URL(target.config.logoUrl).origin}` : "";
  const styles = pageStyles(brandColour).map(cspHash).join(" ");
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles}`,
    `img-src 'self' data:${logo}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    // The widget frames the page on any site; elsewhere nobody may (no clickjacking of the form).
    embedded ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
}

function sendPage(request: FastifyRequest, reply: FastifyReply, status: number, html: string, target: FormTarget | null, embedded = false): FastifyReply {
  reply
    .code(status)
    .header("content-security-policy", pagePolicy(target, target?.config.brandColour ?? "#1d4ed8", embedded))
    .header("cache-control", "no-store");
  if (embedded) reply.removeHeader("x-frame-options");
  return sendCompressed(request, reply, html, "text/html; charset=utf-8");
}

/** Most answers come from a link without parameters: read that one once. */
const noUrlParameters: UrlParameters = (() => {
  const parameters = parseUrlParameters(new URLSearchParams(""));
  Object.freeze(parameters.hidden.meta);
  Object.freeze(parameters.hidden);
  Object.freeze(parameters.ignored);
  return Object.freeze(parameters);
})();

function urlParametersOf(query: string): UrlParameters {
  return query === "" ? noUrlParameters : parseUrlParameters(new URLSearchParams(query));
}

/**
 * The answer route's validators: the quick path for a well-formed body and code, the Zod schemas
 * (and their errors) for anything else. Both give the same values.
 */
const answerValidators: FastifySchemaCompiler<z.ZodType> = (route) => {
  const bySchema = validatorCompiler(route);
  if (route.httpPart === "body") {
    return (data) => {
      const body = parsePageSubmissionQuickly(data);
      return body ? { value: body } : bySchema(data);
    };
  }
  if (route.httpPart === "params") {
    return (data) => {
      const code = (data as { code?: unknown }).code;
      return typeof code === "string" && code.length <= codeMax ? { value: { code } } : bySchema(data);
    };
  }
  return bySchema;
};

/** The answer route's 200 body, `{ responseId }`, written without a schema pass (ids are plain ASCII, but JSON.stringify quotes them anyway). */
const answerSerializers: FastifySerializerCompiler<z.ZodType> = (route) => {
  if (String(route.httpStatus) !== "200") return serializerCompiler(route);
  return (data) => `{"responseId":${JSON.stringify((data as { responseId: string }).responseId)}}`;
};

function newVisitToken(): string {
  return randomBytes(16).toString("base64url");
}

export async function publicFormRoutes(app: App, ctx: AppContext, ingestor: Ingestor): Promise<void> {
  function notice(request: FastifyRequest, reply: FastifyReply, reason: DropReason, target: FormTarget | null, language: Language, embedded = false) {
    const code = problemOf[reason];
    if (!wantsHtml(request)) return sendProblem(reply, code);
    const texts = formTexts[language];
    const [title, text] =
      reason === "unknown_touchpoint"
        ? [texts.notFoundTitle, texts.notFoundText]
        : reason === "form_closed"
          ? [texts.closedTitle, texts.closedText]
          : [texts.errorsTitle, reason === "rate_limited" ? texts.rateLimited : texts.spamRetry];
    const status = code === "not_found" ? 404 : code === "form_closed" ? 410 : code === "rate_limited" ? 429 : 422;
    return sendPage(request, reply, status, renderNoticePage(language, title, text, target?.config ?? null), target, embedded);
  }

  function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    target: FormTarget,
    query: string,
    parameters: UrlParameters,
    language: Language,
    locale: string,
    chosen: ChosenAnswers,
    errors: string[],
    status = 200,
  ) {
    const html = renderFormPage({
      code: target.form.public_code,
      config: target.config,
      language,
      locale,
      visitToken: newVisitToken(),
      renderedAt: ctx.clock(),
      parameters: query,
      fromEmail: parameters.source === "email",
      embedded: isEmbedded(query),
      chosen,
      errors,
      scriptUrl: formScriptAsset.url,
    });
    return sendPage(request, reply, status, html, target, isEmbedded(query));
  }

  app.get("/f/:code", { schema: { hide: true, params: codeParams } }, async (request, reply) => {
    const query = rawQuery(request);
    const parameters = parseUrlParameters(new URLSearchParams(query));
    const { language, locale } = chooseLanguage(request, parameters.language);
    const { code } = request.params;
    const target = codePattern.test(code) ? await ingestor.findFormByCode(code) : null;
    const embedded = isEmbedded(query);
    if (!target) return notice(request, reply, "unknown_touchpoint", null, language, embedded);
    if (!target.accepting) return notice(request, reply, "form_closed", target, language, embedded);
    return formPage(request, reply, target, query, parameters, language, locale, { emotion: parameters.emotion }, []);
  });

  app.get("/f/assets/:file", { schema: { hide: true, params: z.object({ file: z.string().max(100) }) } }, async (request, reply) => {
    const asset = formAssets.get(request.params.file);
    if (!asset) return sendProblem(reply, "not_found");
    reply.header("cache-control", "public, max-age=31536000, immutable");
    return sendCompressed(request, reply, asset, asset.type);
  });

  // Each answer as it is given (form.js, the widget). The widget posts from the brand's site, so any
  // origin may post: no cookies are involved, and the visit token is the only key.
  app.options("/f/:code/answers", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header("access-control-allow-origin", "*")
      .header("access-control-allow-methods", "POST")
      .header("access-control-allow-headers", "content-type")
      .header("access-control-max-age", "86400")
      .send(),
  );

  app.post(
    "/f/:code/answers",
    {
      bodyLimit: formLimits.bodyMaxBytes,
      // Fastify types route-level compilers by the whole route schema; they see one part at a time.
      validatorCompiler: answerValidators as FastifySchemaCompiler<unknown>,
      serializerCompiler: answerSerializers as FastifySerializerCompiler<unknown>,
      schema: {
        tags: ["public form"],
        summary: "Save answers of one visit to a form (the form page and the widget)",
        description:
          "Answers are saved as they are given: every post with the same visitToken updates the same response, so a double submit never creates two. " +
          "The first post of a visit must report timeOnPageMs ≥ 1,500 (unless source=email); the honeypot field must stay empty. No authentication; rate-limited per address and per touchpoint.",
        security: [],
        params: codeParams,
        body: pageSubmissionSchema,
        response: {
          200: z.object({ responseId: z.string() }),
          ...problemResponses(400, 404, 410, 413, 422, 429),
        },
      },
    },
    async (request, reply) => {
      reply.header("access-control-allow-origin", "*");
      const body = request.body;
      const parameters = urlParametersOf(body.parameters);
      const { code } = request.params;
      if (!codePattern.test(code)) return sendProblem(reply, "not_found");
      const outcome = await ingestor.recordPageAnswer({
        code,
        visitToken: body.visitToken,
        answers: body.answers,
        language: body.language ?? parameters.language ?? defaultLanguage,
        parameters,
        timeOnPageMs: body.timeOnPageMs,
        honeypot: body[honeypotField] ?? null,
        clientAddress: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      if (outcome.ok) return { responseId: outcome.responseId };
      return sendProblem(reply, problemOf[outcome.reason], undefined, outcome.issues ? { errors: issuesAsErrors(outcome.issues, "body.answers") } : {});
    },
  );

  // The whole form in one plain post, when JavaScript does not run. Its own parser, for this route only.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: formLimits.bodyMaxBytes }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.post("/f/:code", { schema: { hide: true, params: codeParams } }, async (request, reply) => {
      const fields = (typeof request.body === "object" && request.body !== null ? request.body : {}) as Record<string, string | undefined>;
      const query = (fields.p ?? "").slice(0, formLimits.urlMax);
      const parameters = parseUrlParameters(new URLSearchParams(query));
      const language: Language = isLanguage(fields.lang) ? fields.lang : (parameters.language ?? defaultLanguage);
      const { locale } = chooseLanguage(request, language);
      const { code } = request.params;
      const renderedAt = Number(fields.t);
      const now = ctx.clock();
      const timeOnPageMs = Number.isSafeInteger(renderedAt) && renderedAt <= now && now - renderedAt <= maximumTimeOnPageMs ? now - renderedAt : null;
      const visitToken = /^[A-Za-z0-9_-]{16,64}$/.test(fields.v ?? "") ? fields.v! : newVisitToken();
      const answers = answersFromFormFields(fields);

      const outcome: IngestOutcome = codePattern.test(code)
        ? await ingestor.recordPageAnswer({
            code,
            visitToken,
            answers,
            language,
            parameters,
            timeOnPageMs,
            honeypot: fields[honeypotField] ?? null,
            clientAddress: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
          })
        : { ok: false, reason: "unknown_touchpoint" };
      const embedded = isEmbedded(query);
      if (outcome.ok) return sendPage(request, reply, 200, renderThankYouPage(outcome.target.config, language), outcome.target, embedded);
      const target = outcome.target ?? null;
      if (!target || outcome.reason === "form_closed" || outcome.reason === "rate_limited") return notice(request, reply, outcome.reason, target, language, embedded);
      if (!wantsHtml(request)) {
        return sendProblem(reply, problemOf[outcome.reason], undefined, outcome.issues ? { errors: issuesAsErrors(outcome.issues, "body") } : {});
      }
      // Invalid or too fast: the form again, with what was chosen and what to fix.
      const texts = formTexts[language];
      const errors =
        outcome.reason === "spam_suspected"
          ? [texts.spamRetry]
          : (outcome.issues ?? []).some((issue) => issue.path === "")
            ? [texts.errorNoAnswer]
            : [texts.errorAnswer];
      const chosen = chosenFromFields(answers);
      return formPage(request, reply, target, query, parameters, language, locale, chosen, errors, 422);
    });
  });
}

/** What a no-JavaScript post chose, to show it chosen again (only well-formed values). */
function chosenFromFields(answers: Record<string, unknown>): ChosenAnswers {
  const emotion = answers.emotion as { code?: unknown; intensity?: unknown } | undefined;
  const ratings: ChosenAnswers["ratings"] = {};
  for (const id of ["csat", "brand_love", "ces", "usefulness", "nps"] as const) {
    if (typeof answers[id] === "number") ratings[id] = answers[id] as number;
  }
  return {
    emotion: isEmotionCode(emotion?.code) ? (emotion!.code as EmotionCode) : null,
    intensity: typeof emotion?.intensity === "number" ? emotion.intensity : null,
    ratings,
    comment: typeof answers.comment === "string" ? answers.comment : null,
  };
}
