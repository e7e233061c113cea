import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Envelope ciphertexts and keyed hashes (src/platform/crypto). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true });
/** BRL with centavos: payments.yaml amounts are `^\d{1,16}\.\d{2}$`. */
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * Payment consents (payments 4.0.0 `/consents`). What the initiator sent (`data`: logged user,
 * creditor, payment details, schedule) is personal data and stays envelope-encrypted in
 * `request_enc`; the columns in clear are what the lifecycle, the sweeps and the risk rules read.
 * `debtor_account_enc` is the account the customer chose (ConsentsDebtorAccount).
 */
export const paymentConsents = pgTable(
  'payment_consents',
  {
    consentId: text('consent_id').primaryKey(),
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    status: text('status').notNull(),
    creationDateTime: instant('creation_date_time').notNull(),
    statusUpdateDateTime: instant('status_update_date_time').notNull(),
    expirationDateTime: instant('expiration_date_time').notNull(),
    requestEnc: bytea('request_enc').notNull(),
    amount: money('amount').notNull(),
    localInstrument: text('local_instrument').notNull(),
    /** Dates (Brasília) the consent pays on: one for `date`/`schedule.single`, up to 60 for a schedule. */
    paymentDates: date('payment_dates', { mode: 'string' }).array().notNull(),
    /** Whether the consent was created with a `schedule` (otherwise an immediate `date` payment). */
    scheduled: text('scheduled', { enum: ['IMMEDIATE', 'SCHEDULED'] }).notNull(),
    /** Payments created against the consent so far (CONSUMED when it reaches `payment_dates` length). */
    paymentsCreated: smallint('payments_created').notNull().default(0),
    /** The connector's customer and account ids, set at authorisation. */
    customerId: text('customer_id'),
    customerPersonType: text('customer_person_type'),
    debtorAccountId: text('debtor_account_id'),
    debtorAccountEnc: bytea('debtor_account_enc'),
    rejectionCode: text('rejection_code'),
    rejectionDetail: text('rejection_detail'),
  },
  (t) => [
    check(
      'payment_consents_status_check',
      sql`${t.status} IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED', 'REJECTED', 'CONSUMED')`,
    ),
    check(
      'payment_consents_rejection_check',
      sql`(${t.status} = 'REJECTED') = (${t.rejectionCode} IS NOT NULL)`,
    ),
    // The expiry sweep: consents that can still expire, by deadline.
    index('payment_consents_expiring_idx')
      .on(t.expirationDateTime)
      .where(sql`${t.status} IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED')`),
  ],
);

/**
 * Pix payments (payments 4.0.0 `/pix/payments`), one row per item of the POST (one per
 * occurrence of a schedule). `end_to_end_id` is unique per brand: the Pix rail is idempotent by
 * it, so one row can never become two debits. Creditor details, the debtor account and the
 * cancellation's document are encrypted (`details_enc`, `debtor_account_enc`, `cancellation_enc`);
 * `payer_ref` and `creditor_ref` are keyed hashes the risk rules group by.
 */
export const pixPayments = pgTable(
  'pix_payments',
  {
    paymentId: text('payment_id').primaryKey(),
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    consentId: text('consent_id')
      .notNull()
      .references(() => paymentConsents.consentId),
    endToEndId: text('end_to_end_id').notNull(),
    status: text('status').notNull(),
    creationDateTime: instant('creation_date_time').notNull(),
    statusUpdateDateTime: instant('status_update_date_time').notNull(),
    localInstrument: text('local_instrument').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    /** The settlement date (Brasília) of a scheduled occurrence; NULL for an immediate payment. */
    scheduledDate: date('scheduled_date', { mode: 'string' }),
    detailsEnc: bytea('details_enc').notNull(),
    debtorAccountEnc: bytea('debtor_account_enc').notNull(),
    customerId: text('customer_id').notNull(),
    customerPersonType: text('customer_person_type').notNull(),
    debtorAccountId: text('debtor_account_id').notNull(),
    payerRef: bytea('payer_ref').notNull(),
    creditorRef: bytea('creditor_ref').notNull(),
    /** Score the risk interface gave before acceptance, and its reasons (for analysts). */
    riskScore: smallint('risk_score'),
    riskReasons: jsonb('risk_reasons').$type<string[]>(),
    rejectionCode: text('rejection_code'),
    rejectionDetail: text('rejection_detail'),
    cancellationEnc: bytea('cancellation_enc'),
    /** Steps of the settlement pipeline taken so far, for the recovery sweep and for operators. */
    settlementAttempts: integer('settlement_attempts').notNull().default(0),
  },
  (t) => [
    uniqueIndex('pix_payments_brand_e2e_uq').on(t.brandId, t.endToEndId),
    index('pix_payments_consent_idx').on(t.consentId),
    index('pix_payments_payer_idx').on(t.brandId, t.payerRef, t.creationDateTime),
    index('pix_payments_open_idx')
      .on(t.statusUpdateDateTime)
      .where(sql`${t.status} IN ('RCVD', 'ACCP', 'ACPD')`),
    index('pix_payments_scheduled_idx')
      .on(t.scheduledDate)
      .where(sql`${t.status} = 'SCHD'`),
    check(
      'pix_payments_status_check',
      sql`${t.status} IN ('RCVD', 'CANC', 'ACCP', 'ACPD', 'RJCT', 'ACSC', 'PDNG', 'SCHD')`,
    ),
    check('pix_payments_rejection_check', sql`(${t.status} = 'RJCT') = (${t.rejectionCode} IS NOT NULL)`),
    check(
      'pix_payments_cancellation_check',
      sql`(${t.status} = 'CANC') = (${t.cancellationEnc} IS NOT NULL)`,
    ),
  ],
);

/**
 * JWS `jti` values seen per client (FAPI-BR message signing: unique per clientId for 86,400 s;
 * reuse is a 403). The primary key is the replay check: the insert of a seen jti conflicts.
 */
export const paymentJtis = pgTable(
  'payment_jtis',
  {
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    jti: text('jti').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.clientId, t.jti] }),
    index('payment_jtis_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Idempotency keys (payments 4.0.0 `x-idempotency-key`; DIGEST §4.3), per brand, client,
 * endpoint and key, kept 24 h. The row is written in the same transaction as the operation it
 * guards, so a concurrent duplicate waits on it and then replays the stored answer; an answer is
 * stored for 201 and for 422 business refusals.
 */
export const paymentIdempotency = pgTable(
  'payment_idempotency',
  {
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    endpoint: text('endpoint').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical JSON of the request's `data` claim. */
    requestHash: text('request_hash').notNull(),
    responseStatus: smallint('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.clientId, t.endpoint, t.key] }),
    index('payment_idempotency_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Every webhook attempt (webhook 1.2.0): one row per try with its `x-webhook-interaction-id`, so
 * operators see what was sent, when, and what the initiator answered; `dead_lettered_at` marks
 * notifications that gave up.
 */
export const paymentWebhookAttempts = pgTable(
  'payment_webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    resource: text('resource').notNull(),
    resourceId: text('resource_id').notNull(),
    url: text('url').notNull(),
    interactionId: text('interaction_id').notNull(),
    attempt: integer('attempt').notNull(),
    statusCode: smallint('status_code'),
    error: text('error'),
    outcome: text('outcome', { enum: ['DELIVERED', 'RETRY', 'DEAD'] }).notNull(),
    attemptedAt: instant('attempted_at').notNull(),
  },
  (t) => [index('payment_webhook_attempts_resource_idx').on(t.brandId, t.resourceId, t.attemptedAt)],
);
