/**
 * A tiny recording tracing instrumenter for tests, registered with core-tracing's
 * `useInstrumenter`: it records every span (name, parent, kind, attributes, status, end) and
 * propagates contexts as a real one does, with a `traceparent` header per request.
 */
import type { Instrumenter, InstrumenterSpanOptions, SpanStatus, TracingContext, TracingSpan } from "@azure/core-tracing";

export interface RecordedSpan {
  name: string;
  parent: string | undefined;
  packageName: string;
  kind: string | undefined;
  attributes: Record<string, unknown>;
  status: SpanStatus | undefined;
  ended: boolean;
  traceparent: string;
}

const SPAN = Symbol("recorded span");

function context(values: Map<symbol, unknown> = new Map()): TracingContext {
  return {
    getValue: (key) => values.get(key),
    setValue: (key, value) => context(new Map(values).set(key, value)),
    deleteValue: (key) => {
      const copy = new Map(values);
      copy.delete(key);
      return context(copy);
    },
  };
}

export function recordingInstrumenter(): { instrumenter: Instrumenter; spans: RecordedSpan[]; root: (name: string) => TracingContext } {
  const spans: RecordedSpan[] = [];
  let next = 0;
  const record = (name: string, options: Partial<InstrumenterSpanOptions>, parent?: RecordedSpan): RecordedSpan => {
    next += 1;
    const recorded: RecordedSpan = {
      name,
      parent: parent?.name,
      packageName: options.packageName ?? "",
      kind: options.spanKind,
      attributes: { ...options.spanAttributes },
      status: undefined,
      ended: false,
      traceparent: `00-${"1".repeat(32)}-${next.toString(16).padStart(16, "0")}-01`,
    };
    spans.push(recorded);
    return recorded;
  };
  const instrumenter: Instrumenter = {
    startSpan(name, options) {
      const parentContext = options.tracingContext ?? context();
      const recorded = record(name, options, parentContext.getValue(SPAN) as RecordedSpan | undefined);
      const span: TracingSpan = {
        setStatus: (status) => void (recorded.status = status),
        setAttribute: (key, value) => void (recorded.attributes[key] = value),
        end: () => void (recorded.ended = true),
        recordException: () => undefined,
        isRecording: () => true,
      };
      return { span, tracingContext: parentContext.setValue(SPAN, recorded) };
    },
    withContext: (_context, callback, ...args) => callback(...args),
    parseTraceparentHeader: () => undefined,
    createRequestHeaders: (tracingContext) => {
      const span = tracingContext?.getValue(SPAN) as RecordedSpan | undefined;
      const headers: Record<string, string> = {};
      if (span) headers["traceparent"] = span.traceparent;
      return headers;
    },
  };
  /** A context whose current span is an application's own span `name` (recorded too). */
  const root = (name: string): TracingContext => context().setValue(SPAN, record(name, { packageName: "app" }));
  return { instrumenter, spans, root };
}
