/** The generated client class of a loaded spec, as the client-level suites construct it. */
import type { GeneratedModule } from "../harness.js";

/** Operations of one group (or `operations` for those without a group): methods by name. */
export type GroupMethods = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** A client instance: its groups, plus `endpoint` and the other members the suites read. */
export type ClientInstance = Record<string, GroupMethods> & { readonly endpoint: string };

export type ClientClass = new (...args: unknown[]) => ClientInstance;

/** The class a spec's `src/index.ts` exports under `name`. */
export function clientClass(m: GeneratedModule, name: string): ClientClass {
  const value: unknown = m[name];
  if (typeof value !== "function") throw new Error(`the generated module exports no class ${name}`);
  return value as unknown as ClientClass;
}

/** Options every client-level suite passes: plain http to the loopback test server. */
export const insecure = { allowInsecureConnection: true } as const;
