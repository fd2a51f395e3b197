/** Results as plain JSON for exact comparison: Dates as ISO text ("Invalid Date"), bytes as hex. */
export function normalize(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${Buffer.from(value).toString("hex")})`;
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** What an operation gave: its normalized value, or the error it threw (name, status, message). */
export type Outcome = { value: unknown } | { error: string };

export async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: normalize(await call) };
  } catch (e) {
    const error = e as Error & { statusCode?: number };
    return { error: `${error.name}${error.statusCode !== undefined ? ` ${error.statusCode}` : ""}: ${error.message}` };
  }
}
