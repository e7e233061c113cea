import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import type { Browser } from 'playwright-core';
import type { SimulatedServer } from '../src/sim/ecosystem.ts';
import { launchBrowser, logIn, openSession } from '../src/authz/testing/browser.ts';
import type { DirectoryClient } from '../src/directory/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { receiverFromManifest } from './support/receiver.ts';
import { startSimulator } from './support/sim.ts';
import { createLogger } from '../src/platform/logger/index.ts';
import { createHttpApp, type PonteApp } from '../src/platform/http/index.ts';
import { receiverRoutes, type Receiver } from '../src/receiver/index.ts';
import type { SimManifest } from '../src/sim/manifest.ts';

/**
 * The receiver against the whole simulated ecosystem, as Ponte's own apps use it: DCR at every
 * holder of the directory, one call to lodge a consent, the customer's journey in Chromium, the
 * callback, refresh, revocation, and the failures that must leave nothing half-made.
 */
const tdb = await createTestDatabase();
const RETURN_URL = 'https://app.example/consents/done';
const logLines: Array<Record<string, unknown>> = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      logLines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});

describe('receiver against the simulated ecosystem', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let server: SimulatedServer;
  let manifest: SimManifest;
  let browser: Browser;
  let receiver: Receiver;
  let app: PonteApp;
  let directory: DirectoryClient;
  let customer: SimManifest['brands'][number]['customers'][number];
  let redirectOrigin: string;

  const rows = async (table: string) =>
    (await tdb.pool.query<Record<string, unknown>>(`SELECT * FROM ${table}`)).rows;

  before(async () => {
    [sim, browser] = await Promise.all([startSimulator(tdb, 'ponte-receiver'), launchBrowser()]);
    ({ server } = sim);
    manifest = server.ecosystem.manifest;
    customer = manifest.brands[0]!.customers.find((c) => c.type === 'PF')!;
    const built = await receiverFromManifest({
      server,
      simDir: sim.simDir,
      logger: createLogger({ level: 'info', destination: logSink }),
      returnUrl: RETURN_URL,
    });
    ({ receiver, directory } = built);
    redirectOrigin = new URL(built.software.redirectUris[0]!).origin;
    app = createHttpApp({
      logger: server.logger,
      metrics: new Registry(),
      clock: systemClock,
      readinessChecks: [],
      options: { defaultMetrics: false },
    });
    await app.register(receiverRoutes, { receiver, clock: systemClock });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await receiver?.close();
    await directory?.close();
    await browser?.close();
    await sim?.close();
  });

  const createConsent = (body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/receiver/v1/consents', payload: body });

  /** Lodges a consent and walks the customer's journey; answers the callback's parameters. */
  async function authorisedAtHolder(holder: string, dataGroups: string[]) {
    const created = await createConsent({ document: customer.cpf, holder, dataGroups, termMonths: 3 });
    assert.equal(created.statusCode, 201, created.body);
    const { data } = created.json<{ data: { id: string; authorisationUrl: string; status: string } }>();
    assert.equal(data.status, 'AWAITING_AUTHORISATION');
    const session = await openSession(browser, redirectOrigin);
    try {
      await session.page.goto(data.authorisationUrl);
      await logIn(session.page, customer.cpf, customer.password);
      await session.page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      const callback = await session.callback;
      return { id: data.id, params: new URLSearchParams(callback.hash.slice(1)) };
    } finally {
      await session.close();
    }
  }

  const callback = (params: URLSearchParams) =>
    app.inject({ method: 'GET', url: `/receiver/v1/callback?${params.toString()}` });

  it('registers the receiver software at every holder with the DCM token encrypted, and manages a registration by DCM', async () => {
    const first = await app.inject({ method: 'POST', url: '/receiver/v1/registrations' });
    assert.equal(first.statusCode, 200, first.body);
    const registered = first.json<{ data: Array<{ status: string; clientId: string; orgId: string }> }>()
      .data;
    assert.equal(registered.length, manifest.brands.length);
    assert.deepEqual(
      registered.map((r) => r.status),
      manifest.brands.map(() => 'REGISTERED'),
    );
    assert.deepEqual(new Set(registered.map((r) => r.orgId)), new Set(manifest.brands.map((b) => b.orgId)));

    // Running it again changes nothing: the holders allow one registration per software statement.
    const again = await app.inject({ method: 'GET', url: '/receiver/v1/registrations' });
    assert.deepEqual(
      again
        .json<{ data: Array<{ clientId: string }> }>()
        .data.map((r) => r.clientId)
        .sort(),
      registered.map((r) => r.clientId).sort(),
    );
    assert.equal((await receiver.registerEverywhere()).length, registered.length);

    for (const row of await rows('receiver_registrations')) {
      const token = row.registration_access_token as Buffer;
      assert.ok(Buffer.isBuffer(token) && token.length > 28, 'a ciphertext is stored');
      assert.doesNotMatch(token.toString('latin1'), /^[A-Za-z0-9_-]{20,}$/, 'not the plain token');
    }
    // DCM: the holder answers the registration with the stored token.
    const [one] = await receiver.listRegistrations();
    const metadata = await receiver.readRegistration(one!.id);
    assert.equal(metadata.client_id, one!.clientId);
    assert.equal(metadata.token_endpoint_auth_method, 'private_key_jwt');
    assert.equal(metadata.id_token_encrypted_response_alg, 'RSA-OAEP');

    // DCM at the third holder: update (PUT), delete, then register there again.
    const last = (await receiver.listRegistrations()).find((r) => r.orgId === manifest.brands[2]!.orgId)!;
    const updated = await receiver.updateRegistration(last.id);
    assert.equal(updated.status, 'REGISTERED');
    assert.equal(updated.clientId, last.clientId);
    const deleted = await app.inject({ method: 'DELETE', url: `/receiver/v1/registrations/${last.id}` });
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json<{ data: { status: string } }>().data.status, 'DELETED');
    await assert.rejects(receiver.readRegistration(last.id), { code: 'RECEIVER_REGISTRATION_NOT_FOUND' });
    const reRegistered = await receiver.registerEverywhere();
    const back = reRegistered.find((r) => r.authorisationServerId === last.authorisationServerId)!;
    assert.equal(back.status, 'REGISTERED');
    assert.notEqual(back.clientId, last.clientId);
  });

  it('refuses bad consent requests with clear errors and leaves no consent behind', async () => {
    const holder = manifest.brands[0]!.orgId;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ document: '123.456.789-00', holder, dataGroups: ['accounts'] }, 422, 'RECEIVER_INVALID_DOCUMENT'],
      [
        { document: customer.cpf, holder: 'no-such-bank', dataGroups: ['accounts'] },
        404,
        'RECEIVER_UNKNOWN_HOLDER',
      ],
      [
        { document: customer.cpf, holder, dataGroups: ['customerData', 'businessCustomerData'] },
        422,
        'RECEIVER_IMPOSSIBLE_PERMISSIONS',
      ],
      [
        { document: customer.cpf, holder, dataGroups: ['businessCustomerData'] },
        422,
        'RECEIVER_IMPOSSIBLE_PERMISSIONS',
      ],
      [{ document: customer.cpf, holder, dataGroups: ['savings'] }, 400, 'PARAMETRO_INVALIDO'],
    ];
    for (const [body, status, code] of cases) {
      const response = await createConsent(body);
      assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json<{ errors: Array<{ code: string }> }>().errors[0]!.code, code);
    }
    assert.equal((await rows('receiver_consents')).length, 0);
  });

  it('lodges a consent in one call, refuses tampered callbacks, and completes the real one', async () => {
    const brand = manifest.brands[0]!;
    const { id, params } = await authorisedAtHolder(brand.orgId, ['accounts']);
    const idToken = params.get('id_token')!;
    assert.equal(idToken.split('.').length, 5, 'the id_token arrives encrypted');

    // A forged state matches no consent.
    const forgedState = new URLSearchParams(params);
    forgedState.set('state', 'forged-state-value');
    const refusedState = await callback(forgedState);
    assert.equal(refusedState.statusCode, 400, refusedState.body);
    assert.equal(
      refusedState.json<{ errors: Array<{ code: string }> }>().errors[0]!.code,
      'RECEIVER_CALLBACK_STATE_UNKNOWN',
    );

    // A tampered id_token (ciphertext changed) cannot be decrypted.
    const parts = idToken.split('.');
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    const tamperedToken = new URLSearchParams(params);
    tamperedToken.set('id_token', parts.join('.'));
    // A swapped code no longer matches the id_token's c_hash.
    const swappedCode = new URLSearchParams(params);
    swappedCode.set('code', `${params.get('code')!.slice(0, -2)}xx`);
    for (const tampered of [tamperedToken, swappedCode]) {
      const refused = await callback(tampered);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(
        refused.json<{ errors: Array<{ code: string }> }>().errors[0]!.code,
        'RECEIVER_CALLBACK_INVALID',
      );
    }
    const [pending] = await rows('receiver_consents');
    assert.equal(pending!.status, 'AWAITING_AUTHORISATION');
    assert.equal(pending!.access_token, null, 'nothing half-made: no token stored');

    const completed = await callback(params);
    assert.equal(completed.statusCode, 303, completed.body);
    const location = new URL(completed.headers.location as string);
    assert.equal(`${location.origin}${location.pathname}`, RETURN_URL);
    assert.equal(location.searchParams.get('consent'), id);
    assert.equal(location.searchParams.get('status'), 'AUTHORISED');

    const stored = (await rows('receiver_consents')).find((r) => r.id === id)!;
    assert.equal(stored.status, 'AUTHORISED');
    assert.ok(Buffer.isBuffer(stored.access_token) && Buffer.isBuffer(stored.refresh_token));
    assert.equal(stored.state, null, 'the state is consumed');
    assert.equal(stored.code_verifier, null);
    assert.doesNotMatch((stored.document_encrypted as Buffer).toString('latin1'), new RegExp(customer.cpf));

    // The same response replayed finds nothing to complete.
    const replay = await callback(params);
    assert.equal(replay.statusCode, 400);

    const view = await app.inject({ method: 'GET', url: `/receiver/v1/consents/${id}` });
    assert.equal(view.json<{ data: { status: string; permissions: string[] } }>().data.status, 'AUTHORISED');
    assert.deepEqual(view.json<{ data: { permissions: string[] } }>().data.permissions, [
      'ACCOUNTS_READ',
      'ACCOUNTS_BALANCES_READ',
      'ACCOUNTS_OVERDRAFT_LIMITS_READ',
      'ACCOUNTS_TRANSACTIONS_READ',
      'RESOURCES_READ',
    ]);

    // Refresh before expiry: the sweep renews a token about to expire.
    await tdb.pool.query(
      `UPDATE receiver_consents SET access_token_expires_at = now() + interval '10 seconds' WHERE id = $1`,
      [id],
    );
    const before = (await rows('receiver_consents')).find((r) => r.id === id)!.access_token as Buffer;
    assert.deepEqual(await receiver.refreshExpiring(), { refreshed: 1, lost: 0 });
    const afterRefresh = (await rows('receiver_consents')).find((r) => r.id === id)!;
    assert.notDeepEqual(afterRefresh.access_token, before);
    assert.ok((afterRefresh.access_token_expires_at as Date).getTime() > Date.now() + 60_000);

    // Revocation: DELETE at the holder, REVOKED here, tokens wiped, event in the outbox.
    const revoked = await app.inject({ method: 'DELETE', url: `/receiver/v1/consents/${id}` });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json<{ data: { status: string } }>().data.status, 'REVOKED');
    const ended = (await rows('receiver_consents')).find((r) => r.id === id)!;
    assert.equal(ended.access_token, null);
    assert.equal(ended.refresh_token, null);
    const holderSide = await tdb.pool.query<{ status: string; rejection_reason_code: string }>(
      'SELECT status, rejection_reason_code FROM consents WHERE consent_id = $1',
      [ended.consent_id],
    );
    assert.equal(holderSide.rows[0]!.status, 'REJECTED');
    assert.equal(holderSide.rows[0]!.rejection_reason_code, 'CUSTOMER_MANUALLY_REVOKED');
    const events = await tdb.pool.query<{ payload: { status: string } }>(
      `SELECT payload FROM outbox_events WHERE type = 'receiver-consent.status-changed' AND aggregate_id = $1 ORDER BY seq`,
      [id],
    );
    assert.deepEqual(
      events.rows.map((r) => r.payload.status),
      ['AUTHORISED', 'REVOKED'],
    );
  });

  it('reads accounts and transactions of the same customer at two holders, with every FAPI header', async () => {
    const [first, second] = manifest.brands;
    const consents = [];
    for (const brand of [first!, second!]) {
      const { id, params } = await authorisedAtHolder(brand.orgId, ['accounts']);
      const completed = await callback(params);
      assert.equal(completed.statusCode, 303, completed.body);
      consents.push(id);
    }
    const headers = { 'x-fapi-customer-ip-address': '203.0.113.7', 'x-customer-user-agent': 'PonteApp/1.0' };
    for (const id of consents) {
      const accounts = await app.inject({
        method: 'GET',
        url: `/receiver/v1/consents/${id}/accounts`,
        headers,
      });
      assert.equal(accounts.statusCode, 200, accounts.body);
      const list = accounts.json<{ data: Array<{ accountId: string }>; links: { self: string } }>();
      assert.ok(list.data.length > 0, 'the customer has accounts at this holder');
      const accountId = list.data[0]!.accountId;

      const balances = await app.inject({
        method: 'GET',
        url: `/receiver/v1/consents/${id}/accounts/${accountId}/balances`,
        headers,
      });
      assert.equal(balances.statusCode, 200, balances.body);
      assert.ok(balances.json<{ data: { availableAmount: unknown } }>().data.availableAmount);

      // Two at a time with every page followed, or one big page: the same transactions.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const url = `/receiver/v1/consents/${id}/accounts/${accountId}/transactions?fromBookingDate=${day(-360)}&toBookingDate=${day(0)}`;
      const big = await app.inject({ method: 'GET', url: `${url}&page-size=1000`, headers });
      assert.equal(big.statusCode, 200, big.body);
      const expected = big.json<{ data: Array<{ transactionId: string }> }>().data;
      const onePage = await app.inject({ method: 'GET', url: `${url}&page-size=2`, headers });
      assert.ok(onePage.json<{ data: unknown[] }>().data.length <= 2);
      const everything = await app.inject({ method: 'GET', url: `${url}&page-size=2&all=true`, headers });
      assert.equal(everything.statusCode, 200, everything.body);
      const all = everything.json<{ data: Array<{ transactionId: string }> }>().data;
      assert.ok(expected.length > 2, 'enough transactions to paginate');
      assert.deepEqual(all.map((t) => t.transactionId).sort(), expected.map((t) => t.transactionId).sort());

      // A holder error keeps the holder's own code.
      const missing = await app.inject({
        method: 'GET',
        url: `/receiver/v1/consents/${id}/accounts/no-such-account/balances`,
        headers,
      });
      assert.ok([403, 404].includes(missing.statusCode), missing.body);
      const refused = missing.json<{
        errors: Array<{ code: string }>;
        holder: { status: number; errors: Array<{ code: string }> };
      }>();
      assert.match(refused.errors[0]!.code, /^RECEIVER_HOLDER_/);
      assert.equal(refused.holder.status, missing.statusCode);
      assert.ok(refused.holder.errors[0]!.code, 'the holder code is kept');
    }
    // Data the consent does not cover is refused before the holder is called.
    const cards = await app.inject({
      method: 'GET',
      url: `/receiver/v1/consents/${consents[0]}/credit-cards`,
    });
    assert.equal(cards.statusCode, 403);
    assert.equal(
      cards.json<{ errors: Array<{ code: string }> }>().errors[0]!.code,
      'RECEIVER_DATA_NOT_CONSENTED',
    );

    const calls = logLines.filter((l) => l.msg === 'holder data call');
    assert.ok(calls.length >= 8);
    for (const call of calls) assert.match(String(call.fapiInteractionId), /^[0-9a-f-]{36}$/);
    assert.equal(new Set(calls.map((c) => c.fapiInteractionId)).size, calls.length, 'one id per call');

    // The holder ends the consent out of band: the refresh is refused and the consent is lost.
    const lostId = consents[1]!;
    const [row] = (await rows('receiver_consents')).filter((r) => r.id === lostId);
    const registration = (await receiver.listRegistrations()).find(
      (r) => r.authorisationServerId === row!.authorisation_server_id,
    )!;
    await server.ecosystem.brands[1]!.consents.service.revoke(
      second!.brandId,
      String(row!.consent_id),
      registration.clientId!,
    );
    await tdb.pool.query(`UPDATE receiver_consents SET access_token_expires_at = now() WHERE id = $1`, [
      lostId,
    ]);
    let outcome = { refreshed: 0, lost: 0 };
    for (let attempt = 0; attempt < 20 && outcome.lost === 0; attempt++) {
      outcome = await receiver.refreshExpiring();
      if (outcome.lost === 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(outcome.lost, 1);
    const lost = (await rows('receiver_consents')).find((r) => r.id === lostId)!;
    assert.equal(lost.status, 'ACCESS_LOST');
    assert.equal(lost.refresh_token, null);
    const event = await tdb.pool.query<{ payload: { status: string; reason: string } }>(
      `SELECT payload FROM outbox_events WHERE type = 'receiver-consent.status-changed' AND aggregate_id = $1 ORDER BY seq DESC LIMIT 1`,
      [lostId],
    );
    assert.deepEqual(
      [event.rows[0]!.payload.status, event.rows[0]!.payload.reason],
      ['ACCESS_LOST', 'invalid_grant'],
    );
    const after = await app.inject({ method: 'GET', url: `/receiver/v1/consents/${lostId}/accounts` });
    assert.equal(after.statusCode, 409);
    assert.equal(
      after.json<{ errors: Array<{ code: string }> }>().errors[0]!.code,
      'RECEIVER_CONSENT_NOT_ACTIVE',
    );
  });
});
