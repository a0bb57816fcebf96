import { expect, it } from "vitest";
import { useTestApp } from "../../test/app.js";
import { describeEachDatabase } from "../../test/db.js";
import { testPassword } from "../../test/factories.js";
import { demoCalendar, demoOwnerEmail, demoTouchpoints } from "../core/demo/index.js";
import { scoreCsat, scoreNps } from "../core/metrics/index.js";
import { hashPassword } from "../server/auth/passwords.js";
import { createDemoOrganisation, deleteDemoOrganisation, demoSettingKey, noPasswordHash, type DemoSetup } from "./demo.js";
import { rebuildRollups } from "./queries/rollups.js";
import type { Kdb } from "./tables.js";

const snapshot = async (db: Kdb, organisationId: string) => ({
  spans: await db.selectFrom("rollup_spans").selectAll().where("organisation_id", "=", organisationId).orderBy("grain").orderBy("start").orderBy("touchpoint_id").execute(),
  rollups: await db.selectFrom("rollups").selectAll().where("organisation_id", "=", organisationId).orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").execute(),
  cx: await db.selectFrom("rollup_cx").selectAll().where("organisation_id", "=", organisationId).orderBy("touchpoint_id").orderBy("day").orderBy("source").orderBy("language").orderBy("cx").execute(),
});

const count = async (db: Kdb, table: "responses" | "organisations" | "journeys" | "touchpoints" | "forms", organisationId?: string) => {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
  if (organisationId !== undefined) query = query.where(table === "organisations" ? "id" : "organisation_id", "=", organisationId) as typeof query;
  return Number((await query.executeTakeFirstOrThrow()).n);
};

const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase("the demo organisation", (dialect) => {
  const t = useTestApp(dialect);
  let setup: DemoSetup;
  let organisationId = "";

  it("is an ordinary organisation: members, journeys, forms and 2,000 responses stored like real ones", async () => {
    setup = {
      organisationName: "Casa Candela",
      responses: 2000,
      seed: 11,
      now: t.clock.now,
      owner: { kind: "create_or_reuse", email: demoOwnerEmail, name: "Carmen Vidal", passwordHash: await hashPassword(testPassword) },
      batchSize: 700,
    };
    const outcome = await createDemoOrganisation(t.ctx.db, setup);
    expect(outcome.status).toBe("created");
    if (outcome.status !== "created") return;
    organisationId = outcome.organisationId;
    expect(outcome).toMatchObject({ ownerCreated: true, responses: 2000, journeys: 2, touchpoints: demoTouchpoints().length });
    const db = t.ctx.db.kysely;
    expect(await count(db, "responses", organisationId)).toBe(2000);
    expect(await count(db, "forms", organisationId)).toBe(demoTouchpoints().length);

    // Owners of touchpoints are members; the colleagues cannot sign in.
    const owners = await db.selectFrom("touchpoints").innerJoin("memberships", (j) => j.onRef("memberships.user_id", "=", "touchpoints.owner_user_id").onRef("memberships.organisation_id", "=", "touchpoints.organisation_id")).select("touchpoints.id").where("touchpoints.organisation_id", "=", organisationId).execute();
    expect(owners).toHaveLength(demoTouchpoints().length);
    const colleagues = await db.selectFrom("users").select("password_hash").where("email", "like", "%@casacandela.example").execute();
    expect(colleagues.length).toBeGreaterThan(0);
    expect(colleagues.every((c) => c.password_hash === noPasswordHash)).toBe(true);

    // The reworded form: version 2 exists and later responses carry it.
    const versions = await db.selectFrom("form_versions").select(["form_id", "version"]).where("organisation_id", "=", organisationId).where("version", "=", 2).execute();
    expect(versions).toHaveLength(1);
    const v2 = await db.selectFrom("responses").innerJoin("forms", "forms.touchpoint_id", "responses.touchpoint_id").select(["responses.started_at", "forms.id"]).where("responses.organisation_id", "=", organisationId).where("responses.form_version", "=", 2).execute();
    expect(v2.length).toBeGreaterThan(0);
    expect(v2.every((r) => r.id === versions[0]!.form_id)).toBe(true);
    expect(Math.min(...v2.map((r) => r.started_at))).toBeGreaterThanOrEqual(demoCalendar(setup.now).rewordingDay * 86_400_000);

    // Stored like the form page stores them: completion time only when complete, hidden fields as JSON.
    const sample = await db.selectFrom("responses").selectAll().where("organisation_id", "=", organisationId).limit(300).execute();
    for (const r of sample) {
      expect(r.completed_at !== null).toBe(r.emotion !== null && r.csat !== null && r.ces !== null && r.nps !== null);
      expect(r.completion_ms).toBe(r.completed_at !== null ? r.completed_at - r.started_at : null);
      const meta = typeof r.hidden_fields === "string" ? JSON.parse(r.hidden_fields) : r.hidden_fields;
      expect(Object.keys(meta)).toContain("segment");
      expect(r.dedupe_key.startsWith(`v:demo11:${r.touchpoint_id}:`)).toBe(true);
    }
  });

  it("keeps rollups that agree with the responses: a rebuild changes nothing", async () => {
    const db = t.ctx.db.kysely;
    const kept = await snapshot(db, organisationId);
    expect(kept.rollups.reduce((n, r) => n + Number(r.responses), 0)).toBe(2000);
    await rebuildRollups(t.ctx.db, { organisationId });
    expect(await snapshot(db, organisationId)).toEqual(kept);
  });

  it("answers the score API with the numbers a raw count of the responses gives", async () => {
    const owner = t.client();
    const signIn = await owner.post("/api/session", { email: demoOwnerEmail, password: testPassword });
    expect(signIn.status, signIn.text).toBe(200);
    const calendar = demoCalendar(setup.now);
    const period = `from=${day(calendar.firstDay)}&to=${day(calendar.lastDay)}`;
    const overview = await owner.get(`/api/v1/orgs/${organisationId}/scores/overview?${period}`);
    expect(overview.status, overview.text).toBe(200);

    const rows = await t.ctx.db.kysely.selectFrom("responses").select(["nps", "csat", "completed_at", "touchpoint_id"]).where("organisation_id", "=", organisationId).execute();
    const counts = (values: Array<number | null>, size: number, offset: number) => {
      const c = new Array<number>(size).fill(0);
      for (const v of values) if (v !== null) c[v - offset]! += 1;
      return c;
    };
    const nps = scoreNps(counts(rows.map((r) => r.nps), 11, 0));
    const csat = scoreCsat(counts(rows.map((r) => r.csat), 5, 1));
    const scores = overview.body.scores;
    expect(scores.responses.count).toBe(2000);
    expect(scores.nps.n).toBe(nps.n);
    expect(scores.nps.value).toBeCloseTo(nps.value!, 9);
    expect(scores.csat.value).toBeCloseTo(csat.topBox.value!, 9);
    expect(scores.csat.mean.value).toBeCloseTo(csat.mean.value!, 9);
    expect(scores.completionRate.value).toBeCloseTo((100 * rows.filter((r) => r.completed_at !== null).length) / 2000, 9);

    // One touchpoint's detail, the worst moment of truth.
    const refund = await t.ctx.db.kysely.selectFrom("touchpoints").select("id").where("organisation_id", "=", organisationId).where("name", "=", "Reembolso").executeTakeFirstOrThrow();
    const detail = await owner.get(`/api/v1/orgs/${organisationId}/scores/touchpoints/${refund.id}?${period}`);
    expect(detail.status, detail.text).toBe(200);
    const refundNps = scoreNps(counts(rows.filter((r) => r.touchpoint_id === refund.id).map((r) => r.nps), 11, 0));
    expect(detail.body.scores.nps.value).toBeCloseTo(refundNps.value!, 9);
    expect(refundNps.value!).toBeLessThan(nps.value! - 30);
  });

  it("is created once: a second run finds it and adds nothing", async () => {
    const db = t.ctx.db.kysely;
    const organisations = await count(db, "organisations");
    const again = await createDemoOrganisation(t.ctx.db, setup);
    expect(again).toEqual({ status: "exists", organisationId, ownerEmail: demoOwnerEmail });
    expect(await count(db, "organisations")).toBe(organisations);
    expect(await count(db, "responses", organisationId)).toBe(2000);
    expect(await count(db, "journeys", organisationId)).toBe(2);
  });

  it("makes again, without duplicates, a demo whose run was interrupted", async () => {
    const db = t.ctx.db.kysely;
    const key = demoSettingKey("Casa Candela");
    await db.updateTable("instance_settings").set({ value: `pending:${organisationId}` }).where("key", "=", key).execute();
    const organisations = await count(db, "organisations");
    const remade = await createDemoOrganisation(t.ctx.db, { ...setup, responses: 300 });
    expect(remade.status).toBe("created");
    if (remade.status !== "created") return;
    expect(remade.ownerCreated).toBe(false);
    expect(await count(db, "organisations")).toBe(organisations);
    expect(await count(db, "organisations", organisationId)).toBe(0);
    expect(await count(db, "responses", remade.organisationId)).toBe(300);
    const names = await db.selectFrom("organisations").select("id").where("name", "=", "Casa Candela").execute();
    expect(names).toHaveLength(1);
    organisationId = remade.organisationId;
  });

  it("adds a demo of another name to an existing person, and deletes a demo on request", async () => {
    const missing = await createDemoOrganisation(t.ctx.db, { ...setup, organisationName: "Otra demo", responses: 50, owner: { kind: "existing", email: "nobody@example.com" } });
    expect(missing).toEqual({ status: "no_such_user", email: "nobody@example.com" });
    const added = await createDemoOrganisation(t.ctx.db, { ...setup, organisationName: "Otra demo", responses: 50, owner: { kind: "existing", email: demoOwnerEmail } });
    expect(added.status).toBe("created");
    const db = t.ctx.db.kysely;
    const owner = await db.selectFrom("users").select("id").where("email", "=", demoOwnerEmail).executeTakeFirstOrThrow();
    const memberships = await db.selectFrom("memberships").select("organisation_id").where("user_id", "=", owner.id).where("role", "=", "owner").execute();
    expect(memberships.map((m) => m.organisation_id)).toEqual(expect.arrayContaining([organisationId, added.status === "created" ? added.organisationId : ""]));
    expect(await deleteDemoOrganisation(t.ctx.db, "Otra demo")).toBe(true);
    expect(await deleteDemoOrganisation(t.ctx.db, "Otra demo")).toBe(false);
    expect(await count(db, "responses", added.status === "created" ? added.organisationId : "")).toBe(0);
  });
});
