import type { IncomingHttpHeaders } from 'node:http';
import { Type } from 'typebox';
import { AppError } from '../errors/index.ts';
import { PlatformErrors } from './platform-errors.ts';

export const INTERACTION_ID_HEADER = 'x-fapi-interaction-id';

/** accounts.yaml / consents.yaml components.parameters.xFapiInteractionId: a UUID, 36 chars. */
const INTERACTION_ID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const INTERACTION_ID = new RegExp(INTERACTION_ID_PATTERN);

/** accounts.yaml components.parameters.xFapiAuthDate: RFC 7231 date, exactly 29 chars. */
const AUTH_DATE_PATTERN =
  '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|UTC)$';

interface HeaderRule {
  minLength: number;
  maxLength: number;
  pattern?: RegExp;
}

/** The optional x-fapi-* headers, as accounts.yaml and consents.yaml declare them. */
const OPTIONAL_HEADER_RULES: Record<string, HeaderRule> = {
  'x-fapi-auth-date': { minLength: 29, maxLength: 29, pattern: new RegExp(AUTH_DATE_PATTERN) },
  'x-fapi-customer-ip-address': { minLength: 1, maxLength: 100 },
  // The widest any spec declares (consents 3.3.1 extends: 255; data and payment APIs: 100); each
  // route's own schema narrows it where its spec is stricter.
  'x-customer-user-agent': { minLength: 1, maxLength: 255 },
};

export function isValidInteractionId(value: unknown): value is string {
  return typeof value === 'string' && INTERACTION_ID.test(value);
}

/** The client's interaction id when valid, for `genReqId` (the header is mirrored back). */
export function interactionIdFrom(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[INTERACTION_ID_HEADER];
  return isValidInteractionId(value) ? value : undefined;
}

/**
 * Checks the x-fapi-* headers of a regulated request and returns the error to answer, if any.
 * A missing or invalid interaction id is a 400 (accounts.yaml xFapiInteractionId description;
 * DIGEST §0 item 9); the response still carries the id generated for it.
 */
export function fapiHeadersError(headers: IncomingHttpHeaders): AppError | undefined {
  const interactionId = headers[INTERACTION_ID_HEADER];
  if (interactionId === undefined) {
    return new AppError(
      PlatformErrors.PARAMETRO_NAO_INFORMADO,
      `Cabeçalho ${INTERACTION_ID_HEADER} não informado.`,
    );
  }
  if (!isValidInteractionId(interactionId)) {
    return new AppError(
      PlatformErrors.PARAMETRO_INVALIDO,
      `Cabeçalho ${INTERACTION_ID_HEADER} inválido: deve ser um UUID (RFC 4122).`,
    );
  }
  for (const [name, rule] of Object.entries(OPTIONAL_HEADER_RULES)) {
    const value = headers[name];
    if (value === undefined) continue;
    const valid =
      typeof value === 'string' &&
      value.length >= rule.minLength &&
      value.length <= rule.maxLength &&
      (rule.pattern === undefined || rule.pattern.test(value));
    if (!valid)
      return new AppError(PlatformErrors.PARAMETRO_INVALIDO, `Cabeçalho ${name} em formato inválido.`);
  }
  return undefined;
}

/**
 * The same headers as a TypeBox schema, for a route's `schema.headers` so that they appear in
 * the OpenAPI we serve. Enforcement does not depend on it: `config: { fapi: true }` does that.
 */
export const FapiRequestHeaders = Type.Object({
  [INTERACTION_ID_HEADER]: Type.String({ pattern: INTERACTION_ID_PATTERN, maxLength: 36 }),
  'x-fapi-auth-date': Type.Optional(
    Type.String({ pattern: AUTH_DATE_PATTERN, minLength: 29, maxLength: 29 }),
  ),
  'x-fapi-customer-ip-address': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  'x-customer-user-agent': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});
