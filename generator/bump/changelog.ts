/**
 * Turns the three diffs of an API-version bump (spec, public API, wire) into a CHANGELOG.md entry in
 * the Azure SDK layout (Features Added / Breaking Changes / Other Changes). Pure: data in, text out.
 *
 * Where each finding goes:
 * - Features Added: non-breaking additions to the public API report, and operations, request
 *   properties, enum values and response properties the new service version adds.
 * - Breaking Changes: breaking public API changes; breaking wire changes (a request the package sent
 *   before is now different); breaking service changes at the new default api-version (callers who
 *   do not pin `apiVersion` get them), with the version to pin to keep the old behaviour.
 * - Other Changes: everything else (renamed operationIds kept stable by the name map, defaults,
 *   service changes that only affect a preview version), plus the default api-version moving.
 */
import { escapeMarkdown, type TextTemplate } from "../markdown.js";
import type { Change, DiffResult } from "../diff/change.js";

export interface BumpDiffs {
  spec: DiffResult;
  api: DiffResult;
  wire: DiffResult;
}

export interface ChangelogEntryInput {
  packageVersion: string;
  /** YYYY-MM-DD. */
  date: string;
  apiVersion: string;
  preview: boolean;
  /** The version the spec diff compared with: the previous default for a stable version, the previous newest for a preview. */
  comparedWith: string;
  defaultApiVersion: string;
  previousDefaultApiVersion: string;
  diffs: BumpDiffs;
}

/** Spec rules that describe something new a caller can use. */
const SPEC_FEATURE_RULES = new Set([
  "operation-added",
  "request-property-added-optional",
  "parameter-added-optional",
  "enum-value-added-extensible",
  "response-property-added",
]);

function line(change: Change): string {
  return escapeMarkdown(change.message);
}

/** Spec rules whose message says what changed but not where (`constraints added: minimum 60, ...`). */
const NEEDS_WHERE = /^(constraint|default)-/;

/** `Service <version>: [<wire path>: ]<message>`. */
function specLine(change: Change, apiVersion: string): string {
  const where = NEEDS_WHERE.test(change.rule) ? `${escapeMarkdown(change.concerns.path)}: ` : "";
  return `Service ${escapeMarkdown(apiVersion)}: ${where}${line(change)}`;
}

export interface ChangelogSections {
  features: string[];
  breaking: string[];
  other: string[];
}

export function changelogSections(input: ChangelogEntryInput): ChangelogSections {
  const { diffs, apiVersion, comparedWith } = input;
  const features: string[] = [];
  const breaking: string[] = [];
  const other: string[] = [];
  const newDefault = input.defaultApiVersion === apiVersion && input.previousDefaultApiVersion !== apiVersion;

  // The package version constant moves with every bump: that is the entry's heading, not a change.
  for (const change of diffs.api.changes.filter((c) => c.concerns.path !== "SDK_VERSION")) {
    (change.breaking ? breaking : features).push(`API: ${line(change)}`);
  }
  for (const change of diffs.wire.changes) (change.breaking ? breaking : other).push(`Wire: ${line(change)}`);
  for (const change of diffs.spec.changes) {
    if (change.breaking && newDefault) {
      breaking.push(`${specLine(change, apiVersion)} (pin \`apiVersion: "${escapeMarkdown(comparedWith)}"\` to keep the previous behaviour)`);
    } else if (!change.breaking && SPEC_FEATURE_RULES.has(change.rule)) {
      features.push(specLine(change, apiVersion));
    } else {
      other.push(specLine(change, apiVersion));
    }
  }
  if (newDefault) {
    other.unshift(`The default api-version is now \`${escapeMarkdown(apiVersion)}\` (was \`${escapeMarkdown(input.previousDefaultApiVersion)}\`).`);
  } else {
    other.unshift(`The default api-version stays \`${escapeMarkdown(input.defaultApiVersion)}\`; pin \`apiVersion: "${escapeMarkdown(apiVersion)}"\` to use the new version.`);
  }
  return { features: collapse(features), breaking: collapse(breaking), other: collapse(other) };
}

/**
 * One line per distinct finding, first occurrence order, with `(×N)` when it repeats: the wire
 * contract reports the same change once per pinned api-version and input case, and the full list
 * is in review/changes/<version>.md.
 */
export function collapse(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => (n > 1 ? `${l} (×${n})` : l));
}

export function renderChangelogEntry(input: ChangelogEntryInput, template: TextTemplate): string {
  const sections = changelogSections(input);
  return template({
    packageVersion: input.packageVersion,
    date: input.date,
    apiVersion: input.apiVersion,
    preview: input.preview,
    comparedWith: input.comparedWith,
    defaultApiVersion: input.defaultApiVersion,
    ...sections,
  });
}

const CHANGELOG_TITLE = "# Release History";

/** Puts `entry` first, under the title; creates the title when the changelog is new. */
export function prependChangelogEntry(existing: string | undefined, entry: string): string {
  const body = (existing ?? "").replace(/^# Release History\s*/, "").trimStart();
  return `${CHANGELOG_TITLE}\n\n${entry.trimEnd()}\n${body.length > 0 ? `\n${body}` : ""}`.replace(/\n*$/, "\n");
}

/** Next minor version of a semver string (pre-1.0 packages take breaking changes in minors too). */
export function nextMinorVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (match === null) throw new Error(`package.json version ${JSON.stringify(version)} is not semver`);
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}
