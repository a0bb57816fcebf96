// The versions of a form, for the settings screen and the API: what each version asked, and who made it.
import type { FormVersionsTable, Kdb } from "../tables.js";

export type FormVersionRow = FormVersionsTable & { created_by_name: string | null };

/** Every version of the organisation's form, newest first, with the name of the member who made it. */
export async function listFormVersions(db: Kdb, organisationId: string, formId: string): Promise<FormVersionRow[]> {
  return db
    .selectFrom("form_versions")
    .leftJoin("users", "users.id", "form_versions.created_by")
    .selectAll("form_versions")
    .select("users.name as created_by_name")
    .where("form_versions.organisation_id", "=", organisationId)
    .where("form_versions.form_id", "=", formId)
    .orderBy("form_versions.version", "desc")
    .execute();
}
