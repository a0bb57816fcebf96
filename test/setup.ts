// Runs before every test file: cheap password hashes, so that suites with many sign-ins stay fast.
// The algorithm and code path are the production ones; only the scrypt cost parameters are lower.
import { setPasswordHashCostForTests } from "../src/server/auth/passwords.js";

setPasswordHashCostForTests({ N: 2 ** 10, r: 8, p: 1 });

// Under CI nothing may be skipped: every database must be in TEST_DB.
if (process.env.CI === "true") {
  const databases = (process.env.TEST_DB ?? "sqlite").split(",").map((d) => d.trim());
  for (const required of ["sqlite", "postgres"]) {
    if (!databases.includes(required)) throw new Error(`CI=true needs TEST_DB to include ${required} (got "${process.env.TEST_DB ?? ""}")`);
  }
}
