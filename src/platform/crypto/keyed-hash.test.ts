import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CryptoErrorCode } from './errors.ts';
import { fieldAad } from './field-format.ts';
import { kekFromMasterKey } from './kek.ts';
import { createKeyedHasher, timingSafeEqualString } from './keyed-hash.ts';
import { createTestCrypto } from './testing.ts';

describe('keyed hash', () => {
  const master = randomBytes(32);
  const hasher = createKeyedHasher(kekFromMasterKey(master));

  it('is deterministic for a value and domain, across restarts', () => {
    const again = createKeyedHasher(kekFromMasterKey(Buffer.from(master)));
    const h = hasher.keyedHash('12345678909', 'cpf');
    assert.equal(h.length, 32);
    assert.deepEqual(hasher.keyedHash('12345678909', 'cpf'), h);
    assert.deepEqual(again.keyedHash('12345678909', 'cpf'), h);
  });

  it('separates domains and values', () => {
    const cpf = hasher.keyedHash('12345678909', 'cpf');
    assert.notDeepEqual(hasher.keyedHash('12345678909', 'phone'), cpf);
    assert.notDeepEqual(hasher.keyedHash('12345678900', 'cpf'), cpf);
  });

  it('depends on the master key, so hashes cannot be recomputed without it', () => {
    const other = createKeyedHasher(kekFromMasterKey(randomBytes(32)));
    assert.notDeepEqual(other.keyedHash('12345678909', 'cpf'), hasher.keyedHash('12345678909', 'cpf'));
  });

  it('rejects malformed domain names', () => {
    for (const domain of ['', 'has space', 'x'.repeat(65), 'slash/y']) {
      assert.throws(() => hasher.keyedHash('v', domain), { code: CryptoErrorCode.INVALID_DOMAIN });
    }
  });
});

describe('timingSafeEqualString', () => {
  it('compares secrets of equal and different lengths', () => {
    assert.equal(timingSafeEqualString('s3cret', 's3cret'), true);
    assert.equal(timingSafeEqualString('s3cret', 's3creT'), false);
    assert.equal(timingSafeEqualString('s3cret', 's3cret-longer'), false);
    assert.equal(timingSafeEqualString('', ''), true);
    assert.equal(timingSafeEqualString('', 'x'), false);
    assert.equal(timingSafeEqualString(Buffer.from('abc'), 'abc'), true);
  });
});

describe('FieldCipher adapter', () => {
  it('encrypts, decrypts and hashes with the bound domain', async () => {
    const { fieldCipher, kek } = await createTestCrypto({ hashDomain: 'cpf' });
    const aad = fieldAad('customers', 'cpf', 7);
    assert.equal(fieldCipher.decrypt(fieldCipher.encrypt('12345678909', aad), aad), '12345678909');
    assert.deepEqual(fieldCipher.hash('12345678909'), createKeyedHasher(kek).keyedHash('12345678909', 'cpf'));
  });
});
