import {
  index,
  integer,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, sampleBank } from './common.ts';

/**
 * Customers, natural (`PESSOA_NATURAL`) and legal (`PESSOA_JURIDICA`). Every personal-data
 * column (`*_enc`) is an envelope ciphertext bound by its AAD to this table, its column and the
 * row id (`fieldAad('sample_bank.customers', column, id)`), so a value copied to another row or
 * column does not decrypt. The CPF/CNPJ is also kept as a keyed hash for lookup at login.
 * JSON-valued columns hold the spec-shaped objects (addresses, phones …) before encryption.
 */
export const sampleBankCustomers = sampleBank.table(
  'customers',
  {
    id: uuid('id').primaryKey(),
    brandId: text('brand_id').notNull(),
    /** Position in the brand's generated sequence (with the seed it determines the customer). */
    customerIndex: integer('customer_index').notNull(),
    personType: text('person_type', { enum: ['PESSOA_NATURAL', 'PESSOA_JURIDICA'] }).notNull(),
    /** HMAC of the bare CPF/CNPJ (keyed hash, domain of the cipher). */
    documentHash: bytea('document_hash').notNull(),
    documentEnc: bytea('document_enc').notNull(),
    /** Civil name, or company name. */
    nameEnc: bytea('name_enc').notNull(),
    /** Social name, or trade name. */
    socialNameEnc: bytea('social_name_enc'),
    /** Birth date, or incorporation date (`YYYY-MM-DD`). */
    birthDateEnc: bytea('birth_date_enc').notNull(),
    /** JSON `PostalAddress[]`. */
    addressesEnc: bytea('addresses_enc').notNull(),
    /** JSON `CustomerPhone[]`. */
    phonesEnc: bytea('phones_enc').notNull(),
    /** JSON `CustomerEmail[]`. */
    emailsEnc: bytea('emails_enc').notNull(),
    /** JSON: the rest of the identification (sex, marital status, documents, filiation; or parties). */
    identificationEnc: bytea('identification_enc').notNull(),
    /** JSON: occupation, income, patrimony; or economic activities, revenue. */
    qualificationEnc: bytea('qualification_enc').notNull(),
    relationshipStartedAt: timestamp('relationship_started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('customers_brand_document_hash').on(t.brandId, t.documentHash),
    uniqueIndex('customers_brand_index').on(t.brandId, t.customerIndex),
  ],
);

/**
 * People who act for a customer (financial relations' `procurators`): legal representatives of
 * companies, attorneys of persons. Document hashed too, so "which companies may this CPF act
 * for" is one indexed query.
 */
export const sampleBankProcurators = sampleBank.table(
  'procurators',
  {
    brandId: text('brand_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    position: smallint('position').notNull(),
    type: text('type', { enum: ['REPRESENTANTE_LEGAL', 'PROCURADOR'] }).notNull(),
    documentHash: bytea('document_hash').notNull(),
    documentEnc: bytea('document_enc').notNull(),
    civilNameEnc: bytea('civil_name_enc').notNull(),
    socialNameEnc: bytea('social_name_enc'),
  },
  (t) => [
    primaryKey({ name: 'procurators_pkey', columns: [t.customerId, t.position] }),
    index('procurators_brand_document_hash').on(t.brandId, t.documentHash),
  ],
);
