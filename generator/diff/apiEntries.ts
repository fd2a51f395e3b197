/** The package exports whose public surface is reported (review/*.api.md); no heavy imports, so bump can read it cheaply. */

/** A package export and the report of its public surface. */
export interface ApiEntry {
  /** The key in package.json `exports`. */
  exportPath: string;
  /** Its declaration file, relative to the declaration build's root. */
  declaration: string;
  /** The checked-in report, relative to the repository root. */
  reportFile: string;
}

/** Every export with a public surface, the package root first. */
export const API_ENTRIES: readonly ApiEntry[] = [
  { exportPath: ".", declaration: "src/index.d.ts", reportFile: "review/communication-identity.api.md" },
  { exportPath: "./api", declaration: "src/api/index.d.ts", reportFile: "review/communication-identity-api.api.md" },
];

/** The package root's report (the one version bumps diff for the changelog). */
export const API_REPORT_FILE = API_ENTRIES[0]!.reportFile;
