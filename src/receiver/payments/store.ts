import { and, eq } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor, Transaction } from '../../platform/db/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import {
  receiverConsents,
  receiverPaymentConsents,
  receiverPayments,
  type ReceiverPaymentConsentRow,
  type ReceiverPaymentRow,
} from '../schema.ts';
import type { PaymentOrder } from './order.ts';

/** payments.yaml 4.0.0 `EnumPaymentStatusType`, plus PENDING: not yet answered by the holder. */
export type ReceiverPaymentStatus =
  'PENDING' | 'RCVD' | 'ACCP' | 'ACPD' | 'ACSC' | 'PDNG' | 'SCHD' | 'RJCT' | 'CANC';
export const PAYMENT_STATUSES: readonly ReceiverPaymentStatus[] = [
  'PENDING',
  'RCVD',
  'ACCP',
  'ACPD',
  'ACSC',
  'PDNG',
  'SCHD',
  'RJCT',
  'CANC',
];
/** No further change comes from the holder (DIGEST §4.6). */
export const FINAL_PAYMENT_STATUSES: ReadonlySet<string> = new Set(['ACSC', 'RJCT', 'CANC']);
export const PAYMENT_CONSENT_STATUSES = [
  'AWAITING_AUTHORISATION',
  'PARTIALLY_ACCEPTED',
  'AUTHORISED',
  'REJECTED',
  'CONSUMED',
] as const;

/** What the app sees of a payment (no request details: they are personal data). */
export interface PaymentView {
  id: string;
  /** The local id of the payment consent (receiver_consents). */
  consent: string;
  consentId: string;
  orgId: string;
  paymentId: string | null;
  endToEndId: string;
  status: ReceiverPaymentStatus;
  rejectionReason: string | null;
  lastError: string | null;
  checkedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function paymentView(row: ReceiverPaymentRow): PaymentView {
  return {
    id: row.id,
    consent: row.consentRowId,
    consentId: row.consentId,
    orgId: row.orgId,
    paymentId: row.paymentId,
    endToEndId: row.endToEndId,
    status: row.status as ReceiverPaymentStatus,
    rejectionReason: row.rejectionReason,
    lastError: row.lastError,
    checkedAt: row.checkedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The encrypted request columns, each bound to its table, column and row by the AAD. */
export function createPaymentSecrets(cipher: FieldCipher) {
  const consentAad = (id: string) => fieldAad('receiver_payment_consents', 'request', id);
  const paymentAad = (id: string) => fieldAad('receiver_payments', 'request', id);
  return {
    sealOrder: (id: string, order: PaymentOrder) => cipher.encrypt(JSON.stringify(order), consentAad(id)),
    openOrder: (row: ReceiverPaymentConsentRow) =>
      JSON.parse(cipher.decrypt(row.requestEncrypted, consentAad(row.id))) as PaymentOrder,
    sealItems: (id: string, items: unknown[]) => cipher.encrypt(JSON.stringify(items), paymentAad(id)),
    openItems: (row: ReceiverPaymentRow) =>
      JSON.parse(cipher.decrypt(row.requestEncrypted, paymentAad(row.id))) as unknown[],
  };
}
export type PaymentSecrets = ReturnType<typeof createPaymentSecrets>;

export const paymentQueries = {
  async paymentConsent(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
    const query = db.select().from(receiverPaymentConsents).where(eq(receiverPaymentConsents.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  },
  async payment(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
    const query = db.select().from(receiverPayments).where(eq(receiverPayments.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  },
  async paymentOfConsent(db: Executor, consentRowId: string) {
    const [row] = await db
      .select()
      .from(receiverPayments)
      .where(eq(receiverPayments.consentRowId, consentRowId));
    return row;
  },
  async paymentAtHolder(db: Executor, orgId: string, paymentId: string) {
    const [row] = await db
      .select()
      .from(receiverPayments)
      .where(and(eq(receiverPayments.orgId, orgId), eq(receiverPayments.paymentId, paymentId)));
    return row;
  },
  async paymentConsentAtHolder(db: Executor, orgId: string, consentId: string) {
    const [row] = await db
      .select({ id: receiverConsents.id })
      .from(receiverConsents)
      .where(
        and(
          eq(receiverConsents.orgId, orgId),
          eq(receiverConsents.consentId, consentId),
          eq(receiverConsents.kind, 'PAYMENT'),
        ),
      );
    return row;
  },
};

/**
 * Records what the holder answered about a payment; a new status also records
 * `receiver-payment.status-changed` in the same transaction (outbox, DESIGN §4).
 */
export async function recordPaymentStatus(
  tx: Transaction,
  input: {
    row: ReceiverPaymentRow;
    status: ReceiverPaymentStatus;
    brandId: string;
    now: Date;
    reason?: string | null;
    set?: Partial<typeof receiverPayments.$inferInsert>;
  },
): Promise<ReceiverPaymentRow> {
  const { row } = input;
  const [updated] = await tx
    .update(receiverPayments)
    .set({
      ...input.set,
      status: input.status,
      rejectionReason: input.reason ?? null,
      checkedAt: input.now,
      updatedAt: input.now,
    })
    .where(eq(receiverPayments.id, row.id))
    .returning();
  if (input.status !== row.status) {
    await recordEvent(tx, {
      type: 'receiver-payment.status-changed',
      brandId: input.brandId,
      aggregateId: row.id,
      payload: {
        id: row.id,
        paymentId: updated!.paymentId ?? '',
        consentId: row.consentId,
        orgId: row.orgId,
        status: input.status,
        previousStatus: row.status,
        ...(input.reason && { reason: input.reason }),
      },
    });
  }
  return updated!;
}
