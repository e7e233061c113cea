import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { importPKCS8, type CryptoKey } from 'jose';
import * as client from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import type { SimManifest } from '../../src/sim/manifest.ts';

/**
 * An outside participant built only from the simulator's manifest, the way an openid-client
 * script or a conformance tool would act as a receiver: its transport certificate for mTLS, its
 * signing key for private_key_jwt and request objects, its encryption key for id_tokens.
 */
export interface Participant {
  software: SimManifest['softwares'][number];
  agent: Agent;
  signingKey: CryptoKey;
  encryptionKey: CryptoKey;
  /** Fetch over mTLS with the software's transport certificate. */
  fetch: typeof undiciFetch;
}

export async function participantFrom(
  simDir: string,
  manifest: SimManifest,
  index: number,
): Promise<Participant> {
  const software = manifest.softwares[index]!;
  const read = (file: string) => fs.readFile(path.join(simDir, file), 'utf8');
  const agent = new Agent({
    connect: {
      ca: await read(manifest.caCertificateFile),
      cert: await read(software.transport.certificateFile),
      key: await read(software.transport.keyFile),
    },
  });
  return {
    software,
    agent,
    signingKey: await importPKCS8(await read(software.signing.keyFile), 'PS256'),
    encryptionKey: await importPKCS8(await read(software.encryption.keyFile), 'RSA-OAEP'),
    fetch: (url, init = {}) => undiciFetch(url, { ...init, dispatcher: agent }),
  };
}

/** Directory token (client_credentials over mTLS, scope directory:software), then the SSA. */
export async function softwareStatement(p: Participant, manifest: SimManifest): Promise<string> {
  const token = await p.fetch(manifest.directory.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: p.software.softwareStatementId,
      scope: 'directory:software',
    }).toString(),
  });
  if (token.status !== 200) throw new Error(`directory token: ${token.status} ${await token.text()}`);
  const { access_token } = (await token.json()) as { access_token: string };
  const url = manifest.directory.ssaAssertionUrlTemplate
    .replace('{OrganisationId}', p.software.orgId)
    .replace('{SoftwareStatementId}', p.software.softwareStatementId);
  const ssa = await p.fetch(url, { headers: { authorization: `Bearer ${access_token}` } });
  if (ssa.status !== 200) throw new Error(`SSA: ${ssa.status} ${await ssa.text()}`);
  return (await ssa.text()).trim();
}

/** An authorisation server as a client finds it: in the manifest, or in the participants list. */
export interface AuthorisationServerRef {
  issuer: string;
  discoveryUrl: string;
}

/** DCR at a brand (its mTLS registration endpoint alias); answers the registration response. */
export async function registerAt(
  p: Participant,
  brand: AuthorisationServerRef,
  ssa: string,
  redirectUri: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const discovery = (await (await p.fetch(brand.discoveryUrl)).json()) as {
    registration_endpoint: string;
    mtls_endpoint_aliases?: { registration_endpoint?: string };
  };
  const endpoint = discovery.mtls_endpoint_aliases?.registration_endpoint ?? discovery.registration_endpoint;
  const response = await p.fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      software_statement: ssa,
      redirect_uris: [redirectUri],
      jwks_uri: p.software.jwksUri,
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code id_token'],
      token_endpoint_auth_method: 'private_key_jwt',
      id_token_signed_response_alg: 'PS256',
      id_token_encrypted_response_alg: 'RSA-OAEP',
      id_token_encrypted_response_enc: 'A256GCM',
      tls_client_certificate_bound_access_tokens: true,
      ...extra,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** openid-client 6 configured as a FAPI-BR relying party of the brand. */
export async function relyingPartyAt(
  p: Participant,
  brand: AuthorisationServerRef,
  clientId: string,
): Promise<client.Configuration> {
  const config = await client.discovery(
    new URL(brand.issuer),
    clientId,
    {
      use_mtls_endpoint_aliases: true,
      id_token_signed_response_alg: 'PS256',
      tls_client_certificate_bound_access_tokens: true,
    },
    client.PrivateKeyJwt({ key: p.signingKey, kid: p.software.signing.kid }),
    {
      [client.customFetch]: (url: string, options: client.CustomFetchOptions) =>
        undiciFetch(url, { ...options, dispatcher: p.agent }),
      execute: [client.useCodeIdTokenResponseType],
    },
  );
  client.enableDecryptingResponses(config, ['A256GCM'], {
    key: p.encryptionKey,
    alg: 'RSA-OAEP',
    kid: p.software.encryption.kid,
  });
  return config;
}

/** Calls an Open Finance endpoint with the token, over mTLS, with an x-fapi-interaction-id. */
export async function callApi(
  p: Participant,
  url: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined; interactionId: string | null }> {
  const response = await p.fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'x-fapi-interaction-id': randomUUID(),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    interactionId: response.headers.get('x-fapi-interaction-id'),
  };
}
