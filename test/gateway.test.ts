import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { Agent, fetch as undiciFetch } from 'undici';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { launchBrowser, logIn, openSession } from '../src/authz/testing/browser.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { loadOrCreateMasterKey } from '../src/platform/crypto/index.ts';
import type { InstallationFile } from '../src/app/installation/schema.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import type { EnrolmentSummary } from '../src/sim/enrol-files.ts';
import { reservePort, startSimulator } from './support/sim.ts';
import { runCli, spawnCli, waitForLog } from './support/cli.ts';
import { startNginx, type RunningNginx } from './support/nginx.ts';
import {
  callApi,
  participantFrom,
  registerAt,
  relyingPartyAt,
  softwareStatement,
  type Participant,
} from './support/participant.ts';

/**
 * Issue 9, gateway mode: a real nginx (the Debian package) terminates TLS and mTLS in front of an
 * institution enrolled in the simulator with `ponte sim enrol`, and forwards the verified client
 * certificate in `x-ssl-client-cert`. Behind it, Ponte runs as separate processes by role on one
 * database: A (authz, jobs, operator) and two holder processes B and B2 (holder, payments). An
 * outside receiver, acting from the directory only, runs the FAPI flow through nginx; a forged
 * certificate header from an untrusted address is refused; B killed mid-flow leaves B2 serving.
 */
const simDb = await createTestDatabase();
// The institution's own database, as a bank's Ponte would not share the simulator's.
const bankDb = await createTestDatabase();
const HEADER = 'x-ssl-client-cert';

/** A plain HTTP GET from a chosen loopback source address (undici's Agent ignores `localAddress`). */
function plainGet(port: number, urlPath: string, localAddress: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, localAddress, headers },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    request.on('error', reject);
  });
}

interface PonteProcess {
  name: string;
  child: ChildProcess;
  publicPort: number;
  mtlsPort: number;
}

describe('gateway mode behind a real nginx, processes split by role', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let manifest: SimManifest;
  let browser: Browser;
  let alfa: Participant;
  let beta: Participant;
  let work: string;
  let out: string;
  let nginx: RunningNginx;
  let enrolment: EnrolmentSummary;
  let brand: SimManifest['brands'][number];
  const processes: PonteProcess[] = [];
  let REDIRECT: string;

  async function startPonte(name: string, roles: string, file: InstallationFile, ready: string) {
    const [pub, mtls] = await Promise.all([reservePort(), reservePort()]);
    const brandFile = file.brands![0]!;
    const installation: InstallationFile = {
      ...file,
      listeners: {
        mode: 'gateway',
        gateway: { clientCertificateHeader: HEADER, trustedProxies: ['127.0.0.1'] },
      },
      brands: [{ ...brandFile, listen: { host: '127.0.0.1', publicPort: pub.port, mtlsPort: mtls.port } }],
    };
    // Beside ponte.yaml, so the relative certificate paths resolve the same way.
    const config = path.join(out, `${name}.yaml`);
    await fs.writeFile(config, toYaml(installation), { mode: 0o600 });
    const home = path.join(work, `home-${name}`);
    await fs.mkdir(home, { recursive: true });
    await Promise.all([pub.release(), mtls.release()]);
    const child = spawnCli(['start', '--config', config, '--roles', roles], {
      DATABASE_URL: bankDb.url,
      PONTE_SIM: 'false',
      PONTE_HOME: home,
      PONTE_MASTER_KEY_FILE: path.join(work, 'master.key'),
      PONTE_HTTP_PORT: '0',
      PONTE_LOG_LEVEL: 'info',
    });
    const entry: PonteProcess = { name, child, publicPort: pub.port, mtlsPort: mtls.port };
    processes.push(entry);
    await waitForLog(child, (line) => line.msg === ready);
    return entry;
  }

  before(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-gateway-'));
    out = path.join(work, 'banco-gateway');
    [sim, browser] = await Promise.all([startSimulator(simDb, 'ponte-gw'), launchBrowser()]);
    manifest = sim.server.ecosystem.manifest;
    REDIRECT = manifest.softwares[0]!.redirectUris[0]!;
    [alfa, beta] = await Promise.all([
      participantFrom(sim.simDir, manifest, 0),
      participantFrom(sim.simDir, manifest, 1),
    ]);

    // The directory will point participants and browsers at nginx's ports.
    const [gwPublic, gwMtls] = await Promise.all([reservePort(), reservePort()]);
    const enrolled = await runCli([
      'sim',
      'enrol',
      '--name',
      'Banco Gateway',
      '--cnpj',
      '11222333000181',
      '--out',
      out,
      '--host',
      '127.0.0.1',
      '--public-port',
      String(gwPublic.port),
      '--mtls-port',
      String(gwMtls.port),
      '--manifest',
      path.join(sim.simDir, 'manifest.json'),
    ]);
    assert.equal(enrolled.code, 0, enrolled.stderr);
    enrolment = JSON.parse(await fs.readFile(path.join(out, 'enrolment.json'), 'utf8')) as EnrolmentSummary;
    brand = {
      brandId: enrolment.brandId,
      orgId: enrolment.orgId,
      name: enrolment.name,
      cnpj: enrolment.cnpj,
      issuer: enrolment.issuer,
      discoveryUrl: enrolment.discoveryUrl,
      publicBaseUrl: enrolment.publicBaseUrl,
      apiBaseUrl: enrolment.apiBaseUrl,
      customers: enrolment.customers,
    };

    // One master key for every process of the installation (their encrypted columns are shared).
    await loadOrCreateMasterKey(path.join(work, 'master.key'));
    const file = parseYaml(await fs.readFile(path.join(out, 'ponte.yaml'), 'utf8')) as InstallationFile;
    // A first: it seeds the sample bank; the holders then find it ready.
    const a = await startPonte('a', 'authz,jobs,operator', file, 'Ponte is listening');
    const [b, b2] = await Promise.all([
      startPonte('b', 'holder,payments', file, 'holder brand listening'),
      startPonte('b2', 'holder,payments', file, 'holder brand listening'),
    ]);

    const at = (port: number) => `127.0.0.1:${port}`;
    await Promise.all([gwPublic.release(), gwMtls.release()]);
    nginx = await startNginx({
      // Its own folder outside `work` (0700): nginx workers may run as an unprivileged user.
      prefix: await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-nginx-')),
      host: '127.0.0.1',
      publicPort: gwPublic.port,
      mtlsPort: gwMtls.port,
      certificateFile: path.join(out, 'certs/transport.crt'),
      keyFile: path.join(out, 'certs/transport.key'),
      clientCaFile: path.join(out, 'ca.pem'),
      header: HEADER,
      upstreams: {
        authzPublic: [at(a.publicPort)],
        authzMtls: [at(a.mtlsPort)],
        holderPublic: [at(b.publicPort), at(b2.publicPort)],
        holderMtls: [at(b.mtlsPort), at(b2.mtlsPort)],
      },
      revealUpstream: true,
    });
  });

  after(async () => {
    await nginx?.stop();
    if (nginx) await fs.rm(nginx.prefix, { recursive: true, force: true });
    for (const p of processes) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await once(p.child, 'close');
      }
    }
    await browser?.close();
    await Promise.all([alfa?.agent.close(), beta?.agent.close()]);
    await sim?.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  const consentsUrl = () => `${brand.apiBaseUrl}/open-banking/consents/v3/consents`;
  const accountsUrl = () => `${brand.apiBaseUrl}/open-banking/accounts/v2/accounts`;
  const byName = (name: string) => processes.find((p) => p.name === name)!;

  /** GET through nginx; answers the status, body and which holder process served it. */
  async function getAccounts(p: Participant, token: string) {
    const response = await p.fetch(accountsUrl(), {
      headers: { authorization: `Bearer ${token}`, 'x-fapi-interaction-id': randomUUID() },
    });
    const port = Number((response.headers.get('x-upstream') ?? '').split(',').pop()!.split(':').pop());
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      servedBy: processes.find((x) => x.mtlsPort === port)?.name,
    };
  }

  it('runs the FAPI flow through nginx, refuses forged and missing certificates, and survives a holder killed mid-flow', async () => {
    const customer = enrolment.customers.find((c) => c.type === 'PF')!;

    // Discovery through the gateway: the mTLS endpoint aliases are nginx's mTLS origin.
    const discovery = (await (await alfa.fetch(brand.discoveryUrl)).json()) as {
      issuer: string;
      token_endpoint: string;
      mtls_endpoint_aliases: Record<string, string>;
    };
    assert.equal(discovery.issuer, brand.issuer);
    assert.equal(new URL(discovery.mtls_endpoint_aliases.token_endpoint!).origin, brand.apiBaseUrl);
    assert.equal(new URL(discovery.token_endpoint).origin, brand.publicBaseUrl);

    // DCR through nginx: the software statement and the forwarded BRCAC are checked as with direct mTLS.
    const registration = await registerAt(alfa, brand, await softwareStatement(alfa, manifest), REDIRECT);
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    const clientId = String(registration.body.client_id);
    // Another organisation's certificate cannot register alfa's software statement.
    const foreign = await registerAt(beta, brand, await softwareStatement(alfa, manifest), REDIRECT);
    assert.equal(foreign.status, 400, JSON.stringify(foreign.body));

    const rp = await relyingPartyAt(alfa, brand, clientId);
    const { access_token: consentsToken } = await client.clientCredentialsGrant(rp, { scope: 'consents' });

    const created = await callApi(alfa, consentsUrl(), consentsToken, {
      method: 'POST',
      body: {
        data: {
          loggedUser: { document: { identification: customer.cpf, rel: 'CPF' } },
          permissions: ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
          expirationDateTime: new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const consentId = String((created.body!.data as { consentId: string }).consentId);

    // PAR through nginx's mTLS origin, then the customer in Chromium through its public origin.
    const codeVerifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const { searchParams } = await client.buildAuthorizationUrlWithJAR(
      rp,
      {
        redirect_uri: REDIRECT,
        scope: `openid accounts resources consent:${consentId}`,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        nonce,
        state,
        claims: JSON.stringify({
          id_token: { acr: { essential: true, values: ['urn:brasil:openbanking:loa2'] } },
        }),
      },
      { key: alfa.signingKey, kid: alfa.software.signing.kid },
    );
    const authorizationUrl = await client.buildAuthorizationUrlWithPAR(rp, searchParams);
    assert.equal(authorizationUrl.origin, brand.publicBaseUrl);
    const session = await openSession(browser, new URL(REDIRECT).origin);
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      await session.page.goto(authorizationUrl.href);
      await logIn(session.page, customer.cpf, customer.password);
      await session.page.getByRole('heading', { name: 'Confirmar compartilhamento de dados' }).waitFor();
      await session.page.getByRole('button', { name: 'Confirmar compartilhamento' }).click();
      tokens = await client.authorizationCodeGrant(rp, await session.callback, {
        pkceCodeVerifier: codeVerifier,
        expectedNonce: nonce,
        expectedState: state,
      });
    } finally {
      await session.close();
    }
    assert.equal(tokens.claims()?.acr, 'urn:brasil:openbanking:loa2');

    // The data API through nginx, served by one of the holder processes.
    const first = await getAccounts(alfa, tokens.access_token);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.ok((first.body.data as unknown[]).length > 0, 'the customer has accounts');
    assert.ok(first.servedBy === 'b' || first.servedBy === 'b2', `served by ${first.servedBy}`);

    // Certificate-bound: the same token with another participant's (valid) certificate is refused.
    const stolen = await getAccounts(beta, tokens.access_token);
    assert.equal(stolen.status, 401, JSON.stringify(stolen.body));

    const alfaCert = await fs.readFile(
      path.join(sim.simDir, alfa.software.transport.certificateFile),
      'utf8',
    );
    // No certificate at all through nginx: the token endpoint and the data API refuse.
    const noCert = new Agent({
      connect: { ca: await fs.readFile(path.join(sim.simDir, manifest.caCertificateFile), 'utf8') },
    });
    try {
      const token = await undiciFetch(discovery.mtls_endpoint_aliases.token_endpoint!, {
        dispatcher: noCert,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId }).toString(),
      });
      assert.equal(token.status, 401, await token.clone().text());
      assert.equal(((await token.json()) as { error: string }).error, 'invalid_client');
      // Not even with a certificate header of its own: nginx replaces it.
      const forgedAtGateway = await undiciFetch(accountsUrl(), {
        dispatcher: noCert,
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          'x-fapi-interaction-id': randomUUID(),
          [HEADER]: encodeURIComponent(alfaCert),
        },
      });
      assert.equal(forgedAtGateway.status, 401, await forgedAtGateway.text());
    } finally {
      await noCert.close();
    }

    // Straight to a holder process, bypassing nginx, with alfa's real certificate in the header:
    // believed from the trusted proxy address (127.0.0.1), refused from any other.
    const direct = (localAddress: string) =>
      plainGet(byName('b').mtlsPort, '/open-banking/accounts/v2/accounts', localAddress, {
        authorization: `Bearer ${tokens.access_token}`,
        'x-fapi-interaction-id': randomUUID(),
        [HEADER]: encodeURIComponent(alfaCert),
      });
    const fromProxy = await direct('127.0.0.1');
    assert.equal(fromProxy.status, 200, `control: the header works from a trusted proxy ${JSON.stringify(fromProxy.body)}`); // prettier-ignore
    const forged = await direct('127.0.0.2');
    assert.equal(forged.status, 401, JSON.stringify(forged.body));
    assert.ok(Array.isArray(forged.body.errors), 'the spec error body');
    // Nor are the gateway's X-Forwarded-* believed from elsewhere: oidc-provider behind a proxy
    // builds its endpoint URLs from them.
    const discoveryFrom = async (localAddress: string) => {
      const answer = await plainGet(
        byName('a').publicPort,
        '/auth/.well-known/openid-configuration',
        localAddress,
        {
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
        },
      );
      return new URL(String(answer.body.authorization_endpoint)).host;
    };
    assert.equal(await discoveryFrom('127.0.0.1'), 'evil.example', 'control: believed from the gateway');
    assert.notEqual(await discoveryFrom('127.0.0.2'), 'evil.example');

    // B dies mid-flow (SIGKILL: no draining); B2 serves the same token and consent from PostgreSQL.
    const b = byName('b');
    b.child.kill('SIGKILL');
    await once(b.child, 'close');
    for (let i = 0; i < 3; i++) {
      const after = await getAccounts(alfa, tokens.access_token);
      assert.equal(after.status, 200, JSON.stringify(after.body));
      assert.equal(after.servedBy, 'b2');
    }
    const status = await callApi(alfa, `${consentsUrl()}/${encodeURIComponent(consentId)}`, consentsToken);
    assert.equal(status.status, 200, JSON.stringify(status.body));
    assert.equal((status.body!.data as { status: string }).status, 'AUTHORISED');
    // The refresh grant still works at A (state in PostgreSQL, not in B).
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    assert.equal((await getAccounts(alfa, refreshed.access_token)).status, 200);
  });
});
