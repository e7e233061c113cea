import { eq } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { BrandId } from '../../connectors/index.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import type { SampleInstitution } from '../generator/model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids the sample bank issues are UUIDs; anything else cannot exist (and must not reach a uuid cast). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `2025-06-30T12:00:00.000Z` → `2025-06-30T12:00:00Z` (the specs' `updateDateTime` format). */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Decrypts one column of one row, with the AAD the seed used. */
export function opener(cipher: FieldCipher, table: string, rowKey: string) {
  return {
    text: (column: string, value: Buffer) => cipher.decrypt(value, fieldAad(table, column, rowKey)),
    optional: (column: string, value: Buffer | null) =>
      value === null ? undefined : cipher.decrypt(value, fieldAad(table, column, rowKey)),
    json: <T>(column: string, value: Buffer) =>
      JSON.parse(cipher.decrypt(value, fieldAad(table, column, rowKey))) as T,
  };
}

/** The brand's institution (brand name, CNPJ, STR code), or undefined when the brand was never seeded. */
export async function loadInstitution(
  db: Database,
  brandId: BrandId,
): Promise<SampleInstitution | undefined> {
  const [row] = await db
    .select({
      brandName: sampleBankBrands.brandName,
      companyCnpj: sampleBankBrands.companyCnpj,
      compeCode: sampleBankBrands.compeCode,
      ispb: sampleBankBrands.ispb,
    })
    .from(sampleBankBrands)
    .where(eq(sampleBankBrands.brandId, brandId));
  return row;
}
