// `momentos create-user`: creates a member of an organisation, for automation. The password comes
// from an environment variable or standard input, never from the command line, and nothing secret is printed.
import { Command, Option } from "commander";
import { emailSchema, organisationNameSchema, passwordSchema, personNameSchema, roleSchema } from "../../core/accounts/schema.js";
import { getMembership, getOrganisation, insertMembership, insertOrganisation } from "../../db/queries/organisations.js";
import { getUserByEmail, insertUser } from "../../db/queries/users.js";
import { markSetupDone } from "../../db/queries/setup.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { fail, readPassword, withDatabase } from "../config.js";

export function createUserCommand(): Command {
  return new Command("create-user")
    .description("create a member of an organisation (the password is read from MOMENTOS_PASSWORD or standard input)")
    .requiredOption("--email <email>", "the person's e-mail")
    .requiredOption("--name <name>", "the person's name")
    .addOption(new Option("--role <role>", "their role").choices(["owner", "admin", "analyst", "viewer"]).default("viewer"))
    .option("--org <id>", "an existing organisation's id")
    .option("--new-org <name>", "create a new organisation with this name")
    .action(async (options: { email: string; name: string; role: string; org?: string; newOrg?: string }) => {
      if (!options.org === !options.newOrg) fail("Give exactly one of --org <id> or --new-org <name>.");
      const email = emailSchema.safeParse(options.email);
      const name = personNameSchema.safeParse(options.name);
      const role = roleSchema.parse(options.role);
      if (!email.success) fail("--email is not a valid e-mail address.");
      if (!name.success) fail("--name must be 1–120 characters.");
      const password = await readPassword();
      if (!passwordSchema.safeParse(password).success) fail("The password (MOMENTOS_PASSWORD or standard input) must be 10–200 characters.");

      await withDatabase(async (db) => {
        const now = Date.now();
        const k = db.kysely;
        let organisationId = options.org;
        if (options.newOrg) {
          const orgName = organisationNameSchema.safeParse(options.newOrg);
          if (!orgName.success) fail("--new-org must be 1–120 characters.");
          organisationId = (await insertOrganisation(k, orgName.data, now)).id;
        } else if (!(await getOrganisation(k, organisationId!))) {
          fail(`No organisation with id ${organisationId}.`);
        }
        let user = await getUserByEmail(k, email.data);
        if (!user) {
          user = await insertUser(k, { email: email.data, name: name.data, passwordHash: await hashPassword(password), language: null }, now);
        }
        if (await getMembership(k, organisationId!, user.id)) fail(`${email.data} is already a member of ${organisationId}.`);
        await insertMembership(k, organisationId!, user.id, role, now);
        await markSetupDone(k, now);
        console.log(JSON.stringify({ userId: user.id, email: user.email, organisationId, role }));
      });
    });
}
