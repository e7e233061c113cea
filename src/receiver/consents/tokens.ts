import { eq } from 'drizzle-orm';
import * as client from 'openid-client';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { oauthErrorOf } from '../oidc/oauth-errors.ts';
import { receiverConsents, type ReceiverConsentRow } from '../schema.ts';
import type { ConsentDeps } from './deps.ts';
import { consentQueries } from './store.ts';
import { NO_TOKENS, transition } from './transition.ts';

/** Refresh this long before expiry, so a data call never starts with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

function notActive(row: ReceiverConsentRow): never {
  throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_ACTIVE, `O consentimento está ${row.status}.`, {
    detail: { id: row.id, status: row.status },
  });
}

/**
 * A valid access token of an AUTHORISED consent, refreshed first when it expires within the
 * margin. The refresh runs under the row's lock so concurrent callers refresh once. A refresh
 * refused with `invalid_grant` (consent revoked or expired at the holder) ends the consent
 * here too: ACCESS_LOST, tokens wiped, `receiver-consent.status-changed` in the outbox.
 */
export async function accessTokenFor(
  deps: ConsentDeps,
  id: string,
): Promise<{ token: string; row: ReceiverConsentRow }> {
  const { ctx } = deps;
  const row = await consentQueries.byId(ctx.db, id);
  if (!row) throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
  if (row.status !== 'AUTHORISED') notActive(row);
  if (row.accessTokenExpiresAt!.getTime() - ctx.clock.now().getTime() > REFRESH_MARGIN_MS) {
    return { token: deps.secrets.open(row.id, 'access_token', row.accessToken)!, row };
  }
  return refresh(deps, id);
}

/** Refreshes the consent's tokens now (also used by a scheduled sweep, `refreshExpiring`). */
export async function refresh(
  deps: ConsentDeps,
  id: string,
  marginMs = REFRESH_MARGIN_MS,
): Promise<{ token: string; row: ReceiverConsentRow }> {
  const { ctx } = deps;
  type Outcome = { token: string; row: ReceiverConsentRow } | { lost: ReceiverConsentRow };
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const row = await consentQueries.byId(tx, id, { forUpdate: true });
    if (!row) throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
    if (row.status !== 'AUTHORISED') notActive(row);
    const now = ctx.clock.now();
    // Another caller refreshed while we waited for the lock.
    if (row.accessTokenExpiresAt!.getTime() - now.getTime() > marginMs) {
      return { token: deps.secrets.open(row.id, 'access_token', row.accessToken)!, row };
    }
    const refreshToken = deps.secrets.open(row.id, 'refresh_token', row.refreshToken);
    if (!refreshToken) {
      return {
        lost: await transition(tx, {
          row,
          status: 'ACCESS_LOST',
          brandId: ctx.brandId,
          now,
          reason: 'no_refresh_token',
          set: NO_TOKENS,
        }),
      };
    }
    const registration = await deps.registrations.byId(tx, row.registrationId);
    const config = await deps.parties.configFor(registration!.discoveryUrl, registration!.clientId!);
    let tokens: Awaited<ReturnType<typeof client.refreshTokenGrant>>;
    try {
      tokens = await deps.oauth(() => client.refreshTokenGrant(config, refreshToken));
    } catch (error) {
      if (oauthErrorOf(error) !== 'invalid_grant') throw error;
      return {
        lost: await transition(tx, {
          row,
          status: 'ACCESS_LOST',
          brandId: ctx.brandId,
          now,
          reason: 'invalid_grant',
          set: NO_TOKENS,
        }),
      };
    }
    const [updated] = await tx
      .update(receiverConsents)
      .set({
        accessToken: deps.secrets.seal(row.id, 'access_token', tokens.access_token),
        accessTokenExpiresAt: new Date(now.getTime() + (tokens.expiresIn() ?? 300) * 1000),
        // FAPI-BR 5.2.2-18: refresh tokens are not rotated; keep a new one if a holder sends it.
        ...(tokens.refresh_token && {
          refreshToken: deps.secrets.seal(row.id, 'refresh_token', tokens.refresh_token),
        }),
        updatedAt: now,
      })
      .where(eq(receiverConsents.id, row.id))
      .returning();
    return { token: tokens.access_token, row: updated! };
  });
  if ('lost' in outcome) {
    ctx.logger.warn(
      { id, consentId: outcome.lost.consentId },
      'holder refused the refresh token: consent access lost',
    );
    notActive(outcome.lost);
  }
  return outcome;
}

/** Refreshes every AUTHORISED consent whose token expires within `withinMs` (a job's body). */
export async function refreshExpiring(
  deps: ConsentDeps,
  withinMs = 5 * 60_000,
): Promise<{ refreshed: number; lost: number }> {
  const before = new Date(deps.ctx.clock.now().getTime() + withinMs);
  let refreshed = 0;
  let lost = 0;
  for (const { id } of await consentQueries.expiringBefore(deps.ctx.db, before)) {
    try {
      await refresh(deps, id, withinMs);
      refreshed++;
    } catch (error) {
      if ((error as AppError).code === ReceiverErrors.RECEIVER_CONSENT_NOT_ACTIVE) lost++;
      else deps.ctx.logger.warn({ id, err: error }, 'token refresh failed; retried on the next run');
    }
  }
  return { refreshed, lost };
}
