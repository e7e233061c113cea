import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import { ConsentErrors } from '../errors.ts';

/**
 * How long a data-sharing consent may last (DIGEST §2.6): a fixed term of at most 12 months,
 * or indefinite ("prazo indeterminado": `expirationDateTime` omitted). consents 3.3.1 delegates
 * the date rules to Confluence "Orientações – [DC] Consentimento"; the explicit rule is the one
 * consents 2.2.0 wrote: `now < expirationDateTime <= now + 12 months`, and a renewal must always
 * move the expiry later.
 */
export const MAX_TERM_MONTHS = 12;

/** consents.yaml expirationDateTime pattern (RFC 3339 UTC, no fraction, maxLength 20). */
export const SPEC_DATE_TIME_PATTERN =
  '^(\\d{4})-(1[0-2]|0?[1-9])-(3[01]|[12][0-9]|0?[1-9])T(?:[01]\\d|2[0123]):(?:[012345]\\d):(?:[012345]\\d)Z$';
// The same grammar with captures, to build the instant without the lenient Date parser.
const DATE_TIME_PARTS = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const SPEC_DATE_TIME = new RegExp(SPEC_DATE_TIME_PATTERN);

/** Parses a spec date-time; a string off the pattern or naming a day that does not exist is a 400. */
export function parseSpecDateTime(value: string, field: string): Date {
  const parts = SPEC_DATE_TIME.test(value) ? DATE_TIME_PARTS.exec(value)?.slice(1).map(Number) : undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts ?? [];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (parts === undefined || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) {
    throw new AppError(PlatformErrors.PARAMETRO_INVALIDO, `${field} não é uma data-hora válida.`);
  }
  return date;
}

/** `date` plus `months` calendar months in UTC; the day is clamped to the target month's last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

function latestAllowed(now: Date): Date {
  return addMonthsUtc(now, MAX_TERM_MONTHS);
}

function invalid(message: string): AppError {
  return new AppError(ConsentErrors.CONSENT_EXPIRATION_INVALID, message);
}

/** POST /consents: `undefined` (indefinite) or a moment in the future, at most 12 months ahead. */
export function checkCreationExpiry(expiration: Date | undefined, now: Date): void {
  if (expiration === undefined) return;
  if (expiration.getTime() <= now.getTime()) {
    throw invalid('A data de expiração do consentimento deve estar no futuro.');
  }
  if (expiration.getTime() > latestAllowed(now).getTime()) {
    throw invalid(`A data de expiração do consentimento não pode passar de ${MAX_TERM_MONTHS} meses.`);
  }
}

/**
 * POST /consents/{id}/extends: the new expiry must be later than the current one (indefinite is
 * later than any date; nothing is later than indefinite) and within 12 months from now.
 */
export function checkExtensionExpiry(current: Date | null, requested: Date | undefined, now: Date): void {
  if (current === null) {
    throw invalid('O consentimento já tem prazo indeterminado: a renovação não pode ampliar sua validade.');
  }
  if (requested === undefined) return;
  checkCreationExpiry(requested, now);
  if (requested.getTime() <= current.getTime()) {
    throw invalid('A nova data de expiração deve ser posterior à data de expiração atual.');
  }
}
