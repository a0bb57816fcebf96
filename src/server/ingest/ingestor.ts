// The ingestion service: one per app, built in buildApp and closed (flushed) when the app closes.
// A submission runs through a readable list of named steps; every drop is counted per touchpoint and
// reason (in memory, written in batches) and logged at debug; a stored answer is acknowledged only
// after the group commit that holds it.
import type { FastifyBaseLogger } from "fastify";
import type { Language } from "../../core/i18n/languages.js";
import type { AnswerIssue } from "../../core/responses/answers.js";
import { noHiddenFields, type UrlParameters } from "../../core/responses/hidden-fields.js";
import type { Drop } from "../../core/responses/pipeline.js";
import type { DropReason } from "../../core/responses/sources.js";
import { ensureForm, getFormTargetByCode, type FormTarget } from "../../db/queries/forms.js";
import type { ResponseWrite } from "../../db/queries/responses.js";
import { createResponseWriter, foldingInBackground } from "../../db/response-writer.js";
import { GroupCommitter } from "../../db/group-commit.js";
import type { AppContext } from "../context.js";
import { DropCounter } from "./drop-counter.js";
import { cacheKey, FormCache } from "./form-cache.js";
import { TokenBuckets, type BucketOptions } from "./rate-limit.js";
import { checkForm, checkRate, checkSpam, findForm, normaliseAnswers, notify, parseItem, store, type FormLookup, type Step, type StepIo, type Visit } from "./steps.js";

export interface IngestOptions {
  /** Per client address (form page and widget). */
  perAddress: BucketOptions;
  /** Per touchpoint (form page and widget). */
  perTouchpoint: BucketOptions;
  /** How long a form lookup is remembered; 0 turns the cache off. */
  formCacheMs: number;
  /** Group commit: the longest an answer waits for company, and the largest batch (≤ 800 keeps SQLite under its 32,766 bound parameters). */
  commitMaxWaitMs: number;
  commitMaxBatch: number;
  /** Batches committing at once: 2 overlaps the hand-over of one with the commit of the other. */
  commitMaxInFlight: number;
  /** How often counted drops are written. */
  dropFlushMs: number;
  /** Called after each stored answer (text analysis and alerts hook in here later). Must not block. */
  onStored?: (stored: StoredAnswer) => void;
}

export const defaultIngestOptions: IngestOptions = {
  // A visit with JavaScript posts about six times in a minute; 120 at once and 2 a second more leaves
  // room for many people behind one address (a shop's Wi-Fi, mobile carrier NAT).
  perAddress: { burst: 120, perSecond: 2 },
  // A large e-mail campaign peaks at a few hundred answers a second on one touchpoint.
  perTouchpoint: { burst: 2000, perSecond: 500 },
  formCacheMs: 5000,
  commitMaxWaitMs: 0,
  commitMaxInFlight: 2,
  commitMaxBatch: 500,
  dropFlushMs: 2000,
};

export interface StoredAnswer {
  responseId: string;
  organisationId: string;
  touchpointId: string;
  /** The write carried a comment (text analysis has work only then). */
  withComment: boolean;
}

export type IngestOutcome = { ok: true; responseId: string; target: FormTarget } | (Drop & { target?: FormTarget });

/** One answer from the form page or the widget, as the route parsed it. */
export interface PageAnswer {
  code: string;
  visitToken: string;
  answers: unknown;
  language: Language;
  parameters: UrlParameters;
  timeOnPageMs: number | null;
  honeypot: string | null;
  clientAddress: string;
  userAgent: string | null;
}

export interface Ingestor {
  /** Records one answer (or several) of a visit to the form page or widget. */
  recordPageAnswer(answer: PageAnswer): Promise<IngestOutcome>;
  /** Records API items of an organisation, each on its own: good ones stored, bad ones dropped with a reason. */
  recordApiItems(organisationId: string, items: readonly unknown[]): Promise<IngestOutcome[]>;
  /** The form behind a public code (cached like ingestion's lookups), for rendering the page. */
  findFormByCode(code: string): Promise<FormTarget | null>;
  /** Forgets cached lookups of a touchpoint: call after saving its form so the change applies at once here. */
  forgetTouchpoint(touchpointId: string): void;
  /** Writes the drops counted so far. */
  flushDrops(): Promise<void>;
  /** Stores everything queued and writes the drops; refuses new answers afterwards. */
  close(): Promise<void>;
}

export function createIngestor(ctx: AppContext, log: FastifyBaseLogger, overrides: Partial<IngestOptions> = {}): Ingestor {
  const options: IngestOptions = { ...defaultIngestOptions, ...overrides };
  const db = ctx.db.kysely;
  const forms = new FormCache(options.formCacheMs);
  const perAddress = new TokenBuckets(options.perAddress);
  const perTouchpoint = new TokenBuckets(options.perTouchpoint);
  // The writer folds the rollup journal into the rollups in the background (rollup-journal.ts).
  const writer = foldingInBackground(createResponseWriter(ctx.db), (error) => log.error({ err: error }, "could not fold the rollup journal"));
  const committer = new GroupCommitter<ResponseWrite, string>((writes) => writer.write(writes, ctx.clock()), {
    maxWaitMs: options.commitMaxWaitMs,
    maxBatch: options.commitMaxBatch,
    maxInFlight: options.commitMaxInFlight,
  });
  const drops = new DropCounter(db, ctx.clock, options.dropFlushMs, (error) => log.error({ err: error }, "could not record ingestion drops"));

  /** The cached target at once (the hot path takes no promise for it), else a promise of the database's. */
  function lookUp(lookup: FormLookup): FormTarget | null | Promise<FormTarget | null> {
    const key = lookup.by === "code" ? cacheKey.code(lookup.code) : cacheKey.touchpoint(lookup.organisationId, lookup.touchpointId);
    const now = ctx.clock();
    const cached = forms.get(key, now);
    if (cached !== undefined) return cached;
    return (lookup.by === "code" ? getFormTargetByCode(db, lookup.code) : ensureForm(db, lookup.organisationId, lookup.touchpointId, now)).then((target) => {
      forms.set(key, target, now);
      return target;
    });
  }

  const io: StepIo = {
    findForm: lookUp,
    allowRate: (address, touchpointId) => {
      const now = ctx.clock();
      return (address === null || perAddress.take(address, now)) && perTouchpoint.take(touchpointId, now);
    },
    write: (row) => committer.submit(row),
    notify: (visit) => {
      if (options.onStored && visit.responseId && visit.target) {
        options.onStored({
          responseId: visit.responseId,
          organisationId: visit.target.organisationId,
          touchpointId: visit.target.touchpointId,
          withComment: (visit.answers?.comment ?? null) !== null,
        });
      }
    },
  };

  /** The form page and the widget: a person answering, one answer at a time. */
  const pageSteps: Step[] = [findForm(io), checkForm, checkRate(io), checkSpam, normaliseAnswers, store(io), notify(io)];
  /** The API: a program with a key, so no rate or spam checks; each item parsed on its own. */
  const apiSteps: Step[] = [parseItem, findForm(io), checkForm, normaliseAnswers, store(io), notify(io)];

  async function run(visit: Visit, steps: readonly Step[]): Promise<IngestOutcome> {
    for (const step of steps) {
      let result = step(visit);
      if (result instanceof Promise) result = await result;
      if (result) return dropped(visit, result);
    }
    return { ok: true, responseId: visit.responseId!, target: visit.target! };
  }

  function dropped(visit: Visit, result: Drop): IngestOutcome {
    const { target } = visit;
    if (target) drops.add(target.organisationId, target.touchpointId, result.reason);
    log.debug(
      { reason: result.reason, touchpointId: target?.touchpointId ?? (visit.lookup.by === "touchpoint" ? visit.lookup.touchpointId : undefined), channel: visit.channel },
      "submission dropped",
    );
    return target ? { ...result, target } : result;
  }

  return {
    recordPageAnswer(answer) {
      const { parameters } = answer;
      return run(
        {
          channel: "page",
          organisationId: null,
          lookup: { by: "code", code: answer.code },
          dedupeToken: answer.visitToken,
          answersInput: answer.answers,
          source: parameters.source ?? "link",
          language: answer.language,
          hidden: parameters.hidden,
          userAgent: answer.userAgent,
          clientAddress: answer.clientAddress,
          honeypot: answer.honeypot,
          timeOnPageMs: answer.timeOnPageMs,
          receivedAt: ctx.clock(),
          startedAt: null,
          answeredAt: null,
        },
        pageSteps,
      );
    },

    recordApiItems(organisationId, items) {
      const receivedAt = ctx.clock();
      return Promise.all(
        items.map((item) =>
          run(
            {
              channel: "api",
              organisationId,
              lookup: { by: "touchpoint", organisationId, touchpointId: "" },
              dedupeToken: "",
              answersInput: undefined,
              source: "api",
              language: null,
              hidden: noHiddenFields,
              userAgent: null,
              clientAddress: null,
              honeypot: null,
              timeOnPageMs: null,
              receivedAt,
              startedAt: null,
              answeredAt: null,
              item,
            },
            apiSteps,
          ),
        ),
      );
    },

    findFormByCode: async (code) => lookUp({ by: "code", code }),
    forgetTouchpoint: (touchpointId) => forms.forgetTouchpoint(touchpointId),
    flushDrops: () => drops.flush(),
    async close() {
      await committer.close();
      await writer.close();
      await drops.flush();
    },
  };
}

/** The HTTP status of each drop reason, defined once for the page and the API. */
export const dropStatus: Readonly<Record<DropReason, number>> = {
  unknown_touchpoint: 404,
  form_closed: 410,
  rate_limited: 429,
  spam_suspected: 422,
  invalid_answer: 422,
  duplicate_response: 409,
  batch_too_large: 413,
  body_too_large: 413,
};

/** A drop's field issues as the problem document's `errors` list. */
export function issuesAsErrors(issues: readonly AnswerIssue[] | undefined, prefix: string): Array<{ field: string; message: string }> {
  return (issues ?? []).map((issue) => ({ field: issue.path ? `${prefix}.${issue.path}` : prefix, message: issue.message }));
}
