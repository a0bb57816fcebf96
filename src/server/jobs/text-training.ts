// Learned text models per organisation (or journey, or touchpoint): queued when enough form responses
// carry a comment and the customer's own emotion or scores (minTrainingResponses), trained in a worker
// thread with progress, measured on held-back responses, stored, and then used for texts that carry no
// scores (imports). Only one app server trains a queued model: claiming flips its status atomically.
// A model is trained on one organisation's responses only (the query is by organisation id).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FastifyBaseLogger } from "fastify";
import { minTrainingResponses } from "../../core/voice/schema.js";
import type { TextExample } from "../../core/text/index.js";
import { sha256Hex } from "../../core/forms/sha256.js";
import type { Database } from "../../db/connect.js";
import { newId } from "../../db/ids.js";
import { loadAnalyser } from "./analyser.js";
import {
  claimQueuedModel,
  hasPendingModel,
  insertModel,
  organisationsDueForTraining,
  readEligible,
  supersedeModels,
  updateModel,
  type TextModelSummary,
} from "../../db/queries/text-models.js";
import type { ModelRegistry } from "./model-registry.js";
import { reanalyseOrganisationVoice } from "./voice-analysis.js";

/** The most responses one model is trained on (the newest). */
export const maxTrainingResponses = 20_000;
/** The share of eligible responses held back to measure the model (never trained on). */
export const heldBackShare = 0.2;

export interface TrainingOptions {
  /** How often organisations are checked for enough responses (a grouped count over responses). */
  checkMs: number;
  /** How often queued models are looked for. */
  pollMs: number;
  threshold: number;
}

export const defaultTrainingOptions: TrainingOptions = { checkMs: 10 * 60_000, pollMs: 5000, threshold: minTrainingResponses };

/** Held back or not, decided by the response id's hash: the same responses every time. */
export function isHeldBack(id: string): boolean {
  return parseInt(sha256Hex(id).slice(0, 8), 16) / 0xffffffff < heldBackShare;
}

/** Queues a model for a scope unless one is queued or training; returns the model id (existing or new). */
export async function queueModel(
  database: Database,
  organisationId: string,
  scope: "organisation" | "journey" | "touchpoint",
  scopeId: string,
  createdBy: string | null,
  now: number,
): Promise<string | null> {
  if (await hasPendingModel(database.kysely, organisationId, scope, scopeId)) return null;
  const id = newId("tmd");
  await insertModel(database.kysely, {
    id,
    organisation_id: organisationId,
    scope,
    scope_id: scopeId,
    status: "queued",
    progress: 0,
    trained_on: 0,
    held_back: 0,
    quality: null,
    model: null,
    analyser_version: (await loadAnalyser()).analyserVersion(),
    error: null,
    created_by: createdBy,
    created_at: now,
    started_at: null,
    finished_at: null,
  });
  return id;
}

function startWorker(data: unknown): Worker {
  const url = new URL(import.meta.url.endsWith(".ts") ? "./text-train-worker.ts" : "./text-train-worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts")) return new Worker(url, { workerData: data });
  // Running from TypeScript source (tests, `npm run dev`): the worker loads tsx first.
  const api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/index\.cjs$/, "index.mjs")).href;
  const boot = `const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(url.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: data });
}

function trainInWorker(data: { train: TextExample[]; heldBack: TextExample[]; seed: number }, onProgress: (p: number) => void) {
  return new Promise<{ model: string; quality: Record<string, unknown> }>((resolve, reject) => {
    const worker = startWorker(data);
    let settled = false;
    worker.on("message", (message: { progress?: number; done?: boolean; model?: string; quality?: Record<string, unknown> }) => {
      if (message.done) {
        settled = true;
        resolve({ model: message.model!, quality: message.quality! });
        void worker.terminate();
      } else if (message.progress !== undefined) onProgress(message.progress);
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`training worker exited with ${code}`));
    });
  });
}

/** Trains one claimed model to the end: ready with quality, or failed with the reason. */
export async function trainModel(database: Database, registry: ModelRegistry | null, claimed: TextModelSummary, clock: () => number, log?: FastifyBaseLogger): Promise<void> {
  const db = database.kysely;
  try {
    const { trainingExampleOf } = await loadAnalyser();
    const rows = await readEligible(db, claimed.organisation_id, claimed.scope, claimed.scope_id, maxTrainingResponses);
    const train: TextExample[] = [];
    const heldBack: TextExample[] = [];
    for (const row of rows) {
      const example = trainingExampleOf(row);
      if (!example) continue;
      (isHeldBack(row.id) ? heldBack : train).push(example);
    }
    await updateModel(db, claimed.id, { progress: 0.2, trained_on: train.length, held_back: heldBack.length });
    if (train.length + heldBack.length < 50 || heldBack.length < 10) throw new NotEnoughData("not enough responses with a comment and the customer's own emotion or scores");
    const seed = parseInt(sha256Hex(claimed.id).slice(0, 8), 16);
    const result = await trainInWorker({ train, heldBack, seed }, (progress) => void updateModel(db, claimed.id, { progress }).catch(() => undefined));
    const now = clock();
    await updateModel(db, claimed.id, { status: "ready", progress: 1, model: result.model, quality: JSON.stringify(result.quality), finished_at: now });
    await supersedeModels(db, claimed.organisation_id, claimed.scope, claimed.scope_id, claimed.id);
    registry?.forget(claimed.organisation_id);
    // Imported texts carry no scores: they are the ones the new model analyses.
    await reanalyseOrganisationVoice(database, registry, claimed.organisation_id, clock);
  } catch (error) {
    log?.warn({ err: error, modelId: claimed.id }, "text model training failed");
    // A stable code the dashboard words in each language (the details are in the log).
    await updateModel(db, claimed.id, { status: "failed", error: error instanceof NotEnoughData ? "not_enough_data" : "training_failed", finished_at: clock() });
  }
}

/** Fewer usable examples than a model needs once the rows are read (they changed since the request was accepted). */
class NotEnoughData extends Error {}

export interface TrainingJob {
  /** Trains queued models now (tests, the admin trigger). Resolves when none is left. */
  runQueued(): Promise<number>;
  /** Queues models for organisations that reached the threshold. */
  checkDue(): Promise<number>;
  stop(): Promise<void>;
}

export function startTrainingJob(database: Database, registry: ModelRegistry, log: FastifyBaseLogger, clock: () => number, options: Partial<TrainingOptions> = {}): TrainingJob {
  const settings = { ...defaultTrainingOptions, ...options };
  let stopped = false;
  let running: Promise<number> | null = null;
  const timers: NodeJS.Timeout[] = [];

  const runQueued = (): Promise<number> => {
    if (running) return running;
    running = (async () => {
      let trained = 0;
      try {
        for (;;) {
          if (stopped) break;
          const claimed = await claimQueuedModel(database.kysely, clock());
          if (!claimed) break;
          await trainModel(database, registry, claimed, clock, log);
          trained++;
        }
      } catch (error) {
        if (!stopped) log.error({ err: error }, "text model training loop failed");
      } finally {
        running = null;
      }
      return trained;
    })();
    return running;
  };

  const checkDue = async (): Promise<number> => {
    let queued = 0;
    for (const due of await organisationsDueForTraining(database.kysely, settings.threshold)) {
      if (await queueModel(database, due.organisation_id, "organisation", due.organisation_id, null, clock())) queued++;
    }
    return queued;
  };

  const every = (ms: number, work: () => Promise<unknown>) => {
    const timer = setInterval(() => {
      if (!stopped) void work().catch((error: unknown) => log.error({ err: error }, "text model job failed"));
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  every(settings.pollMs, runQueued);
  every(settings.checkMs, async () => {
    if ((await checkDue()) > 0) await runQueued();
  });

  return {
    runQueued,
    checkDue,
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      if (running) await running.catch(() => 0);
    },
  };
}
