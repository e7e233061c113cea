import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { AUTHORISATION_TIMEOUT_MS } from '../domain/status-policy.ts';
import { BRAND, CLIENT_A, CLIENT_B, CPF, createTestModule } from '../testing/harness.ts';
import type { CreateConsentInput } from './create.ts';

const tdb = await createTestDatabase();

async function eventsOf(consentId: string) {
  const { rows } = await tdb.pool.query<{
    type: string;
    payload: Record<string, unknown>;
    occurred_at: Date;
  }>('SELECT type, payload, occurred_at FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq', [
    consentId,
  ]);
  return rows;
}

const input = (overrides: Partial<CreateConsentInput> = {}): CreateConsentInput => ({
  loggedUser: { document: { identification: CPF, rel: 'CPF' } },
  permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
  expirationDateTime: '2025-08-21T08:30:00Z',
  ...overrides,
});

const customer = { customerId: 'cust-1', personType: 'PESSOA_NATURAL' as const };

describe('creating and storing a consent', () => {
  it('stores it AWAITING_AUTHORISATION under a brand URN, with the documents encrypted', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    assert.match(consent.consentId, /^urn:bancoa:[0-9a-f-]{36}$/);
    assert.equal(consent.status, 'AWAITING_AUTHORISATION');
    const { rows } = await tdb.pool.query<{ raw: string }>(
      'SELECT row_to_json(c)::text AS raw FROM consents c WHERE consent_id = $1',
      [consent.consentId],
    );
    assert.ok(rows[0], 'row stored');
    assert.ok(!rows[0].raw.includes(CPF), 'the CPF is not stored in clear');
    const read = await module.service.get(BRAND.id, consent.consentId, CLIENT_A);
    assert.deepEqual(read.loggedUser, { document: { identification: CPF, rel: 'CPF' } });
  });

  it('refuses another client (403) and an unknown id (404)', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await assert.rejects(module.service.get(BRAND.id, consent.consentId, CLIENT_B), { code: 'FORBIDDEN' });
    await assert.rejects(module.service.get('banco-b', consent.consentId, CLIENT_A), { code: 'NOT_FOUND' });
    await assert.rejects(module.service.get(BRAND.id, 'urn:bancoa:nope', CLIENT_A), { code: 'NOT_FOUND' });
  });
});

describe('expiry applied lazily on read, with a fixed clock', () => {
  it('answers REJECTED / ASPSP / CONSENT_EXPIRED 60 minutes after creation, before any sweep, once', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    clock.advance(AUTHORISATION_TIMEOUT_MS - 1000);
    assert.equal(
      (await module.service.get(BRAND.id, consent.consentId, CLIENT_A)).status,
      'AWAITING_AUTHORISATION',
    );
    clock.advance(1000);
    const read = await module.service.get(BRAND.id, consent.consentId, CLIENT_A);
    assert.equal(read.status, 'REJECTED');
    assert.deepEqual(read.rejection, { rejectedBy: 'ASPSP', reason: { code: 'CONSENT_EXPIRED' } });
    assert.equal(read.statusUpdateDateTime.toISOString(), '2025-05-21T09:30:00.000Z');
    await module.service.get(BRAND.id, consent.consentId, CLIENT_A);
    assert.deepEqual(
      (await eventsOf(consent.consentId)).map((e) => e.type),
      ['consent.expired'],
    );
  });

  it('ends an authorised fixed-term consent at its expirationDateTime (CONSENT_MAX_DATE_REACHED)', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await tdb.db.transaction((tx) =>
      module.authorization.authorise(tx, BRAND.id, consent.consentId, {
        customer,
        resources: [{ type: 'ACCOUNT', id: 'acc-1' }],
      }),
    );
    clock.set(new Date('2025-08-21T08:30:00Z'));
    assert.equal(await module.authorization.isActive(BRAND.id, consent.consentId, CLIENT_A), false);
    const read = await module.service.get(BRAND.id, consent.consentId, CLIENT_A);
    assert.deepEqual(read.rejection, { rejectedBy: 'ASPSP', reason: { code: 'CONSENT_MAX_DATE_REACHED' } });
    const events = await eventsOf(consent.consentId);
    assert.deepEqual(
      events.map((e) => e.type),
      ['consent.authorised', 'consent.expired'],
    );
    assert.equal(events[1]?.payload.previousStatus, 'AUTHORISED');
  });

  it('sweeps due consents in batches and leaves the others alone', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    await tdb.pool.query(
      "UPDATE consents SET status = 'REJECTED', rejected_by = 'ASPSP', rejection_reason_code = 'CONSENT_EXPIRED'",
    );
    const due = [
      await module.service.create(BRAND, CLIENT_A, input()),
      await module.service.create(BRAND, CLIENT_A, input()),
      await module.service.create(BRAND, CLIENT_A, input()),
    ];
    clock.advance(AUTHORISATION_TIMEOUT_MS);
    const fresh = await module.service.create(BRAND, CLIENT_A, input());
    assert.equal(await module.service.expireDue(2), 2);
    assert.equal(await module.service.expireDue(2), 1);
    assert.equal(await module.service.expireDue(2), 0);
    for (const c of due)
      assert.deepEqual(
        (await eventsOf(c.consentId)).map((e) => e.type),
        ['consent.expired'],
      );
    assert.equal(
      (await module.service.get(BRAND.id, fresh.consentId, CLIENT_A)).status,
      'AWAITING_AUTHORISATION',
    );
  });
});

describe('authorisation seam (ConsentAuthorization)', () => {
  it('authorises with the chosen resources and records consent.authorised', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    const view = await module.authorization.findForAuthorization(BRAND.id, consent.consentId, CLIENT_A);
    assert.equal(view?.personType, 'PESSOA_NATURAL');
    assert.deepEqual(view?.products, ['accounts']);
    assert.equal(view?.authorisationDeadline.toISOString(), '2025-05-21T09:30:00.000Z');
    assert.equal(
      await module.authorization.findForAuthorization(BRAND.id, consent.consentId, CLIENT_B),
      undefined,
    );
    await tdb.db.transaction((tx) =>
      module.authorization.authorise(tx, BRAND.id, consent.consentId, {
        customer,
        resources: [{ type: 'ACCOUNT', id: 'acc-1' }],
      }),
    );
    assert.equal(await module.authorization.isActive(BRAND.id, consent.consentId, CLIENT_A), true);
    assert.equal(await module.authorization.isActive(BRAND.id, consent.consentId, CLIENT_B), false);
    const managed = await module.management.get(BRAND.id, consent.consentId);
    assert.deepEqual(managed.resources, [{ type: 'ACCOUNT', resourceId: 'acc-1', status: 'AVAILABLE' }]);
    assert.deepEqual(
      (await eventsOf(consent.consentId)).map((e) => e.type),
      ['consent.authorised'],
    );
  });

  it('refuses to authorise twice, or a resource the permissions do not cover', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await assert.rejects(
      tdb.db.transaction((tx) =>
        module.authorization.authorise(tx, BRAND.id, consent.consentId, {
          customer,
          resources: [{ type: 'LOAN', id: 'l-1' }],
        }),
      ),
      { code: 'CONSENT_RESOURCE_NOT_PERMITTED' },
    );
    const authorise = () =>
      tdb.db.transaction((tx) =>
        module.authorization.authorise(tx, BRAND.id, consent.consentId, { customer, resources: [] }),
      );
    await authorise();
    await assert.rejects(authorise(), { code: 'ESTADO_CONSENTIMENTO_INVALIDO' });
  });

  it('refuses to authorise after the 60-minute limit', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    clock.advance(AUTHORISATION_TIMEOUT_MS);
    await assert.rejects(
      tdb.db.transaction((tx) =>
        module.authorization.authorise(tx, BRAND.id, consent.consentId, { customer, resources: [] }),
      ),
      { code: 'ESTADO_CONSENTIMENTO_INVALIDO' },
    );
  });

  it('records the rejection event in the caller transaction, and not when it rolls back', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    const reject = { rejectedBy: 'USER' as const, reason: 'CUSTOMER_MANUALLY_REJECTED' as const };
    await assert.rejects(
      tdb.db.transaction(async (tx) => {
        await module.authorization.reject(tx, BRAND.id, consent.consentId, reject);
        throw new Error('the authorisation page failed afterwards');
      }),
      /failed afterwards/,
    );
    assert.equal(
      (await module.service.get(BRAND.id, consent.consentId, CLIENT_A)).status,
      'AWAITING_AUTHORISATION',
    );
    assert.deepEqual(await eventsOf(consent.consentId), []);
    await tdb.db.transaction((tx) => module.authorization.reject(tx, BRAND.id, consent.consentId, reject));
    const events = await eventsOf(consent.consentId);
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.reason, e.payload.rejectedBy]),
      [['consent.rejected', 'CUSTOMER_MANUALLY_REJECTED', 'USER']],
    );
  });

  it('refuses a reason that does not fit the status', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await assert.rejects(
      tdb.db.transaction((tx) =>
        module.authorization.reject(tx, BRAND.id, consent.consentId, {
          rejectedBy: 'USER',
          reason: 'CUSTOMER_MANUALLY_REVOKED',
        }),
      ),
      { code: 'ESTADO_CONSENTIMENTO_INVALIDO' },
    );
  });
});

describe('revocation by the receiver (DELETE)', () => {
  it('revokes an authorised consent: USER / CUSTOMER_MANUALLY_REVOKED with consent.revoked', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await tdb.db.transaction((tx) =>
      module.authorization.authorise(tx, BRAND.id, consent.consentId, { customer, resources: [] }),
    );
    await assert.rejects(module.service.revoke(BRAND.id, consent.consentId, CLIENT_B), { code: 'FORBIDDEN' });
    await module.service.revoke(BRAND.id, consent.consentId, CLIENT_A);
    const read = await module.service.get(BRAND.id, consent.consentId, CLIENT_A);
    assert.deepEqual(read.rejection, { rejectedBy: 'USER', reason: { code: 'CUSTOMER_MANUALLY_REVOKED' } });
    const events = await eventsOf(consent.consentId);
    assert.deepEqual(events.at(-1)?.payload, {
      consentId: consent.consentId,
      clientId: CLIENT_A,
      previousStatus: 'AUTHORISED',
      rejectedBy: 'USER',
      reason: 'CUSTOMER_MANUALLY_REVOKED',
    });
    assert.equal(events.at(-1)?.type, 'consent.revoked');
    await assert.rejects(module.service.revoke(BRAND.id, consent.consentId, CLIENT_A), {
      code: 'CONSENTIMENTO_EM_STATUS_REJEITADO',
    });
  });

  it('writes no consent.revoked event when the revoking transaction rolls back', async () => {
    const { module } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    await tdb.db.transaction((tx) =>
      module.authorization.authorise(tx, BRAND.id, consent.consentId, { customer, resources: [] }),
    );
    const revoke = { rejectedBy: 'USER' as const, reason: 'CUSTOMER_MANUALLY_REVOKED' as const };
    await assert.rejects(
      tdb.db.transaction(async (tx) => {
        await module.authorization.reject(tx, BRAND.id, consent.consentId, revoke);
        assert.deepEqual(
          (
            await tx.execute<{ type: string }>(
              sql`SELECT type FROM outbox_events WHERE aggregate_id = ${consent.consentId} ORDER BY seq`,
            )
          ).rows.map((r) => r.type),
          ['consent.authorised', 'consent.revoked'],
          'inside the transaction, the event sits beside the status change',
        );
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal(await module.authorization.isActive(BRAND.id, consent.consentId, CLIENT_A), true);
    assert.deepEqual(
      (await eventsOf(consent.consentId)).map((e) => e.type),
      ['consent.authorised'],
    );
  });

  it('answers 422 for a consent that expired unseen, and keeps the expiry', async () => {
    const { module, clock } = await createTestModule(tdb.db);
    const consent = await module.service.create(BRAND, CLIENT_A, input());
    clock.advance(AUTHORISATION_TIMEOUT_MS);
    await assert.rejects(module.service.revoke(BRAND.id, consent.consentId, CLIENT_A), {
      code: 'CONSENTIMENTO_EM_STATUS_REJEITADO',
    });
    assert.deepEqual(
      (await eventsOf(consent.consentId)).map((e) => e.type),
      ['consent.expired'],
    );
  });
});
