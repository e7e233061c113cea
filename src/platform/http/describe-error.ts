import { isAppError } from '../errors/index.ts';
import { findErrorDefinition } from './error-catalogue.ts';
import type { OAuthErrorCode } from './error-catalogue.ts';
import { platformCodeForStatus } from './platform-errors.ts';

/** What the mapper answers for one error, before it is shaped for the route. */
export interface DescribedError {
  status: number;
  /** Code on the wire. */
  code: string;
  title: string;
  detail: string;
  oauthError: OAuthErrorCode;
  /** Not an error we raise on purpose: logged with its stack, answered without its message. */
  unexpected: boolean;
}

/** Fastify's own client errors, with the detail we give instead of Fastify's English message. */
const FASTIFY_CLIENT_ERRORS = new Map<unknown, { code: string; detail: string }>(
  Object.entries({
    FST_ERR_CTP_INVALID_JSON_BODY: {
      code: 'PARAMETRO_INVALIDO',
      detail: 'O corpo da requisição não é um JSON válido.',
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'PARAMETRO_INVALIDO', detail: 'O corpo da requisição está vazio.' },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
      code: 'PARAMETRO_INVALIDO',
      detail: 'O Content-Length não corresponde ao corpo recebido.',
    },
    FST_ERR_CTP_BODY_TOO_LARGE: {
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'O corpo da requisição excede o tamanho permitido.',
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: 'O Content-Type da requisição não é aceito por este endpoint.',
    },
  }),
);

function defaultOAuthError(status: number): OAuthErrorCode {
  if (status === 401) return 'invalid_client';
  if (status === 403) return 'access_denied';
  if (status === 503) return 'temporarily_unavailable';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

/** The answer for a declared code; an undeclared one is answered as an internal error. */
export function describeCode(code: string, detail: string): DescribedError {
  const definition = findErrorDefinition(code);
  if (definition === undefined) return internalError();
  return {
    status: definition.status,
    code: definition.wireCode ?? code,
    title: definition.title,
    detail,
    oauthError: definition.oauthError ?? defaultOAuthError(definition.status),
    unexpected: false,
  };
}

function internalError(): DescribedError {
  // Built here rather than looked up, so that this fallback cannot fail. The detail with the
  // correlation id is written by the renderer, which knows the request.
  const title = findErrorDefinition('INTERNAL_ERROR')?.title ?? 'Erro interno';
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    title,
    detail: '',
    oauthError: 'server_error',
    unexpected: true,
  };
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  message: string;
}

/** Ajv reports `required` for a missing field: the spec tells missing apart from malformed. */
function reportsMissingField(validation: readonly unknown[]): boolean {
  return validation.some(
    (issue) =>
      typeof issue === 'object' && issue !== null && (issue as { keyword?: unknown }).keyword === 'required',
  );
}

function isClientStatus(value: unknown): value is number {
  return typeof value === 'number' && value >= 400 && value <= 499;
}

/**
 * Maps anything thrown in a request to the answer. Order matters: our own AppErrors first, then
 * Fastify's validation and body-parsing errors, then any other 4xx a library flagged, else 500.
 */
export function describeError(error: unknown): DescribedError {
  if (isAppError(error)) {
    // An undeclared code is a bug: describeCode answers 500, never a guess at the status.
    return describeCode(error.code, error.message);
  }
  if (!(error instanceof Error)) return internalError();
  const candidate = error as FastifyLikeError;
  if (candidate.code === 'FST_ERR_VALIDATION' && Array.isArray(candidate.validation)) {
    const code = reportsMissingField(candidate.validation) ? 'PARAMETRO_NAO_INFORMADO' : 'PARAMETRO_INVALIDO';
    return describeCode(code, candidate.message);
  }
  const known = FASTIFY_CLIENT_ERRORS.get(candidate.code);
  if (known !== undefined) return describeCode(known.code, known.detail);
  if (isClientStatus(candidate.statusCode)) {
    const code = platformCodeForStatus(candidate.statusCode);
    return describeCode(code, findErrorDefinition(code)?.title ?? '');
  }
  return internalError();
}
