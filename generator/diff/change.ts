/**
 * The one finding type every `diff` subcommand (spec, api, wire) produces, and its ordering.
 */

/** What a change is about. */
export type ChangeKind =
  | "client"
  | "operation"
  | "parameter"
  | "body"
  | "response"
  | "header"
  | "model"
  | "property"
  | "enum"
  /** `api` diff: a top-level export of the package (interface, class, function, type, const, re-export). */
  | "export"
  /** `api` diff: a method, constructor or function signature. */
  | "method";

export interface Change {
  /** Decided by `rule` alone (see the rule table in ./README.md). */
  breaking: boolean;
  /** Name of the rule that classified the change, e.g. `request-property-added-optional`. */
  rule: string;
  /** One sentence for people. Never contains secrets (specs carry none; do not add any). */
  message: string;
  concerns: {
    kind: ChangeKind;
    /**
     * Where on the wire: `<METHOD> <path>` then what inside it, e.g.
     * `POST /identities/{id}/:issueAccessToken body.expiresInMinutes`,
     * `POST /identities response 201 body.identity.externalId`.
     */
    path: string;
    /** `<METHOD> <path>` of the operation the change was found through, when there is one. */
    operation?: string;
    /** Request (`input`) or response (`output`) side, for schema changes. */
    direction?: "input" | "output";
    /** Definition name of the model or enum holding the change (the new one, or the old one when removed). */
    model?: string;
    /** The value before / after, when there is one worth a machine's attention. */
    old?: string | number | boolean;
    new?: string | number | boolean;
  };
}

/** Both sides of a diff, as the reports name them. */
export interface DiffSide {
  /** The argument as given: an api-version or a path. */
  label: string;
  apiVersion?: string;
  /** Entry file, relative to the specs root when inside it. */
  file?: string;
}

export interface DiffResult {
  /** `spec`, `api` or `wire`. */
  kind: string;
  old: DiffSide;
  new: DiffSide;
  /** Sorted by {@link compareChanges}. */
  changes: Change[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: by path, then rule, then message (plain code-unit order, no locale). */
export function compareChanges(a: Change, b: Change): number {
  return cmp(a.concerns.path, b.concerns.path) || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

export function sortChanges(changes: ReadonlyArray<Change>): Change[] {
  return [...changes].sort(compareChanges);
}
