import { annotateServerSpan } from '../telemetry/index.ts';
import type { PonteApp } from './types.ts';
import { INTERACTION_ID_HEADER, fapiHeadersError } from './fapi-headers.ts';

/**
 * x-fapi-interaction-id on every response, and x-fapi-* checks on regulated routes.
 *
 * The id itself is the Fastify request id (see `genReqId` in app.ts), so that it labels every
 * request log line; `request.fapiInteractionId` exposes it under the spec's name.
 */
export function installInteractionId(app: PonteApp): void {
  app.decorateRequest('fapiInteractionId', {
    getter(this: { id: string }) {
      return this.id;
    },
  });
  // onRequest runs before body parsing and validation, so a bad interaction id wins over a bad body.
  app.addHook('onRequest', (request, _reply, done) => {
    // The server span (when tracing is on) carries the same id as the logs and the response.
    annotateServerSpan({
      interactionId: request.fapiInteractionId,
      method: request.method,
      route: request.routeOptions.url,
    });
    done(request.routeOptions.config?.fapi === true ? fapiHeadersError(request.headers) : undefined);
  });
  // onSend also runs for errors and unknown routes: every answer carries the id.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header(INTERACTION_ID_HEADER, request.fapiInteractionId);
    done(null, payload);
  });
}
