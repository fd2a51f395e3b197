/**
 * Read an API Extractor report (`*.api.md`) into a small surface model the `api` diff compares:
 * the report's ```ts fence is parsed as an in-memory `.d.ts` with ts-morph (no type checking,
 * no imports resolved: types are compared as normalized text).
 */
import {
  Node,
  Project,
  SyntaxKind,
  type ParameterDeclaration,
  type PropertySignature,
  type PropertyDeclaration,
  type SourceFile,
  type TypeNode,
} from "ts-morph";
import { GeneratorError } from "../errors.js";

export interface ApiParameter {
  name: string;
  optional: boolean;
  /** Normalized type text (`unknown` when the report gives none). */
  type: string;
}

export interface ApiSignature {
  parameters: ApiParameter[];
  /** Normalized return type text; `""` for constructors. */
  returnType: string;
  /** `(a: string, b?: X): R`, for messages and overload matching. */
  text: string;
}

export interface ApiProperty {
  name: string;
  optional: boolean;
  readonly: boolean;
  type: string;
}

export interface ApiMethod {
  name: string;
  signatures: ApiSignature[];
}

export type ApiDeclKind = "interface" | "class" | "function" | "type" | "const" | "enum" | "re-export";

export interface ApiDecl {
  name: string;
  kind: ApiDeclKind;
  /** interface/class: `extends` / `implements` names, sorted. */
  heritage: string[];
  /** interface/class properties (and type-literal aliases), by name. */
  properties: Map<string, ApiProperty>;
  /** interface/class methods (`constructor` for class constructors) and the function's own signatures (under its name). */
  methods: Map<string, ApiMethod>;
  /** type alias: normalized members of a top-level union (one member when not a union). */
  unionMembers: string[];
  /** type alias: the whole normalized type text. */
  typeText: string;
  /** const: `{ readonly K: V }` members (name → value text), or enum members (name → initializer text). */
  members: Map<string, string>;
  /** const: the literal initializer (`"0.1.0"`) or declared type text. */
  value: string;
  /** re-export: the module it comes from. */
  from: string;
}

export interface ApiSurface {
  /** Every export of the report, by name. */
  decls: Map<string, ApiDecl>;
  /** Names used in input positions (parameters, *Options/*Params/*Request, and what their properties reference). */
  inputs: Set<string>;
  /** Names used in output positions (return types and what their properties reference). */
  outputs: Set<string>;
}

/** Collapse whitespace, drop `;` separators' trailing spaces: text comparison stays stable across formatting. */
export function normalizeType(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s*;\s*}/g, " }")
    .replace(/;\s*/g, "; ")
    .trim();
}

function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")") && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** The members of a union type node, normalized and without wrapping parentheses; one member when not a union. */
export function unionMembersOf(node: TypeNode | undefined): string[] {
  if (node === undefined) return ["unknown"];
  let inner: Node = node;
  while (Node.isParenthesizedTypeNode(inner)) inner = inner.getTypeNode();
  if (Node.isUnionTypeNode(inner)) return inner.getTypeNodes().map((t) => stripParens(normalizeType(t.getText())));
  return [stripParens(normalizeType(node.getText()))];
}

/** `(string & {})` in a union: anyone may pass any string, so new known values are not breaking. */
export function isOpenUnion(members: ReadonlyArray<string>): boolean {
  return members.some((m) => /^string & \{ ?\}$/.test(m) || /^\{ ?\} & string$/.test(m));
}

/** The TypeScript code fence of an API Extractor report. */
export function reportCode(text: string, file: string): string {
  const match = /^```ts\r?\n([\s\S]*?)^```/m.exec(text);
  if (match === null || match[1] === undefined) throw new GeneratorError(file, "", "not an API report: no ```ts code fence found");
  return match[1];
}

function typeTextOf(node: TypeNode | undefined): string {
  return node === undefined ? "unknown" : normalizeType(node.getText());
}

function parameterOf(p: ParameterDeclaration): ApiParameter {
  return {
    name: (p.isRestParameter() ? "..." : "") + p.getName(),
    optional: p.hasQuestionToken() || p.hasInitializer() || p.isRestParameter(),
    type: typeTextOf(p.getTypeNode()),
  };
}

function signatureOf(parameters: ParameterDeclaration[], returnType: TypeNode | undefined, isConstructor = false): ApiSignature {
  const params = parameters.map(parameterOf);
  const ret = isConstructor ? "" : typeTextOf(returnType);
  const text = `(${params.map((p) => `${p.name}${p.optional && !p.name.startsWith("...") ? "?" : ""}: ${p.type}`).join(", ")})${isConstructor ? "" : `: ${ret}`}`;
  return { parameters: params, returnType: ret, text };
}

function propertyOf(p: PropertySignature | PropertyDeclaration): ApiProperty {
  return { name: p.getName(), optional: p.hasQuestionToken(), readonly: p.isReadonly(), type: typeTextOf(p.getTypeNode()) };
}

function emptyDecl(name: string, kind: ApiDeclKind): ApiDecl {
  return {
    name,
    kind,
    heritage: [],
    properties: new Map(),
    methods: new Map(),
    unionMembers: [],
    typeText: "",
    members: new Map(),
    value: "",
    from: "",
  };
}

function addSignature(methods: Map<string, ApiMethod>, name: string, signature: ApiSignature): void {
  const existing = methods.get(name);
  if (existing === undefined) methods.set(name, { name, signatures: [signature] });
  else existing.signatures.push(signature);
}

/** Identifiers referenced by a type text (type names only: words starting a type reference). */
export function referencedNames(typeText: string): string[] {
  return [...typeText.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "").matchAll(/\b([A-Za-z_$][\w$]*)\b/g)].map((m) => m[1] as string);
}

function parseDecls(source: SourceFile, file: string): Map<string, ApiDecl> {
  const decls = new Map<string, ApiDecl>();
  const imports = new Map<string, string>();
  for (const imp of source.getImportDeclarations()) {
    for (const named of imp.getNamedImports()) {
      imports.set(named.getAliasNode()?.getText() ?? named.getName(), imp.getModuleSpecifierValue());
    }
  }
  const put = (decl: ApiDecl): void => {
    if (!decls.has(decl.name)) decls.set(decl.name, decl);
  };
  for (const statement of source.getStatements()) {
    if (Node.isInterfaceDeclaration(statement)) {
      const decl = decls.get(statement.getName()) ?? emptyDecl(statement.getName(), "interface");
      decl.heritage.push(...statement.getExtends().map((e) => normalizeType(e.getText())));
      for (const p of statement.getProperties()) decl.properties.set(p.getName(), propertyOf(p));
      for (const m of statement.getMethods())
        addSignature(decl.methods, m.getName(), signatureOf(m.getParameters(), m.getReturnTypeNode()));
      for (const c of statement.getCallSignatures())
        addSignature(decl.methods, "(call)", signatureOf(c.getParameters(), c.getReturnTypeNode()));
      put(decl);
    } else if (Node.isClassDeclaration(statement)) {
      const name = statement.getName() ?? "default";
      const decl = emptyDecl(name, "class");
      const ext = statement.getExtends();
      if (ext !== undefined) decl.heritage.push(normalizeType(ext.getText()));
      decl.heritage.push(...statement.getImplements().map((i) => normalizeType(i.getText())));
      for (const c of statement.getConstructors())
        addSignature(decl.methods, "constructor", signatureOf(c.getParameters(), undefined, true));
      for (const p of statement.getProperties()) {
        if (p.hasModifier(SyntaxKind.PrivateKeyword) || p.getName().startsWith("#")) continue;
        decl.properties.set(p.getName(), propertyOf(p));
      }
      for (const m of statement.getMethods()) {
        if (m.hasModifier(SyntaxKind.PrivateKeyword)) continue;
        addSignature(decl.methods, (m.isStatic() ? "static " : "") + m.getName(), signatureOf(m.getParameters(), m.getReturnTypeNode()));
      }
      for (const a of statement.getGetAccessors()) {
        if (a.hasModifier(SyntaxKind.PrivateKeyword)) continue;
        const hasSetter = a.getSetAccessor() !== undefined;
        decl.properties.set(a.getName(), {
          name: a.getName(),
          optional: false,
          readonly: !hasSetter,
          type: typeTextOf(a.getReturnTypeNode()),
        });
      }
      put(decl);
    } else if (Node.isFunctionDeclaration(statement)) {
      const name = statement.getName() ?? "default";
      const decl = decls.get(name) ?? emptyDecl(name, "function");
      addSignature(decl.methods, name, signatureOf(statement.getParameters(), statement.getReturnTypeNode()));
      put(decl);
    } else if (Node.isTypeAliasDeclaration(statement)) {
      const decl = emptyDecl(statement.getName(), "type");
      const typeNode = statement.getTypeNode();
      decl.typeText = typeTextOf(typeNode);
      decl.unionMembers = unionMembersOf(typeNode);
      if (typeNode !== undefined && Node.isTypeLiteral(typeNode)) {
        for (const p of typeNode.getProperties()) decl.properties.set(p.getName(), propertyOf(p));
      }
      put(decl);
    } else if (Node.isVariableStatement(statement)) {
      for (const v of statement.getDeclarations()) {
        const decl = emptyDecl(v.getName(), "const");
        const typeNode = v.getTypeNode();
        const init = v.getInitializer();
        if (typeNode !== undefined && Node.isTypeLiteral(typeNode)) {
          for (const p of typeNode.getProperties()) decl.members.set(p.getName(), typeTextOf(p.getTypeNode()));
          decl.value = typeTextOf(typeNode);
        } else {
          decl.value = init !== undefined ? normalizeType(init.getText()) : typeTextOf(typeNode);
        }
        put(decl);
      }
    } else if (Node.isEnumDeclaration(statement)) {
      const decl = emptyDecl(statement.getName(), "enum");
      for (const m of statement.getMembers())
        decl.members.set(m.getName(), normalizeType(m.getInitializer()?.getText() ?? String(m.getValue())));
      put(decl);
    } else if (Node.isExportDeclaration(statement)) {
      const module = statement.getModuleSpecifierValue();
      for (const spec of statement.getNamedExports()) {
        const local = spec.getName();
        const name = spec.getAliasNode()?.getText() ?? local;
        const decl = emptyDecl(name, "re-export");
        decl.from = module ?? imports.get(local) ?? "";
        put(decl);
      }
    } else if (Node.isImportDeclaration(statement) || Node.isModuleDeclaration(statement) || Node.isExportAssignment(statement)) {
      continue;
    } else {
      throw new GeneratorError(file, "", `unsupported statement in the report's code: ${normalizeType(statement.getText()).slice(0, 80)}`);
    }
  }
  return decls;
}

/** Input/output positions: seeds from parameter and return types, closed over property types. */
function directions(decls: Map<string, ApiDecl>): { inputs: Set<string>; outputs: Set<string> } {
  const inputs = new Set<string>();
  const outputs = new Set<string>();
  const signatures = [...decls.values()].flatMap((d) => [...d.methods.values()].flatMap((m) => m.signatures));
  for (const s of signatures) {
    for (const p of s.parameters) for (const n of referencedNames(p.type)) if (decls.has(n)) inputs.add(n);
    for (const n of referencedNames(s.returnType)) if (decls.has(n)) outputs.add(n);
  }
  for (const name of decls.keys()) if (/(Options|Params|Request)$/.test(name)) inputs.add(name);
  const close = (set: Set<string>): void => {
    const queue = [...set];
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      const decl = decls.get(name);
      if (decl === undefined) continue;
      const texts = [...decl.properties.values()].map((p) => p.type).concat(decl.heritage, decl.unionMembers);
      for (const n of texts.flatMap(referencedNames)) {
        if (decls.has(n) && !set.has(n)) {
          set.add(n);
          queue.push(n);
        }
      }
    }
  };
  close(inputs);
  close(outputs);
  return { inputs, outputs };
}

/** Parse the text of an `*.api.md` report (`file` only names it in errors). */
export function parseApiReport(text: string, file: string): ApiSurface {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const source = project.createSourceFile("report.d.ts", reportCode(text, file));
  const first = project.getProgram().getSyntacticDiagnostics(source)[0];
  if (first !== undefined) {
    const line = first.getLineNumber();
    const message = first.getMessageText();
    throw new GeneratorError(
      file,
      "",
      `the report's code does not parse (line ${line ?? "?"} of the code fence): ${typeof message === "string" ? message : message.getMessageText()}`,
    );
  }
  const decls = parseDecls(source, file);
  return { decls, ...directions(decls) };
}
