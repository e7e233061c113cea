import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { systemClock } from '../clock/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createDataKeyStore } from './data-key-store.ts';
import { createEnvelope, type Envelope } from './envelope.ts';
import { CryptoErrorCode } from './errors.ts';
import { fieldAad } from './field-format.ts';
import { HASH_ROOT_PURPOSE, openHashKeys } from './hash-root.ts';
import { kekFromMasterKey, type HashRootSource, type KeyEncryptionKey } from './kek.ts';
import { createKeyedHasher } from './keyed-hash.ts';
import { rewrapDataKeys } from './rotate-master.ts';

const tdb = await createTestDatabase();
const store = createDataKeyStore(tdb.db);
const clock = systemClock;
const aad = fieldAad('customers', 'name', 'c-1');
type Kek = KeyEncryptionKey & HashRootSource;

// Each test works on its own purposes; rewrapDataKeys covers the whole table, so the tests of
// this file run one after the other and each checks the rows it made.
async function opened(purpose: string, kek: Kek, previousKeks: Kek[] = []): Promise<Envelope> {
  const envelope = createEnvelope({ store, kek, previousKeks, clock, purpose });
  await envelope.ready();
  await envelope.loadKeys();
  return envelope;
}

async function rowsOf(purposes: string[]) {
  const { rows } = await tdb.pool.query<{ id: number; kek_id: string; wrapped_key: Buffer }>(
    'SELECT id, kek_id, wrapped_key FROM data_keys WHERE purpose = ANY($1) ORDER BY id',
    [purposes],
  );
  return rows;
}

async function allKekIds(): Promise<string[]> {
  const { rows } = await tdb.pool.query<{ kek_id: string }>('SELECT DISTINCT kek_id FROM data_keys');
  return rows.map((r) => r.kek_id);
}

describe('master key rotation', () => {
  const oldKek = kekFromMasterKey(randomBytes(32));
  const newKek = kekFromMasterKey(randomBytes(32));

  it('re-wraps every data key and the hash root; data and hashes written before read with the new key alone', async () => {
    const writer = await opened('personal-data', oldKek);
    const before = writer.encrypt('Maria da Silva', aad);
    await writer.rotate(); // a retired key too
    const afterDataKeyRotation = writer.encrypt('João Souza', aad);
    const secrets = await opened('secrets', oldKek);
    const secret = secrets.encrypt('client-secret', aad);
    const hashBefore = createKeyedHasher(await openHashKeys({ store, kek: oldKek, clock })).keyedHash(
      '12345678909',
      'cpf',
    );
    const purposes = ['personal-data', 'secrets', HASH_ROOT_PURPOSE];
    const rowsBefore = await rowsOf(purposes);
    assert.equal(rowsBefore.length, 4);
    assert.ok(rowsBefore.every((r) => r.kek_id === oldKek.id));

    const report = await rewrapDataKeys({ db: tdb.db, target: newKek, current: oldKek, clock });

    assert.deepEqual(report, { total: 4, rewrapped: 4, batches: 1, alreadyUnderTarget: 0, remaining: 0 });
    const rowsAfter = await rowsOf(purposes);
    assert.deepEqual(
      rowsAfter.map((r) => r.id),
      rowsBefore.map((r) => r.id),
    );
    for (const [i, row] of rowsAfter.entries()) {
      assert.equal(row.kek_id, newKek.id);
      assert.notDeepEqual(row.wrapped_key, rowsBefore[i]!.wrapped_key, `row ${row.id} re-wrapped`);
    }
    // A process restarted with only the new master key reads everything written before.
    const reader = await opened('personal-data', newKek);
    assert.equal(reader.decryptString(before, aad), 'Maria da Silva');
    assert.equal(reader.decryptString(afterDataKeyRotation, aad), 'João Souza');
    assert.equal((await opened('secrets', newKek)).decryptString(secret, aad), 'client-secret');
    const hashAfter = createKeyedHasher(await openHashKeys({ store, kek: newKek, clock })).keyedHash(
      '12345678909',
      'cpf',
    );
    assert.deepEqual(hashAfter, hashBefore, 'searchable hashes survive the rotation');
    assert.deepEqual(hashAfter, createKeyedHasher(oldKek).keyedHash('12345678909', 'cpf'));
    assert.notDeepEqual(hashAfter, createKeyedHasher(newKek).keyedHash('12345678909', 'cpf'));

    // A process running since before the rotation keeps its unwrapped keys in memory.
    assert.equal(writer.decryptString(before, aad), 'Maria da Silva');
    await writer.ready();
    assert.equal(writer.decryptString(writer.encrypt('still writing', aad), aad), 'still writing');
  });

  it('leaves the old master key alone unable to unwrap, naming both keys', async () => {
    await assert.rejects(opened('personal-data', oldKek), (e: Error) => {
      assert.equal((e as { code?: string }).code, CryptoErrorCode.KEK_MISMATCH);
      assert.ok(e.message.includes(newKek.id) && e.message.includes(oldKek.id));
      return true;
    });
    await assert.rejects(openHashKeys({ store, kek: oldKek, clock }), { code: CryptoErrorCode.KEK_MISMATCH });
  });

  it('is idempotent: a second run re-wraps nothing', async () => {
    const report = await rewrapDataKeys({ db: tdb.db, target: newKek, current: oldKek, clock });
    assert.deepEqual(report, { total: 4, rewrapped: 0, batches: 0, alreadyUnderTarget: 4, remaining: 0 });
  });

  it('resumes after a crash between batches; meanwhile every row is readable with the new key and the old as previous', async () => {
    // Rotate again, newKek → thirdKek, one row per batch, crashing after the first batch.
    const thirdKek = kekFromMasterKey(randomBytes(32));
    const writer = await opened('personal-data', newKek);
    const value = writer.encrypt('before the crash', aad);
    await assert.rejects(
      rewrapDataKeys({
        db: tdb.db,
        target: thirdKek,
        current: newKek,
        clock,
        batchSize: 1,
        afterBatch: () => {
          throw new Error('crash after one batch');
        },
      }),
      /crash after one batch/,
    );
    const mixed = await allKekIds();
    assert.deepEqual(new Set(mixed), new Set([newKek.id, thirdKek.id]), 'half way: rows under either key');

    // Mid-rotation, a process configured with the new key and the previous one reads everything.
    const midway = await opened('personal-data', thirdKek, [newKek]);
    assert.equal(midway.decryptString(value, aad), 'before the crash');
    await openHashKeys({ store, kek: thirdKek, previousKeks: [newKek], clock });

    const batchesSeen: number[] = [];
    const report = await rewrapDataKeys({
      db: tdb.db,
      target: thirdKek,
      current: newKek,
      clock,
      batchSize: 2,
      afterBatch: ({ batch }) => {
        batchesSeen.push(batch);
      },
    });
    assert.deepEqual(report, { total: 4, rewrapped: 3, batches: 2, alreadyUnderTarget: 1, remaining: 0 });
    assert.deepEqual(batchesSeen, [1, 2]);
    assert.deepEqual(await allKekIds(), [thirdKek.id]);
    assert.equal((await opened('personal-data', thirdKek)).decryptString(value, aad), 'before the crash');
  });

  it('rolls a batch back and names the key when a row is wrapped by a master key it was not given', async () => {
    const stranger = kekFromMasterKey(randomBytes(32));
    const thirdKekAgain = (await allKekIds())[0]!;
    await createEnvelope({ store, kek: stranger, clock, purpose: 'stranger' }).ready();
    const target = kekFromMasterKey(randomBytes(32));
    const current = kekFromMasterKey(randomBytes(32)); // not the one that wrapped anything
    await assert.rejects(
      rewrapDataKeys({ db: tdb.db, target, current, clock }),
      (e: Error) => (e as { code?: string }).code === CryptoErrorCode.KEK_MISMATCH,
    );
    const ids = await allKekIds();
    assert.ok(!ids.includes(target.id), 'nothing re-wrapped');
    assert.deepEqual(new Set(ids), new Set([thirdKekAgain, stranger.id]));
  });
});
