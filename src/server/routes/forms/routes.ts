// A touchpoint's form: read and change its configuration (admins), list its versions, and the ways
// to share it: link, QR code (SVG, PNG, printable card), widget snippet, e-mail snippet, API example.
import { z } from "zod";
import { describeFormChange, formConfigSchema, type FormConfig } from "../../../core/forms/index.js";
import { formLimits } from "../../../core/forms/limits.js";
import { normaliseSingleLineText } from "../../../core/forms/text.js";
import { defaultLanguage, languages } from "../../../core/i18n/languages.js";
import { recordAuditEvent } from "../../../db/queries/audit.js";
import { isUniqueViolation } from "../../../db/dialect.js";
import { ensureForm, getFormTarget, parseFormConfig, saveFormConfig, type FormTarget } from "../../../db/queries/forms.js";
import { listFormVersions } from "../../../db/queries/form-versions.js";
import { getTouchpoint } from "../../../db/queries/journey-map.js";
import { requireOrganisation } from "../../auth/principal.js";
import type { App, AppContext } from "../../context.js";
import { problem } from "../../errors.js";
import { orgParams, problemResponses } from "../openapi.js";
import { formOut, formVersionOut, presentForm, presentFormVersion } from "./present.js";
import { cardSizes, qrCardPage, qrPng, qrSvg } from "./qr-card.js";
import { apiExample, emailSnippetHtml, emailSnippetText, formLink, qrLink, widgetSnippet } from "./share.js";

/** Reading a form and its share assets needs "read"; changing it needs "configure" (admins and owners). */
const readForm = "read" as const;
const editForm = "configure" as const;

const formParams = orgParams.extend({ touchpointId: z.string().min(1).max(64) });

const languageQuery = z.enum(languages).default(defaultLanguage).describe("The language of the texts (es, en, pt); Spanish by default.");
const placementQuery = z
  .string()
  .max(formLimits.placementMax * 4)
  .transform(normaliseSingleLineText)
  .refine((s) => [...s].length <= formLimits.placementMax, `must be at most ${formLimits.placementMax} characters`)
  .transform((s) => (s === "" ? null : s))
  .optional()
  .describe("Where the code is shown (a store, a packaging batch, an event); the link carries it as `placement`.");

const shareOut = z.object({
  link: z.string().describe("The public link (source link)."),
  qrLink: z.string().describe("What the QR code holds: source=qr, and the placement when given."),
  widgetSnippet: z.string().describe("The script tag for a website."),
  emailHtml: z.string().describe("An HTML table with question 1: each emotion a link that opens the form with it chosen (source=email)."),
  emailText: z.string().describe("The plain-text part of the same e-mail."),
  apiExample: z.string().describe("A curl command posting a response to this touchpoint with an API key."),
});

export function formRoutes(app: App, ctx: AppContext): void {
  const db = ctx.db.kysely;
  const base = ctx.config.baseUrl;

  async function formOrThrow(organisationId: string, touchpointId: string): Promise<FormTarget> {
    const target = await ensureForm(db, organisationId, touchpointId, ctx.clock());
    if (!target) throw problem("not_found");
    return target;
  }

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form",
    {
      schema: {
        tags: ["forms"],
        summary: "A touchpoint's form: configuration, version, open flag and public link",
        description: "The form is created with the universal defaults the first time anyone asks for it.",
        params: formParams,
        response: { 200: formOut, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      return presentForm(await formOrThrow(access.organisationId, request.params.touchpointId), base);
    },
  );

  app.put(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form",
    {
      schema: {
        tags: ["forms"],
        summary: "Change a touchpoint's form (admins)",
        description:
          "Takes the whole configuration. Rewording a question (per language), the variant, the brand name or an experience name makes a new version; colour, logo, thank-you text, redirect and open/closed do not. A question's type, scale and order cannot change.",
        params: formParams,
        body: formConfigSchema,
        response: {
          200: formOut.extend({ newVersion: z.boolean().describe("True when this change made a new version.") }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, editForm);
      const next: FormConfig = request.body;
      let target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const touchpoint = await getTouchpoint(db, access.organisationId, target.journeyId, target.touchpointId);
      if (!touchpoint || touchpoint.archived_at !== null) throw problem("archived", "The touchpoint was removed; restore it to change its form.");

      const change = describeFormChange(target.config, next);
      let saved: { version: number; newVersion: boolean } | null = null;
      // Two admins saving at once may both claim the next version number; the second retries on the new state.
      for (let attempt = 0; saved === null; attempt += 1) {
        try {
          saved = await saveFormConfig(db, target, next, { isOpen: next.open, by: access.actor.userId }, ctx.clock());
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 2) throw error;
          target = await formOrThrow(access.organisationId, request.params.touchpointId);
        }
      }
      if (change.changed.length > 0) {
        await recordAuditEvent(
          db,
          {
            organisationId: access.organisationId,
            actor: access.actor,
            action: "form.updated",
            targetType: "form",
            targetId: target.form.id,
            details: { touchpointId: target.touchpointId, changed: change.changed, version: saved.version, newVersion: saved.newVersion },
          },
          ctx.clock(),
        );
      }
      // The public page and ingestion remember form lookups for a few seconds; this server forgets them now.
      app.ingestor.forgetTouchpoint(target.touchpointId);
      const updated = await getFormTarget(db, access.organisationId, target.touchpointId);
      if (!updated) throw problem("not_found");
      return { ...presentForm(updated, base), newVersion: saved.newVersion };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form/versions",
    {
      schema: {
        tags: ["forms"],
        summary: "Every version of a touchpoint's form, newest first",
        description: "Each response records the version it answered, so answers are only compared with answers to the same words.",
        params: formParams,
        response: { 200: z.object({ items: z.array(formVersionOut) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      const target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const rows = await listFormVersions(db, access.organisationId, target.form.id);
      return { items: rows.map((row) => presentFormVersion(row, parseFormConfig)) };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form/share",
    {
      schema: {
        tags: ["forms"],
        summary: "Ways to share a touchpoint's form: links, widget snippet, e-mail snippet and API example",
        params: formParams,
        querystring: z.object({
          lang: languageQuery,
          placement: placementQuery,
          customerMergeTag: z
            .string()
            .max(100)
            .regex(/^[^\s"'<>&]*$/, "must not contain spaces, quotes, <, > or &")
            .optional()
            .describe("Your e-mail tool's merge tag for the customer reference, e.g. {{contact.id}}; the e-mail links carry it as `customer`."),
        }),
        response: { 200: shareOut, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      const target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const { lang, placement = null, customerMergeTag } = request.query;
      const code = target.form.public_code;
      const emailOptions = { language: lang, placement, customerMergeTag: customerMergeTag || null };
      return {
        link: formLink(base, code),
        qrLink: qrLink(base, code, placement),
        widgetSnippet: widgetSnippet(base, code, null),
        emailHtml: emailSnippetHtml(base, code, target.config, emailOptions),
        emailText: emailSnippetText(base, code, target.config, emailOptions),
        apiExample: apiExample(base, target.touchpointId, lang),
      };
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr.svg",
    {
      schema: {
        tags: ["forms"],
        summary: "The form's QR code as SVG (image/svg+xml)",
        description: "Holds the public link with source=qr and, when given, the placement. Black on white, error correction M, 4-module quiet zone.",
        params: formParams,
        querystring: z.object({ placement: placementQuery }),
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      const target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const svg = await qrSvg(qrLink(base, target.form.public_code, request.query.placement ?? null));
      return reply
        .type("image/svg+xml; charset=utf-8")
        .header("cache-control", "private, no-cache")
        .header("content-disposition", `inline; filename="qr-${target.form.public_code}.svg"`)
        .send(svg);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr.png",
    {
      schema: {
        tags: ["forms"],
        summary: "The form's QR code as PNG (image/png)",
        params: formParams,
        querystring: z.object({
          placement: placementQuery,
          size: z.coerce.number().int().min(128).max(4096).default(1024).describe("Width and height in pixels."),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      const target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const png = await qrPng(qrLink(base, target.form.public_code, request.query.placement ?? null), request.query.size);
      return reply
        .type("image/png")
        .header("cache-control", "private, no-cache")
        .header("content-disposition", `inline; filename="qr-${target.form.public_code}.png"`)
        .send(png);
    },
  );

  app.get(
    "/api/v1/orgs/:orgId/touchpoints/:touchpointId/form/qr-card",
    {
      schema: {
        tags: ["forms"],
        summary: "A printable card (text/html, A6 or A7): brand, logo, colour, question 1 and the QR code",
        params: formParams,
        querystring: z.object({
          lang: languageQuery,
          placement: placementQuery,
          size: z.enum(cardSizes).default("a6"),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireOrganisation(request, ctx, request.params.orgId, readForm);
      const target = await formOrThrow(access.organisationId, request.params.touchpointId);
      const { lang, placement = null, size } = request.query;
      const code = target.form.public_code;
      const link = formLink(base, code);
      const sizeLink = (s: (typeof cardSizes)[number]) => {
        const query = new URLSearchParams({ lang, size: s, ...(placement ? { placement } : {}) });
        return `${request.url.split("?")[0]}?${query.toString()}`;
      };
      const page = await qrCardPage({
        config: target.config,
        language: lang,
        size,
        qrLink: qrLink(base, code, placement),
        printedLink: link.replace(/^https?:\/\//, ""),
        sizeLinks: { a6: sizeLink("a6"), a7: sizeLink("a7") },
      });
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "private, no-cache")
        .header("content-security-policy", page.contentSecurityPolicy)
        .header("x-frame-options", "SAMEORIGIN")
        .send(page.html);
    },
  );
}
