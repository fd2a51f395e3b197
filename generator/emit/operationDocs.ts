/**
 * The JSDoc of an operation's function and method: summary and description, the HTTP call, a tag per
 * argument, what it returns (poller, pages, headers, boolean or body), deprecation, and the api-versions
 * it exists in.
 */
import { StructureKind, type JSDocStructure, type JSDocTagStructure } from "ts-morph";
import type { Operation, OperationResponse } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { codeSpan, docTag, jsDoc } from "./docs.js";
import type { MethodArgument } from "./methodArgument.js";
import { anonymousNote } from "./anonymous.js";
import { versionNote } from "./versions.js";

type Tag = JSDocTagStructure;

/** What an operation returns, as its `@returns` tells it. */
export interface ReturnFacts {
  hasResult: boolean;
  paged: boolean;
  headAsBoolean: boolean;
  responseHeaders: OperationResponse["headers"];
}

/** The JSDoc of the operation, with `extraTags` first (the function's `@param context`). */
export function operationDocs(
  operation: Operation,
  positional: readonly MethodArgument[],
  facts: ReturnFacts,
  context: EmitContext,
): (extraTags: Tag[]) => JSDocStructure[] {
  const { hasResult, paged, headAsBoolean, responseHeaders } = facts;
  const successResponse = operation.responses.find((r) => r.bodyType !== undefined);
  const tags: Tag[] = [
    ...positional.map((a) =>
      docTag("param", `${a.name} - ${a.description ?? `The ${a.serializedName} ${a.body ? "body" : "parameter"}.`}`),
    ),
    { kind: StructureKind.JSDocTag as const, tagName: "param", text: "options - Optional parameters and per-request options." },
    ...(operation.longRunning !== undefined
      ? [
          docTag(
            "returns",
            `A poller of the operation, started; ${codeSpan("pollUntilDone()")} resolves with ${!hasResult ? "nothing" : paged ? `the items of every page, the final result (${successResponse?.description ?? "the response body"}) first; ${codeSpan("byPage()")} yields the pages` : `the final result (${successResponse?.description ?? "the response body"})`}.`,
          ),
        ]
      : paged
        ? [
            docTag(
              "returns",
              `The items of every page, fetched as they are read; ${codeSpan("byPage()")} yields the pages (${successResponse?.description ?? "the response bodies"}).`,
            ),
          ]
        : headAsBoolean
          ? [docTag("returns", `${codeSpan("true")} when the service answers with a 2xx status, ${codeSpan("false")} when it answers 404.`)]
          : responseHeaders.length > 0
            ? [
                docTag(
                  "returns",
                  `The response headers the spec declares (${responseHeaders.map((h) => codeSpan(h.serializedName)).join(", ")}), read as their types; an absent header is left out.`,
                ),
              ]
            : hasResult
              ? [docTag("returns", successResponse?.description ?? "The response body.")]
              : []),
    ...(operation.deprecated
      ? [{ kind: StructureKind.JSDocTag as const, tagName: "deprecated", text: "The service marks this operation deprecated." }]
      : []),
  ];
  // Summary, then description; many specs repeat one as the other, which is said once.
  const texts = [operation.summary, operation.description].map((t) => t?.trim() ?? "").filter((t) => t !== "");
  const description = [...new Set(texts)].join("\n\n");
  const notes = [anonymousNote(operation, context.model), versionNote(context.model, operation.apiVersions)].filter((n) => n !== undefined);
  return (extraTags) =>
    jsDoc(description || undefined, `Sends ${codeSpan(`${operation.method.toUpperCase()} ${operation.path}`)}.`, {
      tags: [...extraTags, ...tags],
      ...(notes.length > 0 ? { note: notes.join("\n\n") } : {}),
    });
}

/** The `@param context` tag of an operation function that reads `clientMembers` beyond OperationContext's. */
export function contextDocTag(context: EmitContext, clientMembers: readonly string[]): Tag {
  const { client } = context.model;
  const members = [
    "endpoint",
    ...(client.apiVersion === undefined ? [] : ["api-version"]),
    "pipeline",
    "HTTP client",
    ...clientMembers.map(codeSpan),
  ];
  const what = `${members.slice(0, -1).join(", ")} and ${members[members.length - 1]}`;
  return {
    kind: StructureKind.JSDocTag,
    tagName: "param",
    text: `context - The ${what} the request uses (instances of ${codeSpan(client.name)} and ${codeSpan(`${client.name}Core`)} have them).`,
  };
}
