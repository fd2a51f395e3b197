/**
 * Query parameters sent as written (`Parameter.skipUrlEncoding`): `buildRequestUrl` encodes every query
 * value it is given, so these go into the path template instead, each as a placeholder (`{?q1}`, a name
 * no path parameter can have) filled with `?q1=<value>` (or `&...` after another one, or after the query
 * part of an x-ms-paths path) when the value is given, `""` when not. buildRequestUrl then appends the
 * encoded parameters with `&`. The runtime is unchanged, so specs without such parameters emit nothing new.
 */
import { stringLiteral } from "./text.js";

export interface RawQueryValue {
  /** Wire name. */
  name: string;
  /** Expression of the value as text, written as it is. */
  text: string;
  /** Expression that is true when the value is given; undefined when it always is. */
  presence?: string;
}

/** The path template with a placeholder per raw value, and the `pathValues` entries filling them. */
export function withRawQuery(path: string, raw: readonly RawQueryValue[]): { path: string; entries: string[] } {
  let template = path;
  const entries: string[] = [];
  const earlier: RawQueryValue[] = [];
  for (const value of raw) {
    const key = `?${value.name}`;
    template += `{${key}}`;
    const optionalEarlier = earlier.filter((e) => e.presence !== undefined).map((e) => e.presence);
    const head = `${encodeURIComponent(value.name)}=`;
    const separator =
      path.includes("?") || earlier.some((e) => e.presence === undefined) ? "&" : optionalEarlier.length === 0 ? "?" : undefined;
    const pair =
      separator === undefined
        ? `(${optionalEarlier.join(" || ")} ? "&" : "?") + ${stringLiteral(head)} + ${value.text}`
        : `${stringLiteral(separator + head)} + ${value.text}`;
    entries.push(`${stringLiteral(key)}: ${value.presence === undefined ? pair : `${value.presence} ? ${pair} : ""`},`);
    earlier.push(value);
  }
  return { path: template, entries };
}
