import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AUTHORISATION_TIMEOUT_MS,
  CONSENT_STATUSES,
  canEndWith,
  canTransition,
  dueEnding,
  endedEventFor,
  revocationReason,
} from './status-policy.ts';

const created = new Date('2025-05-21T08:30:00Z');
const later = (ms: number) => new Date(created.getTime() + ms);

describe('status transitions (DIGEST §2.5)', () => {
  it('allows exactly AWAITING→AUTHORISED, AWAITING→REJECTED and AUTHORISED→REJECTED', () => {
    const allowed = CONSENT_STATUSES.flatMap((from) =>
      CONSENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    assert.deepEqual(allowed, [
      'AWAITING_AUTHORISATION→AUTHORISED',
      'AWAITING_AUTHORISATION→REJECTED',
      'AUTHORISED→REJECTED',
    ]);
  });

  it('ties each rejection reason to the statuses it can end', () => {
    assert.ok(canEndWith('AUTHORISED', 'CUSTOMER_MANUALLY_REVOKED'));
    assert.ok(!canEndWith('AWAITING_AUTHORISATION', 'CUSTOMER_MANUALLY_REVOKED'));
    assert.ok(canEndWith('AWAITING_AUTHORISATION', 'CUSTOMER_MANUALLY_REJECTED'));
    assert.ok(!canEndWith('AUTHORISED', 'CUSTOMER_MANUALLY_REJECTED'));
    assert.ok(!canEndWith('AUTHORISED', 'CONSENT_EXPIRED'));
    assert.ok(canEndWith('AUTHORISED', 'CONSENT_TECHNICAL_ISSUE'));
    assert.ok(!canEndWith('REJECTED', 'INTERNAL_SECURITY_REASON'));
  });

  it('revokes an authorised consent, rejects an awaiting one, and has nothing to do on a rejected one', () => {
    assert.equal(revocationReason('AUTHORISED'), 'CUSTOMER_MANUALLY_REVOKED');
    assert.equal(revocationReason('AWAITING_AUTHORISATION'), 'CUSTOMER_MANUALLY_REJECTED');
    assert.equal(revocationReason('REJECTED'), undefined);
  });

  it('announces revocations, expiries and other rejections with distinct events', () => {
    assert.equal(endedEventFor('CUSTOMER_MANUALLY_REVOKED'), 'consent.revoked');
    assert.equal(endedEventFor('CONSENT_EXPIRED'), 'consent.expired');
    assert.equal(endedEventFor('CONSENT_MAX_DATE_REACHED'), 'consent.expired');
    assert.equal(endedEventFor('CUSTOMER_MANUALLY_REJECTED'), 'consent.rejected');
  });
});

describe('endings imposed by time', () => {
  const awaiting = {
    status: 'AWAITING_AUTHORISATION' as const,
    creationDateTime: created,
    expirationDateTime: null,
  };

  it('leaves an awaiting consent alone until 60 minutes have passed', () => {
    assert.equal(dueEnding(awaiting, later(AUTHORISATION_TIMEOUT_MS - 1)), undefined);
  });

  it('expires an awaiting consent at 60 minutes, by the ASPSP, dated at the deadline', () => {
    assert.deepEqual(dueEnding(awaiting, later(AUTHORISATION_TIMEOUT_MS + 5_000)), {
      reason: 'CONSENT_EXPIRED',
      rejectedBy: 'ASPSP',
      at: later(AUTHORISATION_TIMEOUT_MS),
    });
  });

  it('ends an authorised fixed-term consent once its expirationDateTime is reached', () => {
    const expiration = later(86_400_000);
    const authorised = {
      status: 'AUTHORISED' as const,
      creationDateTime: created,
      expirationDateTime: expiration,
    };
    assert.equal(dueEnding(authorised, later(86_400_000 - 1)), undefined);
    assert.deepEqual(dueEnding(authorised, later(86_400_000)), {
      reason: 'CONSENT_MAX_DATE_REACHED',
      rejectedBy: 'ASPSP',
      at: expiration,
    });
  });

  it('never ends an indefinite authorised consent, nor a rejected one', () => {
    const far = later(10 * 365 * 86_400_000);
    assert.equal(
      dueEnding({ status: 'AUTHORISED', creationDateTime: created, expirationDateTime: null }, far),
      undefined,
    );
    assert.equal(
      dueEnding({ status: 'REJECTED', creationDateTime: created, expirationDateTime: later(1) }, far),
      undefined,
    );
  });

  it('picks the limit that passed first when both have', () => {
    const early = { ...awaiting, expirationDateTime: later(30 * 60_000) };
    assert.equal(dueEnding(early, later(2 * AUTHORISATION_TIMEOUT_MS))?.reason, 'CONSENT_MAX_DATE_REACHED');
  });
});
