import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { ACR_LOA2, ACR_LOA3 } from '../provider/acr.ts';
import { pushAuthorization } from '../testing/authorization-request.ts';
import { launchBrowser, openSession } from '../testing/browser.ts';
import { createTestPki } from '../testing/certificates.ts';
import { CUSTOMERS, startAuthzHarness, type AuthzHarness } from '../testing/harness.ts';
import {
  IDP_ACR_OTP,
  IDP_ACR_PASSWORD,
  IDP_OTP,
  prepareTestIdentityProvider,
  type TestIdentityProvider,
} from '../testing/identity-provider.ts';
import { relyingParty } from '../testing/oidc-client.ts';
import { createTestSoftware, register, registrationBody, type TestSoftware } from '../testing/software.ts';

const tdb = await createTestDatabase();
const ANA = CUSTOMERS[0]!;
const RECEIVER = 'https://receiver.localhost';

/** At the bank's identity provider (its own page, another host): user, password, maybe the code. */
async function logInAtIdp(page: Page, otp?: string): Promise<void> {
  await page.getByRole('heading', { name: 'Banco: entrar' }).waitFor();
  assert.match(page.url(), /^https:\/\/localhost:\d+\/login\//);
  await page.getByLabel('Usuário').fill('ana');
  await page.getByLabel('Senha').fill('senha-no-banco');
  if (otp !== undefined) await page.getByLabel('Código do token').fill(otp);
  await page.getByRole('button', { name: 'Entrar no banco' }).click();
}

describe("customer authentication by OIDC federation to the institution's identity provider, in Chromium", () => {
  let idp: TestIdentityProvider;
  let harness: AuthzHarness;
  let browser: Browser;
  let software: TestSoftware;
  let clientId: string;
  let config: client.Configuration;

  before(async () => {
    const pki = await createTestPki();
    idp = await prepareTestIdentityProvider({
      pki,
      users: [{ username: 'ana', password: 'senha-no-banco', cpf: ANA.cpf }],
    });
    [harness, browser] = await Promise.all([
      startAuthzHarness(tdb, {
        pki,
        customerAuth: {
          kind: 'oidc',
          issuer: idp.issuer,
          clientId: idp.clientId,
          privateKeyPem: idp.clientPrivateKeyPem,
          privateKeyId: 'ponte-1',
          scope: 'openid cpf',
          acrMap: { [IDP_ACR_PASSWORD]: ACR_LOA2, [IDP_ACR_OTP]: ACR_LOA3 },
          ca: pki.caPem,
        },
      }),
      launchBrowser(),
    ]);
    await idp.start(`${harness.primary.origin}/interaction/federated/callback`);
    software = await createTestSoftware(harness);
    const { body } = await register(harness, software.agent, await registrationBody(software));
    clientId = String(body.client_id);
    config = await relyingParty(harness, software, clientId);
  });
  after(async () => {
    await browser.close();
    await harness.close();
    await idp.close();
  });

  async function begin(overrides: Record<string, string> = {}) {
    const consent = harness.consents.create({ brandId: harness.brand.id, clientId, cpf: ANA.cpf });
    const request = await pushAuthorization(config, software, consent.consentId, overrides);
    const session = await openSession(browser, RECEIVER);
    await session.page.goto(request.url.href);
    return { consent, request, session };
  }

  it("sends Ana to the bank's identity provider and back, and the id_token carries the level it reached (loa3)", async () => {
    const { consent, request, session } = await begin();
    try {
      const { page } = session;
      await logInAtIdp(page, IDP_OTP);
      // Back at the brand: the consent page of this request, for Ana.
      await page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      assert.ok(page.url().startsWith(harness.primary.origin), page.url());
      await page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
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

  it('maps a password-only login at the identity provider to loa2, and refuses it when the client requires loa3', async () => {
    const claims = JSON.stringify({ id_token: { acr: { essential: true, values: [ACR_LOA3] } } });
    const { consent, request, session } = await begin({ claims });
    try {
      const { page } = session;
      await logInAtIdp(page);
      await page.getByRole('heading', { name: 'Autenticação insuficiente' }).waitFor();
      await page.getByRole('button', { name: /^Voltar para / }).click();
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.equal(params.get('error'), 'unmet_authentication_requirements');
      assert.equal(params.get('state'), request.state);
      assert.equal(harness.consents.get(consent.consentId)?.status, 'AWAITING_AUTHORISATION');
    } finally {
      await session.close();
    }
  });

  it('refuses a callback whose state was tampered with or is absent, and leaves the interaction to the genuine one', async () => {
    const { request, session } = await begin();
    try {
      const { page } = session;
      // Hold the identity provider's answer instead of following it to the brand: the login form's
      // POST and the resume it redirects to are fetched outside the page (same cookies).
      const { promise: held, resolve } = Promise.withResolvers<URL>();
      const isIdpLogin = (url: URL) =>
        url.origin === new URL(idp.issuer).origin && url.pathname.startsWith('/login/');
      await page.route(isIdpLogin, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const posted = await route.fetch({ maxRedirects: 0 });
        const resume = new URL(posted.headers().location ?? '', idp.issuer);
        const resumed = await page.context().request.get(resume.href, { maxRedirects: 0 });
        resolve(new URL(resumed.headers().location ?? '', idp.issuer));
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!DOCTYPE html><title>retido</title>',
        });
      });
      await logInAtIdp(page, IDP_OTP);
      const genuine = await held;
      await page.unroute(isIdpLogin);
      assert.ok(
        genuine.href.startsWith(`${harness.primary.origin}/interaction/federated/callback?`),
        genuine.href,
      );
      const state = genuine.searchParams.get('state') ?? '';
      assert.match(state, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'state = interaction uid . random');

      const tampered = new URL(genuine);
      tampered.searchParams.set('state', `${state.slice(0, -4)}AAAA`);
      const answer = await page.goto(tampered.href);
      assert.equal(answer?.status(), 400);
      assert.match(await page.getByRole('alert').innerText(), /Não foi possível confirmar sua identidade/);

      const absent = new URL(genuine);
      absent.searchParams.delete('state');
      assert.equal((await page.goto(absent.href))?.status(), 400);

      // The interaction was left as it was: the genuine answer still completes the login.
      await page.goto(genuine.href);
      await page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      await page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const params = new URLSearchParams((await session.callback).hash.slice(1));
      assert.ok(params.get('code'));
      assert.equal(params.get('state'), request.state);
    } finally {
      await session.close();
    }
  });
});
