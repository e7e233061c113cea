import { eq } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { PixAccountType, PixKeyEntry } from '../../connectors/index.ts';
import { sampleBankPixKeys } from './schema.ts';

const TABLE = 'sample_bank.pix_keys';

/** The simulated DICT: registers (or re-points) a Pix key. */
export async function registerPixKey(db: Executor, cipher: FieldCipher, entry: PixKeyEntry): Promise<void> {
  const row = {
    key: entry.key,
    ispb: entry.account.ispb,
    issuer: entry.account.issuer ?? null,
    number: entry.account.number,
    accountType: entry.account.accountType,
    ownerNameEnc: cipher.encrypt(entry.ownerName, fieldAad(TABLE, 'owner_name_enc', entry.key)),
    ownerDocumentEnc: cipher.encrypt(entry.ownerDocument, fieldAad(TABLE, 'owner_document_enc', entry.key)),
  };
  await db
    .insert(sampleBankPixKeys)
    .values(row)
    .onConflictDoUpdate({ target: sampleBankPixKeys.key, set: row });
}

/** DICT lookup; undefined for a key nobody registered. */
export async function resolvePixKey(
  db: Executor,
  cipher: FieldCipher,
  key: string,
): Promise<PixKeyEntry | undefined> {
  const [row] = await db.select().from(sampleBankPixKeys).where(eq(sampleBankPixKeys.key, key));
  if (!row) return undefined;
  return {
    key: row.key,
    account: {
      ispb: row.ispb,
      ...(row.issuer === null ? {} : { issuer: row.issuer }),
      number: row.number,
      accountType: row.accountType as PixAccountType,
    },
    ownerName: cipher.decrypt(row.ownerNameEnc, fieldAad(TABLE, 'owner_name_enc', row.key)),
    ownerDocument: cipher.decrypt(row.ownerDocumentEnc, fieldAad(TABLE, 'owner_document_enc', row.key)),
  };
}
