import type { CustomerRef } from '../../connectors/index.ts';
import type { Transaction } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import { ConsentErrors } from '../errors.ts';
import type { Consent, ConsentResource, Rejection } from '../domain/model.ts';
import {
  canEndWith,
  canTransition,
  dueEnding,
  endedEventFor,
  type RejectedBy,
  type RejectionReasonCode,
} from '../domain/status-policy.ts';
import type { ConsentContext } from './context.ts';
import type { ConsentKey, ConsentState } from '../storage/consent-store.ts';

export interface Ending {
  rejectedBy: RejectedBy;
  reason: RejectionReasonCode;
  at: Date;
  additionalInformation?: string;
}

function invalidState(consent: ConsentState, wanted: string): AppError {
  return new AppError(
    ConsentErrors.ESTADO_CONSENTIMENTO_INVALIDO,
    `O consentimento está em ${consent.status} e não pode ${wanted}.`,
    { detail: { consentId: consent.consentId } },
  );
}

/**
 * Ends a consent in the caller's transaction and records the event announcing it (outbox: both
 * commit or neither does). Returns the ended consent, or undefined if the row had already left
 * `consent.status` (a concurrent change won; nothing is written).
 */
export async function endConsent<C extends ConsentState>(
  tx: Transaction,
  ctx: ConsentContext,
  consent: C,
  ending: Ending,
): Promise<(C & { status: 'REJECTED'; rejection: Rejection }) | undefined> {
  if (consent.status === 'REJECTED' || !canEndWith(consent.status, ending.reason)) {
    throw invalidState(consent, `ser encerrado com ${ending.reason}`);
  }
  const rejection: Rejection = {
    rejectedBy: ending.rejectedBy,
    reason: {
      code: ending.reason,
      ...(ending.additionalInformation === undefined
        ? {}
        : { additionalInformation: ending.additionalInformation }),
    },
  };
  const key = { brandId: consent.brandId, consentId: consent.consentId };
  const changed = await ctx.consents.end(tx, key, { from: consent.status, at: ending.at, rejection });
  if (!changed) return undefined;
  await recordEvent(tx, {
    type: endedEventFor(ending.reason),
    brandId: consent.brandId,
    aggregateId: consent.consentId,
    occurredAt: ending.at,
    payload: {
      consentId: consent.consentId,
      clientId: consent.clientId,
      previousStatus: consent.status,
      rejectedBy: ending.rejectedBy,
      reason: ending.reason,
    },
  });
  return { ...consent, status: 'REJECTED', statusUpdateDateTime: ending.at, rejection };
}

/** AWAITING_AUTHORISATION → AUTHORISED, with the resources linked and `consent.authorised` recorded. */
export async function authoriseConsent(
  tx: Transaction,
  ctx: ConsentContext,
  consent: Consent,
  change: { customer: CustomerRef; resources: readonly ConsentResource[]; at: Date },
): Promise<Consent> {
  if (!canTransition(consent.status, 'AUTHORISED')) throw invalidState(consent, 'ser autorizado');
  const key = { brandId: consent.brandId, consentId: consent.consentId };
  if (!(await ctx.consents.authorise(tx, key, change))) throw invalidState(consent, 'ser autorizado');
  await recordEvent(tx, {
    type: 'consent.authorised',
    brandId: consent.brandId,
    aggregateId: consent.consentId,
    occurredAt: change.at,
    payload: { consentId: consent.consentId, clientId: consent.clientId },
  });
  return { ...consent, status: 'AUTHORISED', statusUpdateDateTime: change.at, customer: change.customer };
}

/**
 * The consent as it stands now: if its time ran out (60 minutes awaiting, or past its fixed
 * term) it is ended here and then, in its own committed transaction, so a read never shows a
 * consent as alive after its limit even when the sweep has not run yet.
 */
export async function currentConsent(ctx: ConsentContext, key: ConsentKey): Promise<Consent | undefined> {
  const consent = await ctx.consents.find(ctx.db, key);
  if (consent === undefined) return undefined;
  const due = dueEnding(consent, ctx.clock.now());
  if (due === undefined) return consent;
  const ended = await ctx.db.transaction((tx) => endConsent(tx, ctx, consent, due));
  // Lost the race to the sweep or a revocation: what they wrote is the truth.
  return ended ?? (await ctx.consents.find(ctx.db, key));
}

/**
 * Inside a state change's transaction: the consent row locked, with any ending that time
 * imposes applied first (in the same transaction), so the change sees the real status.
 */
export async function lockedConsent(
  tx: Transaction,
  ctx: ConsentContext,
  key: ConsentKey,
): Promise<Consent | undefined> {
  const consent = await ctx.consents.find(tx, key, { lock: true });
  if (consent === undefined) return undefined;
  const due = dueEnding(consent, ctx.clock.now());
  return due === undefined ? consent : endConsent(tx, ctx, consent, due);
}
