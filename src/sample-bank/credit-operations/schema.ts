import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ContractedFee,
  ContractedFinanceCharge,
  ContractInterestRate,
  OverParcelPayment,
} from '../../connectors/index.ts';
import { bytea, money, sampleBank } from '../schema/common.ts';

/**
 * Credit contracts of the sample core bank: loans, financings, unarranged overdraft and invoice
 * financings in one table (the four APIs share almost every field), told apart by
 * `operation_type`. The schedule is kept as its parameters (principal, rate, term, first due
 * date, system) and rebuilt on read by `schedule-state.ts`: a 30-year mortgage is one row, not
 * 360. The IPOC embeds the customer's CPF, so it is stored encrypted.
 */
export const sampleBankCreditContracts = sampleBank.table(
  'credit_contracts',
  {
    id: uuid('id').primaryKey(),
    brandId: text('brand_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    operationType: text('operation_type', {
      enum: ['LOAN', 'FINANCING', 'UNARRANGED_ACCOUNT_OVERDRAFT', 'INVOICE_FINANCING'],
    }).notNull(),
    /** The sample bank's own product code (`products.ts`). */
    productKey: text('product_key').notNull(),
    productType: text('product_type').notNull(),
    productSubType: text('product_sub_type').notNull(),
    productSubTypeCategory: text('product_sub_type_category'),
    productName: text('product_name').notNull(),
    contractNumber: text('contract_number').notNull(),
    /** IPOC (lender CNPJ root, modality, customer document, contract number), encrypted. */
    ipocCodeEnc: bytea('ipoc_code_enc').notNull(),
    contractDate: date('contract_date', { mode: 'string' }).notNull(),
    disbursementDates: date('disbursement_dates', { mode: 'string' }).array().notNull(),
    settlementDate: date('settlement_date', { mode: 'string' }),
    contractAmount: money('contract_amount').notNull(),
    currency: text('currency').notNull(),
    /** Last due date, or the end of the current renewal of a revolving limit. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    instalmentPeriodicity: text('instalment_periodicity').notNull(),
    firstInstalmentDueDate: date('first_instalment_due_date', { mode: 'string' }),
    /** Yearly CET, 6-place fraction. */
    cet: numeric('cet', { precision: 12, scale: 6 }).notNull(),
    hasInsuranceContracted: boolean('has_insurance_contracted').notNull(),
    amortizationScheduled: text('amortization_scheduled').notNull(),
    cnpjConsignee: text('cnpj_consignee'),
    interestRates: jsonb('interest_rates').$type<ContractInterestRate[]>().notNull(),
    contractedFees: jsonb('contracted_fees').$type<ContractedFee[]>().notNull(),
    contractedFinanceCharges: jsonb('contracted_finance_charges')
      .$type<ContractedFinanceCharge[]>()
      .notNull(),
    // Schedule parameters (see schedule-state.ts `ContractSchedule`).
    scheduleKind: text('schedule_kind', { enum: ['INSTALMENTS', 'BULLET', 'REVOLVING'] }).notNull(),
    /** Effective rate per instalment period; for a bullet, for the whole term. */
    periodRate: doublePrecision('period_rate').notNull(),
    monthlyRate: doublePrecision('monthly_rate').notNull(),
    instalments: integer('instalments').notNull(),
    periodMonths: smallint('period_months').notNull(),
    balloonAmount: money('balloon_amount').notNull(),
    /** POR_PARCELA fees added to every instalment. */
    instalmentFeeAmount: money('instalment_fee_amount').notNull(),
    /** Revolving limits: the part in use. */
    usedAmount: money('used_amount').notNull(),
    /** Agreed instalments paid before the first payment kept in `credit_contract_releases`. */
    paidBeforeHistory: integer('paid_before_history').notNull(),
  },
  (t) => [index('credit_contracts_brand_customer_type').on(t.brandId, t.customerId, t.operationType, t.id)],
);

/** Warranties of a contract (Doc 3040 annex 12 types), in the order the contract lists them. */
export const sampleBankCreditWarranties = sampleBank.table(
  'credit_contract_warranties',
  {
    contractId: uuid('contract_id').notNull(),
    position: smallint('position').notNull(),
    brandId: text('brand_id').notNull(),
    warrantyType: text('warranty_type').notNull(),
    warrantySubType: text('warranty_sub_type').notNull(),
    warrantyAmount: money('warranty_amount').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.position] })],
);

/** Payments received on a contract ("releases"), oldest first, the last 13 months. */
export const sampleBankCreditReleases = sampleBank.table(
  'credit_contract_releases',
  {
    contractId: uuid('contract_id').notNull(),
    position: integer('position').notNull(),
    brandId: text('brand_id').notNull(),
    paymentId: text('payment_id').notNull(),
    isOverParcelPayment: boolean('is_over_parcel_payment').notNull(),
    /** The agreed instalment paid (1-based); null for over-parcel payments. */
    instalmentNumber: integer('instalment_number'),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    paidAmount: money('paid_amount').notNull(),
    currency: text('currency').notNull(),
    overParcel: jsonb('over_parcel').$type<OverParcelPayment>(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.position] })],
);
