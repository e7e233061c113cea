import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../platform/db/index.ts';
import { ACR_LOA2 } from '../provider/acr.ts';
import { createTestPki, type TestPki } from '../testing/certificates.ts';
import { createFakeConnector } from '../testing/fakes.ts';
import { createCustomerAuthenticator } from './create-customer-authenticator.ts';

const ANA_CPF = '52998224725';
const connector = createFakeConnector([{ cpf: ANA_CPF, customerId: 'cust-ana', accounts: [] }]);

describe('createCustomerAuthenticator', () => {
  it('refuses configurations that would weaken the login', () => {
    assert.throws(
      () =>
        createCustomerAuthenticator(
          { kind: 'login-api', url: 'http://login.bank.internal/v1' },
          { connector },
        ),
      /must be https/,
    );
    assert.throws(
      () =>
        createCustomerAuthenticator(
          { kind: 'oidc', issuer: 'https://idp.bank.example', clientId: 'ponte' },
          { connector },
        ),
      /exactly one of clientSecret and privateKeyPem/,
    );
    assert.throws(
      () => createCustomerAuthenticator({ kind: 'demo', password: 'curta' }, { connector }),
      /8 characters/,
    );
  });

  it('builds the demo authenticator only from its config: loa2, the same answer for an unknown CPF', async () => {
    const demo = createCustomerAuthenticator({ kind: 'demo', password: 'senha-demo-1' }, { connector });
    assert.equal(demo.style, 'form');
    if (demo.style !== 'form') return;
    assert.deepEqual(await demo.authenticate('bank-a', ANA_CPF, 'senha-demo-1'), {
      outcome: 'authenticated',
      customer: { cpf: ANA_CPF, acr: ACR_LOA2, amr: ['pwd'] },
    });
    assert.deepEqual(await demo.authenticate('bank-a', ANA_CPF, 'errada'), { outcome: 'rejected' });
    assert.deepEqual(await demo.authenticate('bank-a', '39053344705', 'senha-demo-1'), {
      outcome: 'rejected',
    });
  });
});

describe('login API answers Ponte does not trust', () => {
  let pki: TestPki;
  let url: string;
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  let close: () => void;

  before(async () => {
    pki = await createTestPki();
    const server = createServer(pki.server, (request, response) => {
      request.resume();
      request.on('end', () =>
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
      );
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${port}/verify`;
    close = () => {
      server.closeAllConnections();
      server.close();
    };
  });
  after(() => close());

  async function attempt(status: number, body: string) {
    answer = { status, body };
    const api = createCustomerAuthenticator({ kind: 'login-api', url, ca: pki.caPem }, { connector });
    try {
      return api.style === 'form' ? await api.authenticate('bank-a', ANA_CPF, 'senha') : undefined;
    } finally {
      await api.close();
    }
  }

  it('treats a 200 without a valid cpf or Open Finance acr as unavailable, never as authenticated', async () => {
    for (const body of [
      '{"authenticated":true,"cpf":"' + ANA_CPF + '","acr":"gold"}',
      '{"authenticated":true,"cpf":"123","acr":"urn:brasil:openbanking:loa2"}',
      '{"authenticated":"yes","cpf":"' + ANA_CPF + '","acr":"urn:brasil:openbanking:loa2"}',
      'null',
      '<html>',
    ]) {
      assert.equal((await attempt(200, body))?.outcome, 'unavailable', body);
    }
  });

  it('maps 401/403 and authenticated=false to rejected, other statuses to unavailable', async () => {
    assert.equal((await attempt(401, '{}'))?.outcome, 'rejected');
    assert.equal((await attempt(403, '{}'))?.outcome, 'rejected');
    assert.equal((await attempt(200, '{"authenticated":false}'))?.outcome, 'rejected');
    assert.equal((await attempt(404, '{}'))?.outcome, 'unavailable');
    assert.equal((await attempt(502, '{}'))?.outcome, 'unavailable');
  });

  it('refuses a server whose certificate the configured CA did not issue', async () => {
    answer = { status: 200, body: '{"authenticated":false}' };
    const api = createCustomerAuthenticator({ kind: 'login-api', url }, { connector });
    try {
      assert.equal(
        api.style === 'form' && (await api.authenticate('bank-a', ANA_CPF, 's')).outcome,
        'unavailable',
      );
    } finally {
      await api.close();
    }
  });
});
