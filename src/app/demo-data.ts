import type pg from 'pg';
import type { Config } from '../platform/config/index.ts';
import { createFieldCipher, type FieldCipher } from '../platform/crypto/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { seedSampleBank, type SeedProgress, type SeedResult } from '../sample-bank/index.ts';
import type { PlatformCrypto } from './crypto.ts';

/** The sample bank's personal-data cipher; its keyed-hash domain is part of the stored data. */
export function sampleBankCipher(crypto: PlatformCrypto): FieldCipher {
  return createFieldCipher({
    envelope: crypto.personalData,
    hasher: crypto.hasher,
    hashDomain: 'sample-bank.document',
  });
}

/** The demo brand seeded by `ponte start` (the ecosystem simulator adds more). */
export const DEMO_BRAND = { id: 'banco-ponte', name: 'Banco Ponte' } as const;

/**
 * First-start seed: a brand that already holds READY sample data is left as it is (whatever day it
 * was generated on), so a restart reuses the data; `ponte seed` is the way to regenerate.
 */
export async function seedDemoOnFirstStart(
  ctx: { config: Config; pool: pg.Pool; crypto: PlatformCrypto; logger: Logger },
  brand: { id: string; name: string; customers: number; population?: string } = {
    ...DEMO_BRAND,
    customers: ctx.config.seed.customers,
  },
): Promise<SeedResult | undefined> {
  const { config, pool, logger } = ctx;
  const brandId = brand.id;
  if (brand.customers === 0) return undefined;
  const { rows } = await pool.query<{ status: string }>(
    'SELECT status FROM sample_bank.brands WHERE brand_id = $1',
    [brandId],
  );
  if (rows[0]?.status === 'READY') {
    logger.info({ brandId }, 'sample bank already seeded; reusing it');
    return undefined;
  }
  logger.info({ brandId, customers: brand.customers }, 'seeding the sample bank (first start)');
  const result = await seedSampleBank({
    pool,
    cipher: sampleBankCipher(ctx.crypto),
    brandId,
    customers: brand.customers,
    seed: config.seed.seed,
    ...(brand.population && { population: brand.population }),
    institution: { brandName: brand.name },
    onProgress: (p: SeedProgress) => logger.debug({ customers: p.customers }, 'seed progress'),
  });
  logger.info(
    { brandId, seconds: Number(result.seconds.toFixed(1)), rows: result.rows },
    'sample bank seeded',
  );
  return result;
}
