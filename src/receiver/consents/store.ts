import { and, eq, sql } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { receiverConsents, type ReceiverConsentRow } from '../schema.ts';

/** CONSUMED: a payment consent whose payment was created (its tokens are no longer needed). */
export type ReceiverConsentStatus =
  'AWAITING_AUTHORISATION' | 'AUTHORISED' | 'REJECTED' | 'REVOKED' | 'ACCESS_LOST' | 'CONSUMED';
export type ReceiverConsentKind = 'DATA' | 'PAYMENT';

/** The receiver's view of a consent (no tokens, no document). */
export interface ConsentView {
  id: string;
  consentId: string;
  kind: ReceiverConsentKind;
  orgId: string;
  authorisationServerId: string;
  status: ReceiverConsentStatus;
  dataGroups: string[];
  permissions: string[];
  expirationDateTime: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function consentView(row: ReceiverConsentRow): ConsentView {
  return {
    id: row.id,
    consentId: row.consentId,
    kind: row.kind as ReceiverConsentKind,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    status: row.status as ReceiverConsentStatus,
    dataGroups: row.dataGroups,
    permissions: row.permissions,
    expirationDateTime: row.expirationDateTime,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type Secret = 'document' | 'code_verifier' | 'access_token' | 'refresh_token';
const aad = (id: string, field: Secret) => fieldAad('receiver_consents', field, id);

/** Encrypted columns of receiver_consents, each bound to its row and column by the AAD. */
export function createConsentSecrets(cipher: FieldCipher) {
  return {
    seal: (id: string, field: Secret, value: string) => cipher.encrypt(value, aad(id, field)),
    open: (id: string, field: Secret, value: Buffer | null): string | undefined =>
      value ? cipher.decrypt(value, aad(id, field)) : undefined,
    documentHash: (document: string) => cipher.hash(document),
  };
}
export type ConsentSecrets = ReturnType<typeof createConsentSecrets>;

export const consentQueries = {
  async byId(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
    const query = db.select().from(receiverConsents).where(eq(receiverConsents.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  },
  async byState(db: Executor, state: string) {
    const [row] = await db
      .select()
      .from(receiverConsents)
      .where(eq(receiverConsents.state, state))
      .for('update');
    return row;
  },
  async byDocumentHash(db: Executor, hash: Buffer) {
    return db
      .select()
      .from(receiverConsents)
      .where(eq(receiverConsents.documentHash, hash))
      .orderBy(receiverConsents.createdAt);
  },
  /** AUTHORISED consents whose access token expires before `before` (for a refresh sweep). */
  async expiringBefore(db: Executor, before: Date, limit = 100) {
    return db
      .select({ id: receiverConsents.id })
      .from(receiverConsents)
      .where(
        and(
          eq(receiverConsents.status, 'AUTHORISED'),
          sql`${receiverConsents.accessTokenExpiresAt} < ${before}`,
        ),
      )
      .limit(limit);
  },
};
