import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

// The AutoRest test-server suite (generates all 74 Swagger files and runs the server's scenarios)
// runs as its own CI step, `npm run test:testserver`, to keep `npm test` well under 5 minutes.
const testServer = process.env["ACS_TESTSERVER"] === "1";

export default defineConfig({
  test: {
    include: testServer ? ["test/testserver/**/*.test.ts"] : ["test/**/*.test.ts"],
    exclude: testServer ? configDefaults.exclude : [...configDefaults.exclude, "test/testserver/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // every core (vitest's default leaves one free: a single fork on a 2-core machine, where npm test then took
    // 309-345 s instead of about 230 s)
    maxWorkers: availableParallelism(),
  },
});
