// `momentos reset-password`: sets a new password for someone who forgot theirs and ends their sessions.
// Whoever runs the instance does it; the password comes from MOMENTOS_PASSWORD or standard input.
import { Command } from "commander";
import { emailSchema, passwordSchema } from "../../core/accounts/schema.js";
import { deleteSessionsOfUser } from "../../db/queries/sessions.js";
import { getUserByEmail, updateUser } from "../../db/queries/users.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { fail, readPassword, withDatabase } from "../config.js";

export function resetPasswordCommand(): Command {
  return new Command("reset-password")
    .description("set a new password for a person (read from MOMENTOS_PASSWORD or standard input) and end their sessions")
    .requiredOption("--email <email>", "the person's e-mail")
    .action(async (options: { email: string }) => {
      const email = emailSchema.safeParse(options.email);
      if (!email.success) fail("--email is not a valid e-mail address.");
      const password = await readPassword();
      if (!passwordSchema.safeParse(password).success) fail("The password (MOMENTOS_PASSWORD or standard input) must be 10–200 characters.");
      await withDatabase(async (db) => {
        const user = await getUserByEmail(db.kysely, email.data);
        if (!user) fail(`No account with the e-mail ${email.data}.`);
        await updateUser(db.kysely, user.id, { passwordHash: await hashPassword(password) }, Date.now());
        const ended = await deleteSessionsOfUser(db.kysely, user.id);
        console.log(`Password changed for ${user.email}; ${ended} session(s) ended.`);
      });
    });
}
