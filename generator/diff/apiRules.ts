/**
 * Compare two API surfaces (see ./apiModel.ts) and classify every difference with a named rule.
 * Whether a rule is breaking is fixed by {@link API_RULES}; rules whose verdict depends on the
 * direction a type is used in carry that direction in their name (`-input` / `-output`).
 * The rule table is documented in ./README.md ("api rules").
 */
import { sortChanges, type Change, type ChangeKind } from "./change.js";
import type { ApiDecl, ApiMethod, ApiParameter, ApiProperty, ApiSignature, ApiSurface } from "./apiModel.js";
import { isOpenUnion } from "./apiModel.js";

/** Every rule the `api` diff uses, and whether it is breaking. */
export const API_RULES = {
  "export-added": false,
  "export-removed": true,
  "export-kind-changed": true,
  "reexport-source-changed": true,
  "extends-added": false,
  "extends-removed": true,
  "property-added-optional": false,
  "property-added-required-input": true,
  "property-added-required-output": false,
  "property-removed": true,
  "property-made-required-input": true,
  "property-made-required-output": false,
  "property-made-optional-input": false,
  "property-made-optional-output": true,
  "property-made-readonly": true,
  "property-made-writable": false,
  "property-type-changed": true,
  "property-type-widened-input": false,
  "property-type-narrowed-output": false,
  "method-added": false,
  "method-removed": true,
  "overload-added": false,
  "overload-removed": true,
  "parameter-added-optional": false,
  "parameter-added-required": true,
  "parameter-removed": true,
  "parameter-renamed": false,
  "parameter-made-optional": false,
  "parameter-made-required": true,
  "parameter-type-widened": false,
  "parameter-type-changed": true,
  "return-type-changed": true,
  "union-member-added-open": false,
  "union-member-added-closed-input": false,
  "union-member-added-closed-output": true,
  "union-member-removed": true,
  "union-member-removed-output": false,
  "type-alias-changed": true,
  "const-member-added": false,
  "const-member-removed": true,
  "const-member-changed": true,
  "const-value-changed": false,
  "const-type-changed": true,
  "const-list-member-added": false,
  "const-list-member-removed": true,
  "enum-member-added-input": false,
  "enum-member-added-output": true,
  "enum-member-removed": true,
  "enum-member-value-changed": true,
} as const satisfies Record<string, boolean>;

export type ApiRule = keyof typeof API_RULES;

type Direction = "input" | "output" | "both";

interface Ctx {
  before: ApiSurface;
  after: ApiSurface;
  out: Change[];
}

function emit(
  ctx: Ctx,
  rule: ApiRule,
  kind: ChangeKind,
  path: string,
  message: string,
  extra: { model?: string; direction?: Direction; old?: string; new?: string } = {},
): void {
  ctx.out.push({
    breaking: API_RULES[rule],
    rule,
    message,
    concerns: {
      kind,
      path,
      ...(extra.direction === "input" || extra.direction === "output" ? { direction: extra.direction } : {}),
      ...(extra.model !== undefined ? { model: extra.model } : {}),
      ...(extra.old !== undefined ? { old: extra.old } : {}),
      ...(extra.new !== undefined ? { new: extra.new } : {}),
    },
  });
}

/**
 * Where a type is used, on either side: only as input, only as output, or both. A type used
 * nowhere (exported but unreferenced) counts as both: callers may build it and may read it.
 */
function directionOf(ctx: Ctx, name: string): Direction {
  const input = ctx.before.inputs.has(name) || ctx.after.inputs.has(name);
  const output = ctx.before.outputs.has(name) || ctx.after.outputs.has(name);
  return input && !output ? "input" : output && !input ? "output" : "both";
}

/** How a name or type text appears in a message: plain, like the spec diff's messages (the Markdown layer escapes cells). */
const show = (s: string): string => s;

function subset(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

/** Split a type text into top-level union members (outside brackets/parens/braces and quotes). */
function topLevelUnion(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote !== undefined) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{<".includes(ch)) depth++;
    else if (")]}>".includes(ch) && !(ch === ">" && text[i - 1] === "=")) depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== "").map((p) => p.replace(/^\((.*)\)$/, "$1"));
}

/**
 * A union member as assignability sees it: `string & {}` (the open-union idiom that keeps editor
 * completion for known values) accepts exactly what `string` accepts.
 */
function unionMember(member: string): string {
  return member.replace(/^(string|number) & \{\}$/, "$1");
}

/**
 * `widened`: every old value is still accepted: the new type's union members include all the old
 * ones, or the new type is an interface of the new surface that extends the old one and adds only
 * optional members (an options bag growing a subtype). `narrowed`: the reverse union case.
 */
function typeChange(oldType: string, newType: string, after?: ApiSurface): "same" | "widened" | "narrowed" | "changed" {
  if (oldType === newType) return "same";
  const a = topLevelUnion(oldType).map(unionMember);
  const b = topLevelUnion(newType).map(unionMember);
  if (subset(a, b)) return "widened";
  if (subset(b, a)) return "narrowed";
  const derived = after?.decls.get(newType);
  if (derived?.kind === "interface" && derived.heritage.includes(oldType) && [...derived.properties.values()].every((p) => p.optional))
    return "widened";
  return "changed";
}

function compareProperties(
  ctx: Ctx,
  owner: string,
  dir: Direction,
  before: Map<string, ApiProperty>,
  after: Map<string, ApiProperty>,
): void {
  const input = dir !== "output";
  const output = dir !== "input";
  const where = dir === "both" ? "type" : `${dir} type`;
  for (const name of before.keys()) {
    if (!after.has(name)) {
      emit(ctx, "property-removed", "property", `${owner}.${name}`, `Property ${show(name)} was removed from ${show(owner)}.`, {
        model: owner,
        direction: dir,
      });
    }
  }
  for (const [name, q] of after) {
    const path = `${owner}.${name}`;
    const p = before.get(name);
    if (p === undefined) {
      if (q.optional)
        emit(ctx, "property-added-optional", "property", path, `Optional property ${show(name)} was added to ${show(owner)}.`, {
          model: owner,
          direction: dir,
        });
      else if (input)
        emit(
          ctx,
          "property-added-required-input",
          "property",
          path,
          `Required property ${show(name)} was added to ${where} ${show(owner)}; existing code that builds it does not set it.`,
          { model: owner, direction: dir },
        );
      else
        emit(
          ctx,
          "property-added-required-output",
          "property",
          path,
          `Required property ${show(name)} was added to output type ${show(owner)}.`,
          { model: owner, direction: dir },
        );
      continue;
    }
    if (p.optional && !q.optional) {
      if (input)
        emit(ctx, "property-made-required-input", "property", path, `Property ${show(name)} of ${where} ${show(owner)} became required.`, {
          model: owner,
          direction: dir,
        });
      else
        emit(
          ctx,
          "property-made-required-output",
          "property",
          path,
          `Property ${show(name)} of output type ${show(owner)} became required.`,
          { model: owner, direction: dir },
        );
    } else if (!p.optional && q.optional) {
      if (output)
        emit(
          ctx,
          "property-made-optional-output",
          "property",
          path,
          `Property ${show(name)} of ${where} ${show(owner)} became optional; readers may now get undefined.`,
          { model: owner, direction: dir },
        );
      else
        emit(
          ctx,
          "property-made-optional-input",
          "property",
          path,
          `Property ${show(name)} of input type ${show(owner)} became optional.`,
          { model: owner, direction: dir },
        );
    }
    if (!p.readonly && q.readonly)
      emit(ctx, "property-made-readonly", "property", path, `Property ${show(name)} of ${show(owner)} became readonly.`, {
        model: owner,
        direction: dir,
      });
    else if (p.readonly && !q.readonly)
      emit(ctx, "property-made-writable", "property", path, `Property ${show(name)} of ${show(owner)} is no longer readonly.`, {
        model: owner,
        direction: dir,
      });
    const change = typeChange(p.type, q.type);
    if (change === "same") continue;
    const values = { model: owner, direction: dir, old: p.type, new: q.type };
    const text = `from ${show(p.type)} to ${show(q.type)}`;
    if (change === "widened" && dir === "input")
      emit(
        ctx,
        "property-type-widened-input",
        "property",
        path,
        `Type of ${show(name)} in input type ${show(owner)} was widened ${text}.`,
        values,
      );
    else if (change === "narrowed" && dir === "output")
      emit(
        ctx,
        "property-type-narrowed-output",
        "property",
        path,
        `Type of ${show(name)} in output type ${show(owner)} was narrowed ${text}.`,
        values,
      );
    else emit(ctx, "property-type-changed", "property", path, `Type of ${show(name)} in ${show(owner)} changed ${text}.`, values);
  }
}

function compareParameters(ctx: Ctx, path: string, before: ApiSignature, after: ApiSignature, model: string): void {
  const n = Math.max(before.parameters.length, after.parameters.length);
  for (let i = 0; i < n; i++) {
    const p: ApiParameter | undefined = before.parameters[i];
    const q: ApiParameter | undefined = after.parameters[i];
    if (q === undefined && p !== undefined) {
      emit(ctx, "parameter-removed", "parameter", `${path}(${p.name})`, `Parameter ${show(p.name)} of ${show(path)} was removed.`, {
        model,
      });
      continue;
    }
    if (q === undefined) continue;
    const at = `${path}(${q.name})`;
    if (p === undefined) {
      if (q.optional)
        emit(ctx, "parameter-added-optional", "parameter", at, `Optional parameter ${show(q.name)} was added to ${show(path)}.`, { model });
      else
        emit(
          ctx,
          "parameter-added-required",
          "parameter",
          at,
          `Required parameter ${show(q.name)} was added to ${show(path)}; existing calls do not pass it.`,
          { model },
        );
      continue;
    }
    if (p.name !== q.name)
      emit(
        ctx,
        "parameter-renamed",
        "parameter",
        at,
        `Parameter ${i + 1} of ${show(path)} was renamed from ${show(p.name)} to ${show(q.name)}.`,
        { model, old: p.name, new: q.name },
      );
    if (p.optional && !q.optional)
      emit(ctx, "parameter-made-required", "parameter", at, `Parameter ${show(q.name)} of ${show(path)} became required.`, { model });
    else if (!p.optional && q.optional)
      emit(ctx, "parameter-made-optional", "parameter", at, `Parameter ${show(q.name)} of ${show(path)} became optional.`, { model });
    const change = typeChange(p.type, q.type, ctx.after);
    if (change === "same") continue;
    const values = { model, old: p.type, new: q.type };
    const text = `from ${show(p.type)} to ${show(q.type)}`;
    if (change === "widened")
      emit(
        ctx,
        "parameter-type-widened",
        "parameter",
        at,
        `Type of parameter ${show(q.name)} of ${show(path)} was widened ${text}.`,
        values,
      );
    else
      emit(ctx, "parameter-type-changed", "parameter", at, `Type of parameter ${show(q.name)} of ${show(path)} changed ${text}.`, values);
  }
  if (before.returnType !== after.returnType) {
    emit(
      ctx,
      "return-type-changed",
      "method",
      path,
      `Return type of ${show(path)} changed from ${show(before.returnType)} to ${show(after.returnType)}.`,
      {
        model,
        old: before.returnType,
        new: after.returnType,
      },
    );
  }
}

function compareMethod(ctx: Ctx, path: string, before: ApiMethod, after: ApiMethod, model: string): void {
  const [b] = before.signatures;
  const [a] = after.signatures;
  if (before.signatures.length === 1 && after.signatures.length === 1 && a !== undefined && b !== undefined) {
    compareParameters(ctx, path, b, a, model);
    return;
  }
  const oldTexts = before.signatures.map((s) => s.text);
  const newTexts = after.signatures.map((s) => s.text);
  for (const t of oldTexts) {
    if (!newTexts.includes(t))
      emit(ctx, "overload-removed", "method", path, `Overload ${show(`${path}${t}`)} was removed.`, { model, old: t });
  }
  for (const t of newTexts) {
    if (!oldTexts.includes(t)) emit(ctx, "overload-added", "method", path, `Overload ${show(`${path}${t}`)} was added.`, { model, new: t });
  }
}

function compareMethods(ctx: Ctx, owner: string, before: Map<string, ApiMethod>, after: Map<string, ApiMethod>, isFunction: boolean): void {
  for (const [name, m] of before) {
    const path = isFunction ? name : `${owner}.${name}`;
    const n = after.get(name);
    if (n === undefined)
      emit(ctx, "method-removed", "method", path, `Method ${show(name)} was removed from ${show(owner)}.`, { model: owner });
    else compareMethod(ctx, path, m, n, owner);
  }
  for (const name of after.keys()) {
    if (!before.has(name))
      emit(ctx, "method-added", "method", `${owner}.${name}`, `Method ${show(name)} was added to ${show(owner)}.`, { model: owner });
  }
}

function compareMembers(ctx: Ctx, decl: ApiDecl, before: Map<string, string>, after: Map<string, string>): void {
  const name = decl.name;
  const isEnum = decl.kind === "enum";
  const what = isEnum ? "Enum member" : "Member";
  for (const [key, value] of before) {
    const path = `${name}.${key}`;
    const next = after.get(key);
    if (next === undefined)
      emit(
        ctx,
        isEnum ? "enum-member-removed" : "const-member-removed",
        "enum",
        path,
        `${what} ${show(key)} was removed from ${show(name)}.`,
        { model: name, old: value },
      );
    else if (next !== value) {
      emit(
        ctx,
        isEnum ? "enum-member-value-changed" : "const-member-changed",
        "enum",
        path,
        `${what} ${show(key)} of ${show(name)} changed from ${show(value)} to ${show(next)}.`,
        { model: name, old: value, new: next },
      );
    }
  }
  for (const [key, value] of after) {
    if (before.has(key)) continue;
    const path = `${name}.${key}`;
    if (!isEnum)
      emit(ctx, "const-member-added", "enum", path, `Member ${show(key)} (${show(value)}) was added to ${show(name)}.`, {
        model: name,
        new: value,
      });
    else if (directionOf(ctx, name) === "input")
      emit(ctx, "enum-member-added-input", "enum", path, `Enum member ${show(key)} was added to input enum ${show(name)}.`, {
        model: name,
        direction: "input",
        new: value,
      });
    else
      emit(
        ctx,
        "enum-member-added-output",
        "enum",
        path,
        `Enum member ${show(key)} was added to ${show(name)}, which callers may read; exhaustive switches over it break.`,
        { model: name, new: value },
      );
  }
}

function compareTypeAlias(ctx: Ctx, before: ApiDecl, after: ApiDecl): void {
  const name = after.name;
  const dir = directionOf(ctx, name);
  if (before.typeText === after.typeText) return;
  if (before.properties.size > 0 && after.properties.size > 0 && before.typeText.startsWith("{") && after.typeText.startsWith("{")) {
    compareProperties(ctx, name, dir, before.properties, after.properties);
    return;
  }
  if (before.unionMembers.length > 1 || after.unionMembers.length > 1) {
    const open = isOpenUnion(after.unionMembers);
    for (const m of before.unionMembers) {
      if (after.unionMembers.includes(m)) continue;
      if (dir === "output")
        emit(ctx, "union-member-removed-output", "enum", name, `Member ${show(m)} was removed from output union ${show(name)}.`, {
          model: name,
          direction: dir,
          old: m,
        });
      else
        emit(
          ctx,
          "union-member-removed",
          "enum",
          name,
          `Member ${show(m)} was removed from union ${show(name)}; callers passing it no longer compile.`,
          { model: name, direction: dir, old: m },
        );
    }
    for (const m of after.unionMembers) {
      if (before.unionMembers.includes(m)) continue;
      if (open)
        emit(ctx, "union-member-added-open", "enum", name, `Member ${show(m)} was added to open union ${show(name)}.`, {
          model: name,
          direction: dir,
          new: m,
        });
      else if (dir === "input")
        emit(ctx, "union-member-added-closed-input", "enum", name, `Member ${show(m)} was added to closed input union ${show(name)}.`, {
          model: name,
          direction: dir,
          new: m,
        });
      else
        emit(
          ctx,
          "union-member-added-closed-output",
          "enum",
          name,
          `Member ${show(m)} was added to closed union ${show(name)}, which callers may read; exhaustive checks over it break.`,
          { model: name, direction: dir, new: m },
        );
    }
    return;
  }
  emit(
    ctx,
    "type-alias-changed",
    "export",
    name,
    `Type alias ${show(name)} changed from ${show(before.typeText)} to ${show(after.typeText)}.`,
    {
      model: name,
      old: before.typeText,
      new: after.typeText,
    },
  );
}

/** Elements of a tuple type text (`readonly ["a", "b"]`), or undefined when `text` is not one. */
function tupleElements(text: string): string[] | undefined {
  const match = /^(?:readonly )?\[(.*)\]$/s.exec(text.trim());
  if (match === null) return undefined;
  const inner = (match[1] as string).trim();
  if (inner === "") return [];
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (quote !== undefined) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{<".includes(ch)) depth++;
    else if (")]}>".includes(ch) && !(ch === ">" && inner[i - 1] === "=")) depth--;
    else if (ch === "," && depth === 0) {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(inner.slice(start).trim());
  return parts.filter((p) => p !== "");
}

/**
 * A `const` typed as a tuple of literals (`apiVersions: readonly ["2021-03-07", ...]`) is a list of
 * values: one added is data growing (a new service version), one removed breaks callers passing it.
 * Returns false when either side is not such a tuple (the caller reports a type change then).
 */
function compareLiteralList(ctx: Ctx, name: string, before: string, after: string): boolean {
  const a = tupleElements(before);
  const b = tupleElements(after);
  if (a === undefined || b === undefined || !a.every(isLiteral) || !b.every(isLiteral)) return false;
  for (const m of a) {
    if (!b.includes(m))
      emit(ctx, "const-list-member-removed", "enum", name, `Value ${show(m)} was removed from ${show(name)}.`, { model: name, old: m });
  }
  for (const m of b) {
    if (!a.includes(m))
      emit(ctx, "const-list-member-added", "enum", name, `Value ${show(m)} was added to ${show(name)}.`, { model: name, new: m });
  }
  return true;
}

function isLiteral(text: string): boolean {
  return /^(-?\d|"|'|`|true$|false$|null$)/.test(text);
}

function compareDecl(ctx: Ctx, before: ApiDecl, after: ApiDecl): void {
  const name = after.name;
  if (before.kind !== after.kind) {
    emit(ctx, "export-kind-changed", "export", name, `Export ${show(name)} changed from ${before.kind} to ${after.kind}.`, {
      model: name,
      old: before.kind,
      new: after.kind,
    });
    return;
  }
  switch (after.kind) {
    case "interface":
    case "class": {
      for (const h of before.heritage) {
        if (!after.heritage.includes(h))
          emit(ctx, "extends-removed", "model", name, `${show(name)} no longer extends ${show(h)}.`, { model: name, old: h });
      }
      for (const h of after.heritage) {
        if (!before.heritage.includes(h))
          emit(ctx, "extends-added", "model", name, `${show(name)} now extends ${show(h)}.`, { model: name, new: h });
      }
      // Class members are read by callers, never built by them: their properties follow output rules.
      compareProperties(ctx, name, after.kind === "class" ? "output" : directionOf(ctx, name), before.properties, after.properties);
      compareMethods(ctx, name, before.methods, after.methods, false);
      return;
    }
    case "function":
      compareMethods(ctx, name, before.methods, after.methods, true);
      return;
    case "type":
      compareTypeAlias(ctx, before, after);
      return;
    case "const":
      if (before.members.size > 0 || after.members.size > 0) compareMembers(ctx, after, before.members, after.members);
      else if (before.value !== after.value) {
        if (isLiteral(before.value) && isLiteral(after.value)) {
          emit(
            ctx,
            "const-value-changed",
            "export",
            name,
            `Value of ${show(name)} changed from ${show(before.value)} to ${show(after.value)}.`,
            { model: name, old: before.value, new: after.value },
          );
        } else if (!compareLiteralList(ctx, name, before.value, after.value)) {
          emit(
            ctx,
            "const-type-changed",
            "export",
            name,
            `Type of ${show(name)} changed from ${show(before.value)} to ${show(after.value)}.`,
            { model: name, old: before.value, new: after.value },
          );
        }
      }
      return;
    case "enum":
      compareMembers(ctx, after, before.members, after.members);
      return;
    case "re-export":
      if (before.from !== after.from) {
        emit(
          ctx,
          "reexport-source-changed",
          "export",
          name,
          `${show(name)} is now re-exported from ${show(after.from)} instead of ${show(before.from)}.`,
          {
            model: name,
            old: before.from,
            new: after.from,
          },
        );
      }
      return;
  }
}

/** Every difference between two API surfaces, classified and sorted. */
export function diffApiSurfaces(before: ApiSurface, after: ApiSurface): Change[] {
  const ctx: Ctx = { before, after, out: [] };
  for (const [name, decl] of before.decls) {
    const next = after.decls.get(name);
    if (next === undefined)
      emit(ctx, "export-removed", "export", name, `Export ${show(name)} (${decl.kind}) was removed.`, { model: name });
    else compareDecl(ctx, decl, next);
  }
  for (const [name, decl] of after.decls) {
    if (!before.decls.has(name))
      emit(ctx, "export-added", "export", name, `Export ${show(name)} (${decl.kind}) was added.`, { model: name });
  }
  return sortChanges(ctx.out);
}
