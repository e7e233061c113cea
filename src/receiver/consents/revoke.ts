import * as client from 'openid-client';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { callHolder, HolderResponseError } from '../holders/holder-call.ts';
import { apiBase, findHolder, holderServers } from '../holders/holders.ts';
import type { ConsentDeps } from './deps.ts';
import { consentQueries, consentView, type ConsentView } from './store.ts';
import { NO_TOKENS, transition } from './transition.ts';

/**
 * Revokes a consent on the customer's or the institution's request: `DELETE /consents/{id}` at
 * the holder (consents.yaml 3.3.1: 204; the holder ends it REJECTED with
 * CUSTOMER_MANUALLY_REVOKED), then REVOKED here with the tokens wiped, in one transaction with
 * its event. A consent the holder already ended (422 CONSENTIMENTO_EM_STATUS_REJEITADO, 404)
 * is ended here too.
 */
export async function revokeConsent(deps: ConsentDeps, id: string): Promise<ConsentView> {
  const { ctx } = deps;
  const row = await consentQueries.byId(ctx.db, id);
  if (!row) throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
  if (row.status === 'REVOKED' || row.status === 'REJECTED') return consentView(row);

  const registration = await deps.registrations.byId(ctx.db, row.registrationId);
  const server = findHolder(holderServers(await ctx.directory.participants()), row.authorisationServerId);
  const config = await deps.parties.configFor(registration!.discoveryUrl, registration!.clientId!);
  const { access_token: token } = await deps.oauth(() =>
    client.clientCredentialsGrant(config, { scope: 'consents' }),
  );
  const url = `${apiBase(server, 'consents', 3)}/consents/${encodeURIComponent(row.consentId)}`;
  try {
    await callHolder(ctx.transport.fetch, url, { method: 'DELETE', token });
  } catch (error) {
    const gone =
      error instanceof HolderResponseError && (error.holderStatus === 404 || error.holderStatus === 422);
    if (!gone) throw error;
    ctx.logger.info(
      { id, consentId: row.consentId, holderStatus: error.holderStatus },
      'consent already ended at the holder',
    );
  }
  const revoked = await ctx.db.transaction(async (tx) => {
    const locked = await consentQueries.byId(tx, id, { forUpdate: true });
    if (!locked || locked.status === 'REVOKED' || locked.status === 'REJECTED') return locked!;
    return transition(tx, {
      row: locked,
      status: 'REVOKED',
      brandId: ctx.brandId,
      now: ctx.clock.now(),
      reason: 'revoked_by_receiver',
      set: NO_TOKENS,
    });
  });
  return consentView(revoked);
}
