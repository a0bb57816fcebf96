// `momentos text reanalyse [--org id]`: analyses again every text analysed by an older version of the
// analyser (and any comment never analysed), in batches, printing progress. Safe while the server
// runs: each batch is a short transaction, and on PostgreSQL it takes turns with the servers' own job.
// The analyser and its lexicons load only when the command runs, so other commands start fast.
import { Command } from "commander";
import { getOrganisation } from "../../db/queries/organisations.js";
import { fail, withDatabase } from "../config.js";

export function textCommand(): Command {
  const command = new Command("text").description("text analysis");
  command
    .command("reanalyse")
    .description("analyse again every text analysed by an older analyser version (every organisation, or one)")
    .option("--org <id>", "only this organisation")
    .option("--batch <n>", "texts per batch", "500")
    .action(async (options: { org?: string; batch: string }) => {
      const [{ analyserVersion }, { countStale }, { ModelRegistry }, { reanalyseAll }] = await Promise.all([
        import("../../core/voice/analyse.js"),
        import("../../db/queries/text.js"),
        import("../../server/jobs/model-registry.js"),
        import("../../server/jobs/text-analysis.js"),
      ]);
      await withDatabase(async (db) => {
        if (options.org !== undefined && !(await getOrganisation(db.kysely, options.org))) fail(`No organisation with id ${options.org}.`);
        const batch = Number(options.batch);
        if (!Number.isInteger(batch) || batch < 1 || batch > 5000) fail("--batch must be a whole number from 1 to 5000.");
        const version = analyserVersion();
        const total = await countStale(db.kysely, version, options.org);
        console.log(`Analyser ${version}: ${total} text(s) to analyse.`);
        const started = Date.now();
        let last = 0;
        const done = await reanalyseAll(db, new ModelRegistry(db.kysely), Date.now, {
          organisationId: options.org,
          batch,
          onProgress: (n) => {
            if (n === last) return;
            last = n;
            const share = total > 0 ? ` (${Math.min(100, Math.round((100 * n) / total))} %)` : "";
            console.log(`  ${n} analysed${share}`);
          },
        });
        const seconds = (Date.now() - started) / 1000;
        console.log(`Analysed ${done} text(s) in ${seconds.toFixed(1)} s.`);
      });
    });
  return command;
}
