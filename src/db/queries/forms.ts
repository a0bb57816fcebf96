// Each touchpoint's form: its current configuration, its versions, and the short public code of its
// link. A touchpoint gets its form the first time anyone asks for it.
import { formConfigSchema, formVersionHash, needsNewFormVersion, defaultFormConfig, type FormConfig } from "../../core/forms/index.js";
import type { FormsTable, Kdb } from "../tables.js";
import { newId } from "../ids.js";
import { randomBytes } from "node:crypto";
import { isUniqueViolation } from "../dialect.js";

export type FormRow = FormsTable;

/** Where a form sits, for ingestion: everything a response needs to be stored and routed. */
export interface FormTarget {
  form: FormRow;
  config: FormConfig;
  organisationId: string;
  journeyId: string;
  stageId: string;
  touchpointId: string;
  touchpointName: string;
  momentOfTruth: boolean;
  /** False when the touchpoint is paused or archived, or the form is closed. */
  accepting: boolean;
}

const codeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"; // no 0/1/i/l/o: the code is typed from paper

/** A short public code (10 characters, about 49 bits): printed on QR cards, unguessable enough for links. */
export function newPublicCode(): string {
  const bytes = randomBytes(10);
  let code = "";
  for (const byte of bytes) code += codeAlphabet[byte % codeAlphabet.length];
  return code;
}

export function parseFormConfig(raw: string | object): FormConfig {
  return formConfigSchema.parse(typeof raw === "string" ? JSON.parse(raw) : raw);
}

function selectTarget(db: Kdb) {
  return db
    .selectFrom("forms")
    .innerJoin("touchpoints", "touchpoints.id", "forms.touchpoint_id")
    .selectAll("forms")
    .select([
      "touchpoints.journey_id as tp_journey_id",
      "touchpoints.stage_id as tp_stage_id",
      "touchpoints.name as tp_name",
      "touchpoints.moment_of_truth as tp_moment_of_truth",
      "touchpoints.status as tp_status",
      "touchpoints.archived_at as tp_archived_at",
    ]);
}

type TargetRow = FormRow & {
  tp_journey_id: string;
  tp_stage_id: string;
  tp_name: string;
  tp_moment_of_truth: number;
  tp_status: string;
  tp_archived_at: number | null;
};

function toTarget(row: TargetRow): FormTarget {
  const { tp_journey_id, tp_stage_id, tp_name, tp_moment_of_truth, tp_status, tp_archived_at, ...form } = row;
  return {
    form,
    config: parseFormConfig(form.config),
    organisationId: form.organisation_id,
    journeyId: tp_journey_id,
    stageId: tp_stage_id,
    touchpointId: form.touchpoint_id,
    touchpointName: tp_name,
    momentOfTruth: tp_moment_of_truth === 1,
    accepting: form.is_open === 1 && tp_status === "active" && tp_archived_at === null,
  };
}

/** The form behind a public code, with its touchpoint, or null. */
export async function getFormTargetByCode(db: Kdb, code: string): Promise<FormTarget | null> {
  const row = await selectTarget(db).where("forms.public_code", "=", code).executeTakeFirst();
  return row ? toTarget(row as TargetRow) : null;
}

/** The form of a touchpoint of this organisation, with its touchpoint, or null (no form yet, or no such touchpoint). */
export async function getFormTarget(db: Kdb, organisationId: string, touchpointId: string): Promise<FormTarget | null> {
  const row = await selectTarget(db)
    .where("forms.organisation_id", "=", organisationId)
    .where("forms.touchpoint_id", "=", touchpointId)
    .executeTakeFirst();
  return row ? toTarget(row as TargetRow) : null;
}

/**
 * The touchpoint's form, created with the default configuration (the organisation's name as brand)
 * the first time. Null when the organisation has no such touchpoint.
 */
export async function ensureForm(db: Kdb, organisationId: string, touchpointId: string, now: number): Promise<FormTarget | null> {
  const existing = await getFormTarget(db, organisationId, touchpointId);
  if (existing) return existing;
  const touchpoint = await db
    .selectFrom("touchpoints")
    .innerJoin("organisations", "organisations.id", "touchpoints.organisation_id")
    .select(["touchpoints.id", "organisations.name as organisation_name"])
    .where("touchpoints.organisation_id", "=", organisationId)
    .where("touchpoints.id", "=", touchpointId)
    .executeTakeFirst();
  if (!touchpoint) return null;
  const config = defaultFormConfig(touchpoint.organisation_name.slice(0, 80));
  const form: FormRow = {
    id: newId("frm"),
    organisation_id: organisationId,
    touchpoint_id: touchpointId,
    public_code: newPublicCode(),
    variant: config.variant,
    config: JSON.stringify(config),
    version: 1,
    is_open: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("forms").values(form).execute();
      await trx
        .insertInto("form_versions")
        .values({ organisation_id: organisationId, form_id: form.id, version: 1, config: form.config, content_hash: formVersionHash(config), created_by: null, created_at: now })
        .execute();
    });
  } catch (error) {
    // Two first requests at once: the other one created it.
    if (!isUniqueViolation(error)) throw error;
  }
  return getFormTarget(db, organisationId, touchpointId);
}

/** Saves a new configuration; a change of wording (or anything a respondent sees) makes a new version. */
export async function saveFormConfig(
  db: Kdb,
  target: FormTarget,
  next: FormConfig,
  options: { isOpen: boolean; by: string | null },
  now: number,
): Promise<{ version: number; newVersion: boolean }> {
  const newVersion = needsNewFormVersion(target.config, next);
  const version = newVersion ? target.form.version + 1 : target.form.version;
  const config = JSON.stringify(next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("forms")
      .set({ config, variant: next.variant, version, is_open: options.isOpen ? 1 : 0, updated_at: now })
      .where("organisation_id", "=", target.organisationId)
      .where("id", "=", target.form.id)
      .execute();
    if (newVersion) {
      await trx
        .insertInto("form_versions")
        .values({ organisation_id: target.organisationId, form_id: target.form.id, version, config, content_hash: formVersionHash(next), created_by: options.by, created_at: now })
        .execute();
    }
  });
  return { version, newVersion };
}
