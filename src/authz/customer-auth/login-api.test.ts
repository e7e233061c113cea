import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { freePort } from '../../platform/db/index.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { ACR_LOA2, ACR_LOA3 } from '../provider/acr.ts';
import { pushAuthorization } from '../testing/authorization-request.ts';
import { launchBrowser, logIn, openSession } from '../testing/browser.ts';
import { createTestPki } from '../testing/certificates.ts';
import { CUSTOMERS, startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import { relyingParty } from '../testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody, type TestSoftware } from '../testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;
const BRUNO = CUSTOMERS[1]!;
const RECEIVER = 'https://receiver.localhost';
const API_KEY = 'Bearer chave-da-api-de-login';
const TIMEOUT_MS = 1_000;

/**
 * The bank's login API, as an institution would run it: HTTPS, a static bearer key, JSON in and
 * out, 401 for any refusal. Ana has two factors (loa3), Bruno one (loa2).
 */
interface LoginApi {
  url: string;
  mode: 'up' | 'failing' | 'slow';
  calls: Array<{ authorization: string | undefined; body: unknown }>;
  close(): Promise<void>;
}

const ACCOUNTS: Record<string, { password: string; acr: string }> = {
  [ANA.cpf]: { password: 'senha-da-ana', acr: ACR_LOA3 },
  [BRUNO.cpf]: { password: 'senha-do-bruno', acr: ACR_LOA2 },
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function startLoginApi(tls: { key: string; cert: string }): Promise<LoginApi> {
  const api: LoginApi = { url: '', mode: 'up', calls: [], close: () => Promise.resolve() };
  const server: Server = createServer(tls, (request, response) => {
    void (async () => {
      const body = (await readJson(request)) as { cpf?: string; password?: string };
      api.calls.push({ authorization: request.headers.authorization, body });
      if (api.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
      if (api.mode === 'failing') {
        response
          .writeHead(500, { 'content-type': 'text/plain' })
          .end('java.lang.NullPointerException at Core');
        return;
      }
      const account = ACCOUNTS[body.cpf ?? ''];
      if (
        request.headers.authorization !== API_KEY ||
        account === undefined ||
        account.password !== body.password
      ) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"authenticated":false}');
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ authenticated: true, cpf: body.cpf, acr: account.acr, name: 'Cliente' }));
    })();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  api.url = `https://127.0.0.1:${port}/v1/customers/authenticate`;
  api.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return api;
}

describe("customer authentication through the institution's login API, in Chromium", () => {
  let api: LoginApi;
  let harness: AuthzHarness;
  let browser: Browser;
  let software: TestSoftware;
  let clientId: string;
  let config: client.Configuration;

  before(async () => {
    const pki = await createTestPki();
    api = await startLoginApi(pki.server);
    [harness, browser] = await Promise.all([
      startAuthzHarness(tdb, {
        pki,
        customerAuth: {
          kind: 'login-api',
          url: api.url,
          headers: { authorization: API_KEY },
          timeoutMs: TIMEOUT_MS,
          ca: pki.caPem,
        },
      }),
      launchBrowser(),
    ]);
    software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    clientId = String(body.client_id);
    config = await relyingParty(harness, software, clientId);
  });
  after(async () => {
    await browser.close();
    await harness.close();
    await api.close();
  });

  const newConsent = (cpf: string) => harness.consents.create({ brandId: harness.brand.id, clientId, cpf });

  async function begin(cpf: string, overrides: Record<string, string> = {}) {
    const consent = newConsent(cpf);
    const request = await pushAuthorization(config, software, consent.consentId, overrides);
    const session = await openSession(browser, RECEIVER);
    await session.page.goto(request.url.href);
    return { consent, request, session };
  }

  it("logs Ana in with the bank's credentials and puts the level the API reached (loa3) in the id_token", async () => {
    api.mode = 'up';
    const { consent, request, session } = await begin(ANA.cpf);
    try {
      const calls = api.calls.length;
      await logIn(session.page, '529.982.247-25', 'senha-da-ana');
      assert.deepEqual(api.calls.slice(calls), [
        { authorization: API_KEY, body: { cpf: ANA.cpf, password: 'senha-da-ana' } },
      ]);
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const callback = await session.callback;
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.codeVerifier,
        expectedNonce: request.nonce,
        expectedState: request.state,
      });
      const claims = tokens.claims();
      assert.equal(claims?.sub, ANA.customerId);
      assert.equal(claims?.acr, ACR_LOA3);
      assert.equal(harness.consents.get(consent.consentId)?.status, 'AUTHORISED');
    } finally {
      await session.close();
    }
  });

  it('answers a wrong password and an unknown CPF with the same generic message, on the login page', async () => {
    api.mode = 'up';
    const { session } = await begin(ANA.cpf);
    try {
      const { page } = session;
      const texts: string[] = [];
      for (const [cpf, password] of [
        [ANA.cpf, 'senha-errada'],
        ['39053344705', 'senha-da-ana'], // a valid CPF the bank does not know
      ] as const) {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/login')),
          logIn(page, cpf, password),
        ]);
        assert.equal(response.status(), 401);
        texts.push(await page.getByRole('alert').innerText());
        assert.ok(await page.getByLabel('Senha').isVisible(), 'still the login page');
      }
      assert.deepEqual(texts, ['CPF ou senha incorretos.', 'CPF ou senha incorretos.']);
    } finally {
      await session.close();
    }
  });

  it('tells the customer to try again later when the API fails or is too slow, without internals, and logs in once it is back', async () => {
    const { request, session } = await begin(ANA.cpf);
    try {
      const { page } = session;
      for (const mode of ['failing', 'slow'] as const) {
        api.mode = mode;
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/login')),
          logIn(page, ANA.cpf, 'senha-da-ana'),
        ]);
        assert.equal(response.status(), 503, mode);
        const body = await page.locator('main').innerText();
        assert.match(body, /temporariamente indisponível/);
        assert.doesNotMatch(body, /java|Exception|timed out|500/i);
      }
      api.mode = 'up';
      await logIn(page, ANA.cpf, 'senha-da-ana');
      await page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.ok(params.get('code'), 'unavailability counted as no failed attempt');
      assert.equal(params.get('state'), request.state);
    } finally {
      await session.close();
    }
  });

  it('refuses with a clear page when the client requires loa3 and the API says loa2, then returns unmet_authentication_requirements', async () => {
    api.mode = 'up';
    const claims = JSON.stringify({ id_token: { acr: { essential: true, values: [ACR_LOA3] } } });
    const { consent, request, session } = await begin(BRUNO.cpf, { claims });
    try {
      const { page } = session;
      await logIn(page, BRUNO.cpf, 'senha-do-bruno');
      await page.getByRole('heading', { name: 'Autenticação insuficiente' }).waitFor();
      assert.match(await page.getByRole('alert').innerText(), /dois\s+fatores/);
      await page.getByRole('button', { name: /^Voltar para / }).click();
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.equal(params.get('error'), 'unmet_authentication_requirements');
      assert.equal(params.get('state'), request.state);
      assert.equal(harness.consents.get(consent.consentId)?.status, 'AWAITING_AUTHORISATION');
    } finally {
      await session.close();
    }
  });
});
