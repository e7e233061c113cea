import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Clock } from '../clock/index.ts';

/**
 * `meta.requestDateTime`: RFC 3339 UTC without fractional seconds, maxLength 20, e.g.
 * `2021-05-21T08:30:00Z` (accounts.yaml MetaOnlyRequestDateTime, consents.yaml MetaError;
 * DIGEST §3.5 gives the pattern).
 */
export function formatRequestDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function requestDateTime(clock: Clock): string {
  return formatRequestDateTime(clock.now());
}

/** `meta` of single-resource responses and of error bodies. */
export const MetaRequestDateTime = Type.Object({
  requestDateTime: Type.String({ format: 'date-time', maxLength: 20 }),
});

/** accounts.yaml / consents.yaml `ResponseError`: 1..13 errors; code, title ≤255, detail ≤2048. */
export const ResponseError = Type.Object({
  errors: Type.Array(
    Type.Object({
      code: Type.String({ maxLength: 255 }),
      title: Type.String({ maxLength: 255 }),
      detail: Type.String({ maxLength: 2048 }),
    }),
    { minItems: 1, maxItems: 13 },
  ),
  meta: Type.Optional(MetaRequestDateTime),
});
export type ResponseError = Static<typeof ResponseError>;

/** RFC 6749 §5.2 error response. */
export const OAuthErrorResponse = Type.Object({
  error: Type.String(),
  error_description: Type.Optional(Type.String()),
});
export type OAuthErrorResponse = Static<typeof OAuthErrorResponse>;

const DETAIL_MAX_LENGTH = 2048;

export function openFinanceErrorBody(
  error: { code: string; title: string; detail: string },
  now: Date,
): ResponseError {
  const detail =
    error.detail.length > DETAIL_MAX_LENGTH
      ? `${error.detail.slice(0, DETAIL_MAX_LENGTH - 1)}…`
      : error.detail;
  return {
    errors: [{ code: error.code, title: error.title, detail }],
    meta: { requestDateTime: formatRequestDateTime(now) },
  };
}

/**
 * RFC 6749 §5.2: `error_description` MUST only hold %x20-21 / %x23-5B / %x5D-7E, so accents are
 * folded ("inválida" → "invalida") and anything else outside the set is dropped.
 */
export function oauthErrorBody(error: string, description: string): OAuthErrorResponse {
  const ascii = description
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '');
  return { error, error_description: ascii };
}
