import assert from 'node:assert/strict';
import { hkdfSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { fixedClock } from '../clock/index.ts';
import { createEnvelope } from './envelope.ts';
import { HASH_ROOT_PURPOSE, openHashKeys } from './hash-root.ts';
import { hashKeysFromRoot, kekFromMasterKey } from './kek.ts';
import { createMemoryDataKeyStore } from './testing.ts';

const clock = fixedClock('2025-01-01T00:00:00Z');

describe('keyed-hash root', () => {
  it('derives from a master key’s root exactly the hash keys that master key derives (HKDF, RFC 5869)', () => {
    const master = randomBytes(32);
    const kek = kekFromMasterKey(master);
    const fromRoot = hashKeysFromRoot(kek.hashRoot());
    for (const domain of ['cpf', 'holder.pagination-key']) {
      const expected = Buffer.from(
        hkdfSync('sha256', master, Buffer.alloc(0), `ponte/keyed-hash/v1/${domain}`, 32),
      );
      assert.deepEqual(kek.deriveHashKey(domain), expected);
      assert.deepEqual(fromRoot.deriveHashKey(domain), expected);
    }
  });

  it('stores the root once, wrapped by the current master key, and reads it back', async () => {
    const store = createMemoryDataKeyStore();
    const kek = kekFromMasterKey(randomBytes(32));
    const opened = await Promise.all([1, 2, 3].map(() => openHashKeys({ store, kek, clock })));
    const roots = store.rows.filter((r) => r.purpose === HASH_ROOT_PURPOSE);
    assert.equal(roots.length, 1);
    assert.equal(roots[0]?.kekId, kek.id);
    assert.ok(!roots[0]?.wrappedKey.includes(kek.hashRoot()), 'only the wrapped root is stored');
    for (const keys of opened) assert.deepEqual(keys.deriveHashKey('cpf'), kek.deriveHashKey('cpf'));
  });

  it('takes the root of the master key the database started with when the new one is configured first', async () => {
    const store = createMemoryDataKeyStore();
    const original = kekFromMasterKey(randomBytes(32));
    await createEnvelope({ store, kek: original, clock, purpose: 'personal-data' }).ready();
    const rotated = kekFromMasterKey(randomBytes(32));
    const keys = await openHashKeys({ store, kek: rotated, previousKeks: [original], clock });
    assert.deepEqual(keys.deriveHashKey('cpf'), original.deriveHashKey('cpf'));
    assert.equal(store.rows.find((r) => r.purpose === HASH_ROOT_PURPOSE)?.kekId, rotated.id);
  });
});
