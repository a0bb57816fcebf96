#!/usr/bin/env node
// The `momentos` command line: serve, migrate, create-user, reset-password, api-key create, rollups rebuild, demo, text reanalyse and import voice.
import { Command } from "commander";
import { serveCommand } from "./commands/serve.js";
import { migrateCommand } from "./commands/migrate.js";
import { createUserCommand } from "./commands/create-user.js";
import { apiKeyCommand } from "./commands/api-key.js";
import { resetPasswordCommand } from "./commands/reset-password.js";
import { rollupsCommand } from "./commands/rollups.js";
import { demoCommand } from "./commands/demo.js";
import { textCommand } from "./commands/text.js";
import { importCommand } from "./commands/import.js";

const program = new Command()
  .name("momentos")
  .description("Momentos, the open-source customer-experience platform. Configuration comes from environment variables (see README).")
  .version("0.1.0");

program.addCommand(serveCommand(), { isDefault: true });
program.addCommand(migrateCommand());
program.addCommand(createUserCommand());
program.addCommand(apiKeyCommand());
program.addCommand(resetPasswordCommand());
program.addCommand(rollupsCommand());
program.addCommand(demoCommand());
program.addCommand(textCommand());
program.addCommand(importCommand());

await program.parseAsync(process.argv);
