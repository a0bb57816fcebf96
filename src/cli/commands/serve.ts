// `momentos serve`: runs the web server (the default command); with --demo it first creates the demo brand.
import { Command } from "commander";
import { startServer } from "../../server/main.js";
import { configOrExit, withDatabase } from "../config.js";

export function serveCommand(): Command {
  return new Command("serve")
    .description("run the Momentos server (migrates the database first)")
    .option("--demo", "create the demo brand first when it is absent (see `momentos demo`), then serve")
    .action(async (options: { demo?: boolean }) => {
      const config = configOrExit();
      try {
        if (options.demo) {
          // The demo generator is loaded only for --demo: a plain serve does not keep it in memory.
          const { demoDefaults, runDemo } = await import("./demo.js");
          await withDatabase((db) => runDemo(db, config, { ...demoDefaults, serving: true }));
        }
        await startServer(config);
      } catch (error) {
        console.error(`Momentos could not start: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      }
    });
}
