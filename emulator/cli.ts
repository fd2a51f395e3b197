import { parseArgs } from "node:util";
import { writeCertificateFile, type WrittenCertificate } from "./certificateFile.js";
import { startEmulator } from "./index.js";
import { MINT_USAGE, mintFromArgs } from "./mintCli.js";

/**
 * `npm run emulator -- [--port N] [--data FILE] [--host H] [--access-key KEY|random] [--lenient-fields] [--cors] [--https] [--manifest FILE] [--specs-root DIR]`
 * `npm run emulator -- mint-entra-token --app-id X --user-id Y [...]` (see mintCli.ts)
 */

const USAGE = `usage: npm run emulator -- [--port N] [--data FILE] [--host 127.0.0.1] [--access-key BASE64|random] [--lenient-fields] [--cors] [--https] [--manifest FILE] [--specs-root DIR]\n       ${MINT_USAGE.replace("usage: ", "")}`;

function mint(args: string[]): void {
  const result = mintFromArgs(args, process.env, Date.now());
  if (result.ok === "help") {
    console.log(MINT_USAGE);
    return;
  }
  if (result.ok === false) {
    console.error(`${result.error}\n${MINT_USAGE}`);
    process.exit(2);
  }
  process.stdout.write(`${result.token}\n`);
}

async function serve(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: "string", default: "0" },
        data: { type: "string" },
        host: { type: "string", default: "127.0.0.1" },
        "access-key": { type: "string" },
        "lenient-fields": { type: "boolean", default: false },
        cors: { type: "boolean", default: false },
        https: { type: "boolean", default: false },
        manifest: { type: "string" },
        "specs-root": { type: "string" },
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
  // Bearer tokens and the Entra signing key come from the environment so they never appear in a process list.
  const bearer = process.env.ACS_EMULATOR_BEARER_TOKENS?.split(",").filter((t) => t !== "") ?? [];
  const entraSigningKey = process.env.ACS_EMULATOR_ENTRA_SIGNING_KEY;
  const emulator = await startEmulator({
    port,
    host: values.host,
    trustedBearerTokens: bearer,
    rejectFieldsOfOtherVersions: !values["lenient-fields"],
    cors: values.cors,
    https: values.https,
    ...(values.data === undefined ? {} : { dataFile: values.data }),
    ...(values.manifest === undefined ? {} : { manifestFile: values.manifest }),
    ...(values["specs-root"] === undefined ? {} : { specsRoot: values["specs-root"] }),
    ...(values["access-key"] === undefined ? {} : { accessKey: values["access-key"] }),
    ...(entraSigningKey === undefined || entraSigningKey === "" ? {} : { entraSigningKey }),
  });
  let certificate: WrittenCertificate | undefined;
  if (emulator.tlsCertificatePem !== undefined) {
    try {
      certificate = await writeCertificateFile(emulator.tlsCertificatePem, values.data);
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }
  // Installed before anything is printed: whoever reads the endpoint may stop the emulator at once.
  const stop = (): void => {
    void emulator
      .close()
      .then(() => certificate?.cleanUp())
      .then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`ACS Identity emulator listening on ${emulator.endpoint}`);
  console.log(`connection string: ${emulator.connectionString}`);
  if (values.data !== undefined) console.log(`state: ${values.data}`);
  if (certificate !== undefined) {
    console.log(`TLS certificate (self-signed, new on every start): ${certificate.path}`);
    console.log(`  trust it in Node clients: NODE_EXTRA_CA_CERTS=${certificate.path}`);
  }
}

const [first, ...rest] = process.argv.slice(2);
if (first === "mint-entra-token") {
  mint(rest);
} else {
  serve(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`emulator failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
}
