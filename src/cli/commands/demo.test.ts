import { join } from "node:path";
import { expect, it } from "vitest";
import { createEmptyPostgresDatabase, describeEachDatabase } from "../../../test/db.js";
import { cliEntry, runCli, startServerProcess, tempDataDir } from "../../../test/process.js";
import { connect } from "../../db/connect.js";

describeEachDatabase("momentos demo", (dialect) => {
  it("creates the demo once, prints how to sign in, says so when it exists, and serve --demo then serves it", async () => {
    const dataDir = tempDataDir();
    const postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
    const env: Record<string, string> = { DATA_DIR: dataDir, BASE_URL: "http://demo.test", ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    try {
      const first = await runCli(["demo", "--responses", "400", "--seed", "3"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("Created “Casa Candela”");
      expect(first.stdout).toContain("400 responses");
      expect(first.stdout).toContain("http://demo.test/app/");
      expect(first.stdout).toMatch(/e-mail: +demo@momentos\.local/);
      const password = /password: (\S+)/.exec(first.stdout)?.[1] ?? "";
      expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

      const second = await runCli(["demo"], env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain("already exists");
      expect(second.stdout).not.toContain(password);

      const reset = await runCli(["demo", "--reset", "--responses", "100"], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toContain("Deleted the previous demo organisation");
      expect(reset.stdout).toContain("with its existing password");

      const bad = await runCli(["demo", "--responses", "lots"], env);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain("must be a whole number");
      const nobody = await runCli(["demo", "--org-name", "Otra", "--user", "nobody@example.com"], env);
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toContain("No account with the e-mail nobody@example.com");

      // `serve --demo` finds the demo and serves.
      const server = await startServerProcess(env, [...cliEntry, "serve", "--demo"]);
      try {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        expect(server.output()).toContain("already exists");
      } finally {
        server.child.kill("SIGTERM");
        await server.exited;
      }

      const db = connect(postgres ? { dialect: "postgres", url: postgres.url } : { dialect: "sqlite", file: join(dataDir, "momentos.db") });
      try {
        const organisations = await db.kysely.selectFrom("organisations").select("name").execute();
        expect(organisations.map((o) => o.name)).toEqual(["Casa Candela"]);
        const responses = await db.kysely.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        expect(Number(responses.n)).toBe(100);
      } finally {
        await db.close();
      }
    } finally {
      await postgres?.drop();
    }
  }, 120_000);
});
