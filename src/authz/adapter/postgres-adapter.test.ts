import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createPostgresAdapter, revokeGrants } from './postgres-adapter.ts';
import { purgeExpiredPayloads } from './cleanup.ts';

const tdb = await createTestDatabase();
const { pool } = tdb;

describe('PostgreSQL adapter for oidc-provider', () => {
  const Adapter = createPostgresAdapter({ pool, brandId: 'bank-a' });

  it('stores a payload and finds it again from another adapter instance (another process)', async () => {
    await new Adapter('AccessToken').upsert('at-1', { jti: 'at-1', grantId: 'g-1', kind: 'AccessToken' }, 60);
    const found = await new Adapter('AccessToken').find('at-1');
    assert.deepEqual(found, { jti: 'at-1', grantId: 'g-1', kind: 'AccessToken' });
  });

  it('keeps models and brands apart', async () => {
    await new Adapter('Session').upsert('same-id', { uid: 'u-1', accountId: 'a' }, 60);
    assert.equal(await new Adapter('Interaction').find('same-id'), undefined);
    const OtherBrand = createPostgresAdapter({ pool, brandId: 'bank-b' });
    assert.equal(await new OtherBrand('Session').find('same-id'), undefined);
  });

  it('finds sessions by uid and device codes by user code', async () => {
    await new Adapter('Session').upsert('s-2', { uid: 'uid-2', accountId: 'b' }, 60);
    await new Adapter('DeviceCode').upsert('d-1', { userCode: 'ABCD-EFGH', grantId: 'g-9' }, 60);
    assert.equal((await new Adapter('Session').findByUid('uid-2'))?.accountId, 'b');
    assert.equal((await new Adapter('DeviceCode').findByUserCode('ABCD-EFGH'))?.grantId, 'g-9');
  });

  it('marks a consumed artefact with the time it was consumed', async () => {
    const adapter = new Adapter('AuthorizationCode');
    await adapter.upsert('code-1', { jti: 'code-1', grantId: 'g-2' }, 60);
    assert.equal((await adapter.find('code-1'))?.consumed, undefined);
    await adapter.consume('code-1');
    const consumed = (await adapter.find('code-1'))?.consumed;
    assert.equal(typeof consumed, 'number');
    assert.ok(Math.abs((consumed as number) - Date.now() / 1000) < 60);
  });

  it('replaces a payload on upsert and removes it on destroy', async () => {
    const adapter = new Adapter('Grant');
    await adapter.upsert('grant-1', { accountId: 'x' }, 60);
    await adapter.upsert('grant-1', { accountId: 'y' }, 60);
    assert.equal((await adapter.find('grant-1'))?.accountId, 'y');
    await adapter.destroy('grant-1');
    assert.equal(await adapter.find('grant-1'), undefined);
  });

  it('hides rows past their expiry plus the clock tolerance, and the purge removes them', async () => {
    const NoTolerance = createPostgresAdapter({ pool, brandId: 'bank-a', clockToleranceSeconds: 0 });
    const adapter = new NoTolerance('AccessToken');
    await adapter.upsert('short', { jti: 'short' }, 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(await adapter.find('short'), undefined);
    const purged = await purgeExpiredPayloads(pool, new Date());
    assert.ok(purged >= 1);
    const { rowCount } = await pool.query("SELECT 1 FROM oidc_payloads WHERE id = 'short'");
    assert.equal(rowCount, 0);
  });

  it('revokes every token of a grant of its model, and revokeGrants removes all models and the grant', async () => {
    await new Adapter('AccessToken').upsert('at-g3', { grantId: 'g-3' }, 60);
    await new Adapter('RefreshToken').upsert('rt-g3', { grantId: 'g-3' }, 60);
    await new Adapter('Grant').upsert('g-3', { accountId: 'z' }, 60);
    await new Adapter('AccessToken').revokeByGrantId('g-3');
    assert.equal(await new Adapter('AccessToken').find('at-g3'), undefined);
    assert.ok(await new Adapter('RefreshToken').find('rt-g3'));

    const removed = await revokeGrants(pool, 'bank-a', ['g-3']);
    assert.equal(removed, 2);
    assert.equal(await new Adapter('RefreshToken').find('rt-g3'), undefined);
    assert.equal(await new Adapter('Grant').find('g-3'), undefined);
  });

  it('refuses a second client registration for the same software_id through the conflict hook', async () => {
    const Guarded = createPostgresAdapter({
      pool,
      brandId: 'bank-c',
      onClientConflict: (error) => new Error(`duplicate: ${(error as { code?: string }).code}`),
    });
    await new Guarded('Client').upsert('client-1', { client_id: 'client-1', software_id: 'sw-1' });
    // Updating the same client keeps working (DCM PUT).
    await new Guarded('Client').upsert('client-1', { client_id: 'client-1', software_id: 'sw-1', x: 1 });
    await assert.rejects(
      new Guarded('Client').upsert('client-2', { client_id: 'client-2', software_id: 'sw-1' }),
      /duplicate: 23505/,
    );
  });
});
