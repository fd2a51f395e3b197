/**
 * The api-version a client sends when the caller pins none: the newest stable version, else the
 * newest. `versions` are oldest first. Used by the model stage (the generated default) and by
 * `npm run bump` (the changelog's "default api-version"), so the two can never disagree.
 */
export function defaultApiVersion(versions: ReadonlyArray<{ apiVersion: string; status: "stable" | "preview" }>): string {
  const stable = versions.filter((v) => v.status === "stable");
  return (stable[stable.length - 1] ?? versions[versions.length - 1])?.apiVersion ?? "";
}
