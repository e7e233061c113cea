import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { fixedClock } from '../clock/index.ts';
import { createEnvelope } from './envelope.ts';
import { CryptoErrorCode } from './errors.ts';
import { fieldAad, OVERHEAD_BYTES } from './field-format.ts';
import { kekFromMasterKey } from './kek.ts';
import { createMemoryDataKeyStore, createTestCrypto } from './testing.ts';

const clock = fixedClock('2025-01-01T00:00:00Z');
const aad = fieldAad('customers', 'name', 'c-1');

function flip(buffer: Buffer, offset: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[offset] = (copy[offset] ?? 0) ^ 0x80;
  return copy;
}

describe('envelope field encryption', () => {
  it('round-trips strings and bytes, with a fresh IV each time', async () => {
    const { envelope } = await createTestCrypto();
    const a = envelope.encrypt('Maria da Silva', aad);
    const b = envelope.encrypt('Maria da Silva', aad);
    assert.notDeepEqual(a, b);
    assert.equal(a.length, OVERHEAD_BYTES + Buffer.byteLength('Maria da Silva'));
    assert.equal(envelope.decryptString(a, aad), 'Maria da Silva');
    assert.equal(envelope.decryptString(envelope.encryptString('', aad), aad), '');
    const bytes = randomBytes(1000);
    assert.deepEqual(envelope.decrypt(envelope.encrypt(bytes, aad), aad), bytes);
    assert.equal(envelope.decryptString(envelope.encrypt('ação ✓', aad), aad), 'ação ✓');
  });

  it('writes a self-describing header: version 1 and the data key id', async () => {
    const { envelope } = await createTestCrypto();
    const ct = envelope.encrypt('x', aad);
    assert.equal(ct[0], 1);
    assert.equal(ct.readUInt32BE(1), envelope.activeKeyId());
  });

  it('refuses a ciphertext moved to another row, column or table', async () => {
    const { envelope } = await createTestCrypto();
    const ct = envelope.encrypt('123.456.789-09', fieldAad('customers', 'cpf', 'c-1'));
    for (const other of [
      fieldAad('customers', 'cpf', 'c-2'),
      fieldAad('customers', 'name', 'c-1'),
      fieldAad('employees', 'cpf', 'c-1'),
    ]) {
      assert.throws(() => envelope.decrypt(ct, other), { code: CryptoErrorCode.DECRYPT_FAILED });
    }
  });

  const regions = { version: 0, 'key id': 4, IV: 10, tag: 20, ciphertext: OVERHEAD_BYTES + 2 };
  for (const [region, offset] of Object.entries(regions)) {
    it(`refuses a ciphertext whose ${region} was tampered with`, async () => {
      const { envelope } = await createTestCrypto();
      const ct = envelope.encrypt('sensitive value', aad);
      assert.throws(
        () => envelope.decrypt(flip(ct, offset), aad),
        // A changed key id names a key that does not exist; everything else fails authentication.
        { code: region === 'key id' ? CryptoErrorCode.KEY_NOT_LOADED : CryptoErrorCode.DECRYPT_FAILED },
      );
    });
  }

  it('refuses truncated or empty input with the stable code', async () => {
    const { envelope } = await createTestCrypto();
    const ct = envelope.encrypt('sensitive value', aad);
    for (const bad of [Buffer.alloc(0), ct.subarray(0, OVERHEAD_BYTES - 1), ct.subarray(0, ct.length - 1)]) {
      assert.throws(() => envelope.decrypt(bad, aad), { code: CryptoErrorCode.DECRYPT_FAILED });
    }
  });

  it('refuses to encrypt before ready()', () => {
    const envelope = createEnvelope({
      store: createMemoryDataKeyStore(),
      kek: kekFromMasterKey(randomBytes(32)),
      clock,
      purpose: 'personal-data',
    });
    assert.throws(() => envelope.encrypt('x', aad), { code: CryptoErrorCode.NOT_READY });
  });

  it('keeps older ciphertexts readable after a rotation, and seals new ones under the new key', async () => {
    const { envelope, store } = await createTestCrypto({ clock });
    const before = envelope.encrypt('before', aad);
    const { retiredKeyId, activeKeyId } = await envelope.rotate();
    assert.equal(retiredKeyId, 1);
    assert.equal(activeKeyId, 2);
    assert.equal(store.rows.filter((r) => r.retiredAt === null).length, 1);
    const afterRotation = envelope.encrypt('after', aad);
    assert.equal(afterRotation.readUInt32BE(1), 2);
    assert.equal(envelope.decryptString(before, aad), 'before');
    assert.equal(envelope.decryptString(afterRotation, aad), 'after');
  });

  it('needs loadKeys() in a new process to read values sealed under a retired key', async () => {
    const kek = kekFromMasterKey(randomBytes(32));
    const store = createMemoryDataKeyStore();
    const deps = { store, kek, clock, purpose: 'personal-data' };
    const writer = createEnvelope(deps);
    await writer.ready();
    const old = writer.encrypt('old', aad);
    await writer.rotate();

    const reader = createEnvelope(deps);
    await reader.ready();
    assert.throws(() => reader.decrypt(old, aad), { code: CryptoErrorCode.KEY_NOT_LOADED });
    await reader.loadKeys();
    assert.equal(reader.decryptString(old, aad), 'old');
  });

  it('shares the active key between processes on the same store', async () => {
    const kek = kekFromMasterKey(randomBytes(32));
    const store = createMemoryDataKeyStore();
    const deps = { store, kek, clock, purpose: 'personal-data' };
    const [a, b] = [createEnvelope(deps), createEnvelope(deps)];
    await Promise.all([a.ready(), b.ready()]);
    assert.equal(store.rows.length, 1);
    assert.equal(b.decryptString(a.encrypt('shared', aad), aad), 'shared');
  });

  it('keeps purposes apart: a secret does not decrypt as personal data', async () => {
    const kek = kekFromMasterKey(randomBytes(32));
    const store = createMemoryDataKeyStore();
    const secrets = createEnvelope({ store, kek, clock, purpose: 'secrets' });
    const personal = createEnvelope({ store, kek, clock, purpose: 'personal-data' });
    await secrets.ready();
    await personal.ready();
    await personal.loadKeys();
    assert.throws(() => personal.decrypt(secrets.encrypt('s3cr3t', aad), aad), {
      code: CryptoErrorCode.KEY_NOT_LOADED,
    });
  });

  it('refuses data keys wrapped by another master key, naming both KEKs', async () => {
    const store = createMemoryDataKeyStore();
    const original = kekFromMasterKey(randomBytes(32));
    await createEnvelope({ store, kek: original, clock, purpose: 'personal-data' }).ready();
    const other = kekFromMasterKey(randomBytes(32));
    await assert.rejects(
      createEnvelope({ store, kek: other, clock, purpose: 'personal-data' }).ready(),
      (e: Error) => {
        assert.equal((e as { code?: string }).code, CryptoErrorCode.KEK_MISMATCH);
        assert.ok(e.message.includes(original.id) && e.message.includes(other.id));
        return true;
      },
    );
  });
});
