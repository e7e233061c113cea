import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import type { CustomerRef } from '../../connectors/index.ts';
import {
  createSampleBankConnector,
  generateCustomer,
  seedSampleBank,
  type SampleCustomer,
} from '../index.ts';

// Personal data is envelope-encrypted per field and bound to its row (DESIGN §4 "Crypto").
const tdb = await createTestDatabase();
const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
const g = { seed: 5, brandId: 'bank-a', asOf: '2025-06-30' };
await seedSampleBank({ pool: tdb.pool, cipher, ...g, customers: 12 });
const connector = createSampleBankConnector({ db: tdb.db, cipher });
const people = Array.from({ length: 12 }, (_, i) => generateCustomer(g, i)).filter(
  (c): c is Extract<SampleCustomer, { personType: 'PESSOA_NATURAL' }> => c.personType === 'PESSOA_NATURAL',
);
const [alice, bob] = people;
if (!alice || !bob) throw new Error('the seed has fewer than two natural persons');
const ref = (c: SampleCustomer): CustomerRef => ({ customerId: c.customerId, personType: c.personType });

async function rawRow(id: string): Promise<Record<string, unknown>> {
  const { rows } = await tdb.pool.query('SELECT * FROM sample_bank.customers WHERE id = $1', [id]);
  assert.ok(rows[0]);
  return rows[0] as Record<string, unknown>;
}

describe('personal data at rest in the sample bank', () => {
  it('stores ciphertext only: no column holds the bytes of the name, CPF, birth date or e-mail', async () => {
    const row = await rawRow(alice.customerId);
    const secrets = [alice.name, alice.document, alice.birthDate, alice.contacts.emails[0]!.email];
    for (const [column, value] of Object.entries(row)) {
      if (!Buffer.isBuffer(value)) continue;
      for (const secret of secrets)
        assert.equal(value.includes(Buffer.from(secret)), false, `${column} leaks ${secret}`);
    }
    assert.ok(Buffer.isBuffer(row.name_enc) && row.name_enc.length > Buffer.byteLength(alice.name));
  });

  it('returns the same values in clear through the connector', async () => {
    const [identification] = await connector.customers.getPersonalIdentifications(g.brandId, ref(alice));
    assert.equal(identification?.civilName, alice.name);
    assert.equal(identification?.documents.cpfNumber, alice.document);
    assert.equal(identification?.birthDate, alice.birthDate);
    assert.deepEqual(identification?.contacts, alice.contacts);
  });

  it('keeps the CPF searchable only through a keyed hash, masked or bare', async () => {
    const row = await rawRow(alice.customerId);
    assert.deepEqual(row.document_hash, cipher.hash(alice.document));
    assert.notDeepEqual(row.document_hash, createHash('sha256').update(alice.document).digest());
    const masked = `${alice.document.slice(0, 3)}.${alice.document.slice(3, 6)}.${alice.document.slice(6, 9)}-${alice.document.slice(9)}`;
    const found = await connector.customers.findCustomer(g.brandId, { type: 'CPF', number: masked });
    assert.equal(found?.customerId, alice.customerId);
  });

  it("refuses a ciphertext copied into another customer's row", async () => {
    await tdb.pool.query(
      `UPDATE sample_bank.customers SET name_enc = (SELECT name_enc FROM sample_bank.customers WHERE id = $1) WHERE id = $2`,
      [alice.customerId, bob.customerId],
    );
    await assert.rejects(connector.customers.getPersonalIdentifications(g.brandId, ref(bob)), {
      code: 'CRYPTO_DECRYPT_FAILED',
    });
  });

  it('refuses a ciphertext moved to another column of the same row', async () => {
    await tdb.pool.query(`UPDATE sample_bank.customers SET birth_date_enc = document_enc WHERE id = $1`, [
      alice.customerId,
    ]);
    await assert.rejects(connector.customers.getPersonalIdentifications(g.brandId, ref(alice)), {
      code: 'CRYPTO_DECRYPT_FAILED',
    });
  });
});
