#!/usr/bin/env node
// The `momentos` command line: serve, migrate, create-user, reset-password, api-key create, rollups rebuild, demo, text reanalyse and import voice.
import { Command } from "commander";
import { serveCommand } from "./commands/serve.js";

const program = new Command()
  .name("momentos")
  .description("Momentos, the open-source customer-experience platform. Configuration comes from environment variables (see README).")
  .version("0.1.0");

program.addCommand(serveCommand(), { isDefault: true });
// The other commands (and what they import: the demo generator, the import reader…) are loaded only when
// the command line is not a plain `serve`, so that a serving process does not keep them (idle memory, BENCHMARKS.md).
const args = process.argv.slice(2);
const plainServe = (args.length === 0 || args[0] === "serve") && !args.some((a) => a === "-h" || a === "--help");
if (!plainServe) {
  const commands = await Promise.all([
    import("./commands/migrate.js").then((m) => m.migrateCommand()),
    import("./commands/create-user.js").then((m) => m.createUserCommand()),
    import("./commands/api-key.js").then((m) => m.apiKeyCommand()),
    import("./commands/reset-password.js").then((m) => m.resetPasswordCommand()),
    import("./commands/rollups.js").then((m) => m.rollupsCommand()),
    import("./commands/demo.js").then((m) => m.demoCommand()),
    import("./commands/text.js").then((m) => m.textCommand()),
    import("./commands/import.js").then((m) => m.importCommand()),
  ]);
  for (const command of commands) program.addCommand(command);
}

await program.parseAsync(process.argv);
