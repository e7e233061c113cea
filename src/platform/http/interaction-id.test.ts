import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestHttpApp } from './testing.ts';

const ID = 'd78fc4e5-37ca-4da3-adf2-9b082bf92280';
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function regulatedApp(t: Parameters<typeof createTestHttpApp>[0]) {
  const test = createTestHttpApp(t);
  let handled = 0;
  test.app.get('/open-banking/accounts/v2/accounts', { config: { fapi: true } }, (request) => {
    handled += 1;
    return { seen: request.fapiInteractionId };
  });
  test.app.post('/open-banking/consents/v3/consents', { config: { fapi: true } }, () => ({ ok: true }));
  return { ...test, handled: () => handled };
}

describe('x-fapi-interaction-id', () => {
  it('mirrors a valid id from the request and exposes it on the request', async (t) => {
    const { app } = regulatedApp(t);
    const res = await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts',
      headers: { 'x-fapi-interaction-id': ID },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-fapi-interaction-id'], ID);
    assert.deepEqual(res.json(), { seen: ID });
  });

  it('answers 400 PARAMETRO_NAO_INFORMADO with a generated id when a regulated request has none', async (t) => {
    const { app, handled } = regulatedApp(t);
    const res = await app.inject({ method: 'GET', url: '/open-banking/accounts/v2/accounts' });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['x-fapi-interaction-id']), UUID);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_NAO_INFORMADO');
    assert.equal(handled(), 0);
  });

  it('answers 400 PARAMETRO_INVALIDO with a new id when the id is not a UUID', async (t) => {
    const { app } = regulatedApp(t);
    const res = await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts',
      headers: { 'x-fapi-interaction-id': 'not-a-uuid' },
    });
    assert.equal(res.statusCode, 400);
    const returned = String(res.headers['x-fapi-interaction-id']);
    assert.match(returned, UUID);
    assert.notEqual(returned, 'not-a-uuid');
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_INVALIDO');
  });

  it('uses the injected generator for missing ids', async (t) => {
    const generated = '11111111-2222-4333-8444-555555555555';
    const { app } = createTestHttpApp(t, { options: { generateInteractionId: () => generated } });
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    assert.equal(res.headers['x-fapi-interaction-id'], generated);
  });

  it('does not require the id on routes that are not regulated, such as health', async (t) => {
    const { app } = regulatedApp(t);
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['x-fapi-interaction-id']), UUID);
  });

  it('rejects a missing id before looking at a malformed body', async (t) => {
    const { app } = regulatedApp(t);
    const res = await app.inject({
      method: 'POST',
      url: '/open-banking/consents/v3/consents',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_NAO_INFORMADO');
  });

  it('labels the request log lines with the id', async (t) => {
    const { app, logLines } = regulatedApp(t);
    await app.inject({
      method: 'GET',
      url: '/open-banking/accounts/v2/accounts',
      headers: { 'x-fapi-interaction-id': ID },
    });
    const requestLines = logLines().filter((line) => line.msg === 'incoming request');
    assert.equal(requestLines.length, 1);
    assert.equal(requestLines[0]?.fapiInteractionId, ID);
  });
});

describe('other x-fapi-* headers on regulated routes', () => {
  const cases: Array<[string, Record<string, string>, number]> = [
    ['accepts an RFC 7231 x-fapi-auth-date', { 'x-fapi-auth-date': 'Sun, 10 Sep 2017 19:43:31 UTC' }, 200],
    ['rejects an ISO 8601 x-fapi-auth-date', { 'x-fapi-auth-date': '2017-09-10T19:43:31Z' }, 400],
    [
      'rejects a day name that is not RFC 7231',
      { 'x-fapi-auth-date': 'Sunday, 10 Sep 2017 19:43:31 UTC' },
      400,
    ],
    ['accepts an x-fapi-customer-ip-address', { 'x-fapi-customer-ip-address': '2001:db8::1' }, 200],
    [
      'rejects an x-fapi-customer-ip-address over 100 chars',
      { 'x-fapi-customer-ip-address': '1'.repeat(101) },
      400,
    ],
    ['rejects an empty x-customer-user-agent', { 'x-customer-user-agent': '' }, 400],
    ['accepts an x-customer-user-agent of 255 chars', { 'x-customer-user-agent': 'a'.repeat(255) }, 200],
    ['rejects an x-customer-user-agent over 255 chars', { 'x-customer-user-agent': 'a'.repeat(256) }, 400],
  ];
  for (const [name, headers, status] of cases) {
    it(name, async (t) => {
      const { app } = regulatedApp(t);
      const res = await app.inject({
        method: 'GET',
        url: '/open-banking/accounts/v2/accounts',
        headers: { 'x-fapi-interaction-id': ID, ...headers },
      });
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.headers['x-fapi-interaction-id'], ID);
      if (status === 400) {
        assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_INVALIDO');
      }
    });
  }
});
