// `momentos demo`: creates the demo brand (Casa Candela, a Spanish online shop with a year of
// responses) so that a new user sees a living dashboard at once. `momentos serve --demo` runs it first.
import { Command, InvalidArgumentError } from "commander";
import { randomBytes } from "node:crypto";
import { emailSchema, organisationNameSchema, passwordSchema } from "../../core/accounts/schema.js";
import { demoBrandName, demoFix, demoOwnerEmail, demoOwnerName } from "../../core/demo/index.js";
import type { Database } from "../../db/connect.js";
import { createDemoOrganisation, deleteDemoOrganisation, findDemoOrganisation, type DemoOutcome } from "../../db/demo.js";
import { hashPassword } from "../../server/auth/passwords.js";
import type { Config } from "../../server/config.js";
import { fail, withDatabase } from "../config.js";

export interface DemoCommandOptions {
  orgName: string;
  responses: number;
  seed: number;
  /** Add the demo to this existing person instead of the demo account. */
  user?: string | undefined;
  reset?: boolean | undefined;
  quiet?: boolean | undefined;
  /** Run by `serve --demo`: the server starts next and analyses the comments itself. */
  serving?: boolean | undefined;
}

export const demoDefaults = { orgName: demoBrandName, responses: 100_000, seed: 2026 } as const;

function positiveInteger(max: number) {
  return (value: string) => {
    const n = Number(value.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`must be a whole number from 0 to ${max.toLocaleString("en")}`);
    return n;
  };
}

/** A password people can type: 4 groups of 4 letters and digits (about 80 bits). */
function readablePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** Creates the demo (unless it exists) and prints how to sign in. Used by `momentos demo` and `momentos serve --demo`. */
export async function runDemo(db: Database, config: Config, options: DemoCommandOptions): Promise<DemoOutcome> {
  const orgName = organisationNameSchema.safeParse(options.orgName);
  if (!orgName.success) fail("--org-name must be 1–120 characters.");
  let password: string | null = null;
  let owner: Parameters<typeof createDemoOrganisation>[1]["owner"];
  if (options.user !== undefined) {
    const email = emailSchema.safeParse(options.user);
    if (!email.success) fail("--user is not a valid e-mail address.");
    owner = { kind: "existing", email: email.data };
  } else {
    password = process.env.MOMENTOS_PASSWORD ?? readablePassword();
    if (!passwordSchema.safeParse(password).success) fail("MOMENTOS_PASSWORD must be 10–200 characters.");
    owner = { kind: "create_or_reuse", email: demoOwnerEmail, name: demoOwnerName, passwordHash: await hashPassword(password) };
  }
  const say = (line: string) => {
    if (!options.quiet) console.log(line);
  };

  if (options.reset && (await deleteDemoOrganisation(db, orgName.data))) say(`Deleted the previous demo organisation “${orgName.data}”.`);
  if ((await findDemoOrganisation(db.kysely, orgName.data)) === null) say(`Creating the demo organisation “${orgName.data}” with ${options.responses.toLocaleString("en")} responses…`);
  let lastShown = 0;
  const outcome = await createDemoOrganisation(db, {
    organisationName: orgName.data,
    responses: options.responses,
    seed: options.seed,
    now: Date.now(),
    owner,
    onProgress: (stored, total) => {
      if (process.stdout.isTTY && !options.quiet && (stored - lastShown >= total / 20 || stored === total)) {
        lastShown = stored;
        process.stdout.write(`\r  ${stored.toLocaleString("en")} / ${total.toLocaleString("en")} responses`);
        if (stored === total) process.stdout.write("\n");
      }
    },
  });
  const signIn = `${new URL("/app/", config.baseUrl).href}`;
  switch (outcome.status) {
    case "no_such_user":
      fail(`No account with the e-mail ${outcome.email}. Create it first (momentos create-user) or leave out --user.`);
    case "exists":
      say(`The demo organisation “${orgName.data}” already exists (${outcome.organisationId}); nothing was added. Use --reset to make it again.`);
      if (outcome.ownerEmail) say(`Sign in at ${signIn} as ${outcome.ownerEmail} (the password printed when it was created, or set one with: momentos reset-password --email ${outcome.ownerEmail}).`);
      return outcome;
    case "created": {
      say(`Created “${orgName.data}” (${outcome.organisationId}): ${outcome.journeys} journeys, ${outcome.touchpoints} touchpoints, ${outcome.responses.toLocaleString("en")} responses in ${outcome.seconds.toFixed(1)} s.`);
      const fixDate = new Date(outcome.calendar.fixDay * 86_400_000).toISOString().slice(0, 10);
      say(`Look for: the weak returns journey (Reembolso hurts most) and the home delivery fix of ${fixDate} (${demoFix.what}).`);
      if (!options.serving) say(`Comments are analysed (sentiment, topics) by the server in the background when it starts; if a server is already running, run: momentos text reanalyse --org ${outcome.organisationId}`);
      if (owner.kind === "existing") say(`Sign in at ${signIn} as ${owner.email} with your own password; the demo is among your organisations.`);
      else if (outcome.ownerCreated) say(`Sign in at ${signIn}\n  e-mail:   ${owner.email}\n  password: ${process.env.MOMENTOS_PASSWORD !== undefined ? "(the one in MOMENTOS_PASSWORD)" : password}`);
      else say(`Sign in at ${signIn} as ${owner.email} with its existing password (or set one with: momentos reset-password --email ${owner.email}).`);
      return outcome;
    }
  }
}

export function demoCommand(): Command {
  return new Command("demo")
    .description("create the demo brand: Casa Candela, a Spanish online shop with 2 journeys, 25 touchpoints and a year of responses")
    .option("--org-name <name>", "the demo organisation's name", demoDefaults.orgName)
    .option("--responses <n>", "how many responses (over the last 12 months)", positiveInteger(10_000_000), demoDefaults.responses)
    .option("--seed <n>", "seed of the generator (the same seed gives the same answers)", positiveInteger(2 ** 31), demoDefaults.seed)
    .option("--user <email>", "add the demo organisation to this existing person (as owner) instead of the demo account")
    .option("--reset", "delete the demo organisation of this name first, then create it again")
    .action(async (options: DemoCommandOptions) => {
      await withDatabase(async (db, config) => {
        await runDemo(db, config, options);
      });
    });
}
