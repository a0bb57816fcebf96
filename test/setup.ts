// Runs before every test file: cheap password hashes, so that suites with many sign-ins stay fast.
// The algorithm and code path are the production ones; only the scrypt cost parameters are lower.
import { setPasswordHashCostForTests } from "../src/server/auth/passwords.js";

setPasswordHashCostForTests({ N: 2 ** 10, r: 8, p: 1 });
