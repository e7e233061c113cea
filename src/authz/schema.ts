import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Everything oidc-provider stores (clients, grants, tokens, sessions, interactions, PAR
 * objects…), one row per model instance and brand, so any number of processes serve one issuer
 * (DESIGN §1 "stateless processes"). Written only by the adapter (adapter/postgres-adapter.ts).
 *
 * - `grant_id`: the grant a token belongs to, for `revokeByGrantId` (consent revocation).
 * - `uid` (sessions) and `user_code` (device codes): the provider's secondary lookups.
 * - `expires_at`: rows past it are invisible to the provider and purged by `authz.purge-expired`.
 * - `consumed_at`: one-time artefacts (authorization codes, PAR request objects) once used.
 */
export const oidcPayloads = pgTable(
  'oidc_payloads',
  {
    brandId: text('brand_id').notNull(),
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.model, t.id] }),
    index('oidc_payloads_grant_idx')
      .on(t.brandId, t.grantId)
      .where(sql`${t.grantId} IS NOT NULL`),
    index('oidc_payloads_uid_idx')
      .on(t.brandId, t.model, t.uid)
      .where(sql`${t.uid} IS NOT NULL`),
    index('oidc_payloads_user_code_idx')
      .on(t.brandId, t.model, t.userCode)
      .where(sql`${t.userCode} IS NOT NULL`),
    index('oidc_payloads_expires_at_idx')
      .on(t.expiresAt)
      .where(sql`${t.expiresAt} IS NOT NULL`),
    // DCR 1.0 ID3 §9.3.1 item 5: one registration per software statement (software_id) and brand.
    // A constraint rather than a lookup, so two processes cannot both accept the same software.
    uniqueIndex('oidc_payloads_client_software_uq')
      .on(t.brandId, sql`(${t.payload}->>'software_id')`)
      .where(sql`${t.model} = 'Client'`),
  ],
);

/**
 * Which grants a consent was authorised through (written with `ConsentAuthorization.authorise`,
 * in the same transaction), so revoking a consent revokes every grant and token at once
 * (FAPI-BR 1.0 ID3 §7.2.2 item 4; DIGEST §2.5).
 */
export const authzConsentGrants = pgTable(
  'authz_consent_grants',
  {
    brandId: text('brand_id').notNull(),
    consentId: text('consent_id').notNull(),
    grantId: text('grant_id').notNull(),
    clientId: text('client_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.consentId, t.grantId] }),
    index('authz_consent_grants_grant_idx').on(t.brandId, t.grantId),
  ],
);

export type OidcPayloadRow = typeof oidcPayloads.$inferSelect;
