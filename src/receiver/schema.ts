import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Envelope ciphertexts and keyed hashes (src/platform/crypto FieldCipher). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One dynamic client registration of a receiver software at one authorisation server (DCR
 * RFC 7591 + FAPI-BR DCR; DIGEST §6.2, §6.3). The registration_access_token is a bearer secret
 * for DCM, so it is envelope-encrypted, bound to the row by its AAD.
 */
export const receiverRegistrations = pgTable(
  'receiver_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    softwareStatementId: text('software_statement_id').notNull(),
    /** The holder organisation (directory OrganisationId) and its authorisation server. */
    orgId: text('org_id').notNull(),
    authorisationServerId: text('authorisation_server_id').notNull(),
    discoveryUrl: text('discovery_url').notNull(),
    status: text('status').notNull(),
    clientId: text('client_id'),
    registrationAccessToken: bytea('registration_access_token'),
    registrationClientUri: text('registration_client_uri'),
    /** The registration response, without the registration_access_token. */
    metadata: jsonb('metadata'),
    /** The authorisation server's CustomerFriendlyName in the participants list, as last seen. */
    holderName: text('holder_name'),
    /**
     * SHA-256 of what the registration was made from (registration/fingerprint.ts: JWKS keys,
     * redirect and webhook URIs, roles); a sync whose fingerprint differs sends a DCM PUT.
     */
    ssaFingerprint: text('ssa_fingerprint'),
    /** Why the status is what it is (e.g. DELETED: the server left the participants list). */
    statusReason: text('status_reason'),
    lastError: text('last_error'),
    /** When a sync last compared this registration with the directory. */
    syncedAt: instant('synced_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('receiver_registrations_status_check', sql`${t.status} IN ('REGISTERED', 'FAILED', 'DELETED')`),
    check(
      'receiver_registrations_registered_check',
      sql`${t.status} <> 'REGISTERED' OR (${t.clientId} IS NOT NULL AND ${t.registrationAccessToken} IS NOT NULL)`,
    ),
    uniqueIndex('receiver_registrations_server_idx').on(t.softwareStatementId, t.authorisationServerId),
  ],
);

/**
 * A data-sharing consent Ponte asked for as a receiver. `id` is local (what Ponte's apps see);
 * `consentId` is the holder's URN. Tokens, the PKCE verifier and the customer's document are
 * envelope-encrypted; the document also has a keyed hash for lookups by customer.
 */
export const receiverConsents = pgTable(
  'receiver_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => receiverRegistrations.id),
    orgId: text('org_id').notNull(),
    authorisationServerId: text('authorisation_server_id').notNull(),
    consentId: text('consent_id').notNull(),
    /** DATA (consents API) or PAYMENT (payments API; details in receiver_payment_consents). */
    kind: text('kind').notNull().default('DATA'),
    status: text('status').notNull(),
    dataGroups: text('data_groups').array().notNull(),
    permissions: text('permissions').array().notNull(),
    documentEncrypted: bytea('document_encrypted').notNull(),
    documentHash: bytea('document_hash').notNull(),
    expirationDateTime: instant('expiration_date_time'),
    redirectUri: text('redirect_uri').notNull(),
    /** Authorisation request binding; cleared once the callback is consumed. */
    state: text('state'),
    nonce: text('nonce'),
    codeVerifier: bytea('code_verifier'),
    accessToken: bytea('access_token'),
    accessTokenExpiresAt: instant('access_token_expires_at'),
    refreshToken: bytea('refresh_token'),
    /** id_token `auth_time`: the x-fapi-auth-date of data calls. */
    authTime: instant('auth_time'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'receiver_consents_status_check',
      sql`${t.status} IN ('AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED', 'REVOKED', 'ACCESS_LOST', 'CONSUMED')`,
    ),
    check('receiver_consents_kind_check', sql`${t.kind} IN ('DATA', 'PAYMENT')`),
    check(
      'receiver_consents_tokens_check',
      sql`${t.status} <> 'AUTHORISED' OR (${t.accessToken} IS NOT NULL AND ${t.accessTokenExpiresAt} IS NOT NULL)`,
    ),
    uniqueIndex('receiver_consents_state_idx').on(t.state),
    uniqueIndex('receiver_consents_holder_consent_idx').on(t.authorisationServerId, t.consentId),
    index('receiver_consents_document_idx').on(t.documentHash),
    index('receiver_consents_refresh_idx')
      .on(t.accessTokenExpiresAt)
      .where(sql`${t.status} = 'AUTHORISED'`),
  ],
);

/**
 * What a payment consent asked for (payments.yaml 4.0.0 `CreatePaymentConsent.data`, built from
 * the app's plain request): creditor, amount, account, Pix key are personal data, so the whole
 * request is envelope-encrypted. One row per receiver_consents row of kind PAYMENT (same id).
 */
export const receiverPaymentConsents = pgTable(
  'receiver_payment_consents',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => receiverConsents.id),
    /** The `data` claim sent to the holder (JSON), encrypted. */
    requestEncrypted: bytea('request_encrypted').notNull(),
    /** The consent's status as the holder last answered it (GET /consents/{consentId}). */
    holderStatus: text('holder_status').notNull(),
    /** Send the payment as soon as the callback authorises the consent. */
    autoInitiate: boolean('auto_initiate').notNull().default(false),
    checkedAt: instant('checked_at').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'receiver_payment_consents_holder_status_check',
      sql`${t.holderStatus} IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED', 'REJECTED', 'CONSUMED')`,
    ),
  ],
);

/**
 * A Pix payment Ponte initiated at a holder (POST /pix/payments). The row exists before the
 * holder is called: its idempotency key and its exact `data` (with the endToEndId) are reused by
 * every retry, so a retry can only ever produce the same payment (DIGEST §4.3). PENDING until the
 * holder answered; then the holder's status (payments.yaml 4.0.0 `EnumPaymentStatusType`).
 */
export const receiverPayments = pgTable(
  'receiver_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consentRowId: uuid('consent_row_id')
      .notNull()
      .references(() => receiverConsents.id),
    orgId: text('org_id').notNull(),
    consentId: text('consent_id').notNull(),
    paymentId: text('payment_id'),
    endToEndId: text('end_to_end_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The `data` claim of POST /pix/payments (JSON), encrypted. */
    requestEncrypted: bytea('request_encrypted').notNull(),
    status: text('status').notNull(),
    rejectionReason: text('rejection_reason'),
    lastError: text('last_error'),
    checkedAt: instant('checked_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'receiver_payments_status_check',
      sql`${t.status} IN ('PENDING', 'RCVD', 'ACCP', 'ACPD', 'ACSC', 'PDNG', 'SCHD', 'RJCT', 'CANC')`,
    ),
    check('receiver_payments_sent_check', sql`${t.status} = 'PENDING' OR ${t.paymentId} IS NOT NULL`),
    uniqueIndex('receiver_payments_consent_idx').on(t.consentRowId),
    uniqueIndex('receiver_payments_holder_payment_idx').on(t.orgId, t.paymentId),
  ],
);

export type ReceiverRegistrationRow = typeof receiverRegistrations.$inferSelect;
export type ReceiverConsentRow = typeof receiverConsents.$inferSelect;
export type ReceiverPaymentConsentRow = typeof receiverPaymentConsents.$inferSelect;
export type ReceiverPaymentRow = typeof receiverPayments.$inferSelect;
