// `momentos import voice FILE --org ID [--touchpoint ID] [--kind voice|nps|delighted] [--source review]`:
// imports a CSV or JSON lines file of voice of the customer (or NPS history) from the command line,
// streamed like the HTTP upload, printing progress and the report.
import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { importKinds, voiceSources, type ImportKind, type VoiceSource } from "../../core/voice/schema.js";
import { getOrganisation } from "../../db/queries/organisations.js";
import { touchpointDirectory, getImport } from "../../db/queries/voice.js";
import { fail, withDatabase } from "../config.js";

export function importCommand(): Command {
  const command = new Command("import").description("import data from other tools");
  command
    .command("voice")
    .description("import reviews, social posts, tickets or chats (CSV or JSON lines), or NPS history (--kind nps or delighted)")
    .argument("<file>", "a .csv, .jsonl or .ndjson file")
    .requiredOption("--org <id>", "the organisation")
    .option("--touchpoint <id>", "the touchpoint of rows that name none (required for nps and delighted unless rows name one)")
    .option("--kind <kind>", `what the file holds: ${importKinds.join(", ")}`, "voice")
    .option("--source <source>", `the source of rows that carry none: ${voiceSources.join(", ")}`)
    .action(async (file: string, options: { org: string; touchpoint?: string; kind: string; source?: string }) => {
      if (!(importKinds as readonly string[]).includes(options.kind)) fail(`--kind must be one of ${importKinds.join(", ")}.`);
      if (options.source !== undefined && !(voiceSources as readonly string[]).includes(options.source)) fail(`--source must be one of ${voiceSources.join(", ")}.`);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        fail(`Cannot read ${file}.`);
      }
      const format = /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";
      // The analyser and the importer load only when the command runs, so other commands start fast.
      const [{ ModelRegistry }, { createImport, presentImport, runImport }] = await Promise.all([
        import("../../server/jobs/model-registry.js"),
        import("../../server/jobs/voice-import.js"),
      ]);
      await withDatabase(async (db, config) => {
        if (!(await getOrganisation(db.kysely, options.org))) fail(`No organisation with id ${options.org}.`);
        if (options.touchpoint && !(await touchpointDirectory(db.kysely, options.org)).byId.has(options.touchpoint)) fail(`No touchpoint ${options.touchpoint} in this organisation.`);
        const row = await createImport(
          db.kysely,
          { organisationId: options.org, kind: options.kind as ImportKind, format, touchpointId: options.touchpoint, fileName: basename(file), bytesTotal: size },
          Date.now(),
        );
        console.log(`Import ${row.id}: ${basename(file)} (${(size / 1024 / 1024).toFixed(1)} MB, ${format})`);
        const timer = setInterval(() => {
          void getImport(db.kysely, options.org, row.id).then((current) => {
            if (current) console.log(`  ${Math.round(100 * (current.progress ?? 0))} %: ${current.accepted} accepted, ${current.rejected} rejected, ${current.duplicates} duplicates`);
          });
        }, 2000);
        const started = Date.now();
        const final = await runImport({ database: db, registry: new ModelRegistry(db.kysely), clock: Date.now, secret: config.secret }, row, createReadStream(file), {
          source: options.source as VoiceSource | undefined,
        });
        clearInterval(timer);
        const report = presentImport(final);
        console.log(
          `${report.status}: ${report.rowsRead} row(s) read, ${report.accepted} accepted, ${report.rejected} rejected, ${report.duplicates} duplicate(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        for (const r of report.rejections.slice(0, 20)) console.log(`  row ${r.row}: ${r.code}${r.field ? ` (${r.field})` : ""}`);
        if (report.rejectionsTruncated || report.rejections.length > 20) console.log(`  … see GET /api/v1/orgs/${options.org}/voice/imports/${report.id} for the full report.`);
        if (report.error) console.log(`Stopped: ${report.error}`);
        if (report.status !== "completed") process.exitCode = 1;
      });
    });
  return command;
}
