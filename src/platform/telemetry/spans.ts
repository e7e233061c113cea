import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/**
 * Span helpers over `@opentelemetry/api`: without a started SDK every call is a cheap no-op, so
 * platform code calls them unconditionally.
 */
const tracer = trace.getTracer('ponte');

/** Attribute naming the FAPI interaction id on the server span of a request. */
export const INTERACTION_ID_ATTRIBUTE = 'fapi.interaction_id';

/**
 * Labels the active span (the HTTP server span of the request being handled) with the
 * x-fapi-interaction-id and, when known, the matched route, so traces are searchable by the
 * same id as logs and PCM reports.
 */
export function annotateServerSpan(fields: { interactionId: string; method: string; route?: string }): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute(INTERACTION_ID_ATTRIBUTE, fields.interactionId);
  if (fields.route) {
    span.setAttribute('http.route', fields.route);
    span.updateName(`${fields.method} ${fields.route}`);
  }
}

export type SpanOutcome = 'ok' | 'error';

/**
 * Runs `work` inside a span `job <queue>`; the span ends when `work` settles. `work` decides the
 * outcome it reports (a handler may return a failure without throwing). pg-boss opens its own
 * consumer span (`process <queue>`) around the worker, so this one is its child and names what
 * our handler saw: the attempt, and the outcome by Ponte's job statuses.
 */
export async function inJobSpan<T>(
  job: { queue: string; id: string; attempt: number },
  work: () => Promise<{ result: T; outcome: SpanOutcome; error?: unknown }>,
): Promise<T> {
  const attributes: Attributes = {
    'job.queue': job.queue,
    'job.id': job.id,
    'job.attempt': job.attempt,
  };
  return tracer.startActiveSpan(`job ${job.queue}`, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      const { result, outcome, error } = await work();
      if (outcome === 'error') {
        if (error instanceof Error) span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    } finally {
      span.end();
    }
  });
}
