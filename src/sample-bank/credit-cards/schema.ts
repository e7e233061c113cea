import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CreditCardBillFinanceCharge,
  CreditCardBillPayment,
  CreditCardPaymentMethod,
} from '../../connectors/index.ts';
import { money, sampleBank } from '../schema/common.ts';

/**
 * Credit card accounts of the sample core bank (credit-cards-accounts 2.3.1). Card data here is
 * not personal data in the LGPD sense beyond the customer link (card numbers are only their last
 * four digits), so nothing is encrypted; the customer's identity stays in `customers`.
 */
export const sampleBankCreditCardAccounts = sampleBank.table(
  'credit_card_accounts',
  {
    id: uuid('id').primaryKey(),
    brandId: text('brand_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    productType: text('product_type').notNull(),
    productAdditionalInfo: text('product_additional_info'),
    creditCardNetwork: text('credit_card_network').notNull(),
    networkAdditionalInfo: text('network_additional_info'),
    /** `CreditCardPaymentMethod[]`: holder card first. */
    paymentMethods: jsonb('payment_methods').$type<CreditCardPaymentMethod[]>().notNull(),
    status: text('status', { enum: ['AVAILABLE', 'UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE'] }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** Day of the month bills fall due; they close 7 days before. */
    dueDay: smallint('due_day').notNull(),
  },
  (t) => [index('credit_card_accounts_brand_customer').on(t.brandId, t.customerId, t.id)],
);

/** `CreditCardAccountsLimitsData` rows: the total limit first, then per-modality lines. */
export const sampleBankCreditCardLimits = sampleBank.table(
  'credit_card_limits',
  {
    accountId: uuid('account_id').notNull(),
    position: smallint('position').notNull(),
    brandId: text('brand_id').notNull(),
    creditLineLimitType: text('credit_line_limit_type', {
      enum: ['LIMITE_CREDITO_TOTAL', 'LIMITE_CREDITO_MODALIDADE_OPERACAO'],
    }).notNull(),
    consolidationType: text('consolidation_type', { enum: ['CONSOLIDADO', 'INDIVIDUAL'] }).notNull(),
    identificationNumber: text('identification_number').notNull(),
    lineName: text('line_name'),
    lineNameAdditionalInfo: text('line_name_additional_info'),
    isLimitFlexible: boolean('is_limit_flexible').notNull(),
    /** Null for flexible ("sem limite") accounts. */
    limitAmount: money('limit_amount'),
    limitAmountReason: text('limit_amount_reason'),
    /** May be negative (credit balance). */
    usedAmount: money('used_amount').notNull(),
    availableAmount: money('available_amount'),
    customizedLimitAmount: money('customized_limit_amount'),
    currency: text('currency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.position] })],
);

/** Closed bills ("faturas fechadas"); the open bill is the transactions without a bill. */
export const sampleBankCreditCardBills = sampleBank.table(
  'credit_card_bills',
  {
    id: text('id').primaryKey(),
    brandId: text('brand_id').notNull(),
    accountId: uuid('account_id').notNull(),
    closingDate: date('closing_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Signed sum of the bill's transactions (negative: credit balance). */
    billTotalAmount: money('bill_total_amount').notNull(),
    billMinimumAmount: money('bill_minimum_amount').notNull(),
    isInstalment: boolean('is_instalment').notNull(),
    currency: text('currency').notNull(),
    financeCharges: jsonb('finance_charges').$type<CreditCardBillFinanceCharge[]>().notNull(),
    payments: jsonb('payments').$type<CreditCardBillPayment[]>().notNull(),
  },
  (t) => [index('credit_card_bills_account_due').on(t.accountId, t.dueDate)],
);

/**
 * Card transactions. Like account transactions, the primary key is the paging index (one
 * account, newest first by date-time then id), so keyset pages and date windows are range scans.
 * A bill's transactions are found through the same key (an account holds a few dozen rows, so
 * filtering them by `bill_id` is cheap): no second index to maintain during the seed's COPY.
 */
export const sampleBankCreditCardTransactions = sampleBank.table(
  'credit_card_transactions',
  {
    brandId: text('brand_id').notNull(),
    accountId: uuid('account_id').notNull(),
    transactionId: text('transaction_id').notNull(),
    transactionDateTime: timestamp('transaction_date_time', { withTimezone: true, precision: 3 }).notNull(),
    /** Null while the transaction is on the open bill. */
    billId: text('bill_id'),
    identificationNumber: text('identification_number').notNull(),
    transactionName: text('transaction_name').notNull(),
    creditDebitType: text('credit_debit_type', { enum: ['CREDITO', 'DEBITO'] }).notNull(),
    transactionType: text('transaction_type').notNull(),
    transactionalAdditionalInfo: text('transactional_additional_info'),
    paymentType: text('payment_type', { enum: ['A_VISTA', 'A_PRAZO'] }),
    feeType: text('fee_type'),
    feeTypeAdditionalInfo: text('fee_type_additional_info'),
    otherCreditsType: text('other_credits_type'),
    otherCreditsAdditionalInfo: text('other_credits_additional_info'),
    chargeIdentificator: smallint('charge_identificator'),
    chargeNumber: smallint('charge_number'),
    /** In `currency` (the original one). */
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    brazilianAmount: money('brazilian_amount').notNull(),
    /** Null until the transaction is on a bill (the API prints the dummy 0001-01-01). */
    billPostDate: date('bill_post_date', { mode: 'string' }),
    payeeMcc: integer('payee_mcc'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.transactionDateTime, t.transactionId] })],
);
