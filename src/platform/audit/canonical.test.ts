import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuditErrorCode, auditEntryHash, canonicalJson, GENESIS_HASH } from './canonical.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined }),
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('serialises the same value read back from jsonb to the same text', () => {
    const original = {
      when: new Date('2025-01-02T03:04:05.678Z'),
      n: 1e21,
      small: 5e-7,
      list: [undefined, 1.5],
    };
    const viaJsonb = JSON.parse(JSON.stringify(original)) as unknown; // jsonb returns parsed JSON
    assert.equal(canonicalJson(viaJsonb), canonicalJson(original));
    assert.equal(
      canonicalJson(original),
      '{"list":[null,1.5],"n":1e+21,"small":5e-7,"when":"2025-01-02T03:04:05.678Z"}',
    );
  });

  it('refuses values jsonb cannot store reproducibly', () => {
    for (const bad of [{ n: Number.NaN }, { n: Infinity }, { s: 'a\u0000b' }, { b: 10n }]) {
      assert.throws(() => canonicalJson(bad), { code: AuditErrorCode.INVALID_ENTRY });
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => canonicalJson(cyclic), { code: AuditErrorCode.INVALID_ENTRY });
  });

  it('accepts the same object twice in one value (shared, not circular)', () => {
    const shared = { k: 1 };
    assert.equal(canonicalJson({ a: shared, b: shared }), '{"a":{"k":1},"b":{"k":1}}');
  });
});

describe('audit entry hash', () => {
  const fields = {
    seq: 1,
    occurredAt: new Date('2025-01-01T00:00:00.000Z'),
    brandId: null,
    actor: 'operator:1',
    action: 'consent.revoked',
    subject: 'consent:urn:x',
    data: { reason: 'customer request' },
  };

  it('is reproducible and independent of key order', () => {
    const h = auditEntryHash(GENESIS_HASH, fields);
    assert.equal(h.length, 32);
    assert.deepEqual(auditEntryHash(GENESIS_HASH, { ...fields, data: { reason: 'customer request' } }), h);
    // Pinned (computed independently: sha256(32 zero bytes || the canonical body)): a change of
    // serialisation would silently break verification of every existing log.
    assert.equal(h.toString('hex'), '42c73484824cb2463eba70ed48857b25883b45a472a8e741fce06f57e6ec622f');
  });

  it('changes with every field and with the previous hash', () => {
    const h = auditEntryHash(GENESIS_HASH, fields);
    const variants = [
      { ...fields, seq: 2 },
      { ...fields, occurredAt: new Date('2025-01-01T00:00:00.001Z') },
      { ...fields, brandId: 'acme' },
      { ...fields, actor: 'operator:2' },
      { ...fields, action: 'consent.created' },
      { ...fields, subject: 'consent:urn:y' },
      { ...fields, data: { reason: 'customer request ' } },
    ];
    for (const v of variants) assert.notDeepEqual(auditEntryHash(GENESIS_HASH, v), h);
    assert.notDeepEqual(auditEntryHash(Buffer.alloc(32, 1), fields), h);
  });
});
