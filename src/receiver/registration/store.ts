import { and, eq, inArray } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { receiverRegistrations, type ReceiverRegistrationRow } from '../schema.ts';

export type RegistrationStatus = 'REGISTERED' | 'FAILED' | 'DELETED';

/** What the receiver's apps and operators see of a registration (never the DCM token). */
export interface RegistrationView {
  id: string;
  orgId: string;
  authorisationServerId: string;
  /** The server's CustomerFriendlyName in the participants list, as last seen. */
  holderName: string | null;
  discoveryUrl: string;
  status: RegistrationStatus;
  /** Why the status is what it is (e.g. why it was DELETED). */
  statusReason: string | null;
  clientId: string | null;
  registrationClientUri: string | null;
  /** The last failure (DCR, DCM PUT or DELETE); null once an attempt succeeded. */
  lastError: string | null;
  /** When a sync last compared the registration with the directory. */
  syncedAt: Date | null;
  updatedAt: Date;
}

export function viewOf(row: ReceiverRegistrationRow): RegistrationView {
  return {
    id: row.id,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    holderName: row.holderName,
    discoveryUrl: row.discoveryUrl,
    status: row.status as RegistrationStatus,
    statusReason: row.statusReason,
    clientId: row.clientId,
    registrationClientUri: row.registrationClientUri,
    lastError: row.lastError,
    syncedAt: row.syncedAt,
    updatedAt: row.updatedAt,
  };
}

/** The AAD binds the ciphertext to the registration's natural key, stable across upserts. */
const tokenAad = (row: { softwareStatementId: string; authorisationServerId: string }) =>
  fieldAad(
    'receiver_registrations',
    'registration_access_token',
    `${row.softwareStatementId}:${row.authorisationServerId}`,
  );

export function createRegistrationStore(cipher: FieldCipher) {
  return {
    async find(db: Executor, softwareStatementId: string, authorisationServerId: string) {
      const [row] = await db
        .select()
        .from(receiverRegistrations)
        .where(
          and(
            eq(receiverRegistrations.softwareStatementId, softwareStatementId),
            eq(receiverRegistrations.authorisationServerId, authorisationServerId),
          ),
        );
      return row;
    },
    async byId(db: Executor, id: string) {
      const [row] = await db.select().from(receiverRegistrations).where(eq(receiverRegistrations.id, id));
      return row;
    },
    async list(db: Executor, softwareStatementId: string) {
      return db
        .select()
        .from(receiverRegistrations)
        .where(eq(receiverRegistrations.softwareStatementId, softwareStatementId))
        .orderBy(receiverRegistrations.orgId, receiverRegistrations.authorisationServerId);
    },
    /**
     * Records the outcome of a registration attempt (insert or replace the server's row).
     * `holderName`, `ssaFingerprint` and `syncedAt` are kept when not given.
     */
    async save(
      db: Executor,
      input: {
        softwareStatementId: string;
        orgId: string;
        authorisationServerId: string;
        discoveryUrl: string;
        status: RegistrationStatus;
        clientId?: string | null;
        registrationAccessToken?: string | null;
        registrationClientUri?: string | null;
        metadata?: Record<string, unknown> | null;
        lastError?: string | null;
        statusReason?: string | null;
        holderName?: string;
        ssaFingerprint?: string | null;
        syncedAt?: Date;
        now: Date;
      },
    ): Promise<ReceiverRegistrationRow> {
      const token =
        input.registrationAccessToken === undefined || input.registrationAccessToken === null
          ? null
          : cipher.encrypt(input.registrationAccessToken, tokenAad(input));
      const values = {
        orgId: input.orgId,
        discoveryUrl: input.discoveryUrl,
        status: input.status,
        clientId: input.clientId ?? null,
        registrationAccessToken: token,
        registrationClientUri: input.registrationClientUri ?? null,
        metadata: input.metadata ?? null,
        lastError: input.lastError ?? null,
        statusReason: input.statusReason ?? null,
        updatedAt: input.now,
        ...(input.holderName !== undefined && { holderName: input.holderName }),
        ...(input.ssaFingerprint !== undefined && { ssaFingerprint: input.ssaFingerprint }),
        ...(input.syncedAt !== undefined && { syncedAt: input.syncedAt }),
      };
      const [row] = await db
        .insert(receiverRegistrations)
        .values({
          ...values,
          softwareStatementId: input.softwareStatementId,
          authorisationServerId: input.authorisationServerId,
          createdAt: input.now,
        })
        .onConflictDoUpdate({
          target: [receiverRegistrations.softwareStatementId, receiverRegistrations.authorisationServerId],
          set: values,
        })
        .returning();
      return row!;
    },
    /** A sync compared these rows with the directory and found nothing to do. */
    async touch(db: Executor, ids: readonly string[], syncedAt: Date) {
      if (ids.length === 0) return;
      await db
        .update(receiverRegistrations)
        .set({ syncedAt })
        .where(inArray(receiverRegistrations.id, [...ids]));
    },
    /** The participants list renamed the server or moved its discovery document. */
    async relist(db: Executor, id: string, listing: { holderName: string; discoveryUrl: string }) {
      await db.update(receiverRegistrations).set(listing).where(eq(receiverRegistrations.id, id));
    },
    /** A DCM call failed: the registration stays as it was at the holder; only the error is noted. */
    async recordError(db: Executor, id: string, lastError: string, syncedAt: Date) {
      const [row] = await db
        .update(receiverRegistrations)
        .set({ lastError, syncedAt })
        .where(eq(receiverRegistrations.id, id))
        .returning();
      return row!;
    },
    registrationAccessToken(row: ReceiverRegistrationRow): string | undefined {
      return row.registrationAccessToken
        ? cipher.decrypt(row.registrationAccessToken, tokenAad(row))
        : undefined;
    },
  };
}

export type RegistrationStore = ReturnType<typeof createRegistrationStore>;
