import { importPKCS8 } from 'jose';
import * as client from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { isValidCpf, normaliseCpf } from '../../platform/documents/index.ts';
import { ACR_LOA2, ACR_LOA3, type Acr } from '../provider/acr.ts';
import type { RedirectAuthenticator, RedirectCompletion } from './authenticator.ts';

/** Federation to the institution's OpenID Provider (README "Customer authentication"). */
export interface OidcFederationConfig {
  kind: 'oidc';
  /** The identity provider's issuer; its metadata is discovered from `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** `client_secret_basic`. Exactly one of `clientSecret` and `privateKeyPem`. */
  clientSecret?: string;
  /** PKCS#8 PEM for `private_key_jwt`, signed with `privateKeyAlg` (PS256 by default). */
  privateKeyPem?: string;
  privateKeyAlg?: 'PS256' | 'RS256' | 'ES256';
  privateKeyId?: string;
  /** `openid` by default. */
  scope?: string;
  /** The claim carrying the customer's CPF (id_token, then userinfo); `cpf` by default, `sub` last. */
  cpfClaim?: string;
  /** Sent as `acr_values` (voluntary) to ask the identity provider for a level. */
  acrValues?: string;
  /** The identity provider's `acr` values → loa2/loa3; the two Open Finance URNs map to themselves. */
  acrMap?: Record<string, Acr>;
  /** PEM of the CA(s) of the identity provider's TLS certificate, when not a public one. */
  ca?: string;
  /** Per request to the identity provider; 5000 ms by default. */
  timeoutMs?: number;
}

const DEFAULT_ACR_MAP: Readonly<Record<string, Acr>> = { [ACR_LOA2]: ACR_LOA2, [ACR_LOA3]: ACR_LOA3 };

async function clientAuthentication(config: OidcFederationConfig): Promise<client.ClientAuth> {
  if (config.clientSecret !== undefined) return client.ClientSecretBasic(config.clientSecret);
  const key = await importPKCS8(config.privateKeyPem!, config.privateKeyAlg ?? 'PS256');
  return client.PrivateKeyJwt(config.privateKeyId === undefined ? key : { key, kid: config.privateKeyId });
}

function cpfOf(claims: Record<string, unknown>, claim: string): string | undefined {
  for (const value of [claims[claim], claims.sub]) {
    const cpf = typeof value === 'string' ? normaliseCpf(value) : null;
    if (cpf !== null && isValidCpf(cpf)) return cpf;
  }
  return undefined;
}

/** A failure the customer can retry later (network, timeout, the provider's 5xx). */
function isTemporary(error: unknown): boolean {
  if (error instanceof client.ResponseBodyError) return error.status >= 500;
  if (error instanceof client.ClientError || error instanceof client.AuthorizationResponseError) return false;
  return true;
}

/**
 * Customers log in at the institution's own OpenID Provider: authorization code with PKCE
 * (S256), state and nonce, through `openid-client`. The CPF is read from `cpfClaim` (id_token,
 * else userinfo, else `sub`); the identity provider's `acr` is mapped through `acrMap`, and an
 * absent or unknown one counts as loa2 (a completed login is at least one factor, never two).
 *
 * @example
 *   createOidcFederationAuthenticator({ kind: 'oidc', issuer: 'https://login.bank.example',
 *     clientId: 'ponte', privateKeyPem, acrMap: { 'urn:bank:mfa': 'urn:brasil:openbanking:loa3' } });
 */
export function createOidcFederationAuthenticator(config: OidcFederationConfig): RedirectAuthenticator & {
  close(): Promise<void>;
} {
  const issuer = new URL(config.issuer);
  if (issuer.protocol !== 'https:') throw new Error('oidc issuer must be https');
  if ((config.clientSecret === undefined) === (config.privateKeyPem === undefined)) {
    throw new Error('oidc customer authentication needs exactly one of clientSecret and privateKeyPem');
  }
  const cpfClaim = config.cpfClaim ?? 'cpf';
  const acrMap = { ...DEFAULT_ACR_MAP, ...config.acrMap };
  const agent = new Agent({ connect: config.ca === undefined ? {} : { ca: config.ca } });
  const customFetch: client.CustomFetch = (url, options) =>
    undiciFetch(url, { ...options, dispatcher: agent });
  let configuration: Promise<client.Configuration> | undefined;

  // Discovered once; a failed discovery is forgotten so that the next customer tries again.
  function discovered(): Promise<client.Configuration> {
    configuration ??= clientAuthentication(config)
      .then((auth) =>
        client.discovery(issuer, config.clientId, undefined, auth, {
          [client.customFetch]: customFetch,
          timeout: Math.ceil((config.timeoutMs ?? 5_000) / 1000),
        }),
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    style: 'redirect',
    async begin({ redirectUri, state }) {
      let oidc;
      try {
        oidc = await discovered();
      } catch (error) {
        return { outcome: 'unavailable', reason: `identity provider discovery failed: ${String(error)}` };
      }
      const codeVerifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      // OIDC Core §5.5: acr reaches the id_token when asked for; ask where the provider can be asked.
      const askAcr = oidc.serverMetadata().claims_parameter_supported === true;
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri,
        scope: config.scope ?? 'openid',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(config.acrValues === undefined ? {} : { acr_values: config.acrValues }),
        ...(askAcr ? { claims: JSON.stringify({ id_token: { acr: null } }) } : {}),
      });
      return { url, pending: { state, nonce, codeVerifier } };
    },

    async complete({ callbackUrl, pending }): Promise<RedirectCompletion> {
      // Checked here first, whatever the library does: a callback of another interaction never
      // reaches the token endpoint.
      if (callbackUrl.searchParams.get('state') !== pending.state) {
        return { outcome: 'invalid-callback', reason: 'state does not match the interaction' };
      }
      try {
        const oidc = await discovered();
        const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims()!;
        let cpf = typeof claims[cpfClaim] === 'string' ? cpfOf(claims, cpfClaim) : undefined;
        if (cpf === undefined && oidc.serverMetadata().userinfo_endpoint !== undefined) {
          const userinfo = await client.fetchUserInfo(oidc, tokens.access_token, claims.sub);
          cpf = cpfOf(userinfo, cpfClaim);
        }
        cpf ??= cpfOf({ sub: claims.sub }, 'sub');
        if (cpf === undefined) return { outcome: 'rejected', reason: `no CPF in ${cpfClaim} nor sub` };
        const acr = (typeof claims.acr === 'string' ? acrMap[claims.acr] : undefined) ?? ACR_LOA2;
        const amr = Array.isArray(claims.amr) ? claims.amr.filter((m) => typeof m === 'string') : [];
        return { outcome: 'authenticated', customer: { cpf, acr, amr } };
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          return { outcome: 'rejected', reason: `identity provider answered ${error.error}` };
        }
        const reason = `identity provider callback failed: ${String(error)}`;
        return isTemporary(error)
          ? { outcome: 'unavailable', reason }
          : { outcome: 'invalid-callback', reason };
      }
    },
    close: () => agent.close(),
  };
}
