// `momentos serve`: runs the web server (the default command).
import { Command } from "commander";
import { startServer } from "../../server/main.js";
import { configOrExit } from "../config.js";

export function serveCommand(): Command {
  return new Command("serve").description("run the Momentos server (migrates the database first)").action(async () => {
    const config = configOrExit();
    try {
      await startServer(config);
    } catch (error) {
      console.error(`Momentos could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  });
}
