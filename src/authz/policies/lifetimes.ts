/**
 * Token and artefact lifetimes fixed by the profile (DIGEST §6.1; DESIGN §6 "Defaults to change").
 */

/** FAPI-BR 1.0 ID3 §5.2.2 item 13: access tokens live between 300 and 900 seconds. */
export const ACCESS_TOKEN_TTL_MIN = 300;
export const ACCESS_TOKEN_TTL_MAX = 900;
export const ACCESS_TOKEN_TTL_DEFAULT = 900;

/** Authorization codes: at most one minute (FAPI 1.0 Part 1 Baseline §5.2.2, short-lived codes). */
export const AUTHORIZATION_CODE_TTL = 60;

/**
 * A refresh token of an indefinite-term consent must not expire before the consent does
 * (FAPI-BR 1.0 ID3 §7.2.2 item 12); the provider needs a number, so "indefinite" is ten years
 * unless configured otherwise. Revoking the consent still ends it at once.
 */
export const INDEFINITE_CONSENT_LIFETIME_DEFAULT = 10 * 365 * 24 * 3600;

export function checkAccessTokenTtl(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < ACCESS_TOKEN_TTL_MIN || seconds > ACCESS_TOKEN_TTL_MAX) {
    throw new Error(
      `accessTokenTtlSeconds must be an integer between ${ACCESS_TOKEN_TTL_MIN} and ${ACCESS_TOKEN_TTL_MAX} (FAPI-BR §5.2.2 item 13), got ${seconds}`,
    );
  }
  return seconds;
}

/**
 * Seconds a grant (and its refresh tokens) lives for a consent: until the consent's
 * `expirationDateTime`, or the indefinite lifetime. At least one second (the provider refuses 0).
 */
export function grantLifetimeSeconds(
  expirationDateTime: Date | null,
  now: Date,
  indefiniteLifetimeSeconds: number,
): number {
  if (expirationDateTime === null) return indefiniteLifetimeSeconds;
  return Math.max(1, Math.floor((expirationDateTime.getTime() - now.getTime()) / 1000));
}
