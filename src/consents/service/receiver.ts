import { AppError } from '../../platform/errors/index.ts';
import { ConsentErrors } from '../errors.ts';
import type { Consent, ConsentExtension, Page, PageRequest } from '../domain/model.ts';
import { RECEIVER_REVOCATION_BY, revocationReason, type RejectedBy } from '../domain/status-policy.ts';
import { notFound, ownedBy, type ConsentContext } from './context.ts';
import { currentConsent, endConsent, lockedConsent } from './transitions.ts';
import type { ConsentKey } from '../storage/consent-store.ts';

/** GET /consents/{consentId}: the receiver's own consent, with any due expiry applied first. */
export async function getConsent(ctx: ConsentContext, key: ConsentKey, clientId: string): Promise<Consent> {
  return ownedBy(await currentConsent(ctx, key), clientId);
}

export function alreadyRejected(consentId: string): AppError {
  return new AppError(
    ConsentErrors.CONSENTIMENTO_EM_STATUS_REJEITADO,
    'O consentimento já se encontra no status REJECTED.',
    { detail: { consentId } },
  );
}

/**
 * Ends a consent on the customer's request (DIGEST §2.5): CUSTOMER_MANUALLY_REVOKED once
 * authorised, CUSTOMER_MANUALLY_REJECTED while awaiting; a consent already REJECTED → 422
 * CONSENTIMENTO_EM_STATUS_REJEITADO (consents.yaml: "Caso o método DELETE seja chamado para um
 * consentimento que já se encontra no STATUS REJECTED deve se retornar o STATUS CODE 422").
 * `check` runs on the locked consent (ownership); the event is recorded in the same transaction.
 */
export async function revokeOnRequest(
  ctx: ConsentContext,
  key: ConsentKey,
  options: { rejectedBy: RejectedBy; check: (consent: Consent) => void },
): Promise<Consent> {
  // Commit any due expiry first, so a 422 below cannot roll it back.
  const current = await currentConsent(ctx, key);
  if (current === undefined) throw notFound();
  options.check(current);
  return ctx.db.transaction(async (tx) => {
    const consent = await lockedConsent(tx, ctx, key);
    if (consent === undefined) throw notFound();
    const reason = revocationReason(consent.status);
    if (reason === undefined) throw alreadyRejected(consent.consentId);
    const ended = await endConsent(tx, ctx, consent, {
      rejectedBy: options.rejectedBy,
      reason,
      at: ctx.clock.now(),
    });
    // The row was locked: only a bug could have changed it under us.
    if (ended === undefined) throw alreadyRejected(consent.consentId);
    return ended;
  });
}

/** DELETE /consents/{consentId} by the receiver that created the consent. */
export async function revokeByReceiver(
  ctx: ConsentContext,
  key: ConsentKey,
  clientId: string,
): Promise<void> {
  await revokeOnRequest(ctx, key, {
    rejectedBy: RECEIVER_REVOCATION_BY,
    check: (consent) => void ownedBy(consent, clientId),
  });
}

/** GET /consents/{consentId}/extensions, newest first. */
export async function listExtensions(
  ctx: ConsentContext,
  key: ConsentKey,
  clientId: string,
  page: PageRequest,
): Promise<Page<ConsentExtension>> {
  ownedBy(await ctx.consents.find(ctx.db, key), clientId);
  return ctx.extensions.list(ctx.db, key, page);
}
