import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createInProcessEventBus, type AnyEventEnvelope } from '../../platform/events/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { createPostgresAdapter } from '../adapter/postgres-adapter.ts';
import { createConsentGrants, recordConsentGrant } from './consent-grants.ts';

const tdb = await createTestDatabase();
const logger = createLogger({ level: 'silent' });
const Adapter = createPostgresAdapter({ pool: tdb.pool, brandId: 'bank-a' });
const grants = createConsentGrants({
  brandId: 'bank-a',
  pool: tdb.pool,
  logger,
  indefiniteConsentLifetimeSeconds: 10 * 365 * 86_400,
  now: () => new Date(),
});

/** A consent authorised through one grant, with an access token and a refresh token. */
async function authorisedConsent(exp = Math.floor(Date.now() / 1000) + 3_600) {
  const consentId = `urn:bank:${randomUUID()}`;
  const grantId = randomUUID();
  await new Adapter('Grant').upsert(grantId, { jti: grantId, exp, kind: 'Grant' }, 3_600);
  await new Adapter('AccessToken').upsert(`at-${grantId}`, { grantId, exp }, 900);
  await new Adapter('RefreshToken').upsert(`rt-${grantId}`, { grantId, exp }, 3_600);
  await tdb.db.transaction((tx) =>
    recordConsentGrant(tx, { brandId: 'bank-a', consentId, grantId, clientId: 'c' }),
  );
  return { consentId, grantId };
}

function ended(
  type: 'consent.revoked' | 'consent.rejected' | 'consent.expired',
  brandId: string,
  consentId: string,
) {
  return {
    id: randomUUID(),
    type,
    brandId,
    aggregateType: 'consent',
    aggregateId: consentId,
    payload: {
      consentId,
      clientId: 'c',
      previousStatus: 'AUTHORISED',
      rejectedBy: 'USER',
      reason: 'CUSTOMER_MANUALLY_REVOKED',
    },
    occurredAt: new Date(),
    seq: 1,
    attempt: 1,
  } as AnyEventEnvelope;
}

describe('the grants of a consent', () => {
  it('revokes every grant, code and token of a consent at once, and again without harm', async () => {
    const { consentId, grantId } = await authorisedConsent();
    const other = await authorisedConsent();
    assert.equal(await grants.revokeConsent(consentId), 3);
    assert.equal(await new Adapter('Grant').find(grantId), undefined);
    assert.equal(await new Adapter('RefreshToken').find(`rt-${grantId}`), undefined);
    assert.equal(await grants.revokeConsent(consentId), 0);
    assert.ok(await new Adapter('RefreshToken').find(`rt-${other.grantId}`), 'other consents keep theirs');
  });

  it('revokes on consent.revoked, consent.rejected and consent.expired of its own brand only', async () => {
    const bus = createInProcessEventBus({ logger });
    const unsubscribe = grants.subscribe(bus);
    try {
      for (const type of ['consent.revoked', 'consent.rejected', 'consent.expired'] as const) {
        const { consentId, grantId } = await authorisedConsent();
        await bus.publish(ended(type, 'bank-b', consentId));
        assert.ok(await new Adapter('Grant').find(grantId), `${type} of another brand is ignored`);
        await bus.publish(ended(type, 'bank-a', consentId));
        assert.equal(await new Adapter('Grant').find(grantId), undefined, type);
      }
    } finally {
      unsubscribe();
    }
  });

  it('extends the grant and refresh tokens of a renewed consent, never shortening them', async () => {
    const { consentId, grantId } = await authorisedConsent();
    const later = new Date(Date.now() + 200 * 86_400_000);
    assert.equal(await grants.extendConsent(consentId, later), 2);
    const expected = Math.floor(later.getTime() / 1000);
    assert.equal((await new Adapter('Grant').find(grantId))?.exp, expected);
    assert.equal((await new Adapter('RefreshToken').find(`rt-${grantId}`))?.exp, expected);
    assert.notEqual(
      (await new Adapter('AccessToken').find(`at-${grantId}`))?.exp,
      expected,
      'access tokens keep 900 s',
    );
    assert.equal(await grants.extendConsent(consentId, new Date(Date.now() + 86_400_000)), 0);
    assert.equal((await new Adapter('Grant').find(grantId))?.exp, expected);
  });
});
