import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Ciphertexts of the envelope FieldCipher and keyed hashes (src/platform/crypto). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Data-sharing consents (consents API 3.3.1). Documents (CPF of the logged user, CNPJ of the
 * business entity) are envelope-encrypted, bound to the row by their AAD, with a keyed hash
 * beside each for lookups by customer (DESIGN §4 "Crypto").
 */
export const consents = pgTable(
  'consents',
  {
    consentId: text('consent_id').primaryKey(),
    brandId: text('brand_id').notNull(),
    clientId: text('client_id').notNull(),
    status: text('status').notNull(),
    permissions: text('permissions').array().notNull(),
    creationDateTime: instant('creation_date_time').notNull(),
    statusUpdateDateTime: instant('status_update_date_time').notNull(),
    /** NULL: indefinite term. */
    expirationDateTime: instant('expiration_date_time'),
    loggedUserDocument: bytea('logged_user_document').notNull(),
    loggedUserRel: text('logged_user_rel').notNull(),
    loggedUserHash: bytea('logged_user_hash').notNull(),
    businessEntityDocument: bytea('business_entity_document'),
    businessEntityRel: text('business_entity_rel'),
    businessEntityHash: bytea('business_entity_hash'),
    rejectedBy: text('rejected_by'),
    rejectionReasonCode: text('rejection_reason_code'),
    rejectionAdditionalInformation: text('rejection_additional_information'),
    isLinked: boolean('is_linked'),
    /** The connector's customer reference, set when the customer authorises. */
    customerId: text('customer_id'),
    customerPersonType: text('customer_person_type'),
  },
  (t) => [
    check('consents_status_check', sql`${t.status} IN ('AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED')`),
    // A rejection is present exactly when the consent is REJECTED.
    check(
      'consents_rejection_check',
      sql`(${t.status} = 'REJECTED') = (${t.rejectedBy} IS NOT NULL AND ${t.rejectionReasonCode} IS NOT NULL)`,
    ),
    index('consents_brand_logged_user_idx').on(t.brandId, t.loggedUserHash),
    index('consents_brand_business_entity_idx')
      .on(t.brandId, t.businessEntityHash)
      .where(sql`${t.businessEntityHash} IS NOT NULL`),
    // The expiry sweep's two scans, limited to consents that can still expire.
    index('consents_awaiting_idx')
      .on(t.creationDateTime)
      .where(sql`${t.status} = 'AWAITING_AUTHORISATION'`),
    index('consents_expiring_idx')
      .on(t.expirationDateTime)
      .where(sql`${t.status} <> 'REJECTED' AND ${t.expirationDateTime} IS NOT NULL`),
  ],
);

/** Resources the customer linked when authorising (resources API 3.1.0 `type` and `status`). */
export const consentResources = pgTable(
  'consent_resources',
  {
    consentId: text('consent_id')
      .notNull()
      .references(() => consents.consentId, { onDelete: 'cascade' }),
    brandId: text('brand_id').notNull(),
    type: text('type').notNull(),
    resourceId: text('resource_id').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.consentId, t.type, t.resourceId] }),
    index('consent_resources_brand_resource_idx').on(t.brandId, t.type, t.resourceId),
  ],
);

/** Renewals without redirect (POST /consents/{id}/extends), listed newest first. */
export const consentExtensions = pgTable(
  'consent_extensions',
  {
    id: uuid('id').primaryKey(),
    consentId: text('consent_id')
      .notNull()
      .references(() => consents.consentId, { onDelete: 'cascade' }),
    brandId: text('brand_id').notNull(),
    requestDateTime: instant('request_date_time').notNull(),
    expirationDateTime: instant('expiration_date_time'),
    previousExpirationDateTime: instant('previous_expiration_date_time'),
    loggedUserDocument: bytea('logged_user_document').notNull(),
    loggedUserRel: text('logged_user_rel').notNull(),
    /** The customer's IP is personal data (LGPD): encrypted like the documents. */
    customerIpAddress: bytea('customer_ip_address').notNull(),
    customerUserAgent: text('customer_user_agent').notNull(),
  },
  (t) => [index('consent_extensions_consent_idx').on(t.consentId, t.requestDateTime)],
);

export type ConsentRow = typeof consents.$inferSelect;
export type ConsentExtensionRow = typeof consentExtensions.$inferSelect;
