import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { paymentJtis } from '../schema.ts';

/** FAPI-BR 1.0 ID3 JWS item 9: a jti is unique per clientId within 86,400 seconds. */
export const JTI_LIFETIME_MS = 86_400_000;

/**
 * Remembers a request's jti; false when the client already used it in the last 24 hours (the
 * insert conflicts). A jti older than that may be used again: the conflicting row is taken over.
 */
export async function rememberJti(
  db: Executor,
  key: { brandId: string; clientId: string; jti: string },
  now: Date,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + JTI_LIFETIME_MS);
  const rows = await db
    .insert(paymentJtis)
    .values({ ...key, expiresAt })
    .onConflictDoUpdate({
      target: [paymentJtis.brandId, paymentJtis.clientId, paymentJtis.jti],
      set: { expiresAt },
      setWhere: sql`${paymentJtis.expiresAt} <= ${now}`,
    })
    .returning({ jti: paymentJtis.jti });
  return rows.length === 1;
}
