import { eq } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import { receiverConsents, type ReceiverConsentRow } from '../schema.ts';
import type { ReceiverConsentStatus } from './store.ts';

/**
 * Moves a consent to a new state and records `receiver-consent.status-changed` in the same
 * transaction (outbox, DESIGN §4), with whatever else the change sets (tokens, cleared secrets).
 */
export async function transition(
  tx: Transaction,
  input: {
    row: ReceiverConsentRow;
    status: ReceiverConsentStatus;
    brandId: string;
    now: Date;
    reason?: string;
    set?: Partial<typeof receiverConsents.$inferInsert>;
  },
): Promise<ReceiverConsentRow> {
  const { row } = input;
  const [updated] = await tx
    .update(receiverConsents)
    .set({
      ...input.set,
      status: input.status,
      updatedAt: input.now,
      ...(input.reason && { lastError: input.reason }),
    })
    .where(eq(receiverConsents.id, row.id))
    .returning();
  await recordEvent(tx, {
    type: 'receiver-consent.status-changed',
    brandId: input.brandId,
    aggregateId: row.id,
    payload: {
      id: row.id,
      consentId: row.consentId,
      orgId: row.orgId,
      status: input.status,
      previousStatus: row.status,
      ...(input.reason && { reason: input.reason }),
    },
  });
  return updated!;
}

/** Token columns cleared when a consent ends: nothing usable stays at rest. */
export const NO_TOKENS = {
  accessToken: null,
  accessTokenExpiresAt: null,
  refreshToken: null,
  state: null,
  nonce: null,
  codeVerifier: null,
} as const;
