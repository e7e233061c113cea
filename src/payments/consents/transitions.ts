import type { Transaction } from '../../platform/db/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import type { PaymentsContext } from '../context.ts';
import {
  CONSENT_REJECTION_DETAIL,
  dueExpiry,
  type ConsentRejectionCode,
  type ConsentStatus,
} from '../domain/consent-status.ts';
import type { ConsentStore } from './consent-store.ts';
import type { PaymentConsent } from './model.ts';

type Change = Parameters<ConsentStore['transition']>[3];

/**
 * Moves a consent to `to` and records `payment-consent.status-changed` in the same transaction
 * (outbox: the webhook to the initiator follows from it). Undefined when the consent was moved
 * by someone else meanwhile.
 */
export async function moveConsent(
  tx: Transaction,
  ctx: PaymentsContext,
  consent: PaymentConsent,
  to: ConsentStatus,
  change: Change,
): Promise<PaymentConsent | undefined> {
  const updated = await ctx.consents.transition(tx, consent, to, change);
  if (updated === undefined) return undefined;
  await recordEvent(tx, {
    type: 'payment-consent.status-changed',
    brandId: consent.brandId,
    aggregateId: consent.consentId,
    occurredAt: change.at,
    payload: {
      consentId: consent.consentId,
      clientId: consent.clientId,
      status: to,
      previousStatus: consent.status,
      ...(change.rejection === undefined ? {} : { reason: change.rejection.code }),
    },
  });
  return updated;
}

export function consentRejection(code: ConsentRejectionCode, detail?: string) {
  return { code, detail: detail ?? CONSENT_REJECTION_DETAIL[code] ?? code };
}

/** Rejects a consent whose time ran out, inside the caller's transaction. */
export async function expireInTx(
  tx: Transaction,
  ctx: PaymentsContext,
  consent: PaymentConsent,
  now: Date,
): Promise<PaymentConsent> {
  const code = dueExpiry(consent, now);
  if (code === undefined) return consent;
  const moved = await moveConsent(tx, ctx, consent, 'REJECTED', {
    at: now,
    rejection: consentRejection(code),
  });
  return moved ?? (await ctx.consents.find(tx, consent.brandId, consent.consentId))!;
}

/**
 * The consent as of now: expiry is applied lazily on every read (and committed), so a consent
 * nobody swept yet still answers REJECTED once its time is up.
 */
export async function currentConsent(
  ctx: PaymentsContext,
  brandId: string,
  consentId: string,
): Promise<PaymentConsent | undefined> {
  const consent = await ctx.consents.find(ctx.db, brandId, consentId);
  if (consent === undefined) return undefined;
  const now = ctx.clock.now();
  if (dueExpiry(consent, now) === undefined) return consent;
  return ctx.db.transaction((tx) => expireInTx(tx, ctx, consent, now));
}
