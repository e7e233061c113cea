import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { systemClock } from '../clock/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createDataKeyStore } from './data-key-store.ts';
import { createEnvelope } from './envelope.ts';
import { fieldAad } from './field-format.ts';
import { kekFromMasterKey } from './kek.ts';

const tdb = await createTestDatabase();
const kek = kekFromMasterKey(randomBytes(32));
const aad = fieldAad('customers', 'name', 'c-1');
const envelopeFor = (purpose: string) =>
  createEnvelope({ store: createDataKeyStore(tdb.db), kek, clock: systemClock, purpose });

describe('data keys in PostgreSQL', () => {
  it('stores only the wrapped key, with its KEK id and purpose', async () => {
    const envelope = envelopeFor('stored');
    await envelope.ready();
    const { rows } = await tdb.pool.query<{ kek_id: string; wrapped_key: Buffer; retired_at: Date | null }>(
      'SELECT kek_id, wrapped_key, retired_at FROM data_keys WHERE purpose = $1',
      ['stored'],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.kek_id, kek.id);
    assert.equal(rows[0]?.retired_at, null);
    assert.ok(Buffer.isBuffer(rows[0]?.wrapped_key) && rows[0].wrapped_key.length > 32);
  });

  it('creates a single active key when many processes start together', async () => {
    const envelopes = Array.from({ length: 10 }, () => envelopeFor('race'));
    await Promise.all(envelopes.map((e) => e.ready()));
    const ids = new Set(envelopes.map((e) => e.activeKeyId()));
    assert.equal(ids.size, 1);
    const { rows } = await tdb.pool.query('SELECT id FROM data_keys WHERE purpose = $1', ['race']);
    assert.equal(rows.length, 1);
    const ct = envelopes[3]!.encrypt('shared', aad);
    assert.equal(envelopes[7]!.decryptString(ct, aad), 'shared');
  });

  it('rotates: one active key remains and older ciphertexts still decrypt after a restart', async () => {
    const writer = envelopeFor('rotating');
    await writer.ready();
    const old = writer.encrypt('before rotation', aad);
    const { retiredKeyId, activeKeyId } = await writer.rotate();
    assert.notEqual(retiredKeyId, activeKeyId);
    const fresh = writer.encrypt('after rotation', aad);

    const { rows } = await tdb.pool.query<{ id: number; retired_at: Date | null }>(
      'SELECT id, retired_at FROM data_keys WHERE purpose = $1 ORDER BY id',
      ['rotating'],
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.retired_at === null]),
      [
        [retiredKeyId, false],
        [activeKeyId, true],
      ],
    );

    const restarted = envelopeFor('rotating');
    await restarted.ready();
    assert.equal(restarted.activeKeyId(), activeKeyId);
    await restarted.loadKeys();
    assert.equal(restarted.decryptString(old, aad), 'before rotation');
    assert.equal(restarted.decryptString(fresh, aad), 'after rotation');
  });

  it('lets the database refuse a second active key for a purpose', async () => {
    await envelopeFor('guarded').ready();
    await assert.rejects(
      tdb.pool.query("INSERT INTO data_keys (kek_id, wrapped_key, purpose) VALUES ('x', '\\x00', 'guarded')"),
      { code: '23505' },
    );
  });

  it('survives concurrent rotations with exactly one active key', async () => {
    const a = envelopeFor('double-rotation');
    const b = envelopeFor('double-rotation');
    await a.ready();
    await b.ready();
    await Promise.all([a.rotate(), b.rotate()]);
    const { rows } = await tdb.pool.query(
      'SELECT id FROM data_keys WHERE purpose = $1 AND retired_at IS NULL',
      ['double-rotation'],
    );
    assert.equal(rows.length, 1);
    await a.ready();
    await b.ready();
    assert.equal(a.activeKeyId(), b.activeKeyId());
  });
});
