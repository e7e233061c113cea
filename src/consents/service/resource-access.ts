import { sql } from 'drizzle-orm';
import type { CustomerRef, PersonType } from '../../connectors/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { ConsentResource } from '../domain/model.ts';
import type { Permission } from '../domain/permissions.ts';
import type { ConsentStatus, RejectionReasonCode } from '../domain/status-policy.ts';

/**
 * A consent as the data APIs' resource guard needs it on every request (consents 3.3.1 §2.1:
 * data only for an AUTHORISED consent whose permissions include the endpoint's; resources API
 * 3.1.0: the resources the customer linked). No documents: nothing here is decrypted.
 */
export interface ConsentResourceAccess {
  consentId: string;
  clientId: string;
  /** As stored; the caller compares `expirationDateTime` with its clock (expiry is applied lazily). */
  status: ConsentStatus;
  rejectionReason: RejectionReasonCode | null;
  /** null: indefinite term. */
  expirationDateTime: Date | null;
  permissions: readonly Permission[];
  /** The institution's customer who authorised it; null before authorisation. */
  customer: CustomerRef | null;
  /** Linked resources, ordered by type then id, with the status recorded at linking. */
  resources: readonly ConsentResource[];
}

export interface ConsentResourceAccessReader {
  /** The consent of this brand, or undefined when the brand has no such consent. */
  getForResourceAccess(brandId: string, consentId: string): Promise<ConsentResourceAccess | undefined>;
  /**
   * Consents of the client that are AUTHORISED and unexpired at `now`: the "quantidade de
   * consentimentos ativos" that sets high-frequency traffic limits (DIGEST §8.4).
   */
  countActiveForClient(brandId: string, clientId: string, now: Date): Promise<number>;
}

interface AccessRow extends Record<string, unknown> {
  client_id: string;
  status: ConsentStatus;
  rejection_reason_code: RejectionReasonCode | null;
  expiration_date_time: Date | string | null;
  permissions: Permission[];
  customer_id: string | null;
  customer_person_type: PersonType | null;
  resources: ConsentResource[] | string;
}

/**
 * One round trip per lookup: the consent row and its linked resources (aggregated as JSON), by
 * primary key. The hot path of every data API call, so it stays plain SQL.
 *
 * @example
 *   const access = createConsentResourceAccess({ db });
 *   const consent = await access.getForResourceAccess('bank-a', 'urn:banka:123');
 */
export function createConsentResourceAccess(deps: { db: Database }): ConsentResourceAccessReader {
  return {
    async getForResourceAccess(brandId, consentId) {
      const result = await deps.db.execute<AccessRow>(sql`
        SELECT c.client_id, c.status, c.rejection_reason_code, c.expiration_date_time, c.permissions,
               c.customer_id, c.customer_person_type,
               coalesce((
                 SELECT json_agg(json_build_object('type', r.type, 'resourceId', r.resource_id, 'status', r.status)
                                 ORDER BY r.type, r.resource_id)
                   FROM consent_resources r
                  WHERE r.brand_id = c.brand_id AND r.consent_id = c.consent_id
               ), '[]'::json) AS resources
          FROM consents c
         WHERE c.brand_id = ${brandId} AND c.consent_id = ${consentId}`);
      const row = result.rows[0];
      if (row === undefined) return undefined;
      const expiration = row.expiration_date_time;
      return {
        consentId,
        clientId: row.client_id,
        status: row.status,
        rejectionReason: row.rejection_reason_code,
        expirationDateTime: expiration === null ? null : new Date(expiration),
        permissions: row.permissions,
        customer:
          row.customer_id !== null && row.customer_person_type !== null
            ? { customerId: row.customer_id, personType: row.customer_person_type }
            : null,
        resources:
          typeof row.resources === 'string'
            ? (JSON.parse(row.resources) as ConsentResource[])
            : row.resources,
      };
    },

    async countActiveForClient(brandId, clientId, now) {
      const result = await deps.db.execute<{ n: number | string }>(sql`
        SELECT count(*) AS n FROM consents
         WHERE brand_id = ${brandId} AND client_id = ${clientId} AND status = 'AUTHORISED'
           AND (expiration_date_time IS NULL OR expiration_date_time > ${now.toISOString()}::timestamptz)`);
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
