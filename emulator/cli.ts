import { parseArgs } from "node:util";
import { startEmulator } from "./index.js";

/** `npm run emulator -- [--port N] [--data FILE] [--host H] [--access-key KEY|random] [--lenient-fields] [--cors]` */

const USAGE = "usage: npm run emulator -- [--port N] [--data FILE] [--host 127.0.0.1] [--access-key BASE64|random] [--lenient-fields] [--cors]";

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "0" },
        data: { type: "string" },
        host: { type: "string", default: "127.0.0.1" },
        "access-key": { type: "string" },
        "lenient-fields": { type: "boolean", default: false },
        cors: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected an integer in [0, 65535], got '${values.port}'\n${USAGE}`);
    process.exit(2);
  }
  // Bearer tokens come from the environment so they never appear in a process list.
  const bearer = process.env.ACS_EMULATOR_BEARER_TOKENS?.split(",").filter((t) => t !== "") ?? [];
  const emulator = await startEmulator({
    port,
    host: values.host,
    trustedBearerTokens: bearer,
    rejectFieldsOfOtherVersions: !values["lenient-fields"],
    cors: values.cors,
    ...(values.data === undefined ? {} : { dataFile: values.data }),
    ...(values["access-key"] === undefined ? {} : { accessKey: values["access-key"] }),
  });
  console.log(`ACS Identity emulator listening on ${emulator.endpoint}`);
  console.log(`connection string: ${emulator.connectionString}`);
  if (values.data !== undefined) console.log(`state: ${values.data}`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
