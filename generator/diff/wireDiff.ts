/**
 * `diff wire`: compare two wire contracts case by case (section = pinned api-version, case = one
 * client call with fixed inputs, requests matched by position). Each finding is a {@link Change}
 * whose rule alone decides `breaking`; see the "Wire diff" section of ./README.md.
 */
import { sortChanges, type Change, type ChangeKind } from "./change.js";
import { bodyJson, type Json, type WireCase, type WireContract, type WireRequest, type WireSection } from "./wireContract.js";

/** Every rule `diff wire` applies, and whether it is breaking. */
export const WIRE_RULES = {
  "wire-section-added": false,
  "wire-section-removed": true,
  "wire-case-added": false,
  "wire-case-removed": true,
  "wire-request-now-sent": false,
  "wire-request-no-longer-sent": true,
  "wire-request-count-changed": true,
  "wire-method-changed": true,
  "wire-path-changed": true,
  "wire-default-api-version-changed": false,
  "wire-query-param-added": true,
  "wire-query-param-removed": true,
  "wire-query-param-changed": true,
  "wire-header-added": false,
  "wire-header-removed": true,
  "wire-header-changed": true,
  "wire-body-added": true,
  "wire-body-removed": true,
  "wire-body-changed": true,
  "wire-body-bytes-changed": false,
  "wire-body-field-added-when-given": false,
  "wire-body-field-added-always": true,
  "wire-body-field-removed": true,
  "wire-body-field-sent-as-null": true,
  "wire-body-value-changed": true,
  "wire-outcome-now-ok": false,
  "wire-outcome-now-error": true,
  "wire-error-changed": false,
} as const satisfies Record<string, boolean>;

export type WireRule = keyof typeof WIRE_RULES;

/** Headers that follow from the body bytes: reported only when the body bytes did not change. */
const BODY_DERIVED_HEADERS = new Set(["content-length", "x-ms-content-sha256"]);

interface Where {
  section: string;
  kase: string;
  /** `#<index>` of the request, when the change is inside one. */
  request?: number;
  operation?: string;
}

function change(
  rule: WireRule,
  kind: ChangeKind,
  where: Where,
  what: string,
  message: string,
  values: { old?: string; new?: string } = {},
): Change {
  const request = where.request === undefined ? "" : ` #${where.request}`;
  const path = `[${where.section}] ${where.kase}${request}${what === "" ? "" : ` ${what}`}`;
  return {
    breaking: WIRE_RULES[rule],
    rule,
    message,
    concerns: {
      kind,
      path,
      ...(where.operation !== undefined ? { operation: where.operation } : {}),
      direction: "input",
      ...(values.old !== undefined ? { old: values.old } : {}),
      ...(values.new !== undefined ? { new: values.new } : {}),
    },
  };
}

const q = (value: unknown): string => JSON.stringify(value);

/** All findings between two contracts, sorted. */
export function diffWireContracts(before: WireContract, after: WireContract): Change[] {
  const out: Change[] = [];
  const oldSections = new Map(before.sections.map((s) => [s.apiVersion, s]));
  const newSections = new Map(after.sections.map((s) => [s.apiVersion, s]));
  for (const [name, section] of oldSections) {
    if (!newSections.has(name)) {
      out.push(
        change(
          "wire-section-removed",
          "client",
          { section: name, kase: "*" },
          "",
          `The api-version section ${q(name)} is no longer recorded (${section.cases.length} cases).`,
        ),
      );
    }
  }
  for (const [name, section] of newSections) {
    const old = oldSections.get(name);
    if (old === undefined) {
      out.push(
        change(
          "wire-section-added",
          "client",
          { section: name, kase: "*" },
          "",
          `The api-version section ${q(name)} is new (${section.cases.length} cases).`,
        ),
      );
    } else {
      diffSection(old, section, out);
    }
  }
  return sortChanges(out);
}

function diffSection(before: WireSection, after: WireSection, out: Change[]): void {
  const oldCases = new Map(before.cases.map((c) => [c.name, c]));
  const newCases = new Map(after.cases.map((c) => [c.name, c]));
  for (const [name, kase] of oldCases) {
    if (!newCases.has(name)) {
      out.push(
        change(
          "wire-case-removed",
          "operation",
          { section: before.apiVersion, kase: name },
          "",
          `The case ${q(name)} (${kase.call}) is no longer recorded.`,
        ),
      );
    }
  }
  for (const [name, kase] of newCases) {
    const old = oldCases.get(name);
    if (old === undefined) {
      out.push(
        change("wire-case-added", "operation", { section: after.apiVersion, kase: name }, "", `The case ${q(name)} (${kase.call}) is new.`),
      );
    } else {
      diffCase(old, kase, after, out);
    }
  }
}

function opOf(request: WireRequest): string {
  return `${request.method} ${request.path}`;
}

function diffCase(before: WireCase, after: WireCase, section: WireSection, out: Change[]): void {
  const where: Where = { section: section.apiVersion, kase: after.name };
  const n0 = before.requests.length;
  const n1 = after.requests.length;
  if (n0 === 0 && n1 > 0) {
    const first = after.requests[0] as WireRequest;
    out.push(
      change(
        "wire-request-now-sent",
        "operation",
        { ...where, operation: opOf(first) },
        "",
        `${after.call} now sends ${plural(n1, "request")} (${opOf(first)}); it sent none before.`,
      ),
    );
  } else if (n0 > 0 && n1 === 0) {
    const first = before.requests[0] as WireRequest;
    out.push(
      change(
        "wire-request-no-longer-sent",
        "operation",
        { ...where, operation: opOf(first) },
        "",
        after.error !== undefined
          ? `${after.call} no longer sends ${opOf(first)}; it fails first: ${after.error}`
          : `${after.call} no longer sends ${opOf(first)}.`,
      ),
    );
  } else if (n0 !== n1) {
    out.push(
      change("wire-request-count-changed", "operation", where, "", `${after.call} sends ${plural(n1, "request")}, not ${n0}.`, {
        old: String(n0),
        new: String(n1),
      }),
    );
  }
  for (let i = 0; i < Math.min(n0, n1); i++) {
    diffRequest(before.requests[i] as WireRequest, after.requests[i] as WireRequest, { ...where, request: i }, after, section, out);
  }
  if (before.outcome === "ok" && after.outcome === "error") {
    out.push(
      change("wire-outcome-now-error", "response", where, "outcome", `${after.call} now fails: ${after.error ?? ""}`, {
        old: "ok",
        ...(after.error !== undefined ? { new: after.error } : {}),
      }),
    );
  } else if (before.outcome === "error" && after.outcome === "ok") {
    out.push(
      change("wire-outcome-now-ok", "response", where, "outcome", `${after.call} now succeeds; it failed with: ${before.error ?? ""}`, {
        ...(before.error !== undefined ? { old: before.error } : {}),
        new: "ok",
      }),
    );
  } else if (before.outcome === "error" && after.outcome === "error" && errorKind(before.error) !== errorKind(after.error)) {
    out.push(
      change("wire-error-changed", "response", where, "error", `${after.call} fails with a different error: ${after.error ?? ""}`, {
        ...(before.error !== undefined ? { old: before.error } : {}),
        ...(after.error !== undefined ? { new: after.error } : {}),
      }),
    );
  }
}

/**
 * What a recorded error is, without its message: `RestError 400`, `ApiVersionMismatchError`. Message
 * texts are not wire contract (they list versions that grow with every bump, and the service words
 * them as it likes), so two errors of the same kind are the same outcome.
 */
export function errorKind(error: string | undefined): string {
  if (error === undefined) return "";
  const colon = error.indexOf(": ");
  return colon === -1 ? error : error.slice(0, colon);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function diffRequest(before: WireRequest, after: WireRequest, at: Where, kase: WireCase, section: WireSection, out: Change[]): void {
  const where: Where = { ...at, operation: opOf(after) };
  if (before.method !== after.method) {
    out.push(
      change("wire-method-changed", "operation", where, "method", `The HTTP method changed from ${before.method} to ${after.method}.`, {
        old: before.method,
        new: after.method,
      }),
    );
  }
  if (before.path !== after.path) {
    out.push(
      change("wire-path-changed", "operation", where, "path", `The path changed from ${before.path} to ${after.path}.`, {
        old: before.path,
        new: after.path,
      }),
    );
  }
  diffQuery(before, after, where, section, out);
  const bodyBytesChanged = (before.body?.sha256 ?? null) !== (after.body?.sha256 ?? null);
  diffHeaders(before, after, where, bodyBytesChanged, out);
  diffBody(before, after, where, kase, section, out);
}

function diffQuery(before: WireRequest, after: WireRequest, where: Where, section: WireSection, out: Change[]): void {
  const names = new Set([...Object.keys(before.query), ...Object.keys(after.query)]);
  for (const name of [...names].sort()) {
    const o = before.query[name];
    const n = after.query[name];
    if (o === undefined && n !== undefined) {
      out.push(
        change("wire-query-param-added", "parameter", where, `query ${name}`, `The query parameter ${name} is now sent (${q(n)}).`, {
          new: n.join(","),
        }),
      );
    } else if (o !== undefined && n === undefined) {
      out.push(
        change(
          "wire-query-param-removed",
          "parameter",
          where,
          `query ${name}`,
          `The query parameter ${name} is no longer sent (was ${q(o)}).`,
          { old: o.join(",") },
        ),
      );
    } else if (o !== undefined && n !== undefined && q(o) !== q(n)) {
      const rule: WireRule =
        name === "api-version" && section.apiVersion === "default" ? "wire-default-api-version-changed" : "wire-query-param-changed";
      const message =
        rule === "wire-default-api-version-changed"
          ? `The default api-version changed from ${o.join(",")} to ${n.join(",")}.`
          : `The query parameter ${name} changed from ${q(o)} to ${q(n)}.`;
      out.push(change(rule, "parameter", where, `query ${name}`, message, { old: o.join(","), new: n.join(",") }));
    }
  }
}

function diffHeaders(before: WireRequest, after: WireRequest, where: Where, bodyBytesChanged: boolean, out: Change[]): void {
  const names = new Set([...Object.keys(before.headers), ...Object.keys(after.headers)]);
  for (const name of [...names].sort()) {
    const o = before.headers[name];
    const n = after.headers[name];
    if (o === undefined && n !== undefined) {
      out.push(change("wire-header-added", "header", where, `header ${name}`, `The header ${name} is now sent (${q(n)}).`, { new: n }));
    } else if (o !== undefined && n === undefined) {
      out.push(
        change("wire-header-removed", "header", where, `header ${name}`, `The header ${name} is no longer sent (was ${q(o)}).`, { old: o }),
      );
    } else if (o !== undefined && n !== undefined && o !== n && !(bodyBytesChanged && BODY_DERIVED_HEADERS.has(name))) {
      out.push(
        change("wire-header-changed", "header", where, `header ${name}`, `The header ${name} changed from ${q(o)} to ${q(n)}.`, {
          old: o,
          new: n,
        }),
      );
    }
  }
}

function diffBody(before: WireRequest, after: WireRequest, where: Where, kase: WireCase, section: WireSection, out: Change[]): void {
  const o = before.body;
  const n = after.body;
  if (o === null && n === null) return;
  if (o === null && n !== null) {
    out.push(change("wire-body-added", "body", where, "body", `A body is now sent: ${n.text}`, { new: n.text }));
    return;
  }
  if (o !== null && n === null) {
    out.push(change("wire-body-removed", "body", where, "body", `The body is no longer sent (was ${o.text}).`, { old: o.text }));
    return;
  }
  if (o === null || n === null || o.sha256 === n.sha256) return;
  const oj = bodyJson(o);
  const nj = bodyJson(n);
  if (oj === undefined || nj === undefined) {
    out.push(
      change("wire-body-changed", "body", where, "body", `The body bytes changed from ${q(o.text)} to ${q(n.text)}.`, {
        old: o.text,
        new: n.text,
      }),
    );
    return;
  }
  const before0 = out.length;
  diffJson(oj, nj, [], { where, kase, section, requestIndex: where.request ?? 0 }, out);
  if (out.length === before0) {
    out.push(
      change(
        "wire-body-bytes-changed",
        "body",
        where,
        "body",
        `The body has the same JSON but different bytes: ${q(o.text)} → ${q(n.text)}.`,
        { old: o.text, new: n.text },
      ),
    );
  }
}

interface JsonScope {
  where: Where;
  kase: WireCase;
  section: WireSection;
  requestIndex: number;
}

function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
}

function diffJson(o: Json, n: Json, path: Array<string | number>, scope: JsonScope, out: Change[]): void {
  const what = `body${fieldPath(path)}`;
  if (isObject(o) && isObject(n)) {
    const keys = new Set([...Object.keys(o), ...Object.keys(n)]);
    for (const key of [...keys].sort()) {
      const sub = [...path, key];
      const subWhat = `body${fieldPath(sub)}`;
      const hasO = Object.prototype.hasOwnProperty.call(o, key);
      const hasN = Object.prototype.hasOwnProperty.call(n, key);
      const ov = o[key];
      const nv = n[key];
      if (hasO && hasN) {
        diffJson(ov as Json, nv as Json, sub, scope, out);
      } else if (hasN && nv === null) {
        out.push(
          change("wire-body-field-sent-as-null", "body", scope.where, subWhat, `${subWhat} is now sent as null; it was omitted.`, {
            new: "null",
          }),
        );
      } else if (hasN) {
        const optional = omittedElsewhere(sub, scope);
        out.push(
          change(
            optional ? "wire-body-field-added-when-given" : "wire-body-field-added-always",
            "body",
            scope.where,
            subWhat,
            optional
              ? `${subWhat} is now sent (${q(nv)}); other ${scope.kase.call} cases omit it, so it is sent only when given.`
              : `${subWhat} is now sent (${q(nv)}) by every ${scope.kase.call} case, including requests that did not send it before.`,
            { new: q(nv) },
          ),
        );
      } else {
        out.push(
          change("wire-body-field-removed", "body", scope.where, subWhat, `${subWhat} is no longer sent (was ${q(ov)}).`, { old: q(ov) }),
        );
      }
    }
    return;
  }
  if (Array.isArray(o) && Array.isArray(n) && o.length === n.length) {
    o.forEach((item, i) => diffJson(item, n[i] as Json, [...path, i], scope, out));
    return;
  }
  if (q(o) === q(n)) return;
  if (n === null) {
    out.push(
      change("wire-body-field-sent-as-null", "body", scope.where, what, `${what} is now sent as null (was ${q(o)}).`, {
        old: q(o),
        new: "null",
      }),
    );
    return;
  }
  out.push(
    change("wire-body-value-changed", "body", scope.where, what, `${what} changed from ${q(o)} to ${q(n)}.`, { old: q(o), new: q(n) }),
  );
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True when another case of the same call in the same (new) section sends the request at the same
 * position with a JSON body that lacks the field: the field is sent only when its input is given.
 */
function omittedElsewhere(path: ReadonlyArray<string | number>, scope: JsonScope): boolean {
  const method = scope.kase.requests[scope.requestIndex]?.method;
  return scope.section.cases.some((other) => {
    if (other.name === scope.kase.name || other.call !== scope.kase.call) return false;
    const request = other.requests[scope.requestIndex];
    if (request === undefined || request.method !== method) return false;
    const json = bodyJson(request.body);
    return json !== undefined && !hasPath(json, path);
  });
}

function hasPath(json: Json, path: ReadonlyArray<string | number>): boolean {
  let node: Json | undefined = json;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(node) || segment >= node.length) return false;
      node = node[segment];
    } else {
      if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
      node = node[segment];
    }
  }
  return true;
}
