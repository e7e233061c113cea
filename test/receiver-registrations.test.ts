import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { decodeJwt } from 'jose';
import { Registry } from 'prom-client';
import type { DirectoryClient, DirectoryRegistry } from '../src/directory/index.ts';
import { publicJwk } from '../src/pki/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { createFieldCipher, type FieldCipher } from '../src/platform/crypto/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { createHttpApp, type PonteApp } from '../src/platform/http/index.ts';
import { createLogger } from '../src/platform/logger/index.ts';
import {
  createMtlsTransport,
  receiverRoutes,
  type Receiver,
  type ReceiverTransport,
  type RegistrationView,
} from '../src/receiver/index.ts';
import { createRegistrationStore } from '../src/receiver/registration/store.ts';
import type { SimManifest } from '../src/sim/manifest.ts';
import { receiverFromManifest } from './support/receiver.ts';
import { startSimulator } from './support/sim.ts';

/**
 * The receiver's registrations kept in step with the directory (issue #6 item 1), against the
 * simulated ecosystem: the test changes the directory's registry (a key, a redirect URI, a
 * holder leaving, a holder that cannot be reached) and checks at the holders themselves (DCM
 * GET, the holder's stored client) what the next sync did.
 */
const tdb = await createTestDatabase();
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

type Listed = RegistrationView & { syncedAt: string | null; updatedAt: string };
interface SyncAnswer {
  data: Listed[];
  meta: {
    registered: number;
    updated: number;
    deleted: number;
    failed: number;
    unchanged: number;
    syncedAt: string;
  };
}

describe('receiver registrations follow the directory', () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let manifest: SimManifest;
  let software: SimManifest['softwares'][number];
  let registry: DirectoryRegistry;
  let directory: DirectoryClient;
  let cipher: FieldCipher;
  let receiver: Receiver;
  let transport: ReceiverTransport;
  let app: PonteApp;

  before(async () => {
    sim = await startSimulator(tdb, 'ponte-registrations');
    const { server } = sim;
    manifest = server.ecosystem.manifest;
    registry = server.ecosystem.directory.registry;
    software = manifest.softwares[0]!;
    // No caching: every sync must see the registry as the test just left it.
    const built = await receiverFromManifest({
      server,
      simDir: sim.simDir,
      logger: createLogger({ level: 'warn', destination: quiet }),
      returnUrl: 'https://app.example/consents/done',
      directory: { cacheTtlMs: 0, minRefreshIntervalMs: 0 },
    });
    ({ receiver, directory } = built);
    const ca = await built.read(manifest.caCertificateFile);
    cipher = createFieldCipher({
      envelope: server.crypto.personalData,
      hasher: server.crypto.hasher,
      hashDomain: 'receiver',
    });
    transport = createMtlsTransport({
      cert: await built.read(software.transport.certificateFile),
      key: await built.read(software.transport.keyFile),
      ca,
    });
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
    await transport?.close();
    await directory?.close();
    await sim?.close();
  });

  const sync = async (): Promise<SyncAnswer> => {
    const response = await app.inject({ method: 'POST', url: '/receiver/v1/registrations' });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<SyncAnswer>();
  };
  const listed = async (): Promise<Listed[]> => {
    const response = await app.inject({ method: 'GET', url: '/receiver/v1/registrations' });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ data: Listed[] }>().data;
  };
  /** What a sync did, without its time. */
  const counts = ({ meta }: SyncAnswer) => {
    const { syncedAt: _at, ...done } = meta;
    return done;
  };
  const did = (done: Partial<Omit<SyncAnswer['meta'], 'syncedAt'>>) => ({
    registered: 0,
    updated: 0,
    deleted: 0,
    failed: 0,
    unchanged: 0,
    ...done,
  });
  const ownRows = async () =>
    (
      await tdb.pool.query<{ id: string; authorisation_server_id: string; ssa_fingerprint: string | null }>(
        'SELECT id, authorisation_server_id, ssa_fingerprint FROM receiver_registrations WHERE software_statement_id = $1',
        [software.softwareStatementId],
      )
    ).rows;
  /** The client as the holder stores it (oidc-provider's Client model in its adapter table). */
  const holderClient = async (clientId: string) =>
    (
      await tdb.pool.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM oidc_payloads WHERE model = 'Client' AND id = $1`,
        [clientId],
      )
    ).rows[0]?.payload;
  const active = (rows: Listed[]) => rows.filter((r) => r.status === 'REGISTERED');

  it('registers at every holder on the first sync, shows their state, and changes nothing on the next', async () => {
    const first = await sync();
    assert.deepEqual(counts(first), did({ registered: 3 }));
    assert.equal(first.data.length, manifest.brands.length);
    const rows = await listed();
    assert.deepEqual(rows.map((r) => r.holderName).sort(), manifest.brands.map((b) => b.name).sort());
    for (const row of rows) {
      assert.equal(row.status, 'REGISTERED');
      assert.ok(row.clientId && (await holderClient(row.clientId)), 'the holder stores the client');
      assert.equal(row.lastError, null);
      assert.equal(row.syncedAt, first.meta.syncedAt);
    }
    for (const row of await ownRows()) assert.match(row.ssa_fingerprint ?? '', /^v1:[0-9a-f]{64}$/);

    const storedBefore = await Promise.all(rows.map((r) => holderClient(r.clientId!)));
    const second = await sync();
    assert.deepEqual(counts(second), did({ unchanged: 3 }));
    assert.deepEqual(await Promise.all(rows.map((r) => holderClient(r.clientId!))), storedBefore);
    assert.ok(
      (await listed()).every((r) => r.syncedAt === second.meta.syncedAt),
      'the sync time moves',
    );
  });

  it('updates every registration by DCM when a key is added to the software in the directory', async () => {
    const before = await listed();
    const fingerprints = new Map((await ownRows()).map((r) => [r.id, r.ssa_fingerprint]));
    const storedBefore = await Promise.all(before.map((r) => holderClient(r.clientId!)));
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    registry.addSoftwareKey(
      software.orgId,
      software.softwareStatementId,
      publicJwk(publicKey, { use: 'sig', alg: 'PS256' }),
    );

    const answer = await sync();
    assert.deepEqual(counts(answer), did({ updated: 3 }));
    for (const row of await ownRows()) assert.notEqual(row.ssa_fingerprint, fingerprints.get(row.id));
    for (const [i, row] of before.entries()) {
      const stored = (await holderClient(row.clientId!))!;
      const old = storedBefore[i]!;
      assert.equal(stored.client_id, row.clientId, 'same client, updated in place');
      assert.notEqual(stored.software_statement, old.software_statement, 'the holder holds the fresh SSA');
      const at = (jwt: unknown) => decodeJwt(String(jwt)).iat!;
      assert.ok(at(stored.software_statement) >= at(old.software_statement));
      // DCM GET answers what the holder now holds.
      const read = await receiver.readRegistration(row.id);
      assert.equal(read.software_statement, stored.software_statement);
    }
    assert.equal(counts(await sync()).unchanged, 3, 'the new fingerprint is kept: no second PUT');
  });

  it('sends a redirect URI added to the software statement to every holder by DCM PUT', async () => {
    const added = `${new URL(software.redirectUris[0]!).origin}/open-finance/callback-2`;
    registry.updateSoftware(software.orgId, software.softwareStatementId, {
      redirectUris: [...software.redirectUris, added],
    });
    const before = await listed();
    for (const row of before) {
      assert.ok(!((await receiver.readRegistration(row.id)).redirect_uris as string[]).includes(added));
    }
    const answer = await sync();
    assert.equal(counts(answer).updated, 3);
    for (const row of before) {
      assert.ok(((await receiver.readRegistration(row.id)).redirect_uris as string[]).includes(added));
      assert.ok(((await holderClient(row.clientId!))!.redirect_uris as string[]).includes(added));
    }
  });

  it('deletes the registration at a holder that left the directory and marks it DELETED with the reason', async () => {
    const leaving = manifest.brands[2]!;
    const row = (await listed()).find((r) => r.orgId === leaving.orgId)!;
    const store = createRegistrationStore(cipher);
    const token = store.registrationAccessToken((await store.byId(sim.server.database.db, row.id))!)!;
    const dcmGet = () =>
      transport.fetch(row.registrationClientUri!, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await dcmGet()).status, 200, 'the DCM token works before');

    assert.equal(registry.removeAuthorisationServer(leaving.orgId, row.authorisationServerId), true);
    const answer = await sync();
    assert.deepEqual(counts(answer), did({ deleted: 1, unchanged: 2 }));
    const after = (await listed()).find((r) => r.id === row.id)!;
    assert.equal(after.status, 'DELETED');
    assert.match(after.statusReason ?? '', /saiu da lista de participantes/);
    assert.equal(after.lastError, null, 'the holder answered the DELETE');
    assert.ok([401, 404].includes((await dcmGet()).status), 'the holder no longer knows the client');
    assert.equal(await holderClient(row.clientId!), undefined);
    await assert.rejects(receiver.readRegistration(row.id), { code: 'RECEIVER_REGISTRATION_NOT_FOUND' });
    assert.equal(active(await listed()).length, 2);

    assert.equal(counts(await sync()).deleted, 0, 'deleted once');
  });

  it('records an unreachable holder as FAILED with the error and registers there once it answers', async () => {
    const holder = manifest.brands[2]!;
    // A real socket that refuses, then a plain TCP relay to the holder on the same port: TLS
    // stays end to end, only the route to the holder comes and goes.
    const port = await closedPort();
    const upstream = new URL(holder.discoveryUrl);
    const discoveryUrl = new URL(holder.discoveryUrl);
    discoveryUrl.port = String(port);
    const server = registry.addAuthorisationServer({
      organisationId: holder.orgId,
      customerFriendlyName: `${holder.name} (nova rota)`,
      customerFriendlyLogoUri: `${holder.publicBaseUrl}/brand/logo.svg`,
      openIdDiscoveryDocument: discoveryUrl.href,
      payloadSigningCertLocationUri: `${holder.issuer}/jwks`,
      apiResources: [],
    });

    const down = await sync();
    assert.deepEqual(counts(down), did({ failed: 1, unchanged: 2 }));
    const failed = (await listed()).find((r) => r.authorisationServerId === server.authorisationServerId)!;
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.holderName, `${holder.name} (nova rota)`);
    assert.equal(failed.clientId, null);
    assert.match(failed.lastError ?? '', /ECONNREFUSED|fetch failed/);

    const relay = await tcpRelay(port, upstream.hostname, Number(upstream.port));
    try {
      const up = await sync();
      assert.deepEqual(counts(up), did({ registered: 1, unchanged: 2 }));
      const recovered = (await listed()).find((r) => r.id === failed.id)!;
      assert.equal(recovered.status, 'REGISTERED');
      assert.equal(recovered.lastError, null);
      assert.ok(
        recovered.clientId && (await holderClient(recovered.clientId)),
        'the holder stores the client',
      );
      assert.equal((await receiver.readRegistration(recovered.id)).client_id, recovered.clientId);
    } finally {
      await relay.close();
    }
  });
});

/** A loopback port nothing listens on (connections are refused). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Forwards TCP on `port` to host:target (the holder's TLS is not touched). */
async function tcpRelay(port: number, host: string, target: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(target, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}
