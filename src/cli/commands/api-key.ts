// `momentos api-key create`: creates an organisation's API key and prints it once.
import { Command, Option } from "commander";
import { apiKeyScopeSchema } from "../../core/accounts/schema.js";
import { insertApiKey } from "../../db/queries/api-keys.js";
import { getOrganisation } from "../../db/queries/organisations.js";
import { recordAuditEvent } from "../../db/queries/audit.js";
import { fail, withDatabase } from "../config.js";

export function apiKeyCommand(): Command {
  const command = new Command("api-key").description("manage API keys");
  command
    .command("create")
    .description("create an API key for an organisation and print it once")
    .requiredOption("--org <id>", "the organisation's id")
    .requiredOption("--name <name>", "what the key is for")
    .addOption(new Option("--scope <scope>", "read or write").choices(["read", "write"]).default("read"))
    .action(async (options: { org: string; name: string; scope: string }) => {
      const scope = apiKeyScopeSchema.parse(options.scope);
      const name = options.name.trim();
      if (!name || name.length > 80) fail("--name must be 1–80 characters.");
      await withDatabase(async (db) => {
        if (!(await getOrganisation(db.kysely, options.org))) fail(`No organisation with id ${options.org}.`);
        const now = Date.now();
        const { row, key } = await insertApiKey(db.kysely, { organisationId: options.org, name, scope, createdBy: null }, now);
        await recordAuditEvent(
          db.kysely,
          { organisationId: options.org, actor: { userId: null, apiKeyId: null }, action: "api_key.created", targetType: "api_key", targetId: row.id, details: { scope, via: "cli" } },
          now,
        );
        console.log(key);
        console.error(`Created API key ${row.id} (${scope}). It is shown only once: store it now.`);
      });
    });
  return command;
}
