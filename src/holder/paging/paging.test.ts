import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock/index.ts';
import { pageLinks, transactionLinks, type LinkTarget } from './links.ts';
import { createPaginationKeys, PAGINATION_KEY_TTL_MS } from './pagination-key.ts';
import { pagingScope, pagingState } from './paging-state.ts';

const clock = fixedClock('2025-06-30T15:00:00Z');
const keys = createPaginationKeys({ secret: randomBytes(32), clock });
const scope = pagingScope({ consentId: 'urn:a:1', endpointId: 'accounts.list', query: { 'page-size': 25 } });
const target: LinkTarget = {
  url: 'https://api.a.test/open-banking/accounts/v2/accounts',
  filters: [['accountType', undefined]],
};

describe('pagination keys (DIGEST §3.2: 60 minutes, follow-up pages not counted)', () => {
  it('verifies a key for its scope within 60 minutes, and nothing else', () => {
    const key = keys.issue({ iat: clock.now().getTime(), scope });
    assert.ok(keys.verify(key, scope));
    assert.equal(keys.verify(key, 'another-scope'), undefined);
    assert.equal(keys.verify(`${key.slice(0, -2)}xx`, scope), undefined, 'tampered');
    assert.equal(keys.verify('garbage', scope), undefined);
    assert.equal(keys.verify(undefined, scope), undefined);
    clock.advance(PAGINATION_KEY_TTL_MS);
    assert.equal(keys.verify(key, scope), undefined, 'expired');
  });

  it('refuses a short secret', () => {
    assert.throws(() => createPaginationKeys({ secret: 'short', clock }), /32 bytes/);
  });

  it('binds the filters and the page size, not the page', () => {
    const base = { consentId: 'urn:a:1', endpointId: 'accounts.transactions', resourceId: 'acc' };
    const a = pagingScope({ ...base, query: { page: 1, 'page-size': 25, fromBookingDate: '2025-01-01' } });
    assert.equal(
      a,
      pagingScope({ ...base, query: { page: 7, 'page-size': 25, fromBookingDate: '2025-01-01' } }),
    );
    assert.notEqual(
      a,
      pagingScope({ ...base, query: { page: 1, 'page-size': 50, fromBookingDate: '2025-01-01' } }),
    );
    assert.notEqual(
      a,
      pagingScope({ ...base, query: { page: 1, 'page-size': 25, fromBookingDate: '2025-02-01' } }),
    );
  });

  it('makes a request with a valid key a follow-up, keeping the original issue time', () => {
    const now = clock.now().getTime();
    const first = pagingState({ keys, scope, now, page: 1, pageSize: 25, presentedKey: undefined });
    assert.equal(first.followUp, false);
    const key = first.keyFor();
    clock.advance(10 * 60_000);
    const second = pagingState({ keys, scope, now: now + 600_000, page: 2, pageSize: 25, presentedKey: key });
    assert.equal(second.followUp, true);
    assert.equal(keys.verify(second.keyFor(), scope)?.iat, keys.verify(key, scope)?.iat);
  });
});

describe('links', () => {
  const state = (page: number, key = true) =>
    pagingState({
      keys: key ? keys : undefined,
      scope,
      now: clock.now().getTime(),
      page,
      pageSize: 10,
      presentedKey: undefined,
    });

  it('gives first/prev away from the first page and next/last before the last one', () => {
    assert.deepEqual(Object.keys(pageLinks(target, state(1), 3)), ['self', 'next', 'last']);
    assert.deepEqual(Object.keys(pageLinks(target, state(2), 3)), ['self', 'first', 'prev', 'next', 'last']);
    assert.deepEqual(Object.keys(pageLinks(target, state(3), 3)), ['self', 'first', 'prev']);
    assert.deepEqual(Object.keys(pageLinks(target, state(1), 0)), ['self'], 'an empty list has one page');
    const links = pageLinks(target, state(2), 3);
    assert.match(
      links.next!,
      /^https:\/\/api\.a\.test\/open-banking\/accounts\/v2\/accounts\?page=3&page-size=10&pagination-key=/,
    );
  });

  it('has no last on transaction lists, and carries the cursor of the next page in its key', () => {
    const links = transactionLinks(target, state(1), 'cursor-2');
    assert.deepEqual(Object.keys(links), ['self', 'next']);
    const key = new URL(links.next!).searchParams.get('pagination-key');
    assert.equal(keys.verify(key ?? undefined, scope)?.cursor, 'cursor-2');
    assert.deepEqual(Object.keys(transactionLinks(target, state(2), null)), ['self', 'first', 'prev']);
  });

  it('issues no key where no operational limit applies', () => {
    assert.doesNotMatch(pageLinks(target, state(1, false), 2).next!, /pagination-key/);
  });
});
