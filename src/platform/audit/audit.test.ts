import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { fixedClock } from '../clock/index.ts';
import { createDatabase, createPool } from '../db/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import { createAuditLog } from './append.ts';
import { auditEntryHash } from './canonical.ts';
import { formatAuditVerification, verifyAuditChain } from './verify.ts';

const clock = fixedClock('2025-03-01T12:00:00.000Z');
const audit = createAuditLog({ clock });

/** A fresh database per scenario: each test damages its chain on purpose. */
async function freshLog(entries: number) {
  const tdb = await createTestDatabase();
  for (let i = 1; i <= entries; i++) {
    clock.advance(1234);
    await audit.append(tdb.db, {
      brandId: i % 2 ? 'acme' : null,
      actor: `operator:${i}`,
      action: 'consent.revoked',
      subject: `consent:urn:acme:${i}`,
      data: { reason: 'customer request', n: i, nested: { z: 1, a: [1.5, 'ç'] } },
    });
  }
  return tdb;
}

/** Tampering as a superuser would: ordinary triggers are off in replica mode. */
async function asSuperuser(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe('audit log', () => {
  it('appends entries that chain from a zero genesis hash and verify', async () => {
    const tdb = await freshLog(5);
    const { rows } = await tdb.pool.query<{ seq: string; prev_hash: Buffer; hash: Buffer }>(
      'SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq',
    );
    assert.deepEqual(
      rows.map((r) => r.seq),
      ['1', '2', '3', '4', '5'],
    );
    assert.deepEqual(rows[0]?.prev_hash, Buffer.alloc(32));
    for (let i = 1; i < rows.length; i++) assert.deepEqual(rows[i]?.prev_hash, rows[i - 1]?.hash);
    const result = await verifyAuditChain(tdb.db, { batchSize: 2 });
    assert.deepEqual(result, { ok: true, count: 5 });
    assert.equal(formatAuditVerification(result), 'audit log OK: 5 entries, chain intact');
  });

  it('verifies an empty log', async () => {
    const tdb = await createTestDatabase();
    assert.deepEqual(await verifyAuditChain(tdb.db), { ok: true, count: 0 });
  });

  it('commits the audit row with the audited change, and rolls it back with it', async () => {
    const tdb = await freshLog(1);
    await assert.rejects(
      tdb.db.transaction(async (tx) => {
        await audit.append(tx, { actor: 'system:test', action: 'doomed', subject: 'x:1' });
        throw new Error('the audited change failed');
      }),
      /audited change failed/,
    );
    const appended = await tdb.db.transaction((tx) =>
      audit.append(tx, { actor: 'system:test', action: 'kept', subject: 'x:2' }),
    );
    assert.equal(appended.seq, 2, 'the rolled-back entry left no gap');
    assert.deepEqual(await verifyAuditChain(tdb.db), { ok: true, count: 2 });
  });

  it('rejects UPDATE, DELETE and TRUNCATE through normal SQL', async () => {
    const tdb = await freshLog(3);
    const rejected = { code: '42501', message: /append-only/ };
    await assert.rejects(tdb.pool.query(`UPDATE audit_log SET data = '{"x":1}' WHERE seq = 2`), rejected);
    await assert.rejects(tdb.pool.query('DELETE FROM audit_log WHERE seq = 3'), rejected);
    await assert.rejects(tdb.pool.query('TRUNCATE audit_log'), rejected);
    await assert.rejects(tdb.pool.query('UPDATE audit_chain_head SET last_seq = 0'), { code: '42501' });
    await assert.rejects(tdb.pool.query('DELETE FROM audit_chain_head'), { code: '42501' });
    assert.deepEqual(await verifyAuditChain(tdb.db), { ok: true, count: 3 });
  });

  it('reports the seq of an entry whose data was modified', async () => {
    const tdb = await freshLog(6);
    await asSuperuser(tdb.url, `UPDATE audit_log SET data = jsonb_set(data, '{n}', '99') WHERE seq = 4`);
    const result = await verifyAuditChain(tdb.db, { batchSize: 4 });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.brokenAt === 4 && /contents were altered/.test(result.reason));
    assert.match(formatAuditVerification(result), /BROKEN at seq 4/);
  });

  it('reports the entry after one that was altered and re-hashed', async () => {
    const tdb = await freshLog(5);
    const { rows } = await tdb.pool.query<{ prev_hash: Buffer; occurred_at: Date }>(
      'SELECT prev_hash, occurred_at FROM audit_log WHERE seq = 2',
    );
    const row = rows[0]!;
    const forged = { seq: 2, occurredAt: row.occurred_at, brandId: null, actor: 'operator:2' };
    const hash = auditEntryHash(row.prev_hash, { ...forged, action: 'nothing', subject: 'x', data: {} });
    await asSuperuser(
      tdb.url,
      `UPDATE audit_log SET action = 'nothing', subject = 'x', data = '{}', hash = $1 WHERE seq = 2`,
      [hash],
    );
    const result = await verifyAuditChain(tdb.db);
    assert.ok(!result.ok && result.brokenAt === 3 && /prev_hash/.test(result.reason), JSON.stringify(result));
  });

  it('detects a deleted middle entry', async () => {
    const tdb = await freshLog(5);
    await asSuperuser(tdb.url, 'DELETE FROM audit_log WHERE seq = 3');
    const result = await verifyAuditChain(tdb.db);
    assert.ok(!result.ok && result.brokenAt === 4 && /entries 3 are missing/.test(result.reason));
    assert.equal(result.count, 2);
  });

  it('detects deleted entries at the end of the log', async () => {
    const tdb = await freshLog(5);
    await asSuperuser(tdb.url, 'DELETE FROM audit_log WHERE seq >= 4');
    const result = await verifyAuditChain(tdb.db);
    assert.ok(
      !result.ok && result.brokenAt === 4 && /log ends at 3/.test(result.reason),
      JSON.stringify(result),
    );
  });

  it('keeps one chain under 20 concurrent appenders on separate connections', async () => {
    const tdb = await freshLog(1);
    const pools = Array.from({ length: 4 }, () => createPool(tdb.url, 5)); // as separate processes would
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          createDatabase(pools[i % pools.length]!).transaction((tx) =>
            audit.append(tx, {
              actor: `worker:${i}`,
              action: 'concurrent',
              subject: `job:${i}`,
              data: { i },
            }),
          ),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.seq).sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
      assert.deepEqual(await verifyAuditChain(tdb.db), { ok: true, count: 21 });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
