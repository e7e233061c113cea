import { sql } from 'drizzle-orm';
import { check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, money, sampleBank } from '../schema/common.ts';

/**
 * Pix transfers the sample core bank accepted from Ponte's payments module, one row per
 * `endToEndId` and brand: the primary key is what makes a second submission of the same order a
 * no-op (the contract's "never debits twice"). `PENDING` transfers hold the amount in the debtor
 * account's `blocked_amount` until the settle job ends them, exactly once, in one transaction.
 */
export const sampleBankPixTransfers = sampleBank.table(
  'pix_transfers',
  {
    brandId: text('brand_id').notNull(),
    endToEndId: text('end_to_end_id').notNull(),
    debtorAccountId: uuid('debtor_account_id').notNull(),
    debtorCustomerId: uuid('debtor_customer_id').notNull(),
    amount: money('amount').notNull(),
    creditorIspb: text('creditor_ispb').notNull(),
    creditorIssuer: text('creditor_issuer'),
    creditorNumber: text('creditor_number').notNull(),
    creditorAccountType: text('creditor_account_type').notNull(),
    /** What the failure-mode rule decided at submission: settles, the receiving PSP refuses, or it times out. */
    outcome: text('outcome', { enum: ['SETTLE', 'PSP_REJECT', 'PSP_TIMEOUT'] }).notNull(),
    status: text('status', { enum: ['PENDING', 'SETTLED', 'REJECTED'] }).notNull(),
    rejectionCode: text('rejection_code'),
    rejectionDetail: text('rejection_detail'),
    /** Instant of the debit's row in `sample_bank.transactions` (its key is account, instant, endToEndId). */
    bookedAt: timestamp('booked_at', { withTimezone: true, precision: 3 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'pix_transfers_pkey', columns: [t.brandId, t.endToEndId] }),
    index('pix_transfers_pending_idx')
      .on(t.submittedAt)
      .where(sql`${t.status} = 'PENDING'`),
    check(
      'pix_transfers_rejection_check',
      sql`(${t.status} = 'REJECTED') = (${t.rejectionCode} IS NOT NULL)`,
    ),
  ],
);

/**
 * The simulated DICT (Pix key directory): which account a key points to. National, not per
 * brand: a key registered here resolves at every brand of the simulated ecosystem. The owner's
 * name and document are personal data: envelope-encrypted, bound to the key by their AAD.
 */
export const sampleBankPixKeys = sampleBank.table('pix_keys', {
  key: text('key').primaryKey(),
  ispb: text('ispb').notNull(),
  issuer: text('issuer'),
  number: text('number').notNull(),
  accountType: text('account_type').notNull(),
  ownerNameEnc: bytea('owner_name_enc').notNull(),
  ownerDocumentEnc: bytea('owner_document_enc').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
