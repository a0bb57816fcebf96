// The analysis job on every database: concurrent passes (as from several app servers) analyse each
// comment once and completely; stale analyses are found and re-analysed through the admin trigger.
import type { FastifyBaseLogger } from "fastify";
import type { KyselyPlugin } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { useTestApp, type Client } from "../../../test/app.js";
import { describeEachDatabase } from "../../../test/db.js";
import { addMember, makeResponseWrite, setupOwner } from "../../../test/factories.js";
import { analyserVersion } from "../../core/voice/analyse.js";
import { upsertResponses } from "../../db/queries/responses.js";
import { ModelRegistry } from "./model-registry.js";
import { analysePendingBatch, startTextAnalysisJob } from "./text-analysis.js";

describeEachDatabase("the text analysis job", (dialect) => {
  const t = useTestApp(dialect, { env: {} });
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    ({ owner, orgId } = await setupOwner(t, "Tienda Concurrente"));
  });

  it("analyses every comment exactly once when passes run at the same time", async () => {
    // Stop this app's own job from taking part, so the passes below are the only ones.
    await t.app.text.analysis.stop();
    const writes = Array.from({ length: 1200 }, (_, i) =>
      makeResponseWrite({ organisation_id: orgId, touchpoint_id: "tp_x", dedupe_key: `k:c-${i}`, comment: i % 3 ? "La entrega fue rápida" : "El precio es caro" }),
    );
    for (let i = 0; i < writes.length; i += 200) await upsertResponses(t.ctx.db.kysely, writes.slice(i, i + 200), t.clock.now);
    const registries = [new ModelRegistry(t.ctx.db.kysely), new ModelRegistry(t.ctx.db.kysely)];
    let analysed = 0;
    let locked = 0;
    for (let round = 0; round < 50; round++) {
      const outcomes = await Promise.all(registries.map((registry) => analysePendingBatch(t.ctx.db, registry, 0, 300, t.clock.now)));
      for (const o of outcomes) {
        analysed += o.analysed;
        if (o.locked) locked++;
      }
      if (outcomes.every((o) => o.analysed === 0 && !o.locked)) break;
    }
    const rows = await t.ctx.db.kysely.selectFrom("text_analyses").select(["id", "topics"]).where("organisation_id", "=", orgId).execute();
    expect(rows).toHaveLength(1200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1200);
    // PostgreSQL: passes that found the lock taken skipped their turn, so nothing was analysed twice.
    if (dialect === "postgres") {
      expect(locked).toBeGreaterThan(0);
      expect(analysed).toBe(1200);
    }
    const topics = await t.ctx.db.kysely.selectFrom("text_topics").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", orgId).executeTakeFirstOrThrow();
    // Each text's topic rows once: as many as its stored topics.
    expect(Number(topics.n)).toBe(rows.reduce((sum, r) => sum + (JSON.parse(r.topics) as unknown[]).length, 0));
    expect(Number(topics.n)).toBeGreaterThanOrEqual(1200);
  });

  it("finds analyses of an older analyser and re-analyses them when an admin asks", async () => {
    await t.ctx.db.kysely.updateTable("text_analyses").set({ analyser_version: "r0-old" }).where("organisation_id", "=", orgId).execute();
    const viewer = await addMember(t, owner, orgId, "viewer");
    expect((await viewer.client.post(`/api/v1/orgs/${orgId}/text/reanalyse`, {})).status).toBe(403);
    const reply = await owner.post(`/api/v1/orgs/${orgId}/text/reanalyse`, {});
    expect(reply.status, reply.text).toBe(202);
    expect(reply.body.queued).toBe(1200);
    for (let i = 0; i < 200; i++) {
      const stale = await t.ctx.db.kysely.selectFrom("text_analyses").select("id").where("analyser_version", "<>", analyserVersion()).executeTakeFirst();
      if (!stale) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const versions = await t.ctx.db.kysely.selectFrom("text_analyses").select("analyser_version").distinct().execute();
    expect(versions).toEqual([{ analyser_version: analyserVersion() }]);
  });

  it("polls an idle database with one cheap look per tick, and still picks up answers stored elsewhere", async () => {
    // At least one comment, already analysed: the database of an idle server that has answers.
    await upsertResponses(t.ctx.db.kysely, [makeResponseWrite({ organisation_id: orgId, touchpoint_id: "tp_x", dedupe_key: "k:idle", comment: "La entrega fue rápida" })], t.clock.now);
    await analysePendingBatch(t.ctx.db, null, 0, 500, t.clock.now);
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const database = { ...t.ctx.db, kysely: t.ctx.db.kysely.withPlugin(counting) };
    const errors: unknown[] = [];
    const log = { error: (...args: unknown[]) => errors.push(args), warn: () => undefined, info: () => undefined } as unknown as FastifyBaseLogger;
    const job = startTextAnalysisJob(database, new ModelRegistry(t.ctx.db.kysely), log, () => t.clock.now, { pollMs: 10 });
    try {
      // Catch up (every comment is already analysed), then sit idle.
      await new Promise((resolve) => setTimeout(resolve, 300));
      queries = 0;
      const before = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const ticks = (Date.now() - before) / 10;
      // Before: a presence check plus the pending-analysis join (and on PostgreSQL a locked transaction) every tick.
      expect(queries).toBeLessThanOrEqual(Math.ceil(ticks) + 1);
      // An answer stored by "another server" (no kick) is analysed by the poll.
      await upsertResponses(t.ctx.db.kysely, [makeResponseWrite({ organisation_id: orgId, touchpoint_id: "tp_x", dedupe_key: "k:late", comment: "El precio es caro" })], t.clock.now);
      let found = false;
      for (let i = 0; i < 100 && !found; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        found = (await t.ctx.db.kysely.selectFrom("text_analyses as a").innerJoin("responses as r", "r.id", "a.id").select("a.id").where("r.dedupe_key", "=", "k:late").executeTakeFirst()) !== undefined;
      }
      expect(found).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await job.stop();
    }
  });
});
