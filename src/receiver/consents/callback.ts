import * as client from 'openid-client';
import { AppError, isAppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { consentQueries, consentView, type ConsentView } from './store.ts';
import type { ConsentDeps } from './deps.ts';
import { NO_TOKENS, transition } from './transition.ts';
import type { ReceiverConsentRow } from '../schema.ts';
import type { Executor } from '../../platform/db/index.ts';

function invalid(message: string, detail?: Record<string, unknown>, cause?: unknown): AppError {
  return new AppError(ReceiverErrors.RECEIVER_CALLBACK_INVALID, message, {
    ...(detail && { detail }),
    cause,
  });
}

async function pending(db: Executor, state: string): Promise<ReceiverConsentRow> {
  const row = await consentQueries.byState(db, state);
  if (!row || row.status !== 'AWAITING_AUTHORISATION') {
    throw new AppError(
      ReceiverErrors.RECEIVER_CALLBACK_STATE_UNKNOWN,
      'Nenhum consentimento aguarda esta resposta.',
    );
  }
  return row;
}

/**
 * The authorisation response (hybrid, FAPI-BR 5.2.2: `code`, encrypted `id_token`, `state` in
 * the fragment, forwarded here as parameters). openid-client validates it as a detached
 * signature (`s_hash`, `c_hash`, nonce, issuer, audience, PS256 after RSA-OAEP decryption),
 * then exchanges the code over mTLS with private_key_jwt and PKCE. Only then, in one
 * transaction, the consent becomes AUTHORISED with its tokens encrypted; a tampered response
 * changes nothing and answers 4xx.
 */
export async function completeAuthorisation(
  deps: ConsentDeps,
  params: URLSearchParams,
): Promise<ConsentView> {
  const { ctx } = deps;
  const state = params.get('state');
  if (!state) throw invalid('Parâmetro state ausente.');
  const found = await pending(ctx.db, state);

  if (params.has('error')) {
    // The customer refused (or the holder failed the journey): the consent is over.
    const error = params.get('error')!.slice(0, 100);
    const row = await ctx.db.transaction(async (tx) => {
      const locked = await pending(tx, state);
      return transition(tx, {
        row: locked,
        status: 'REJECTED',
        brandId: ctx.brandId,
        now: ctx.clock.now(),
        reason: error,
        set: NO_TOKENS,
      });
    });
    throw new AppError(ReceiverErrors.RECEIVER_AUTHORISATION_DENIED, `A transmissora respondeu ${error}.`, {
      detail: { id: row.id, error },
    });
  }

  const registration = await deps.registrations.byId(ctx.db, found.registrationId);
  if (!registration?.clientId) throw invalid('Registro da transmissora não encontrado.');
  const config = await deps.parties.configFor(registration.discoveryUrl, registration.clientId);
  const currentUrl = new URL(found.redirectUri);
  currentUrl.hash = params.toString();
  const codeVerifier = deps.secrets.open(found.id, 'code_verifier', found.codeVerifier);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedNonce: found.nonce ?? undefined,
      expectedState: state,
    });
  } catch (error) {
    if (isAppError(error)) throw error;
    ctx.logger.warn({ id: found.id, err: error }, 'authorisation response refused');
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('A resposta de autorização não pôde ser validada.', { id: found.id, reason }, error);
  }
  if (!tokens.access_token) throw invalid('A transmissora não emitiu token de acesso.');
  const now = ctx.clock.now();
  const claims = tokens.claims();
  const row = await ctx.db.transaction(async (tx) => {
    // The state is consumed once: a concurrent replay finds it gone.
    const locked = await pending(tx, state);
    return transition(tx, {
      row: locked,
      status: 'AUTHORISED',
      brandId: ctx.brandId,
      now,
      set: {
        ...NO_TOKENS,
        accessToken: deps.secrets.seal(locked.id, 'access_token', tokens.access_token),
        accessTokenExpiresAt: new Date(now.getTime() + (tokens.expiresIn() ?? 300) * 1000),
        refreshToken: tokens.refresh_token
          ? deps.secrets.seal(locked.id, 'refresh_token', tokens.refresh_token)
          : null,
        authTime: typeof claims?.auth_time === 'number' ? new Date(claims.auth_time * 1000) : now,
        lastError: null,
      },
    });
  });
  ctx.logger.info({ id: row.id, consentId: row.consentId }, 'consent authorised at holder');
  return consentView(row);
}
