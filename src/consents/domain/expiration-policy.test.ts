import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findErrorDefinition } from '../../platform/http/error-catalogue.ts';
import {
  addMonthsUtc,
  checkCreationExpiry,
  checkExtensionExpiry,
  parseSpecDateTime,
} from './expiration-policy.ts';

const now = new Date('2025-05-21T08:30:00Z');
const d = (iso: string) => new Date(iso);

function rejects(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);
    return true;
  });
}

describe('expiration at creation (fixed term ≤ 12 months, or indefinite)', () => {
  it('accepts an indefinite consent (field omitted)', () => {
    assert.doesNotThrow(() => checkCreationExpiry(undefined, now));
  });
  it('accepts exactly 12 months ahead', () => {
    assert.doesNotThrow(() => checkCreationExpiry(d('2026-05-21T08:30:00Z'), now));
  });
  it('refuses one second past 12 months with DATA_EXPIRACAO_INVALIDA on the wire', () => {
    rejects(() => checkCreationExpiry(d('2026-05-21T08:30:01Z'), now), 'CONSENT_EXPIRATION_INVALID');
    assert.equal(findErrorDefinition('CONSENT_EXPIRATION_INVALID')?.wireCode, 'DATA_EXPIRACAO_INVALIDA');
    assert.equal(findErrorDefinition('CONSENT_EXPIRATION_INVALID')?.status, 422);
  });
  it('refuses now and the past', () => {
    rejects(() => checkCreationExpiry(now, now), 'CONSENT_EXPIRATION_INVALID');
    rejects(() => checkCreationExpiry(d('2025-05-21T08:29:59Z'), now), 'CONSENT_EXPIRATION_INVALID');
  });
});

describe('expiration at renewal (must move later, ≤ 12 months from now)', () => {
  const current = d('2025-08-21T08:30:00Z');
  it('accepts a later date within 12 months', () => {
    assert.doesNotThrow(() => checkExtensionExpiry(current, d('2026-01-01T00:00:00Z'), now));
  });
  it('accepts turning a fixed-term consent indefinite', () => {
    assert.doesNotThrow(() => checkExtensionExpiry(current, undefined, now));
  });
  it('refuses an equal or earlier date', () => {
    rejects(() => checkExtensionExpiry(current, current, now), 'CONSENT_EXPIRATION_INVALID');
    rejects(
      () => checkExtensionExpiry(current, d('2025-07-01T00:00:00Z'), now),
      'CONSENT_EXPIRATION_INVALID',
    );
  });
  it('refuses more than 12 months from now', () => {
    rejects(
      () => checkExtensionExpiry(current, d('2026-05-22T00:00:00Z'), now),
      'CONSENT_EXPIRATION_INVALID',
    );
  });
  it('refuses renewing an indefinite consent, to a date or indefinitely', () => {
    rejects(() => checkExtensionExpiry(null, d('2026-01-01T00:00:00Z'), now), 'CONSENT_EXPIRATION_INVALID');
    rejects(() => checkExtensionExpiry(null, undefined, now), 'CONSENT_EXPIRATION_INVALID');
  });
});

describe('spec date-times and calendar months', () => {
  it('parses the spec pattern, single-digit months and days included', () => {
    assert.equal(parseSpecDateTime('2025-5-1T08:30:00Z', 'x').toISOString(), '2025-05-01T08:30:00.000Z');
  });
  it('refuses a day that does not exist, and other formats, as a 400', () => {
    rejects(() => parseSpecDateTime('2025-02-30T08:30:00Z', 'x'), 'PARAMETRO_INVALIDO');
    rejects(() => parseSpecDateTime('2025-05-21T08:30:00.000Z', 'x'), 'PARAMETRO_INVALIDO');
    rejects(() => parseSpecDateTime('2025-05-21T08:30:00-03:00', 'x'), 'PARAMETRO_INVALIDO');
  });
  it('adds calendar months, clamping to the last day of a shorter month', () => {
    assert.equal(addMonthsUtc(d('2025-01-31T10:00:00Z'), 1).toISOString(), '2025-02-28T10:00:00.000Z');
    assert.equal(addMonthsUtc(d('2024-02-29T10:00:00Z'), 12).toISOString(), '2025-02-28T10:00:00.000Z');
  });
});
