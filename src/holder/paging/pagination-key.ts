import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock/index.ts';

/**
 * The `pagination-key` of the Phase-2 lists (DIGEST §3.2, CF:17924220 "Limites operacionais"):
 * created by the transmitter and carried in the links, valid for 60 minutes from the first page,
 * so the follow-up pages of one pagination do not count against the operational limits. An
 * invalid or expired key is not an error: a new key is issued and the call counts.
 *
 * Keys are stateless (an HMAC over what they bind), so any process holding the secret accepts
 * them. A key binds the consent, the endpoint, the resource and the filters (`scope`), and may
 * carry the keyset cursor of the page it points to, so deep transaction pages stay cheap.
 */
export interface PaginationKeyPayload {
  /** When the pagination started (ms); the 60 minutes run from here. */
  readonly iat: number;
  /** Fingerprint of consent + endpoint + resource + filters + page size. */
  readonly scope: string;
  /** The page this key leads to and the connector cursor that reaches it, when known. */
  readonly page?: number;
  readonly cursor?: string;
}

export const PAGINATION_KEY_TTL_MS = 60 * 60_000;

export interface PaginationKeys {
  issue(payload: PaginationKeyPayload): string;
  /** The payload of a key we issued for this scope, still within its 60 minutes; else undefined. */
  verify(key: string | undefined, scope: string): PaginationKeyPayload | undefined;
}

export function createPaginationKeys(options: {
  /** Shared by every process of the installation (32 random bytes or more). */
  secret: Buffer | string;
  clock: Clock;
  ttlMs?: number;
}): PaginationKeys {
  const secret = typeof options.secret === 'string' ? Buffer.from(options.secret) : options.secret;
  if (secret.length < 32) throw new Error('the pagination-key secret needs at least 32 bytes');
  const ttl = options.ttlMs ?? PAGINATION_KEY_TTL_MS;
  // A KeyObject once: createHmac with a raw Buffer builds one per call (about 5x slower).
  const macKey = createSecretKey(secret);
  const mac = (body: string) => createHmac('sha256', macKey).update(body).digest().subarray(0, 18);

  // Keys are deterministic: a payload issued a moment ago (same page of the same pagination, in
  // the same second) is answered from memory instead of being MAC'd again.
  const issued = new Map<string, string>();
  return {
    issue(payload) {
      const json = JSON.stringify(payload);
      let key = issued.get(json);
      if (key === undefined) {
        const body = Buffer.from(json).toString('base64url');
        key = `${body}.${mac(body).toString('base64url')}`;
        if (issued.size >= 10_000) issued.clear();
        issued.set(json, key);
      }
      return key;
    },
    verify(key, scope) {
      if (key === undefined) return undefined;
      const dot = key.indexOf('.');
      if (dot <= 0) return undefined;
      const body = key.slice(0, dot);
      const given = Buffer.from(key.slice(dot + 1), 'base64url');
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let payload: PaginationKeyPayload;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PaginationKeyPayload;
      } catch {
        return undefined;
      }
      const age = options.clock.now().getTime() - payload.iat;
      if (payload.scope !== scope || !(age >= 0 && age < ttl)) return undefined;
      return payload;
    },
  };
}
