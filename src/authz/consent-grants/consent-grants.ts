import type pg from 'pg';
import { CONSENT_ENDED_EVENTS } from '../../consents/index.ts';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/index.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import { revokeGrants } from '../adapter/postgres-adapter.ts';
import { extendConsentGrants } from './extend-consent.ts';

/**
 * The grants of a consent on the authorization server. Revocation (FAPI-BR 1.0 ID3 §7.2.2
 * item 4; DIGEST §2.5 "the AS must revoke the refresh/access tokens bound to a deleted
 * consent"): every grant the consent was authorised through, with all its codes and tokens, goes
 * at once. Renewal: the grants follow the consent's new expiry (extend-consent.ts).
 */
export interface ConsentGrants {
  /** Revokes every grant and token of the consent; returns how many artefacts were removed. Idempotent. */
  revokeConsent(consentId: string): Promise<number>;
  /** After a renewal: grants and refresh tokens live until the new expiry (null: indefinite). */
  extendConsent(consentId: string, expirationDateTime: Date | null): Promise<number>;
  /** Subscribes to consent.revoked / consent.rejected / consent.expired of this brand. */
  subscribe(bus: EventBus): () => void;
}

/** Links a grant to its consent, in the transaction that authorises the consent. */
export async function recordConsentGrant(
  tx: Transaction,
  link: { brandId: string; consentId: string; grantId: string; clientId: string },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO authz_consent_grants (brand_id, consent_id, grant_id, client_id)
    VALUES (${link.brandId}, ${link.consentId}, ${link.grantId}, ${link.clientId})
    ON CONFLICT DO NOTHING`);
}

export function createConsentGrants(deps: {
  brandId: string;
  pool: pg.Pool;
  logger: Logger;
  indefiniteConsentLifetimeSeconds: number;
  now: () => Date;
}): ConsentGrants {
  async function revokeConsent(consentId: string): Promise<number> {
    const { rows } = await deps.pool.query<{ grant_id: string }>(
      `UPDATE authz_consent_grants SET revoked_at = coalesce(revoked_at, now())
       WHERE brand_id = $1 AND consent_id = $2 RETURNING grant_id`,
      [deps.brandId, consentId],
    );
    const removed = await revokeGrants(
      deps.pool,
      deps.brandId,
      rows.map((r) => r.grant_id),
    );
    if (removed > 0) deps.logger.info({ consentId, grants: rows.length, removed }, 'consent grants revoked');
    return removed;
  }

  return {
    revokeConsent,
    extendConsent(consentId, expirationDateTime) {
      const nowSeconds = Math.floor(deps.now().getTime() / 1000);
      const expiresAtSeconds =
        expirationDateTime === null
          ? nowSeconds + deps.indefiniteConsentLifetimeSeconds
          : Math.floor(expirationDateTime.getTime() / 1000);
      return extendConsentGrants(deps.pool, {
        brandId: deps.brandId,
        consentId,
        expiresAtSeconds,
        clockToleranceSeconds: 15,
      });
    },
    subscribe(bus) {
      const unsubscribes = CONSENT_ENDED_EVENTS.map((type) =>
        bus.subscribe(type, `authz.revoke-consent-grants.${deps.brandId}`, async (event) => {
          if (event.brandId !== deps.brandId) return;
          await revokeConsent(event.payload.consentId);
        }),
      );
      return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    },
  };
}
