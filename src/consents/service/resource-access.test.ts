import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { BRAND, CLIENT_A, CLIENT_B, CPF, createBody, createTestModule } from '../testing/harness.ts';
import { createConsentResourceAccess } from './resource-access.ts';

const tdb = await createTestDatabase();

describe('consent reads for the data APIs resource guard', () => {
  it('gives status, expiry, permissions, customer and linked resources, scoped to the brand', async () => {
    const { module } = await createTestModule(tdb.db);
    const access = createConsentResourceAccess({ db: tdb.db });
    const created = await module.service.create(BRAND, CLIENT_A, createBody().data as never);
    const awaiting = await access.getForResourceAccess(BRAND.id, created.consentId);
    assert.equal(awaiting?.status, 'AWAITING_AUTHORISATION');
    assert.equal(awaiting.customer, null);
    assert.deepEqual(awaiting.resources, []);

    const customer = { customerId: 'cust-1', personType: 'PESSOA_NATURAL' as const };
    await tdb.db.transaction((tx) =>
      module.authorization.authorise(tx, BRAND.id, created.consentId, {
        customer,
        resources: [
          { type: 'ACCOUNT', id: 'acc-2' },
          { type: 'ACCOUNT', id: 'acc-1' },
        ],
      }),
    );
    const authorised = await access.getForResourceAccess(BRAND.id, created.consentId);
    assert.equal(authorised?.status, 'AUTHORISED');
    assert.equal(authorised.clientId, CLIENT_A);
    assert.deepEqual(authorised.customer, customer);
    assert.deepEqual(authorised.permissions, ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ']);
    assert.deepEqual(authorised.expirationDateTime, new Date('2025-08-21T08:30:00Z'));
    assert.deepEqual(
      authorised.resources.map((r) => [r.resourceId, r.status]),
      [
        ['acc-1', 'AVAILABLE'],
        ['acc-2', 'AVAILABLE'],
      ],
    );
    assert.equal(await access.getForResourceAccess('another-brand', created.consentId), undefined);

    await module.service.revoke(BRAND.id, created.consentId, CLIENT_A);
    const revoked = await access.getForResourceAccess(BRAND.id, created.consentId);
    assert.deepEqual([revoked?.status, revoked?.rejectionReason], ['REJECTED', 'CUSTOMER_MANUALLY_REVOKED']);
  });

  it('counts a client’s active consents (authorised and within their term)', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    const access = createConsentResourceAccess({ db: tdb.db });
    const authorise = async (clientId: string) => {
      const consent = await module.service.create(BRAND, clientId, createBody().data as never);
      await tdb.db.transaction((tx) =>
        module.authorization.authorise(tx, BRAND.id, consent.consentId, {
          customer: { customerId: CPF, personType: 'PESSOA_NATURAL' },
          resources: [],
        }),
      );
    };
    const before = await access.countActiveForClient(BRAND.id, CLIENT_B, clock.now());
    await authorise(CLIENT_B);
    await authorise(CLIENT_B);
    await module.service.create(BRAND, CLIENT_B, createBody().data as never); // awaiting: not active
    assert.equal(await access.countActiveForClient(BRAND.id, CLIENT_B, clock.now()), before + 2);
    assert.equal(await access.countActiveForClient(BRAND.id, CLIENT_B, new Date('2025-09-01T00:00:00Z')), 0);
  });
});
