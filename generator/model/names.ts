/**
 * Naming rules of the code model. Pure string functions, no state.
 *
 * - Words are split on every character that is not a letter or digit; the case inside a word
 *   is kept (`communicationIdentity` stays one word), except that an all-upper-case word of two or
 *   more letters is treated as an acronym and becomes `Capitalized` (`UPPER_CASE` -> `UpperCase`).
 * - Two adjacent words that both touch a digit are joined with `_` so `1.0.1` and `10.1` differ.
 * - A name that would start with a digit gets a prefix (`_` for members, `Value` for enum members,
 *   `Model` for types).
 *
 * These names hold for any target language: the model knows no language's reserved words nor the
 * names an emitter adds (runtime helpers, option bags, client option types). The TypeScript emitter
 * resolves those collisions itself (generator/emit/names.ts).
 */

function splitWords(input: string): string[] {
  return input.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

function normalizeWord(word: string): string {
  const isAcronym = word.length > 1 && /[A-Z]/.test(word) && word === word.toUpperCase();
  const w = isAcronym ? word.toLowerCase() : word;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function joinWords(words: string[]): string {
  let out = "";
  for (const word of words) {
    if (out.length > 0 && /[0-9]$/.test(out) && /^[0-9]/.test(word)) out += "_";
    out += word;
  }
  return out;
}

/** `api-version` -> `ApiVersion`, `int-wrapper` -> `IntWrapper`. May start with a digit. */
export function pascalCase(input: string): string {
  return joinWords(splitWords(input).map(normalizeWord));
}

/** `api-version` -> `apiVersion`, `IdentityOperations` -> `identityOperations`, `URLPath` -> `urlPath`. */
export function camelCase(input: string): string {
  const pascal = pascalCase(input);
  const lead = /^[A-Z]+/.exec(pascal)?.[0] ?? "";
  if (lead.length === 0) return pascal;
  if (lead.length === 1 || lead.length === pascal.length) {
    return lead.toLowerCase() + pascal.slice(lead.length);
  }
  // `URLPath`: the last capital of the run starts the next word.
  const next = pascal.charAt(lead.length);
  const keep = /[a-z]/.test(next) ? 1 : 0;
  return lead.slice(0, lead.length - keep).toLowerCase() + pascal.slice(lead.length - keep);
}

/** PascalCase type name, prefixed with `Model` when it would start with a digit; `Model` when empty. */
export function typeName(input: string): string {
  const name = pascalCase(input);
  if (name.length === 0) return "Model";
  return /^[0-9]/.test(name) ? `Model${name}` : name;
}

/** camelCase member name, prefixed with `_` when it would start with a digit; `_` when empty. */
export function memberName(input: string): string {
  const name = camelCase(input);
  if (name.length === 0) return "_";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * Enum member name from an x-ms-enum value name or the value itself: `chat.join.limited` ->
 * `ChatJoinLimited`, `voip` -> `Voip`, `2016-02-29` -> `Value2016_02_29`, `""` -> `Empty`.
 */
export function enumMemberName(input: string): string {
  const name = pascalCase(input);
  if (name.length === 0) return input.length === 0 ? "Empty" : "Value";
  return /^[0-9]/.test(name) ? `Value${name}` : name;
}

/**
 * Picks the first of `base`, `base2`, `base3`, ... not in `taken`, and adds it to `taken`.
 * Callers visit names in a deterministic order (spec order), so the first claimant keeps the
 * plain name and later ones get the numeric suffix.
 */
export function claimUnique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
