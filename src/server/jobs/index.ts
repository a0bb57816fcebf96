// The background work of text analysis, started with the app and stopped when it closes: analysis of
// comments on arrival, training of learned models, and the sweep that announces imports (and
// trainings) left unfinished by a server that stopped.
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.js";
import { interruptStaleImports } from "../../db/queries/voice.js";
import { ModelRegistry } from "./model-registry.js";
import { startTextAnalysisJob, type TextAnalysisJob, type TextAnalysisOptions } from "./text-analysis.js";
import { startTrainingJob, type TrainingJob, type TrainingOptions } from "./text-training.js";
import type { ImportDeps } from "./voice-import.js";

export interface TextJobOptions {
  analysis: Partial<TextAnalysisOptions>;
  training: Partial<TrainingOptions>;
}

export interface TextServices {
  registry: ModelRegistry;
  analysis: TextAnalysisJob;
  training: TrainingJob;
  importDeps: ImportDeps;
  stop(): Promise<void>;
}

/** An import or training with no progress for this long belongs to a server that stopped. */
export const staleWorkMs = 10 * 60_000;

export async function sweepStaleWork(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  await interruptStaleImports(ctx.db.kysely, now - staleWorkMs, now);
  await ctx.db.kysely
    .updateTable("text_models")
    .set({ status: "failed", error: "the server stopped while training", finished_at: now })
    .where("status", "=", "training")
    .where("started_at", "<", now - 6 * staleWorkMs)
    .execute();
}

export function startTextServices(ctx: AppContext, log: FastifyBaseLogger, options: Partial<TextJobOptions> = {}): TextServices {
  const registry = new ModelRegistry(ctx.db.kysely);
  const analysis = startTextAnalysisJob(ctx.db, registry, log, ctx.clock, options.analysis);
  const training = startTrainingJob(ctx.db, registry, log, ctx.clock, options.training);
  const sweep = () => void sweepStaleWork(ctx).catch((error: unknown) => log.warn({ err: error }, "sweeping unfinished imports failed"));
  const sweeper = setInterval(sweep, 60_000);
  sweeper.unref();
  setImmediate(sweep);
  return {
    registry,
    analysis,
    training,
    importDeps: { database: ctx.db, registry, clock: ctx.clock, secret: ctx.config.secret, log, onResponsesWritten: () => analysis.kick() },
    async stop() {
      clearInterval(sweeper);
      await Promise.all([analysis.stop(), training.stop()]);
    },
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** Text analysis: the analysis job, model training and the import service (see jobs/index.ts). */
    text: TextServices;
  }
}
