import { sql } from 'drizzle-orm';
import {
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
    lastError: text('last_error'),
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
      sql`${t.status} IN ('AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED', 'REVOKED', 'ACCESS_LOST')`,
    ),
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

export type ReceiverRegistrationRow = typeof receiverRegistrations.$inferSelect;
export type ReceiverConsentRow = typeof receiverConsents.$inferSelect;
