import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, flattenedVerify, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose'; // prettier-ignore
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { launchBrowser, logIn, openSession, type BrowserSession } from '../src/authz/testing/browser.ts';
import { buildEndToEndId, WEBHOOK_SIGNATURE_HEADER } from '../src/payments/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { waitFor } from '../src/platform/jobs/testing.ts';
import type { EnrolmentSummary } from '../src/sim/enrol-files.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import { runCli } from './support/cli.ts';
import { authorisationServerAt, holderInDirectory, payingCustomerAt, startPonteProcess, type ListedHolder } from './support/enrolled.ts'; // prettier-ignore
import { callApi, participantFrom, registerAt, relyingPartyAt, softwareStatement, type AuthorisationServerRef, type Participant } from './support/participant.ts'; // prettier-ignore
import { reservePort, startSimulator } from './support/sim.ts';
import { startWebhookReceiver, type Hook } from './support/webhooks.ts';

/**
 * Issue 9, end to end: the simulator runs; `ponte sim enrol` writes an institution's installation
 * file; a second Ponte process (`ponte start --config`, production mode, its own database) serves
 * that brand; an outside client that knows only the directory registers there, reads accounts
 * and transactions under a consent authorised in Chromium, and pays by Pix to ACSC.
 */
const simDb = await createTestDatabase();
const bankDb = await createTestDatabase();
const BANK = { name: 'Banco X', cnpj: '60701190000104' };
const CREDITOR = { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' };

describe('ponte sim enrol, then the enrolled institution’s own Ponte, as an outside client sees it', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let manifest: SimManifest;
  let browser: Browser;
  let alfa: Participant;
  let webhooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let bank: Awaited<ReturnType<typeof startPonteProcess>> | undefined;
  let holder: ListedHolder;
  let server: AuthorisationServerRef;
  let summary: EnrolmentSummary;
  let out: string;
  let bankHome: string;

  before(async () => {
    const origin = await reservePort();
    [sim, browser] = await Promise.all([
      startSimulator(simDb, 'ponte-enrol', { PONTE_SIM_CLIENT_ORIGIN: origin.origin }),
      launchBrowser(),
    ]);
    manifest = sim.server.ecosystem.manifest;
    alfa = await participantFrom(sim.simDir, manifest, 0);
    await origin.release();
    webhooks = await startWebhookReceiver(sim.simDir, alfa.software.webhookUris[0]!);
    out = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-enrol-out-'));
    bankHome = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-enrol-home-'));
  });
  after(async () => {
    await bank?.stop();
    await webhooks?.close();
    await browser?.close();
    await alfa?.agent.close();
    await sim?.close();
    for (const dir of [out, bankHome]) if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('enrols Banco X and writes its installation', { timeout: 60_000 }, async () => {
    const enrolled = await runCli([
      'sim', 'enrol', '--name', BANK.name, '--cnpj', BANK.cnpj, '--roles', 'DADOS,PAGTO',
      '--out', out, '--manifest', path.join(sim.simDir, 'manifest.json'),
    ]); // prettier-ignore
    assert.equal(enrolled.code, 0, enrolled.stderr);
    assert.match(enrolled.stdout, /Enrolled Banco X/);
    for (const file of [
      'ponte.yaml',
      'enrolment.json',
      'ca.pem',
      'certs/transport.crt',
      'certs/signing.crt',
    ]) {
      await fs.access(path.join(out, file));
    }
    for (const key of ['certs/transport.key', 'certs/signing.key', 'ponte.yaml']) {
      assert.equal((await fs.stat(path.join(out, key))).mode & 0o777, 0o600, `${key} is 0600`);
    }
    const installation = parseYaml(await fs.readFile(path.join(out, 'ponte.yaml'), 'utf8')) as {
      brands: Array<{ id: string; name: string; cnpj: string; roles: string[] }>;
    };
    assert.deepEqual(
      installation.brands.map((b) => [b.id, b.name, b.cnpj, b.roles]),
      [['banco-x', 'Banco X', BANK.cnpj, ['DADOS', 'PAGTO']]],
    );
    summary = JSON.parse(await fs.readFile(path.join(out, 'enrolment.json'), 'utf8')) as EnrolmentSummary;
    assert.equal(summary.brandId, 'banco-x');

    // The same CNPJ cannot be enrolled twice; nothing is written for the refusal.
    const again = await runCli(['sim', 'enrol', '--name', 'Banco X Bis', '--cnpj', BANK.cnpj, '--out',
      path.join(out, 'again'), '--manifest', path.join(sim.simDir, 'manifest.json')]); // prettier-ignore
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already enrolled/);
    await assert.rejects(fs.access(path.join(out, 'again')));
  });

  it(
    'is listed in the directory with its API families, and its own Ponte serves it',
    { timeout: 120_000 },
    async () => {
      assert.ok(summary, 'enrolled by the previous step');
      holder = await holderInDirectory(alfa, manifest.directory.participantsUrl, BANK.cnpj);
      assert.equal(holder.organisation.OrganisationName, BANK.name);
      assert.deepEqual(holder.organisation.OrgDomainRoleClaims.map((c) => c.Role).sort(), ['DADOS', 'PAGTO']);
      const families = holder.organisation.AuthorisationServers[0]!.ApiResources.map((r) => r.ApiFamilyType);
      for (const family of ['consents', 'accounts', 'payments-consents', 'payments-pix']) {
        assert.ok(families.includes(family), `${family} is published`);
      }

      bank = await startPonteProcess({
        args: ['start', '--config', path.join(out, 'ponte.yaml')],
        env: {
          DATABASE_URL: bankDb.url,
          PONTE_SIM: 'false',
          PONTE_HOME: bankHome,
          PONTE_HTTP_PORT: '0',
          PONTE_LOG_LEVEL: 'warn',
        },
        readyUrl: holder.discoveryUrl,
        ca: await fs.readFile(path.join(out, 'ca.pem'), 'utf8'),
      });
      server = await authorisationServerAt(alfa, holder.discoveryUrl);
      assert.equal(server.issuer, `${summary.publicBaseUrl}/auth`);
    },
  );

  it(
    'serves accounts and transactions under a consent authorised in Chromium',
    { timeout: 120_000 },
    async () => {
      assert.ok(bank, 'the enrolled Ponte runs');
      const rp = await registered();
      const { access_token: consentsToken } = await client.clientCredentialsGrant(rp, { scope: 'consents' });
      const customer = summary.customers.find((c) => c.type === 'PF')!;
      const created = await callApi(alfa, holder.endpoint('consents'), consentsToken, {
        method: 'POST',
        body: {
          data: {
            loggedUser: { document: { identification: customer.cpf, rel: 'CPF' } },
            permissions: [
              'ACCOUNTS_READ',
              'ACCOUNTS_BALANCES_READ',
              'ACCOUNTS_TRANSACTIONS_READ',
              'RESOURCES_READ',
            ],
            expirationDateTime: new Date(Date.now() + 90 * 86_400_000)
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
          },
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const consentId = (created.body!.data as { consentId: string }).consentId;

      const tokens = await authorise(
        rp,
        `openid accounts resources consent:${consentId}`,
        async (session) => {
          await logIn(session.page, customer.cpf, customer.password);
          await session.page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
          assert.match(await session.page.locator('main').innerText(), new RegExp(alfa.software.clientName));
          await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
          const callback = await session.callback;
          const idToken = new URLSearchParams(callback.hash.slice(1)).get('id_token') ?? '';
          assert.equal(idToken.split('.').length, 5, 'front-channel id_token is encrypted (JWE)');
        },
      );

      const accounts = await callApi(alfa, holder.endpoint('accounts'), tokens.access_token);
      assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
      const list = accounts.body!.data as Array<{ accountId: string }>;
      assert.ok(list.length > 0, 'the customer has accounts at Banco X');
      const transactions = await callApi(alfa, `${holder.endpoint('accounts')}/${list[0]!.accountId}/transactions`, tokens.access_token); // prettier-ignore
      assert.equal(transactions.status, 200, JSON.stringify(transactions.body));
      assert.ok(Array.isArray(transactions.body!.data));
    },
  );

  it(
    'settles a signed Pix payment to ACSC, every answer and webhook signed with its BRSEAL',
    { timeout: 120_000 },
    async () => {
      assert.ok(bank, 'the enrolled Ponte runs');
      const customer = await payingCustomerAt({ home: bankHome, databaseUrl: bankDb.url, brandId: summary.brandId, customers: summary.customers, atLeast: 10 }); // prettier-ignore
      const rp = await registered();
      const orgId = holder.organisation.OrganisationId;
      const orgJwks = manifest.directory.organisationJwksUrlTemplate.replace('{OrganisationId}', orgId);
      const brandKeys = createLocalJWKSet((await (await alfa.fetch(orgJwks)).json()) as JSONWebKeySet);
      const sign = (data: unknown) =>
        new SignJWT({ aud: orgId, iss: alfa.software.orgId, iat: Math.floor(Date.now() / 1000), jti: randomUUID(), data }) // prettier-ignore
          .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: alfa.software.signing.kid })
          .sign(alfa.signingKey);
      async function call(url: string, token: string, data?: unknown) {
        const response = await alfa.fetch(url, {
          method: data === undefined ? 'GET' : 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'x-fapi-interaction-id': randomUUID(),
            ...(data === undefined ? {} : { 'content-type': 'application/jwt', 'x-idempotency-key': randomUUID() }), // prettier-ignore
          },
          ...(data === undefined ? {} : { body: await sign(data) }),
        });
        const text = await response.text();
        assert.match(
          response.headers.get('content-type') ?? '',
          /^application\/jwt/,
          `${response.status} ${text}`,
        );
        const { payload } = await jwtVerify(text, brandKeys, {
          issuer: orgId,
          audience: alfa.software.orgId,
        });
        return { status: response.status, data: (payload as JWTPayload & { data: Record<string, unknown> }).data }; // prettier-ignore
      }

      const { access_token: clientToken } = await client.clientCredentialsGrant(rp, { scope: 'payments' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
      const created = await call(holder.endpoint('payments-consents'), clientToken, {
        loggedUser: { document: { identification: customer.cpf, rel: 'CPF' } },
        creditor: { personType: 'PESSOA_JURIDICA', cpfCnpj: '11222333000181', name: 'Loja Exemplo Ltda' },
        payment: { type: 'PIX', date: today, currency: 'BRL', amount: '1.23', details: { localInstrument: 'MANU', creditorAccount: CREDITOR } }, // prettier-ignore
      });
      assert.equal(created.status, 201, JSON.stringify(created.data));
      const tokens = await authorise(
        rp,
        `openid payments consent:${String(created.data.consentId)}`,
        async (session) => {
          await logIn(session.page, customer.cpf, customer.password);
          await session.page.getByRole('heading', { name: 'Confirmar pagamento Pix' }).waitFor();
          assert.match(await session.page.locator('main').innerText(), /R\$ 1,23/);
          await session.page.locator('input[type=radio]').first().check();
          await session.page.getByRole('button', { name: 'Confirmar pagamento' }).click();
        },
      );

      const item = { endToEndId: buildEndToEndId('12345678', new Date()), localInstrument: 'MANU', payment: { amount: '1.23', currency: 'BRL' }, creditorAccount: CREDITOR, cnpjInitiator: '50685362000135' }; // prettier-ignore
      const paid = await call(holder.endpoint('payments-pix'), tokens.access_token, [item]);
      assert.equal(paid.status, 201, JSON.stringify(paid.data));
      const [payment] = paid.data as unknown as Array<{ paymentId: string; status: string }>;
      let status = '';
      await waitFor(
        async () => {
          status = String((await call(`${holder.endpoint('payments-pix')}/${payment!.paymentId}`, clientToken)).data.status); // prettier-ignore
          return status === 'ACSC' || status === 'RJCT';
        },
        'the payment settling',
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      assert.equal(status, 'ACSC');

      const paymentHook = `/open-banking/webhook/v1/payments/v4/pix/payments/${payment!.paymentId}`;
      const ours = (): Hook[] => webhooks.hooks.filter((h) => h.path.endsWith(paymentHook));
      await waitFor(() => ours().length > 0, 'the payment webhook', { timeoutMs: 15_000, intervalMs: 100 });
      for (const hook of ours()) {
        assert.match(String(hook.subject), /O=Banco X S\.A\./, 'sent with Banco X’s own certificate');
        const [protectedHeader, , signature] = String(hook.headers[WEBHOOK_SIGNATURE_HEADER]).split('.');
        const verified = await flattenedVerify({ protected: protectedHeader!, payload: Buffer.from(hook.body).toString('base64url'), signature: signature! }, brandKeys); // prettier-ignore
        assert.equal(verified.protectedHeader?.aud, alfa.software.orgId);
      }
    },
  );

  /**
   * SSA from the directory → DCR at Banco X (with webhook URIs) → an openid-client relying party.
   * Once: a software registers once per authorisation server (DIGEST §6.2 item 9).
   */
  let relyingParty: Promise<client.Configuration> | undefined;
  const registered = () => (relyingParty ??= register());
  async function register(): Promise<client.Configuration> {
    const ssa = await softwareStatement(alfa, manifest);
    const registration = await registerAt(alfa, server, ssa, alfa.software.redirectUris[0]!, {
      webhook_uris: alfa.software.webhookUris,
    });
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    return relyingPartyAt(alfa, server, String(registration.body.client_id));
  }

  /** PAR with a PS256 request object, the customer's steps in Chromium, then the code for tokens. */
  async function authorise(
    rp: client.Configuration,
    scope: string,
    steps: (s: BrowserSession) => Promise<void>,
  ) {
    const redirect = alfa.software.redirectUris[0]!;
    const codeVerifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const { searchParams } = await client.buildAuthorizationUrlWithJAR(
      rp,
      { redirect_uri: redirect, scope, code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', nonce, state }, // prettier-ignore
      { key: alfa.signingKey, kid: alfa.software.signing.kid },
    );
    const session = await openSession(browser, new URL(redirect).origin);
    try {
      await session.page.goto((await client.buildAuthorizationUrlWithPAR(rp, searchParams)).href);
      await steps(session);
      return await client.authorizationCodeGrant(rp, await session.callback, {
        pkceCodeVerifier: codeVerifier,
        expectedNonce: nonce,
        expectedState: state,
      });
    } finally {
      await session.close();
    }
  }
});
