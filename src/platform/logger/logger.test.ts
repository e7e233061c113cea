import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { AppError } from '../errors/index.ts';
import { createLogger, isSensitiveKey, withInteractionId } from './index.ts';
import type { LoggerOptions } from './index.ts';

const CPF = '76109277673';
const BEARER = 'Bearer eyJhbGciOiJQUzI1NiJ9.secret-token-body';

function capture(options: Partial<LoggerOptions> = {}) {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination, ...options });
  return { logger, output: () => chunks.join('') };
}

describe('createLogger', () => {
  it('censors authorization headers and a CPF nested in a spec body', () => {
    const { logger, output } = capture();
    logger.info(
      {
        headers: { authorization: BEARER, 'x-fapi-interaction-id': 'd78fc4e5-37ca-4da3-adf2-9b082bf92280' },
        body: { data: { loggedUser: { document: { identification: CPF, rel: 'CPF' } } } },
      },
      'consent received',
    );
    const text = output();
    assert.ok(!text.includes(CPF), text);
    assert.ok(!text.includes('secret-token-body'), text);
    const line = JSON.parse(text) as { headers: Record<string, string>; msg: string };
    assert.equal(line.headers.authorization, '[REDACTED]');
    assert.equal(line.headers['x-fapi-interaction-id'], 'd78fc4e5-37ca-4da3-adf2-9b082bf92280');
    assert.equal(line.msg, 'consent received');
  });

  it('censors secrets and personal data whatever the casing of the field name', () => {
    const { logger, output } = capture();
    logger.info({
      client: { client_secret: 's3cr3t', refreshToken: 'rt-value', cnpjNumber: '50685362000135' },
      customer: { email: 'ana@example.com', phone: '+5511999999999', name: 'Ana Souza' },
    });
    const text = output();
    for (const leaked of [
      's3cr3t',
      'rt-value',
      '50685362000135',
      'ana@example.com',
      '+5511999999999',
      'Ana Souza',
    ]) {
      assert.ok(!text.includes(leaked), `${leaked} leaked: ${text}`);
    }
  });

  it('censors personal data carried in an AppError detail', () => {
    const { logger, output } = capture();
    logger.error(
      { err: new AppError('CUSTOMER_NOT_FOUND', 'no customer', { detail: { cpf: CPF } }) },
      'failed',
    );
    const text = output();
    assert.ok(!text.includes(CPF), text);
    assert.match(text, /CUSTOMER_NOT_FOUND/);
  });

  it('censors personal data given as child bindings', () => {
    const { logger, output } = capture();
    logger.child({ cpf: CPF }).info('bound');
    assert.ok(!output().includes(CPF), output());
  });

  it('does not leak a CPF in pretty mode either', () => {
    const { logger, output } = capture({ pretty: true });
    logger.info({ cpf: CPF, accountId: 'acc-1' }, 'pretty line');
    assert.ok(!output().includes(CPF), output());
    assert.match(output(), /acc-1/);
  });
});

describe('withInteractionId', () => {
  it('adds the fapiInteractionId to every line of the child logger', () => {
    const { logger, output } = capture();
    withInteractionId(logger, 'd78fc4e5-37ca-4da3-adf2-9b082bf92280').info('outbound call');
    const line = JSON.parse(output()) as { fapiInteractionId: string };
    assert.equal(line.fapiInteractionId, 'd78fc4e5-37ca-4da3-adf2-9b082bf92280');
  });

  it('keeps the interaction id in grandchildren while still censoring their bindings', () => {
    const { logger, output } = capture();
    withInteractionId(logger, 'd78fc4e5-37ca-4da3-adf2-9b082bf92280')
      .child({ email: 'ana@example.com', step: 'token' })
      .info('nested');
    const line = JSON.parse(output()) as Record<string, string>;
    assert.equal(line.fapiInteractionId, 'd78fc4e5-37ca-4da3-adf2-9b082bf92280');
    assert.equal(line.step, 'token');
    assert.equal(line.email, '[REDACTED]');
  });
});

describe('isSensitiveKey', () => {
  it('keeps operational identifiers loggable', () => {
    for (const key of ['consentId', 'fapiInteractionId', 'statusCode', 'hostname', 'remoteAddress', 'url']) {
      assert.equal(isSensitiveKey(key), false, key);
    }
  });
});
