import * as client from 'openid-client';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { HolderServer } from '../holders/holders.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import type { ConsentDeps } from './deps.ts';

/** Our registration at a holder's authorisation server and its openid-client configuration. */
export async function registeredClientAt(
  deps: ConsentDeps,
  server: HolderServer,
): Promise<{ registration: ReceiverRegistrationRow & { clientId: string }; config: client.Configuration }> {
  const { ctx } = deps;
  const registration = await deps.registrations.find(
    ctx.db,
    ctx.identity.softwareStatementId,
    server.authorisationServerId,
  );
  if (registration?.status !== 'REGISTERED' || !registration.clientId) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_NOT_REGISTERED,
      'Ponte ainda não está registrada nesta transmissora.',
      { detail: { authorisationServerId: server.authorisationServerId } },
    );
  }
  const config = await deps.parties.configFor(registration.discoveryUrl, registration.clientId);
  return { registration: registration as ReceiverRegistrationRow & { clientId: string }, config };
}

/** The redirect URI to use: the requested one if registered there, else the first registered. */
export function redirectUriOf(registration: ReceiverRegistrationRow, requested: string | undefined): string {
  const redirectUris = (registration.metadata as { redirect_uris?: string[] } | null)?.redirect_uris ?? [];
  const redirectUri = requested ?? redirectUris[0];
  if (!redirectUri || !redirectUris.includes(redirectUri)) {
    throw new AppError(
      ReceiverErrors.RECEIVER_CALLBACK_INVALID,
      'redirectUri não registrada nesta transmissora.',
    );
  }
  return redirectUri;
}

export interface PushedAuthorisation {
  authorisationUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * PAR with a signed request object (FAPI-BR 5.2.2: PKCE S256, nonce, state, acr essential),
 * for a consent's dynamic scope; answers where to send the customer and what the callback needs.
 */
export async function pushAuthorisationRequest(
  deps: ConsentDeps,
  config: client.Configuration,
  input: { redirectUri: string; scopes: string[] },
): Promise<PushedAuthorisation> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const { searchParams } = await client.buildAuthorizationUrlWithJAR(
    config,
    {
      redirect_uri: input.redirectUri,
      scope: ['openid', ...input.scopes].join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      nonce,
      state,
      // FAPI-BR 5.2.2-4: acr urn:brasil:openbanking:loa2 (or loa3) requested as essential.
      claims: JSON.stringify({
        id_token: { acr: { essential: true, values: ['urn:brasil:openbanking:loa2'] } },
      }),
    },
    { key: deps.ctx.identity.signingKey, kid: deps.ctx.identity.signingKid },
  );
  const url = await deps.oauth(() => client.buildAuthorizationUrlWithPAR(config, searchParams));
  return { authorisationUrl: url.href, state, nonce, codeVerifier };
}
