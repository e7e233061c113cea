import { and, asc, count, desc, eq, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { CustomerRef } from '../../connectors/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Consent, ConsentResource, Page, PageRequest, Rejection } from '../domain/model.ts';
import { AUTHORISATION_TIMEOUT_MS, type ConsentStatus } from '../domain/status-policy.ts';
import { documentHash, fromRow, toRow } from './rows.ts';
import { consentResources, consents } from './schema.ts';

export interface ConsentKey {
  brandId: string;
  consentId: string;
}

/** The part of a consent its status changes need (no documents). */
export type ConsentState = Pick<
  Consent,
  'brandId' | 'consentId' | 'clientId' | 'status' | 'creationDateTime' | 'expirationDateTime'
>;

/** SQL for the `consents` and `consent_resources` tables; every query is scoped to a brand. */
export function createConsentStore(cipher: FieldCipher) {
  const byKey = (key: ConsentKey) =>
    and(eq(consents.brandId, key.brandId), eq(consents.consentId, key.consentId));

  return {
    async insert(ex: Executor, consent: Consent): Promise<void> {
      await ex.insert(consents).values(toRow(cipher, consent));
    },

    /** The consent, or undefined; `lock` takes the row lock for a state change in `ex`. */
    async find(
      ex: Executor,
      key: ConsentKey,
      options: { lock?: boolean } = {},
    ): Promise<Consent | undefined> {
      const query = ex.select().from(consents).where(byKey(key));
      const [row] = options.lock ? await query.for('update') : await query;
      return row && fromRow(cipher, row);
    },

    /** Ends the consent if it is still in `from`; false when someone else changed it first. */
    async end(
      ex: Executor,
      key: ConsentKey,
      change: { from: ConsentStatus; at: Date; rejection: Rejection },
    ): Promise<boolean> {
      const rows = await ex
        .update(consents)
        .set({
          status: 'REJECTED',
          statusUpdateDateTime: change.at,
          rejectedBy: change.rejection.rejectedBy,
          rejectionReasonCode: change.rejection.reason.code,
          rejectionAdditionalInformation: change.rejection.reason.additionalInformation ?? null,
        })
        .where(and(byKey(key), eq(consents.status, change.from)))
        .returning({ consentId: consents.consentId });
      return rows.length === 1;
    },

    /** AWAITING_AUTHORISATION → AUTHORISED with the customer and the resources they chose. */
    async authorise(
      ex: Executor,
      key: ConsentKey,
      change: { at: Date; customer: CustomerRef; resources: readonly ConsentResource[] },
    ): Promise<boolean> {
      const rows = await ex
        .update(consents)
        .set({
          status: 'AUTHORISED',
          statusUpdateDateTime: change.at,
          customerId: change.customer.customerId,
          customerPersonType: change.customer.personType,
        })
        .where(and(byKey(key), eq(consents.status, 'AWAITING_AUTHORISATION')))
        .returning({ consentId: consents.consentId });
      if (rows.length !== 1) return false;
      if (change.resources.length > 0) {
        await ex.insert(consentResources).values(
          change.resources.map((r) => ({
            ...key,
            type: r.type,
            resourceId: r.resourceId,
            status: r.status,
          })),
        );
      }
      return true;
    },

    async setExpiration(ex: Executor, key: ConsentKey, expiration: Date | null): Promise<void> {
      await ex.update(consents).set({ expirationDateTime: expiration }).where(byKey(key));
    },

    async resources(ex: Executor, key: ConsentKey): Promise<ConsentResource[]> {
      const rows = await ex
        .select({
          type: consentResources.type,
          resourceId: consentResources.resourceId,
          status: consentResources.status,
        })
        .from(consentResources)
        .where(and(eq(consentResources.brandId, key.brandId), eq(consentResources.consentId, key.consentId)))
        .orderBy(asc(consentResources.type), asc(consentResources.resourceId));
      return rows as ConsentResource[];
    },

    /**
     * A customer's consents, newest first: by CPF the personal ones (no business entity), by
     * CNPJ the ones of that company.
     */
    async listByDocument(
      ex: Executor,
      brandId: string,
      document: { type: 'CPF' | 'CNPJ'; identification: string },
      page: PageRequest,
    ): Promise<Page<Consent>> {
      const hash = documentHash(cipher, document.identification);
      const where =
        document.type === 'CPF'
          ? and(
              eq(consents.brandId, brandId),
              eq(consents.loggedUserHash, hash),
              isNull(consents.businessEntityHash),
            )
          : and(eq(consents.brandId, brandId), eq(consents.businessEntityHash, hash));
      const [total] = await ex.select({ n: count() }).from(consents).where(where);
      const rows = await ex
        .select()
        .from(consents)
        .where(where)
        .orderBy(desc(consents.creationDateTime), asc(consents.consentId))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const totalRecords = total?.n ?? 0;
      return {
        items: rows.map((row) => fromRow(cipher, row)),
        totalRecords,
        totalPages: Math.ceil(totalRecords / page.pageSize),
      };
    },

    /**
     * Consents whose time is up at `now` (60-minute authorisation limit or fixed term), oldest
     * first; only what an ending needs, so the sweep never decrypts documents.
     */
    async dueForExpiry(ex: Executor, now: Date, limit: number): Promise<ConsentState[]> {
      const awaitingSince = new Date(now.getTime() - AUTHORISATION_TIMEOUT_MS);
      const rows = await ex
        .select({
          brandId: consents.brandId,
          consentId: consents.consentId,
          clientId: consents.clientId,
          status: consents.status,
          creationDateTime: consents.creationDateTime,
          expirationDateTime: consents.expirationDateTime,
        })
        .from(consents)
        .where(
          or(
            and(eq(consents.status, 'AWAITING_AUTHORISATION'), lte(consents.creationDateTime, awaitingSince)),
            and(
              ne(consents.status, 'REJECTED'),
              isNotNull(consents.expirationDateTime),
              lte(consents.expirationDateTime, now),
            ),
          ),
        )
        .orderBy(sql`least(${consents.creationDateTime}, ${consents.expirationDateTime})`)
        .limit(limit);
      return rows.map((row) => ({ ...row, status: row.status as ConsentStatus }));
    },
  };
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
