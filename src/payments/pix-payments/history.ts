import { and, desc, eq, gte, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.ts';
import type { PayerHistory } from '../../risk/index.ts';
import { pixPayments } from '../schema.ts';

/**
 * The payer's recent payments for the risk rules, from this module's own table (by `payer_ref`,
 * a keyed hash of the customer): amount, creditor ref, when, and whether it settled.
 */
export function payerHistory(db: Database): PayerHistory {
  return {
    async recentPayments({ brandId, payerRef, since, excludePaymentId }) {
      const rows = await db
        .select({
          paymentId: pixPayments.paymentId,
          creditorRef: pixPayments.creditorRef,
          amount: pixPayments.amount,
          at: pixPayments.creationDateTime,
          status: pixPayments.status,
        })
        .from(pixPayments)
        .where(
          and(
            eq(pixPayments.brandId, brandId),
            eq(pixPayments.payerRef, Buffer.from(payerRef, 'hex')),
            gte(pixPayments.creationDateTime, since),
            ne(pixPayments.paymentId, excludePaymentId),
          ),
        )
        .orderBy(desc(pixPayments.creationDateTime))
        .limit(1_000);
      return rows.map((r) => ({
        paymentId: r.paymentId,
        creditorRef: r.creditorRef.toString('hex'),
        amount: r.amount,
        at: r.at,
        settled: r.status === 'ACSC',
      }));
    },
  };
}
