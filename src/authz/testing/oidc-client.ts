import * as client from 'openid-client';
import { fetch as undiciFetch, type Agent } from 'undici';
import type { AuthzHarness } from './harness.ts';
import type { TestSoftware } from './software.ts';

/**
 * Test helper: a registered software as an openid-client 6 relying party, the way a receiver
 * drives a FAPI-BR server: private_key_jwt (PS256), every request over mTLS with its transport
 * certificate (mTLS endpoint aliases), hybrid `code id_token`, id_tokens decrypted with its
 * `use: enc` key (RSA-OAEP / A256GCM).
 */
export function mtlsFetch(agent: Agent): client.CustomFetch {
  return (url: string, options: client.CustomFetchOptions) =>
    undiciFetch(url, { ...options, dispatcher: agent });
}

export async function relyingParty(
  harness: AuthzHarness,
  software: TestSoftware,
  clientId: string,
  options: { agent?: Agent; server?: URL } = {},
): Promise<client.Configuration> {
  const config = await client.discovery(
    options.server ?? new URL(harness.issuer),
    clientId,
    {
      use_mtls_endpoint_aliases: true,
      id_token_signed_response_alg: 'PS256',
      authorization_signed_response_alg: 'PS256',
      tls_client_certificate_bound_access_tokens: true,
    },
    client.PrivateKeyJwt({ key: software.signingKey.privateKey, kid: String(software.signingKey.jwk.kid) }),
    {
      [client.customFetch]: mtlsFetch(options.agent ?? software.agent),
      execute: [client.useCodeIdTokenResponseType],
    },
  );
  client.enableDecryptingResponses(config, ['A256GCM'], {
    key: software.encryptionKey.privateKey,
    alg: 'RSA-OAEP',
    kid: String(software.encryptionKey.jwk.kid),
  });
  return config;
}

/**
 * The same relying party, sending its back-channel requests (PAR, token, userinfo…) to another
 * process of the issuer: the issuer and the authorization endpoint stay those of the brand.
 */
export function atOtherInstance(
  config: client.Configuration,
  software: TestSoftware,
  origin: string,
): client.Configuration {
  const metadata = config.serverMetadata();
  const move = (url: unknown) => {
    if (typeof url !== 'string') return url;
    const moved = new URL(url);
    const target = new URL(origin);
    moved.host = target.host;
    return moved.href;
  };
  const aliases = (metadata.mtls_endpoint_aliases ?? {}) as Record<string, unknown>;
  const moved = new client.Configuration(
    {
      ...metadata,
      token_endpoint: move(metadata.token_endpoint) as string,
      pushed_authorization_request_endpoint: move(metadata.pushed_authorization_request_endpoint) as string,
      userinfo_endpoint: move(metadata.userinfo_endpoint) as string,
      mtls_endpoint_aliases: Object.fromEntries(Object.entries(aliases).map(([k, v]) => [k, move(v)])),
    } as unknown as client.ServerMetadata,
    config.clientMetadata().client_id,
    config.clientMetadata(),
    client.PrivateKeyJwt({ key: software.signingKey.privateKey, kid: String(software.signingKey.jwk.kid) }),
  );
  moved[client.customFetch] = mtlsFetch(software.agent);
  client.useCodeIdTokenResponseType(moved);
  client.enableDecryptingResponses(moved, ['A256GCM'], {
    key: software.encryptionKey.privateKey,
    alg: 'RSA-OAEP',
    kid: String(software.encryptionKey.jwk.kid),
  });
  return moved;
}
