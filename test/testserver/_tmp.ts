import { join } from "node:path";
import { createHarness } from "./harness.js";
import { startTestServer } from "./server.js";
const s = await startTestServer();
const h = createHarness(s.url, join(process.cwd(), ".tmp/tsall"));
for (const spec of process.argv.slice(2)) {
  const m = await h.load(spec);
  const ctx = h.context();
  for (const [name, fn] of Object.entries(m)) {
    if (typeof fn !== "function" || /^[A-Z]/.test(name) || ["resolveApiVersion"].includes(name) || fn.length > 2 || !/Get/.test(name)) continue;
    try {
      const v = await fn(ctx);
      console.log(`${name}: ok ${v instanceof Date ? `Date(${isNaN(v.getTime()) ? "Invalid" : v.toISOString()})` : v instanceof Uint8Array ? `bytes(${Buffer.from(v).toString("hex")})` : JSON.stringify(v)}`);
    } catch (e: any) {
      console.log(`${name}: ${e.name} ${e.statusCode ?? ""} ${e.code ?? ""} ${e.message}`.slice(0, 200));
    }
  }
}
await s.stop();
