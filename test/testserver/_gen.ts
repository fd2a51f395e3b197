import { join } from "node:path";
import { generateAll } from "./generateAll.js";
await generateAll(process.argv.slice(2), join(process.cwd(), ".tmp/tsall"));
