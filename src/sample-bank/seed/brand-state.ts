import type pg from 'pg';
import type { DataFamily } from './family.ts';
import { describeCopyTable } from './copy-text.ts';
import type { SampleInstitution } from '../generator/model.ts';

/** The parameters that fully determine a brand's sample data. */
export interface SeedParameters {
  readonly brandId: string;
  readonly seed: number;
  /** See CustomerGeneration.population; the brand id when not shared. */
  readonly population: string;
  readonly customers: number;
  readonly asOf: string;
  readonly historyMonths: number;
  readonly families: readonly string[];
}

interface BrandRow {
  seed: number;
  population: string;
  customers: number;
  as_of: string;
  history_months: number;
  families: string[];
  status: string;
}

/** Whether the brand already holds exactly this data, completely written. */
export async function isAlreadySeeded(client: pg.ClientBase, p: SeedParameters): Promise<boolean> {
  const { rows } = await client.query<BrandRow>(
    `SELECT seed, population, customers, to_char(as_of, 'YYYY-MM-DD') AS as_of, history_months, families, status
       FROM sample_bank.brands WHERE brand_id = $1`,
    [p.brandId],
  );
  const row = rows[0];
  return (
    row !== undefined &&
    row.status === 'READY' &&
    row.seed === p.seed &&
    row.population === p.population &&
    row.customers === p.customers &&
    row.as_of === p.asOf &&
    row.history_months === p.historyMonths &&
    row.families.join(',') === p.families.join(',')
  );
}

/**
 * Removes the brand's rows from every family table and marks the brand `SEEDING`, in one
 * transaction. When no other brand has sample data the tables are truncated instead (a
 * million-row DELETE is the slow path). Rows of a brand whose seed was interrupted are removed the
 * same way, since its status never reached `READY`.
 */
export async function resetBrand(
  client: pg.ClientBase,
  p: SeedParameters,
  institution: SampleInstitution,
  families: readonly DataFamily[],
  now: Date,
): Promise<void> {
  const tables = families.flatMap((f) => f.tables.map((t) => describeCopyTable(t).qualifiedName)).reverse();
  await client.query('BEGIN');
  try {
    // Resets of different brands queue here, so one never truncates while another has just begun.
    await client.query('LOCK TABLE sample_bank.brands IN SHARE ROW EXCLUSIVE MODE');
    const others = await client.query('SELECT 1 FROM sample_bank.brands WHERE brand_id <> $1 LIMIT 1', [
      p.brandId,
    ]);
    if (others.rowCount === 0) {
      await client.query(`TRUNCATE ${tables.join(', ')}`);
    } else {
      for (const table of tables) await client.query(`DELETE FROM ${table} WHERE brand_id = $1`, [p.brandId]);
    }
    await client.query(
      `INSERT INTO sample_bank.brands (brand_id, brand_name, company_cnpj, compe_code, ispb, seed, customers,
                                       as_of, history_months, families, status, started_at, completed_at, population)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'SEEDING', $11, NULL, $12)
       ON CONFLICT (brand_id) DO UPDATE SET
         brand_name = EXCLUDED.brand_name, company_cnpj = EXCLUDED.company_cnpj, compe_code = EXCLUDED.compe_code,
         ispb = EXCLUDED.ispb, seed = EXCLUDED.seed, population = EXCLUDED.population, customers = EXCLUDED.customers, as_of = EXCLUDED.as_of,
         history_months = EXCLUDED.history_months, families = EXCLUDED.families, status = 'SEEDING',
         started_at = EXCLUDED.started_at, completed_at = NULL`,
      [
        p.brandId,
        institution.brandName,
        institution.companyCnpj,
        institution.compeCode,
        institution.ispb,
        p.seed,
        p.customers,
        p.asOf,
        p.historyMonths,
        p.families,
        now,
        p.population,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export async function markReady(client: pg.ClientBase, brandId: string, now: Date): Promise<void> {
  await client.query(
    `UPDATE sample_bank.brands SET status = 'READY', completed_at = $2 WHERE brand_id = $1`,
    [brandId, now],
  );
}
