import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callHolder, HolderResponseError } from './holder-call.ts';
import type { ReceiverFetch } from '../transport.ts';

function fakeHolder(status: number, body: unknown) {
  const seen: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch: ReceiverFetch = (url, init = {}) => {
    seen.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  };
  return { fetch, seen };
}

describe('callHolder', () => {
  it('sends the token, a fresh x-fapi-interaction-id and the customer headers it was given', async () => {
    const holder = fakeHolder(200, { data: [] });
    const first = await callHolder(holder.fetch, 'https://h.example/open-banking/accounts/v2/accounts', {
      token: 'at-1',
      headers: {
        'x-fapi-auth-date': 'Sun, 22 Nov 2026 18:00:00 GMT',
        'x-fapi-customer-ip-address': '203.0.113.7',
        'x-customer-user-agent': undefined,
      },
    });
    const second = await callHolder(holder.fetch, 'https://h.example/x', { token: 'at-1' });
    const headers = holder.seen[0]!.headers;
    assert.equal(headers.authorization, 'Bearer at-1');
    assert.equal(headers['x-fapi-interaction-id'], first.fapiInteractionId);
    assert.equal(headers['x-fapi-auth-date'], 'Sun, 22 Nov 2026 18:00:00 GMT');
    assert.equal(headers['x-fapi-customer-ip-address'], '203.0.113.7');
    assert.equal('x-customer-user-agent' in headers, false, 'absent headers are not sent empty');
    assert.notEqual(first.fapiInteractionId, second.fapiInteractionId);
  });

  it('turns a holder error into a receiver error that keeps the holder status and codes', async () => {
    const holder = fakeHolder(403, {
      errors: [{ code: 'RESOURCE_FORBIDDEN', title: 'Recurso não consentido', detail: 'x' }],
    });
    await assert.rejects(
      callHolder(holder.fetch, 'https://h.example/a', { token: 't' }),
      (error: unknown) => {
        assert.ok(error instanceof HolderResponseError);
        assert.equal(error.code, 'RECEIVER_HOLDER_FORBIDDEN');
        assert.equal(error.holderStatus, 403);
        assert.deepEqual(error.holderErrors, [
          { code: 'RESOURCE_FORBIDDEN', title: 'Recurso não consentido', detail: 'x' },
        ]);
        assert.match(error.message, /RESOURCE_FORBIDDEN/);
        return true;
      },
    );
  });

  it('maps traffic limits and server failures to their own codes', async () => {
    for (const [status, code] of [
      [423, 'RECEIVER_HOLDER_LIMITED'],
      [529, 'RECEIVER_HOLDER_LIMITED'],
      [500, 'RECEIVER_HOLDER_UNAVAILABLE'],
      [401, 'RECEIVER_HOLDER_UNAUTHORISED'],
    ] as const) {
      await assert.rejects(callHolder(fakeHolder(status, {}).fetch, 'https://h.example/a', { token: 't' }), {
        code,
      });
    }
  });

  it('answers RECEIVER_HOLDER_UNAVAILABLE when the holder cannot be reached', async () => {
    const down: ReceiverFetch = () => Promise.reject(new TypeError('fetch failed'));
    await assert.rejects(callHolder(down, 'https://h.example/a', { token: 't' }), {
      code: 'RECEIVER_HOLDER_UNAVAILABLE',
    });
  });
});
