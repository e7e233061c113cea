import { date, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, money, sampleBank } from './common.ts';

/** Deposit (CACC), savings (SVGS) and prepaid payment (TRAN) accounts, with their current balances. */
export const sampleBankAccounts = sampleBank.table(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    brandId: text('brand_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    type: text('type', {
      enum: ['CONTA_DEPOSITO_A_VISTA', 'CONTA_POUPANCA', 'CONTA_PAGAMENTO_PRE_PAGA'],
    }).notNull(),
    subtype: text('subtype', { enum: ['INDIVIDUAL', 'CONJUNTA_SIMPLES', 'CONJUNTA_SOLIDARIA'] }).notNull(),
    branchCode: text('branch_code').notNull(),
    number: text('number').notNull(),
    checkDigit: text('check_digit').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['AVAILABLE', 'UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE'] }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** The balance was `opening_balance` at the start of this day, before any stored transaction. */
    historyStart: date('history_start', { mode: 'string' }).notNull(),
    openingBalance: money('opening_balance').notNull(),
    /** opening + settled credits − settled debits − processing debits (may be negative: overdraft). */
    availableAmount: money('available_amount').notNull(),
    /** Debits still processing (`TRANSACAO_PROCESSANDO`). */
    blockedAmount: money('blocked_amount').notNull(),
    automaticallyInvestedAmount: money('automatically_invested_amount').notNull(),
    overdraftContractedLimit: money('overdraft_contracted_limit'),
    balanceUpdatedAt: timestamp('balance_updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('accounts_brand_customer').on(t.brandId, t.customerId),
    uniqueIndex('accounts_brand_branch_number').on(t.brandId, t.branchCode, t.number),
  ],
);

/**
 * Account transactions. The primary key is also the paging index: one account, newest first
 * by date-time then id, so keyset pages and date windows are index range scans. No foreign key
 * to `accounts`: a million-row COPY would pay a trigger per row; the seed writes both sides.
 */
export const sampleBankTransactions = sampleBank.table(
  'transactions',
  {
    brandId: text('brand_id').notNull(),
    accountId: uuid('account_id').notNull(),
    transactionId: text('transaction_id').notNull(),
    transactionDateTime: timestamp('transaction_date_time', { withTimezone: true, precision: 3 }).notNull(),
    completedAuthorisedPaymentType: text('completed_authorised_payment_type', {
      enum: ['TRANSACAO_EFETIVADA', 'LANCAMENTO_FUTURO', 'TRANSACAO_PROCESSANDO'],
    }).notNull(),
    creditDebitType: text('credit_debit_type', { enum: ['CREDITO', 'DEBITO'] }).notNull(),
    type: text('type').notNull(),
    transactionName: text('transaction_name').notNull(),
    amount: money('amount').notNull(),
    counterpartyId: integer('counterparty_id'),
  },
  (t) => [
    primaryKey({ name: 'transactions_pkey', columns: [t.accountId, t.transactionDateTime, t.transactionId] }),
  ],
);

/**
 * The other side of transactions: employers, merchants, utilities, people at other banks. The
 * document and bank account are encrypted together (a person's CPF and account are personal data).
 */
export const sampleBankCounterparties = sampleBank.table(
  'counterparties',
  {
    brandId: text('brand_id').notNull(),
    id: integer('id').notNull(),
    kind: text('kind', { enum: ['EMPLOYER', 'MERCHANT', 'UTILITY', 'PERSON'] }).notNull(),
    personType: text('person_type', { enum: ['PESSOA_NATURAL', 'PESSOA_JURIDICA'] }).notNull(),
    name: text('name'),
    /** JSON `{ document, compeCode, branchCode, number, checkDigit }`. */
    partieEnc: bytea('partie_enc').notNull(),
  },
  (t) => [primaryKey({ name: 'counterparties_pkey', columns: [t.brandId, t.id] })],
);
