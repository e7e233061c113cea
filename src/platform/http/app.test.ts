import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestHttpApp } from './testing.ts';

describe('createHttpApp', () => {
  it('routes a path parameter as long as a consentId URN (consents.yaml: maxLength 256)', async (t) => {
    const { app } = createTestHttpApp(t);
    app.get('/open-banking/consents/v3/consents/:consentId', (request) => ({
      length: (request.params as { consentId: string }).consentId.length,
    }));
    const consentId = `urn:bancoex:${'C'.repeat(240)}`;
    const res = await app.inject({ method: 'GET', url: `/open-banking/consents/v3/consents/${consentId}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { length: consentId.length });
  });

  it('ignores a generic request-id header: correlation is the x-fapi-interaction-id', async (t) => {
    const { app } = createTestHttpApp(t);
    app.get('/echo-id', (request) => ({ id: request.id }));
    const res = await app.inject({
      method: 'GET',
      url: '/echo-id',
      headers: { 'request-id': 'chosen-by-client' },
    });
    const { id } = res.json<{ id: string }>();
    assert.notEqual(id, 'chosen-by-client');
    assert.equal(res.headers['x-fapi-interaction-id'], id);
  });

  it('accepts a body under the default limit and refuses one over it', async (t) => {
    const { app } = createTestHttpApp(t);
    app.post('/upload', () => ({ ok: true }));
    const small = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: { blob: 'x'.repeat(400 * 1024) },
    });
    const large = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: { blob: 'x'.repeat(600 * 1024) },
    });
    assert.equal(small.statusCode, 200);
    assert.equal(large.statusCode, 413);
  });
});
