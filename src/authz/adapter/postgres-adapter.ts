import type pg from 'pg';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's storage contract on PostgreSQL (table `oidc_payloads`, see ../schema.ts): no
 * in-memory state, so two processes serving one issuer see the same clients, grants, codes,
 * sessions and interactions.
 *
 * Expiry mirrors the provider's memory adapter: a row lives `expiresIn` seconds plus the clock
 * tolerance (the provider checks `exp` itself and answers "expired" rather than "not found"
 * within that window); past it, rows are invisible and later purged (cleanup.ts).
 */
export interface PostgresAdapterOptions {
  pool: pg.Pool;
  brandId: string;
  /** Seconds added to `expiresIn`, as the provider's `clockTolerance` (15 by default). */
  clockToleranceSeconds?: number;
  /**
   * Called before a client's metadata is stored (DCR POST and DCM PUT): the place for checks that
   * must be asynchronous (extraClientMetadata.validator cannot be). Throw an oidc-provider error.
   */
  beforeClientUpsert?: (clientId: string, payload: AdapterPayload) => Promise<void>;
  /** Maps a failed client insert (e.g. the one-registration-per-software constraint) to an error. */
  onClientConflict?: (error: unknown) => unknown;
}

/** The constructor oidc-provider instantiates once per model (`new Adapter('AccessToken')`). */
export type AdapterClass = new (model: string) => Adapter;

const UPSERT = `
  INSERT INTO oidc_payloads (brand_id, model, id, payload, grant_id, user_code, uid, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (brand_id, model, id) DO UPDATE
    SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
        uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`;

const SELECT = `SELECT payload, consumed_at FROM oidc_payloads
  WHERE brand_id = $1 AND model = $2 AND (expires_at IS NULL OR expires_at > $4)`;

interface Row {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

function toPayload(row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  if (row.consumed_at === null) return row.payload;
  // The provider reads `consumed` as a truthy epoch (memory adapter: `consumed = epochTime()`).
  return { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Builds the adapter class for one brand (every row carries the brand id, DESIGN §2).
 *
 * @example
 *   const provider = new Provider(issuer, { adapter: createPostgresAdapter({ pool, brandId: 'bank-a' }) });
 */
export function createPostgresAdapter(options: PostgresAdapterOptions): AdapterClass {
  const { pool, brandId } = options;
  const tolerance = options.clockToleranceSeconds ?? 15;

  return class PostgresAdapter implements Adapter {
    readonly model: string;

    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      if (this.model === 'Client' && options.beforeClientUpsert) {
        await options.beforeClientUpsert(id, payload);
      }
      const expiresAt =
        typeof expiresIn === 'number' ? new Date(Date.now() + (expiresIn + tolerance) * 1000) : null;
      const values = [
        brandId,
        this.model,
        id,
        JSON.stringify(payload),
        optionalString(payload.grantId),
        optionalString(payload.userCode),
        optionalString(payload.uid),
        expiresAt,
      ];
      try {
        await pool.query(UPSERT, values);
      } catch (error) {
        if (this.model === 'Client' && options.onClientConflict) throw options.onClientConflict(error);
        throw error;
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const { rows } = await pool.query<Row>(`${SELECT} AND id = $3`, [brandId, this.model, id, new Date()]);
      return toPayload(rows[0]);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const { rows } = await pool.query<Row>(`${SELECT} AND uid = $3 LIMIT 1`, [
        brandId,
        this.model,
        uid,
        new Date(),
      ]);
      return toPayload(rows[0]);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const { rows } = await pool.query<Row>(`${SELECT} AND user_code = $3 LIMIT 1`, [
        brandId,
        this.model,
        userCode,
        new Date(),
      ]);
      return toPayload(rows[0]);
    }

    async consume(id: string): Promise<void> {
      await pool.query(
        `UPDATE oidc_payloads SET consumed_at = now()
         WHERE brand_id = $1 AND model = $2 AND id = $3 AND consumed_at IS NULL`,
        [brandId, this.model, id],
      );
    }

    async destroy(id: string): Promise<void> {
      await pool.query('DELETE FROM oidc_payloads WHERE brand_id = $1 AND model = $2 AND id = $3', [
        brandId,
        this.model,
        id,
      ]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await pool.query('DELETE FROM oidc_payloads WHERE brand_id = $1 AND model = $2 AND grant_id = $3', [
        brandId,
        this.model,
        grantId,
      ]);
    }
  };
}

/**
 * Deletes every artefact of the given grants at once (tokens, codes and the grants themselves):
 * consent revocation (FAPI-BR 1.0 ID3 §7.2.2 item 4). Returns the number of rows removed.
 */
export async function revokeGrants(
  pool: pg.Pool,
  brandId: string,
  grantIds: readonly string[],
): Promise<number> {
  if (grantIds.length === 0) return 0;
  const result = await pool.query(
    `DELETE FROM oidc_payloads
     WHERE brand_id = $1 AND (grant_id = ANY($2::text[]) OR (model = 'Grant' AND id = ANY($2::text[])))`,
    [brandId, grantIds],
  );
  return result.rowCount ?? 0;
}
