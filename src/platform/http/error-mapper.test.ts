import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { AppError } from '../errors/index.ts';
import { defineErrors } from './index.ts';
import { createTestHttpApp } from './testing.ts';

const TestErrors = defineErrors({
  MAPPER_TEST_NOT_FOUND: { status: 404, title: 'Recurso não encontrado' },
  MAPPER_TEST_LIMIT: { status: 423, title: 'Limite operacional atingido', wireCode: 'LIMITE_OPERACIONAL' },
  MAPPER_TEST_BAD_CLIENT: { status: 401, title: 'Cliente inválido', oauthError: 'invalid_client' },
});

const REQUEST_DATE_TIME = '2025-05-21T08:30:00Z';

function appWithRoutes(t: Parameters<typeof createTestHttpApp>[0]) {
  const test = createTestHttpApp(t);
  const { app } = test;
  app.get('/of/not-found', () => {
    throw new AppError(TestErrors.MAPPER_TEST_NOT_FOUND, 'Conta não encontrada');
  });
  app.get('/of/with-detail', () => {
    throw new AppError(TestErrors.MAPPER_TEST_NOT_FOUND, 'Conta não encontrada', {
      detail: { accountId: 'acc-7', cpf: '76109277673' },
    });
  });
  app.get('/of/limit', () => {
    throw new AppError(TestErrors.MAPPER_TEST_LIMIT, 'Limite mensal excedido');
  });
  app.get('/of/crash', () => {
    throw new Error('connection to 10.0.0.7:5432 refused for user ponte_admin');
  });
  app.get('/of/undeclared', () => {
    throw new AppError('NEVER_DECLARED_CODE', 'oops');
  });
  app.post('/oauth/token', { config: { errorShape: 'oauth' } }, () => {
    throw new AppError(TestErrors.MAPPER_TEST_BAD_CLIENT, 'Assinatura do client_assertion inválida');
  });
  app.post(
    '/oauth/validated',
    { config: { errorShape: 'oauth' }, schema: { body: Type.Object({ grant_type: Type.String() }) } },
    () => ({ ok: true }),
  );
  app.post(
    '/of/items',
    {
      schema: {
        querystring: Type.Object({ 'page-size': Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
        body: Type.Object({
          data: Type.Object({ amount: Type.String({ pattern: '^\\d{1,15}\\.\\d{2,4}$' }) }),
        }),
      },
    },
    (request) => ({ data: request.body.data }),
  );
  return test;
}

describe('error mapper', () => {
  it('answers a declared AppError with its status and the spec errors[] body', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/of/not-found' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] ?? '', /^application\/json; charset=utf-8/);
    assert.deepEqual(res.json(), {
      errors: [
        { code: 'MAPPER_TEST_NOT_FOUND', title: 'Recurso não encontrado', detail: 'Conta não encontrada' },
      ],
      meta: { requestDateTime: REQUEST_DATE_TIME },
    });
  });

  it('logs an AppError detail, scrubbed, and keeps it out of the body', async (t) => {
    const { app, logLines } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/of/with-detail' });
    assert.ok(!res.body.includes('acc-7'));
    const logged = logLines().find((line) => line.msg === 'request rejected');
    assert.deepEqual(logged?.detail, { accountId: 'acc-7', cpf: '[REDACTED]' });
  });

  it('writes meta.requestDateTime as RFC 3339 UTC without fractional seconds', async (t) => {
    const { app } = appWithRoutes(t);
    const body = (await app.inject({ method: 'GET', url: '/of/not-found' })).json<{
      meta: { requestDateTime: string };
    }>();
    assert.match(body.meta.requestDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(body.meta.requestDateTime.length <= 20);
  });

  it('sends the wire code when a declaration gives one', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/of/limit' });
    assert.equal(res.statusCode, 423);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'LIMITE_OPERACIONAL');
  });

  it('answers in the RFC 6749 shape on routes marked as OAuth', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'POST', url: '/oauth/token' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), {
      error: 'invalid_client',
      // RFC 6749 §5.2 allows ASCII only in error_description: accents are folded.
      error_description: 'Assinatura do client_assertion invalida',
    });
  });

  it('answers a validation failure on an OAuth route with invalid_request', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'POST', url: '/oauth/validated', payload: {} });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ error: string }>().error, 'invalid_request');
  });

  it('answers a malformed parameter with 400 PARAMETRO_INVALIDO', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({
      method: 'POST',
      url: '/of/items?page-size=5000',
      payload: { data: { amount: '10.00' } },
    });
    assert.equal(res.statusCode, 400);
    const error = res.json<{ errors: Array<{ code: string; detail: string }> }>().errors[0];
    assert.equal(error?.code, 'PARAMETRO_INVALIDO');
    assert.match(error?.detail ?? '', /page-size/);
  });

  it('answers a missing required field with 400 PARAMETRO_NAO_INFORMADO', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'POST', url: '/of/items', payload: { data: {} } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_NAO_INFORMADO');
  });

  it('answers an unexpected error with 500, no internals, and the correlation id it logs', async (t) => {
    const { app, logLines } = appWithRoutes(t);
    const id = '0b8f1d9e-3c57-4c1a-9f0e-6f2b5a7c8d90';
    const res = await app.inject({
      method: 'GET',
      url: '/of/crash',
      headers: { 'x-fapi-interaction-id': id },
    });
    assert.equal(res.statusCode, 500);
    assert.ok(!res.body.includes('10.0.0.7') && !res.body.includes('ponte_admin'), res.body);
    const error = res.json<{ errors: Array<{ code: string; detail: string }> }>().errors[0];
    assert.equal(error?.code, 'INTERNAL_ERROR');
    assert.ok(error?.detail.includes(id), error?.detail);
    const logged = logLines().find((line) => line.msg === 'unexpected error');
    assert.equal(logged?.fapiInteractionId, id);
    assert.match(JSON.stringify(logged?.err), /ponte_admin/);
  });

  it('answers an AppError whose code was never declared with a safe 500', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/of/undeclared' });
    assert.equal(res.statusCode, 500);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'INTERNAL_ERROR');
    assert.ok(!res.body.includes('NEVER_DECLARED_CODE'));
  });

  it('answers an unknown route with 404 in the errors[] shape', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/open-banking/nothing/v1/here' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), {
      errors: [
        { code: 'NOT_FOUND', title: 'Recurso não encontrado', detail: 'O endpoint solicitado não existe.' },
      ],
      meta: { requestDateTime: REQUEST_DATE_TIME },
    });
  });

  it('answers a malformed JSON body with 400, not 500', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({
      method: 'POST',
      url: '/of/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"data": {',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_INVALIDO');
  });

  it('answers an unsupported media type with 415', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({
      method: 'POST',
      url: '/of/items',
      headers: { 'content-type': 'text/plain' },
      payload: 'amount=10',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over the limit with 413', async (t) => {
    const { app } = createTestHttpApp(t, { options: { bodyLimit: 1024 } });
    app.post('/of/upload', () => ({ ok: true }));
    const res = await app.inject({ method: 'POST', url: '/of/upload', payload: { blob: 'x'.repeat(2048) } });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an undecodable URL with 400 in the errors[] shape, carrying an interaction id', async (t) => {
    const { app } = appWithRoutes(t);
    const res = await app.inject({ method: 'GET', url: '/of/items/%E0%A4%A' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code, 'PARAMETRO_INVALIDO');
    assert.match(String(res.headers['x-fapi-interaction-id']), /^[0-9a-f-]{36}$/);
  });
});

describe('defineErrors', () => {
  it('returns each code as its own value', () => {
    assert.equal(TestErrors.MAPPER_TEST_LIMIT, 'MAPPER_TEST_LIMIT');
  });

  it('accepts the same declaration twice but refuses a conflicting one', () => {
    defineErrors({ MAPPER_TEST_NOT_FOUND: { status: 404, title: 'Recurso não encontrado' } });
    assert.throws(
      () => defineErrors({ MAPPER_TEST_NOT_FOUND: { status: 400, title: 'Recurso não encontrado' } }),
      /different definition/,
    );
  });

  it('refuses a title longer than the spec allows', () => {
    assert.throws(() => defineErrors({ MAPPER_TEST_LONG: { status: 400, title: 'x'.repeat(256) } }), /255/);
  });
});
