import * as client from 'openid-client';
import type { ReceiverIdentity } from '../types.ts';
import { oauthCall } from './oauth-errors.ts';
import type { ReceiverFetch } from '../transport.ts';

/** Discovery documents stay cached this long; a holder rarely moves its endpoints. */
const DISCOVERY_TTL_MS = 15 * 60_000;

/**
 * openid-client 6 configured as a FAPI-BR relying party of one holder (FAPI-BR §5.2.3):
 * private_key_jwt with PS256, mTLS endpoint aliases, certificate-bound tokens, the hybrid
 * `code id_token` response with its id_token encrypted RSA-OAEP / A256GCM.
 */
export interface RelyingParties {
  /** The holder's authorisation server metadata (discovery), cached. */
  serverMetadata(discoveryUrl: string): Promise<client.ServerMetadata>;
  /** A client configuration for a registered client id at that server. */
  configFor(discoveryUrl: string, clientId: string): Promise<client.Configuration>;
}

export function createRelyingParties(input: {
  identity: ReceiverIdentity;
  fetch: ReceiverFetch;
  now: () => number;
}): RelyingParties {
  const { identity } = input;
  const customFetch = (url: string, options: client.CustomFetchOptions) =>
    input.fetch(url, options as Parameters<ReceiverFetch>[1]);
  const cache = new Map<string, { at: number; metadata: Promise<client.ServerMetadata> }>();

  const serverMetadata = (discoveryUrl: string): Promise<client.ServerMetadata> => {
    const hit = cache.get(discoveryUrl);
    if (hit && input.now() - hit.at < DISCOVERY_TTL_MS) return hit.metadata;
    const metadata = client
      .discovery(new URL(discoveryUrl), 'discovery', undefined, client.None(), {
        [client.customFetch]: customFetch,
      })
      .then((config) => config.serverMetadata());
    // A failed discovery is not cached: the next call tries again.
    metadata.catch(() => cache.delete(discoveryUrl));
    cache.set(discoveryUrl, { at: input.now(), metadata });
    return metadata;
  };

  return {
    serverMetadata,
    async configFor(discoveryUrl, clientId) {
      const config = new client.Configuration(
        // An unreachable holder answers RECEIVER_HOLDER_UNAVAILABLE, not a 500.
        await oauthCall(() => serverMetadata(discoveryUrl)),
        clientId,
        {
          use_mtls_endpoint_aliases: true,
          id_token_signed_response_alg: 'PS256',
          tls_client_certificate_bound_access_tokens: true,
        },
        client.PrivateKeyJwt({ key: identity.signingKey, kid: identity.signingKid }),
      );
      config[client.customFetch] = customFetch;
      client.useCodeIdTokenResponseType(config);
      client.enableDecryptingResponses(config, ['A256GCM'], {
        key: identity.encryptionKey,
        alg: 'RSA-OAEP',
        kid: identity.encryptionKid,
      });
      return config;
    },
  };
}
