/**
 * Turns the three diffs of an API-version bump (spec, public API, wire) into CHANGELOG.md lines in
 * the Azure SDK layout (Breaking Changes / Features Added / Other Changes, breaking first) and adds
 * them to the top unreleased section. Pure: data in, text out.
 *
 * Where each finding goes:
 * - Features Added: non-breaking additions to the public API report, and operations, request
 *   properties, enum values and response properties the new service version adds (an addition the
 *   handwritten client does not expose yet says so).
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
  apiVersion: string;
  preview: boolean;
  /** The version the spec diff compared with: the previous default for a stable version, the previous newest for a preview. */
  comparedWith: string;
  defaultApiVersion: string;
  previousDefaultApiVersion: string;
  diffs: BumpDiffs;
  /**
   * Wire paths (spec diff `concerns.path`) of additions the handwritten client does not expose yet
   * (see ./surface.ts), with the generated function that has them: their Features Added line says so.
   */
  notExposed?: ReadonlyMap<string, string>;
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
  breaking: string[];
  features: string[];
  other: string[];
}

/** The changelog lines of one version, by section; service (spec) findings first, then API, then wire. */
export function changelogSections(input: ChangelogEntryInput): ChangelogSections {
  const { diffs, apiVersion, comparedWith } = input;
  const features: string[] = [];
  const breaking: string[] = [];
  const other: string[] = [];
  const newDefault = input.defaultApiVersion === apiVersion && input.previousDefaultApiVersion !== apiVersion;

  for (const change of diffs.spec.changes) {
    if (change.breaking && newDefault) {
      breaking.push(
        `${specLine(change, apiVersion)} (pin \`apiVersion: "${escapeMarkdown(comparedWith)}"\` to keep the previous behaviour)`,
      );
    } else if (!change.breaking && SPEC_FEATURE_RULES.has(change.rule)) {
      const fn = input.notExposed?.get(change.concerns.path);
      features.push(
        specLine(change, apiVersion) +
          (fn === undefined
            ? ""
            : ` (generated client only: \`${escapeMarkdown(fn)}\`; \`CommunicationIdentityClient\` and \`./api\` do not expose it yet)`),
      );
    } else {
      other.push(specLine(change, apiVersion));
    }
  }
  // The package version constant is the release's heading, not a change.
  for (const change of diffs.api.changes.filter((c) => c.concerns.path !== "SDK_VERSION")) {
    (change.breaking ? breaking : features).push(`API: ${line(change)}`);
  }
  for (const { breaking: isBreaking, text } of wireLines(diffs.wire.changes)) (isBreaking ? breaking : other).push(text);
  if (newDefault) {
    other.unshift(
      `The default api-version is now \`${escapeMarkdown(apiVersion)}\` (was \`${escapeMarkdown(input.previousDefaultApiVersion)}\`).`,
    );
  } else {
    other.unshift(
      `The default api-version stays \`${escapeMarkdown(input.defaultApiVersion)}\`; pin \`apiVersion: "${escapeMarkdown(apiVersion)}"\` to use the new version.`,
    );
  }
  return { breaking: collapse(breaking), features: collapse(features), other: collapse(other) };
}

/** `[<section>] <method>` of a wire finding's path (`[default] getToken scopes=[chat] #0 body.scopes`). */
function wireMethod(change: Change): string {
  return /^(\[[^\]]*\] \S+)/.exec(change.concerns.path)?.[1] ?? change.concerns.path;
}

/**
 * Wire findings, one line per rule and method (the contract records each method under several
 * inputs and api-versions, and each case's ids differ): the first finding stands for the others.
 */
function wireLines(changes: readonly Change[]): Array<{ breaking: boolean; text: string }> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = `${change.rule}\0${wireMethod(change)}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Change;
    const same = group.every((c) => c.message === first.message);
    const suffix =
      group.length === 1
        ? ""
        : same
          ? ` (×${group.length})`
          : ` (and ${group.length - 1} more \`${first.rule}\` for ${escapeMarkdown(wireMethod(first))})`;
    return { breaking: first.breaking, text: `Wire: ${line(first)}${suffix}` };
  });
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

/** The version's introduction (templates/changelog-entry.md.hbs): which version, compared with what, the default, where the full diffs are. */
export function renderChangelogIntro(input: ChangelogEntryInput, template: TextTemplate): string {
  return template({
    apiVersion: input.apiVersion,
    preview: input.preview,
    comparedWith: input.comparedWith,
    defaultApiVersion: input.defaultApiVersion,
  }).trim();
}

const CHANGELOG_TITLE = "# Release History";
/** Subsections in the order a release lists them: breaking changes first. */
const SECTION_TITLES: Record<keyof ChangelogSections, string> = {
  breaking: "Breaking Changes",
  features: "Features Added",
  other: "Other Changes",
};
const SECTION_ORDER = ["Breaking Changes", "Features Added"];

interface Subsection {
  title: string;
  lines: string[];
}

/** `## <version> (Unreleased)` */
const UNRELEASED = /^## (\S+) \(Unreleased\)\s*$/i;

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] as string).trim() === "") a++;
  while (b > a && (lines[b - 1] as string).trim() === "") b--;
  return lines.slice(a, b);
}

/** A subsection's bullets with a placeholder `- None.` dropped (a leading `None.` before an explanation too). */
function withoutNone(lines: string[]): string[] {
  return lines.flatMap((l) => (/^- None\.\s*$/.test(l) ? [] : [l.replace(/^- None\. +/, "- ")]));
}

/**
 * `existing` (a CHANGELOG.md, or undefined for none) with one version's entry added to its top
 * unreleased section (`## <version> (Unreleased)`, the first `##` section when it is one), which is
 * created, as `## <newVersion> (Unreleased)`, when the top section is a released one. There is
 * never a second section for a version: a release collects every bump until it is released.
 *
 * The intro paragraph is appended to the section's introduction; each non-empty list to its
 * subsection (created when missing; a `- None.` placeholder there is dropped). Subsections are put
 * in the order Breaking Changes, Features Added, then the rest as they were.
 */
export function addToUnreleased(existing: string | undefined, intro: string, sections: ChangelogSections, newVersion: string): string {
  const lines = (existing ?? "")
    .replace(/^# Release History\s*/, "")
    .replace(/\s+$/, "")
    .split("\n");
  const body = lines.length === 1 && lines[0] === "" ? [] : lines;
  const firstSection = body.findIndex((l) => l.startsWith("## "));
  const hasUnreleased = firstSection >= 0 && UNRELEASED.test(body[firstSection] as string);
  const before = firstSection >= 0 ? body.slice(0, firstSection) : body;
  let heading = `## ${newVersion} (Unreleased)`;
  let sectionLines: string[] = [];
  let after: string[] = firstSection >= 0 ? body.slice(firstSection) : [];
  if (hasUnreleased) {
    heading = body[firstSection] as string;
    const next = body.findIndex((l, i) => i > firstSection && l.startsWith("## "));
    sectionLines = body.slice(firstSection + 1, next < 0 ? body.length : next);
    after = next < 0 ? [] : body.slice(next);
  }

  // Split the section into its introduction and its ### subsections.
  const firstSub = sectionLines.findIndex((l) => l.startsWith("### "));
  const preamble = trimBlank(firstSub < 0 ? sectionLines : sectionLines.slice(0, firstSub));
  const subsections: Subsection[] = [];
  for (const l of firstSub < 0 ? [] : sectionLines.slice(firstSub)) {
    if (l.startsWith("### ")) subsections.push({ title: l.slice(4).trim(), lines: [] });
    else subsections[subsections.length - 1]?.lines.push(l);
  }
  for (const key of Object.keys(SECTION_TITLES) as Array<keyof ChangelogSections>) {
    const title = SECTION_TITLES[key];
    let sub = subsections.find((s) => s.title === title);
    if (sub === undefined) {
      sub = { title, lines: [] };
      subsections.push(sub);
    }
    const added = sections[key].map((l) => `- ${l}`);
    const kept = trimBlank(sub.lines);
    // Breaking changes lead their section; other lines follow what is there.
    const merged = key === "breaking" ? [...added, ...withoutNone(kept)] : [...withoutNone(kept), ...added];
    sub.lines = added.length > 0 ? merged : kept.length > 0 ? kept : ["- None."];
  }
  const rank = (s: Subsection): number => {
    const i = SECTION_ORDER.indexOf(s.title);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  const ordered = subsections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);

  const out: string[] = [CHANGELOG_TITLE, ""];
  if (trimBlank(before).length > 0) out.push(...trimBlank(before), "");
  out.push(heading, "");
  out.push(...(preamble.length > 0 ? [...preamble, "", intro] : [intro]), "");
  for (const sub of ordered) out.push(`### ${sub.title}`, "", ...sub.lines, "");
  if (after.length > 0) out.push(...trimBlank(after), "");
  return out.join("\n").replace(/\n+$/, "\n");
}

/** Version numbers of every `## <version> ...` section. */
export function changelogVersions(text: string): string[] {
  return [...text.matchAll(/^## (\S+)/gm)].map((m) => m[1] as string);
}

/**
 * The version of a new unreleased section: the next minor after the newer of package.json's version
 * and the newest released section (pre-1.0 packages take breaking changes in minors too).
 */
export function nextReleaseVersion(packageVersion: string, changelog: string | undefined): string {
  const released = changelogVersions(changelog ?? "").filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  const parse = (v: string): number[] => v.split(".").map(Number);
  const newer = [packageVersion, ...released]
    .filter((v) => /^\d+\.\d+\.\d+/.test(v))
    .sort((a, b) => {
      const [x, y] = [parse(a), parse(b)];
      return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]!;
    })[0];
  return nextMinorVersion(newer ?? packageVersion);
}

/** Next minor version of a semver string (pre-1.0 packages take breaking changes in minors too). */
export function nextMinorVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (match === null) throw new Error(`package.json version ${JSON.stringify(version)} is not semver`);
  return `${match[1]}.${Number(match[2]) + 1}.0`;
}
