import type { FastifyRequest } from 'fastify';
import { timingSafeEqualString } from '../../platform/crypto/index.ts';

/** Who calls the internal consent management API: an app or channel of one brand. */
export interface InternalCaller {
  /** For logs and audit: which key (or certificate) was used, never the secret. */
  callerId: string;
  /** Every call is confined to this brand's consents. */
  brandId: string;
}

/**
 * How the internal consent management API authenticates its callers (the institution's own app,
 * internet banking, call-centre tools). Not Open Finance wire: no FAPI, no OAuth.
 *
 * Ponte ships an API-key implementation (`apiKeyAuthenticator`): simple to provision per channel,
 * works behind any gateway. An institution that prefers mTLS between its channels and Ponte
 * implements this interface over `request.clientCertificate()` instead (e.g. mapping a
 * certificate's subject to a brand); the routes do not change.
 */
export interface InternalAuthenticator {
  /** The caller, or undefined when the request does not authenticate (answered 401). */
  authenticate(request: FastifyRequest): Promise<InternalCaller | undefined>;
}

export interface ApiKey {
  /** A name for the key, e.g. `app-ios`; appears in logs. */
  id: string;
  brandId: string;
  /** The secret, at least 32 characters (from config, never from code). */
  key: string;
}

export const API_KEY_HEADER = 'x-api-key';

/**
 * API keys in the `x-api-key` header. Every configured key is compared, in constant time, so
 * neither which key nor how much of it matched leaks through timing.
 *
 * @example
 *   const auth = apiKeyAuthenticator([{ id: 'app', brandId: 'banco-a', key: config.consents.appApiKey }]);
 */
export function apiKeyAuthenticator(keys: readonly ApiKey[]): InternalAuthenticator {
  for (const k of keys) {
    if (k.key.length < 32) throw new Error(`internal API key ${k.id} is shorter than 32 characters`);
  }
  return {
    authenticate(request) {
      const presented = request.headers[API_KEY_HEADER];
      if (typeof presented !== 'string' || presented.length === 0) return Promise.resolve(undefined);
      let match: ApiKey | undefined;
      for (const k of keys) {
        if (timingSafeEqualString(presented, k.key) && match === undefined) match = k;
      }
      return Promise.resolve(match && { callerId: match.id, brandId: match.brandId });
    },
  };
}
