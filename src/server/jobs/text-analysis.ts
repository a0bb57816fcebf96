// Analysis on arrival: a background job that finds form comments without a current analysis (new,
// edited, or analysed by an older analyser) and analyses them in batches, off the ingestion path.
// Ingestion kicks it after each stored answer, so a comment is analysed within about a second; it also
// polls, to pick up answers stored by other app servers.
// Many app servers on one PostgreSQL: each batch runs under a transaction-level advisory lock that is
// tried, never waited for, so one server analyses a batch while the others skip that tick; and the
// writes are idempotent upserts, so even overlapping work would only repeat itself.
import type { FastifyBaseLogger } from "fastify";
import { loadAnalyser } from "./analyser.js";
import { analysisRows, anyCommentSince, commentWindow, findPendingResponses, findStaleAnalyses, storeAnalyses, withJobLock, type AnalysisRows, type PendingResponse } from "../../db/queries/text.js";
import { writeTransaction } from "../../db/dialect.js";
import type { Database } from "../../db/connect.js";
import type { Kdb } from "../../db/tables.js";
import type { ModelRegistry } from "./model-registry.js";
import { reanalyseVoiceItems, yieldEvery } from "./voice-analysis.js";

/** The advisory lock key of the analysis job (any constant shared by every server). */
const analysisLockKey = 6_000_001;

export interface TextAnalysisOptions {
  /** How often the job looks for work when nobody kicks it. */
  pollMs: number;
  /** Texts per batch (one transaction). */
  batch: number;
  /**
   * How far back each look starts before the newest update already seen: answers committed late (a
   * slow transaction on another server) still have an older updated_at, and are caught within this.
   */
  lookBackMs: number;
  /** Kicks closer together than this share one pass (under heavy ingestion, a pass every 200 ms, not per answer). */
  minGapMs: number;
}

/**
 * An idle poll whose cheap look finds the comment window unchanged skips the locked pass, but not for
 * longer than this (a deletion and a late commit in the same second leave the window's count as it was).
 */
const quietPollMaxMs = 60_000;

export const defaultTextAnalysisOptions: TextAnalysisOptions = { pollMs: 1000, batch: 500, lookBackMs: 30_000, minGapMs: 200 };

export interface TextAnalysisJob {
  /** Look for work now (called after ingestion stores answers). Never blocks. */
  kick(): void;
  /** Runs until no pending response is left (tests, the CLI). Returns the texts analysed. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** Analyses a batch of pending responses and stores the results (in one transaction). */
export async function analyseResponses(db: Kdb, registry: ModelRegistry | null, pending: PendingResponse[], now: number): Promise<AnalysisRows[]> {
  const { analyseForStorage, analyserVersion } = await loadAnalyser();
  const version = analyserVersion();
  const rows: AnalysisRows[] = [];
  for (const [index, r] of pending.entries()) {
    // Analysis is CPU work on the event loop: give requests (ingestion first) a turn every 50 texts.
    if (index > 0 && index % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    // The learned model is for texts without the customer's own emotion or scores (METHOD.md §7 wiring, docs/text-analysis.md).
    const carriesScores = r.emotion !== null || r.csat !== null || r.nps !== null;
    const chosen = !carriesScores && registry ? await registry.choose(r.organisation_id, { touchpointId: r.touchpoint_id, journeyId: r.journey_id }) : null;
    const stored = analyseForStorage(r.comment, { model: chosen?.model });
    rows.push(
      analysisRows(
        {
          id: r.id,
          organisationId: r.organisation_id,
          kind: "response",
          touchpointId: r.touchpoint_id,
          journeyId: r.journey_id,
          stageId: r.stage_id,
          at: r.comment_at ?? r.started_at,
          source: r.source,
          sourceUpdatedAt: r.updated_at,
        },
        stored,
        version,
        chosen?.id ?? "lexicon",
        now,
      ),
    );
  }
  return rows;
}

/** One pass: analyses up to `batch` pending responses updated at or after `since`. */
export async function analysePendingBatch(
  database: Database,
  registry: ModelRegistry | null,
  since: number,
  batch: number,
  now: number,
  organisationId?: string,
): Promise<{ analysed: number; newest: number | null; locked: boolean }> {
  // Nothing updated since: no need to load the analyser (an idle instance never does).
  if (!(await anyCommentSince(database.kysely, since, organisationId))) return { analysed: 0, newest: null, locked: false };
  const version = (await loadAnalyser()).analyserVersion();
  const outcome = await withJobLock(database.kysely, analysisLockKey, async (trx) => {
    const pending = await findPendingResponses(trx, since, version, batch, organisationId);
    if (pending.length === 0) return { analysed: 0, newest: null };
    const rows = await analyseResponses(trx, registry, pending, now);
    if (database.dialect === "postgres") await storeAnalyses(trx, rows);
    else await writeTransaction(database, (w) => storeAnalyses(w, rows));
    return { analysed: rows.length, newest: pending[pending.length - 1]!.updated_at };
  });
  if (outcome === null) return { analysed: 0, newest: null, locked: true };
  return { ...outcome, locked: false };
}

export function startTextAnalysisJob(
  database: Database,
  registry: ModelRegistry,
  log: FastifyBaseLogger,
  clock: () => number,
  options: Partial<TextAnalysisOptions> = {},
): TextAnalysisJob {
  const settings = { ...defaultTextAnalysisOptions, ...options };
  // Starts at 0: the first pass after a start catches up with whatever was left (and with analyses of
  // an older analyser version), in batches.
  let watermark = 0;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let kickTimer: NodeJS.Timeout | null = null;
  let lastPassAt = 0;
  /** Set by a pass that failed, or that found another server holding the lock (read by the poll). */
  let unsettled = false;
  /** The comment window of the last poll that found nothing to analyse. */
  let quiet: { since: number; n: number; newest: number | null; at: number } | null = null;

  const pass = async (): Promise<number> => {
    lastPassAt = Date.now();
    let total = 0;
    for (;;) {
      if (stopped) return total;
      const { analysed, newest, locked } = await analysePendingBatch(database, registry, Math.max(0, watermark - settings.lookBackMs), settings.batch, clock());
      total += analysed;
      if (locked) {
        unsettled = true;
        return total;
      }
      if (newest !== null) watermark = Math.max(watermark, newest);
      if (analysed < settings.batch) return total;
      // Let requests run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const run = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await pass();
        } while (again && !stopped);
      } catch (error) {
        unsettled = true;
        if (!stopped) log.error({ err: error }, "text analysis failed; retrying on the next tick");
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  // The timer's look: one cheap aggregate over the look-back window; the locked pass (a transaction,
  // the advisory lock and the pending-analysis join) only when answers moved in it since the last
  // quiet look, or a minute went by. Kicks and drains always pass.
  const poll = async (): Promise<void> => {
    const since = Math.max(0, watermark - settings.lookBackMs);
    const seen = await commentWindow(database.kysely, since);
    if (quiet && quiet.since === since && quiet.n === seen.n && quiet.newest === seen.newest && Date.now() - quiet.at < quietPollMaxMs) return;
    unsettled = false;
    const analysed = await run();
    if (analysed > 0 || unsettled) {
      quiet = null;
      return;
    }
    // Nothing was pending up to the window's newest update: the watermark moves there (from 0 after a
    // start on a fully analysed database), so later looks read only the last lookBackMs of answers.
    if (seen.newest !== null && seen.newest > watermark) {
      watermark = seen.newest;
      quiet = null;
    } else quiet = { since, ...seen, at: Date.now() };
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void poll()
        .catch((error: unknown) => {
          if (!stopped) log.error({ err: error }, "text analysis poll failed; retrying on the next tick");
        })
        .finally(schedule);
    }, settings.pollMs);
    timer.unref();
  };
  schedule();

  return {
    kick() {
      if (stopped || kickTimer) return;
      kickTimer = setTimeout(
        () => {
          kickTimer = null;
          void run();
        },
        Math.max(0, lastPassAt + settings.minGapMs - Date.now()),
      );
      kickTimer.unref();
    },
    async drain() {
      let total = 0;
      for (;;) {
        if (running) await running;
        const n = await run();
        total += n;
        if (n === 0) return total;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (kickTimer) clearTimeout(kickTimer);
      if (running) await running.catch(() => 0);
    },
  };
}

/**
 * Re-analyses every text of an older analyser version (and comments never analysed), in batches,
 * reporting progress; for `momentos text reanalyse` and the admin trigger. Safe while the server runs.
 */
export async function reanalyseAll(
  database: Database,
  registry: ModelRegistry | null,
  clock: () => number,
  options: { organisationId?: string | undefined; batch?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const batch = options.batch ?? 500;
  let done = 0;
  // Form comments: everything pending from the beginning of time (missing, edited, stale).
  for (;;) {
    const { analysed, locked } = await analysePendingBatch(database, registry, 0, batch, clock(), options.organisationId);
    if (locked) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    done += analysed;
    options.onProgress?.(done);
    if (analysed < batch) break;
  }
  // Imported items of an older version.
  const version = (await loadAnalyser()).analyserVersion();
  let after = "";
  for (;;) {
    const stale = await findStaleAnalyses(database.kysely, version, after, batch, options.organisationId);
    if (stale.length === 0) break;
    after = stale[stale.length - 1]!.id;
    const voiceIds = stale.filter((s) => s.kind === "voice").map((s) => s.id);
    done += await reanalyseVoiceItems(database, registry, voiceIds, clock());
    options.onProgress?.(done);
  }
  return done;
}
