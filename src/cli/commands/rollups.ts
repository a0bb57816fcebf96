// `momentos rollups rebuild [--org id]`: recomputes the score rollups from raw responses, e.g. after
// restoring a backup or changing how a contribution is counted. Safe while the server ingests.
import { Command } from "commander";
import { getOrganisation } from "../../db/queries/organisations.js";
import { rebuildRollups } from "../../db/queries/rollups.js";
import { fail, withDatabase } from "../config.js";

export function rollupsCommand(): Command {
  const command = new Command("rollups").description("manage the score rollups");
  command
    .command("rebuild")
    .description("recompute the rollups from raw responses (every organisation, or one)")
    .option("--org <id>", "only this organisation")
    .action(async (options: { org?: string }) => {
      await withDatabase(async (db) => {
        if (options.org !== undefined && !(await getOrganisation(db.kysely, options.org))) fail(`No organisation with id ${options.org}.`);
        const started = Date.now();
        const summary = await rebuildRollups(db, options.org !== undefined ? { organisationId: options.org } : {});
        console.log(
          `Rebuilt the rollups of ${summary.organisations} organisation(s), ${summary.touchpoints} touchpoint(s), ${summary.responses} response(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      });
    });
  return command;
}
