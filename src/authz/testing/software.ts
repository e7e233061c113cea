import { randomUUID, type KeyObject } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import { fetch, type Agent } from 'undici';
import type { TestKeyPair } from './certificates.ts';
import { rsaKey } from './directory.ts';
import type { AuthzHarness } from './harness.ts';

/**
 * Test helper: a receiver's software as the directory knows it (org, software id, redirect
 * URIs, keystore JWKS with a signing and an encryption key, a transport certificate) and its
 * DCR request against the harness's authorization server.
 */
export interface TestSoftware {
  orgId: string;
  softwareId: string;
  redirectUri: string;
  jwksUri: string;
  signingKey: { privateKey: CryptoKey; jwk: JWK };
  encryptionKey: { privateKey: CryptoKey; jwk: JWK };
  certificate: TestKeyPair;
  agent: Agent;
  /** A fresh SSA for this software (PS256 by the directory), with optional overrides. */
  ssa(
    overrides?: Record<string, unknown>,
    options?: { iatSeconds?: number; key?: KeyObject },
  ): Promise<string>;
}

export interface RegistrationResponse {
  status: number;
  body: Record<string, unknown>;
}

export async function createTestSoftware(
  harness: AuthzHarness,
  options: { withEncryptionKey?: boolean } = {},
): Promise<TestSoftware> {
  const orgId = randomUUID();
  const softwareId = randomUUID();
  const signingKey = await rsaKey(`${softwareId}-sig`, 'sig');
  const encryptionKey = await rsaKey(`${softwareId}-enc`, 'enc');
  const keys = options.withEncryptionKey === false ? [signingKey.jwk] : [signingKey.jwk, encryptionKey.jwk];
  const jwksUri = harness.directory.publishJwks(orgId, softwareId, { keys });
  const certificate = await harness.pki.issueClient({ softwareId, orgId });
  const redirectUri = `https://receiver.localhost/${softwareId}/callback`;
  return {
    orgId,
    softwareId,
    redirectUri,
    jwksUri,
    signingKey,
    encryptionKey,
    certificate,
    agent: harness.agent(certificate),
    ssa: (overrides = {}, ssaOptions = {}) =>
      harness.directory.issueSsa(
        {
          software_id: softwareId,
          org_id: orgId,
          software_client_name: `Receptor ${softwareId.slice(0, 8)}`,
          software_jwks_uri: jwksUri,
          software_redirect_uris: [redirectUri, `https://receiver.localhost/${softwareId}/other`],
          software_api_webhook_uris: [`https://receiver.localhost/${softwareId}/webhooks`],
          ...overrides,
        },
        ssaOptions,
      ),
  };
}

/** The usual DCR body of a receiver (dcr.yaml ClientRegistrationRequest). */
export async function registrationBody(
  software: TestSoftware,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    software_statement: await software.ssa(),
    redirect_uris: [software.redirectUri],
    jwks_uri: software.jwksUri,
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code id_token'],
    token_endpoint_auth_method: 'private_key_jwt',
    id_token_signed_response_alg: 'PS256',
    id_token_encrypted_response_alg: 'RSA-OAEP',
    id_token_encrypted_response_enc: 'A256GCM',
    tls_client_certificate_bound_access_tokens: true,
    ...overrides,
  };
}

export async function register(
  harness: AuthzHarness,
  agent: Agent,
  body: Record<string, unknown>,
  endpoint = `${harness.issuer}/register`,
): Promise<RegistrationResponse> {
  const response = await fetch(endpoint, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** DCM (RFC 7592) with the registration access token. */
export async function manage(
  agent: Agent,
  registration: Record<string, unknown>,
  method: 'GET' | 'PUT' | 'DELETE',
  body?: Record<string, unknown>,
): Promise<RegistrationResponse> {
  const response = await fetch(String(registration.registration_client_uri), {
    method,
    dispatcher: agent,
    headers: {
      authorization: `Bearer ${String(registration.registration_access_token)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
