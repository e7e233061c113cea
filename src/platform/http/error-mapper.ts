import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock/index.ts';
import { isAppError } from '../errors/index.ts';
import { describeCode, describeError } from './describe-error.ts';
import type { DescribedError } from './describe-error.ts';
import { oauthErrorBody, openFinanceErrorBody } from './envelope.ts';
import type { OAuthErrorResponse, ResponseError } from './envelope.ts';
import { INTERACTION_ID_HEADER } from './fapi-headers.ts';
import type { ErrorShape, PonteApp } from './types.ts';
import './platform-errors.ts';

function shapeFor(request: FastifyRequest): ErrorShape {
  return request.routeOptions.config?.errorShape === 'oauth' ? 'oauth' : 'open-finance';
}

function log(request: FastifyRequest, error: unknown, described: DescribedError): void {
  const fields = { code: described.code, statusCode: described.status };
  if (described.unexpected) {
    // The real error stays in the log, found by the fapiInteractionId the client was given.
    request.log.error({ ...fields, err: error }, 'unexpected error');
  } else if (described.status >= 500) {
    request.log.warn({ ...fields, err: error }, 'request failed');
  } else {
    // An AppError's `detail` option is for the log (scrubbed of personal data), never the body.
    const detail = isAppError(error) ? error.detail : undefined;
    request.log.info(detail === undefined ? fields : { ...fields, detail }, 'request rejected');
  }
}

export function renderError(
  request: FastifyRequest,
  reply: FastifyReply,
  described: DescribedError,
  now: Date,
  shape: ErrorShape = shapeFor(request),
): ResponseError | OAuthErrorResponse {
  const detail = described.unexpected
    ? `Erro inesperado. Identificador de correlação (x-fapi-interaction-id): ${request.fapiInteractionId}.`
    : described.detail;
  reply.code(described.status).header('cache-control', 'no-store');
  if (shape === 'oauth') {
    return oauthErrorBody(described.oauthError, detail);
  }
  return openFinanceErrorBody({ code: described.code, title: described.title, detail }, now);
}

/**
 * The one error mapper (DESIGN §4): every error thrown on any route, and every unknown route,
 * is answered here. Modules must not set their own error handler.
 */
export function installErrorMapper(app: PonteApp, clock: Clock): void {
  app.setErrorHandler((error, request, reply) => {
    const described = describeError(error);
    log(request, error, described);
    return reply.send(renderError(request, reply, described, clock.now()));
  });
  app.setNotFoundHandler((request, reply) => {
    const described = describeCode('NOT_FOUND', 'O endpoint solicitado não existe.');
    log(request, undefined, described);
    return reply.send(renderError(request, reply, described, clock.now()));
  });
}

/**
 * Fastify `frameworkErrors`: a URL that cannot be decoded or a path parameter over the length
 * limit fails before routing, so neither the error handler nor the hooks run for it.
 */
export function frameworkErrorHandler(clock: Clock) {
  return (error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    const described = describeError(error);
    log(request, error, described);
    reply.header(INTERACTION_ID_HEADER, request.id);
    void reply.send(renderError(request, reply, described, clock.now(), 'open-finance'));
  };
}
