import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { PersonType } from '../../connectors/index.ts';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor, Transaction } from '../../platform/db/index.ts';
import type { CreditorAccount, LocalInstrument } from '../domain/local-instrument.ts';
import type { PaymentRejectionCode, PaymentStatus } from '../domain/payment-status.ts';
import { pixPayments } from '../schema.ts';
import type { Cancellation, PaymentDetailsRecord, PixPayment } from './model.ts';

type Row = typeof pixPayments.$inferSelect;
const TABLE = 'pix_payments';
const aad = (column: string, paymentId: string) => fieldAad(TABLE, column, paymentId);

export interface PaymentChange {
  at: Date;
  rejection?: { code: PaymentRejectionCode; detail: string };
  cancellation?: Cancellation;
  risk?: { score: number; reasons: string[] };
}

/** Rows ↔ payments; creditor details, debtor account and cancellation encrypted per payment. */
export function createPaymentStore(cipher: FieldCipher) {
  const open = <T>(column: string, row: Row, value: Buffer): T =>
    JSON.parse(cipher.decrypt(value, aad(column, row.paymentId))) as T;
  const decode = (row: Row): PixPayment => ({
    paymentId: row.paymentId,
    brandId: row.brandId,
    clientId: row.clientId,
    consentId: row.consentId,
    endToEndId: row.endToEndId,
    status: row.status as PaymentStatus,
    creationDateTime: row.creationDateTime,
    statusUpdateDateTime: row.statusUpdateDateTime,
    localInstrument: row.localInstrument as LocalInstrument,
    amount: row.amount,
    currency: row.currency,
    scheduledDate: row.scheduledDate,
    details: open<PaymentDetailsRecord>('details_enc', row, row.detailsEnc),
    debtorAccount: open<CreditorAccount>('debtor_account_enc', row, row.debtorAccountEnc),
    customer: { customerId: row.customerId, personType: row.customerPersonType as PersonType },
    debtorAccountId: row.debtorAccountId,
    payerRef: row.payerRef,
    creditorRef: row.creditorRef,
    ...(row.rejectionCode === null
      ? {}
      : {
          rejection: { code: row.rejectionCode as PaymentRejectionCode, detail: row.rejectionDetail ?? '' },
        }),
    ...(row.cancellationEnc === null
      ? {}
      : { cancellation: open<Cancellation>('cancellation_enc', row, row.cancellationEnc) }),
    ...(row.riskScore === null ? {} : { riskScore: row.riskScore }),
  });

  return {
    decode,
    /**
     * Inserts the payments; resolves to how many were new. An endToEndId this brand already has is
     * skipped (unique index), so a short count means a reused id: the caller refuses the request.
     */
    async insert(tx: Transaction, payments: readonly PixPayment[]): Promise<number> {
      const inserted = await tx
        .insert(pixPayments)
        .values(
          payments.map((p) => ({
            paymentId: p.paymentId,
            brandId: p.brandId,
            clientId: p.clientId,
            consentId: p.consentId,
            endToEndId: p.endToEndId,
            status: p.status,
            creationDateTime: p.creationDateTime,
            statusUpdateDateTime: p.statusUpdateDateTime,
            localInstrument: p.localInstrument,
            amount: p.amount,
            currency: p.currency,
            scheduledDate: p.scheduledDate,
            detailsEnc: cipher.encrypt(JSON.stringify(p.details), aad('details_enc', p.paymentId)),
            debtorAccountEnc: cipher.encrypt(
              JSON.stringify(p.debtorAccount),
              aad('debtor_account_enc', p.paymentId),
            ),
            customerId: p.customer.customerId,
            customerPersonType: p.customer.personType,
            debtorAccountId: p.debtorAccountId,
            payerRef: p.payerRef,
            creditorRef: p.creditorRef,
          })),
        )
        .onConflictDoNothing({ target: [pixPayments.brandId, pixPayments.endToEndId] })
        .returning({ paymentId: pixPayments.paymentId });
      return inserted.length;
    },

    async find(db: Executor, brandId: string, paymentId: string): Promise<PixPayment | undefined> {
      const [row] = await db
        .select()
        .from(pixPayments)
        .where(and(eq(pixPayments.brandId, brandId), eq(pixPayments.paymentId, paymentId)));
      return row && decode(row);
    },

    async byEndToEndIds(
      db: Executor,
      brandId: string,
      endToEndIds: readonly string[],
    ): Promise<PixPayment[]> {
      if (endToEndIds.length === 0) return [];
      const rows = await db
        .select()
        .from(pixPayments)
        .where(and(eq(pixPayments.brandId, brandId), inArray(pixPayments.endToEndId, [...endToEndIds])));
      return rows.map(decode);
    },

    async byConsent(db: Executor, brandId: string, consentId: string): Promise<PixPayment[]> {
      const rows = await db
        .select()
        .from(pixPayments)
        .where(and(eq(pixPayments.brandId, brandId), eq(pixPayments.consentId, consentId)))
        .orderBy(asc(pixPayments.creationDateTime), asc(pixPayments.scheduledDate));
      return rows.map(decode);
    },

    /**
     * Moves a payment from the status it was read in; undefined when it is no longer there (a
     * concurrent step moved it). This conditional update is what makes every step safe to run
     * twice: only one of two runs can take a given transition.
     */
    async transition(
      tx: Transaction,
      payment: PixPayment,
      to: PaymentStatus,
      change: PaymentChange,
    ): Promise<PixPayment | undefined> {
      const [row] = await tx
        .update(pixPayments)
        .set({
          status: to,
          statusUpdateDateTime: change.at,
          settlementAttempts: sql`${pixPayments.settlementAttempts} + 1`,
          ...(change.rejection === undefined
            ? {}
            : { rejectionCode: change.rejection.code, rejectionDetail: change.rejection.detail }),
          ...(change.cancellation === undefined
            ? {}
            : {
                cancellationEnc: cipher.encrypt(
                  JSON.stringify(change.cancellation),
                  aad('cancellation_enc', payment.paymentId),
                ),
              }),
          ...(change.risk === undefined
            ? {}
            : { riskScore: change.risk.score, riskReasons: change.risk.reasons }),
        })
        .where(
          and(
            eq(pixPayments.brandId, payment.brandId),
            eq(pixPayments.paymentId, payment.paymentId),
            eq(pixPayments.status, payment.status),
          ),
        )
        .returning();
      return row && decode(row);
    },

    /** Scheduled payments by settlement date, earliest first (the caller decides which are due). */
    async scheduled(
      db: Executor,
      limit: number,
    ): Promise<Array<{ brandId: string; paymentId: string; scheduledDate: string }>> {
      const rows = await db
        .select({
          brandId: pixPayments.brandId,
          paymentId: pixPayments.paymentId,
          scheduledDate: pixPayments.scheduledDate,
        })
        .from(pixPayments)
        .where(eq(pixPayments.status, 'SCHD'))
        .orderBy(asc(pixPayments.scheduledDate))
        .limit(limit);
      return rows.map((r) => ({ ...r, scheduledDate: r.scheduledDate! }));
    },

    /** Payments in RCVD/ACCP/ACPD untouched since `before` (their job may be lost or stuck). */
    async stuck(
      db: Executor,
      before: Date,
      limit: number,
    ): Promise<
      Array<{
        brandId: string;
        paymentId: string;
        status: string;
        creationDateTime: Date;
        scheduledDate: string | null;
        consentId: string;
      }>
    > {
      return db
        .select({
          brandId: pixPayments.brandId,
          paymentId: pixPayments.paymentId,
          status: pixPayments.status,
          creationDateTime: pixPayments.creationDateTime,
          scheduledDate: pixPayments.scheduledDate,
          consentId: pixPayments.consentId,
        })
        .from(pixPayments)
        .where(
          and(
            inArray(pixPayments.status, ['RCVD', 'ACCP', 'ACPD']),
            lte(pixPayments.statusUpdateDateTime, before),
          ),
        )
        .orderBy(asc(pixPayments.statusUpdateDateTime))
        .limit(limit);
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
