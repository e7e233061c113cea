import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { publicJwk } from '../pki/index.ts';
import { fixedClock } from '../platform/clock/index.ts';
import { AppError } from '../platform/errors/index.ts';
import { createDirectoryClient } from './client/client.ts';
import type { DirectoryClient, DirectoryClientOptions } from './client/client.ts';
import { createUndiciHttp } from './client/http.ts';
import type { DirectoryHttp } from './client/http.ts';
import { dcrErrorFor } from './errors.ts';
import { signingKeyFromPem } from './keystore.ts';
import { signSoftwareStatement } from './ssa.ts';
import { startTestDirectory } from './testing.ts';
import type { TestDirectory } from './testing.ts';
import { SSA_ISSUERS } from './urls.ts';

let dir: TestDirectory;
let http: DirectoryHttp;
const requested: string[] = [];

before(async () => {
  dir = await startTestDirectory();
  const inner = createUndiciHttp({ ca: dir.ca.trustBundlePem });
  http = {
    request(url, init) {
      requested.push(url);
      return inner.request(url, init);
    },
    close: () => inner.close(),
  };
});
after(async () => {
  await http?.close();
  await dir?.server.close();
});

function client(overrides: Partial<DirectoryClientOptions> = {}): DirectoryClient {
  return createDirectoryClient({
    participantsUrl: dir.urls.participants,
    keystoreJwksUrl: dir.urls.keystoreJwks,
    tokenUrl: dir.urls.token,
    apiBaseUrl: dir.urls.api,
    ssaIssuer: SSA_ISSUERS.sandbox,
    clock: fixedClock(dir.clock.now()),
    http,
    ...overrides,
  });
}

const identity = () => ({
  clientId: dir.tpp.clientId,
  cert: dir.tpp.transport.chainPem,
  key: dir.tpp.transport.privateKeyPem,
});

async function ssa(): Promise<string> {
  return client().getSoftwareStatement(dir.tpp.orgId, dir.tpp.softwareStatementId, identity());
}

function rejectsWith(code: string) {
  return (error: unknown) => error instanceof AppError && error.code === code;
}

describe('receiver: getSoftwareStatement', () => {
  it('gets a directory token over mTLS and then its SSA, which verifies', async () => {
    const jwt = await ssa();
    const claims = await client().verifySoftwareStatement(jwt);
    assert.equal(claims.software_id, dir.tpp.softwareStatementId);
    assert.equal(claims.org_id, dir.tpp.orgId);
    assert.deepEqual(claims.software_redirect_uris, ['https://app-00a1.localhost/callback']);
  });

  it("is refused the SSA of another organisation's software", async () => {
    await assert.rejects(
      client().getSoftwareStatement(dir.other.orgId, dir.other.softwareStatementId, identity()),
      (error: unknown) =>
        rejectsWith('DIRECTORY_REQUEST_REFUSED')(error) && (error as AppError).detail?.status === 403,
    );
  });
});

describe('verifySoftwareStatement', () => {
  it('refuses an SSA signed by a key the directory does not publish (unapproved_software_statement)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new SignJWT({ iss: SSA_ISSUERS.sandbox, software_id: 'x', org_id: 'y' })
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: 'forged' })
      .setIssuedAt(Math.floor(dir.clock.now().getTime() / 1000))
      .sign(privateKey);
    await assert.rejects(
      client().verifySoftwareStatement(forged),
      rejectsWith('SOFTWARE_STATEMENT_UNKNOWN_KEY'),
    );
    assert.equal(dcrErrorFor('SOFTWARE_STATEMENT_UNKNOWN_KEY'), 'unapproved_software_statement');
  });

  it("refuses an SSA signed by another key under the directory's kid (invalid_software_statement)", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const payload = JSON.parse(Buffer.from((await ssa()).split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const forged = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: dir.signingKey.kid })
      .sign(privateKey);
    await assert.rejects(
      client().verifySoftwareStatement(forged),
      rejectsWith('SOFTWARE_STATEMENT_BAD_SIGNATURE'),
    );
    assert.equal(dcrErrorFor('SOFTWARE_STATEMENT_BAD_SIGNATURE'), 'invalid_software_statement');
  });

  it('refuses algorithms other than PS256, even with the right key', async () => {
    const payload = JSON.parse(Buffer.from((await ssa()).split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const rs256 = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: dir.signingKey.kid })
      .sign(dir.signingKey.privateKey);
    await assert.rejects(
      client().verifySoftwareStatement(rs256),
      rejectsWith('SOFTWARE_STATEMENT_ALGORITHM_NOT_ALLOWED'),
    );
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${rs256.split('.')[1]}.`;
    await assert.rejects(client().verifySoftwareStatement(none), rejectsWith('SOFTWARE_STATEMENT_MALFORMED'));
  });

  it('refuses an SSA issued 6 minutes ago and accepts one issued 4 minutes ago', async () => {
    const jwt = await ssa();
    const later = (ms: number) => client({ clock: fixedClock(new Date(dir.clock.now().getTime() + ms)) });
    await assert.rejects(
      later(6 * 60_000).verifySoftwareStatement(jwt),
      rejectsWith('SOFTWARE_STATEMENT_EXPIRED'),
    );
    assert.equal(
      (await later(4 * 60_000).verifySoftwareStatement(jwt)).software_id,
      dir.tpp.softwareStatementId,
    );
  });

  it('refuses an SSA issued in the future beyond the clock tolerance', async () => {
    const jwt = await ssa();
    const earlier = client({ clock: fixedClock(new Date(dir.clock.now().getTime() - 60_000)) });
    await assert.rejects(
      earlier.verifySoftwareStatement(jwt),
      rejectsWith('SOFTWARE_STATEMENT_ISSUED_IN_FUTURE'),
    );
  });

  it('refuses an SSA from another issuer, even signed with the directory key', async () => {
    const organisation = dir.registry.organisation(dir.tpp.orgId)!;
    const software = dir.registry.software(dir.tpp.orgId, dir.tpp.softwareStatementId)!;
    const jwt = await signSoftwareStatement(
      {
        signingKey: dir.signingKey,
        clock: dir.clock,
        issuer: SSA_ISSUERS.production,
        keystore: () => dir.urls.keystore,
      },
      organisation,
      software,
    );
    await assert.rejects(
      client().verifySoftwareStatement(jwt),
      rejectsWith('SOFTWARE_STATEMENT_UNTRUSTED_ISSUER'),
    );
  });
});

describe('verifySoftwareStatementSync', () => {
  it('verifies with the keys loaded by warm, without I/O', async () => {
    const jwt = await ssa();
    const directory = client();
    assert.throws(
      () => directory.verifySoftwareStatementSync(jwt),
      rejectsWith('SOFTWARE_STATEMENT_UNKNOWN_KEY'),
    );
    await directory.warm();
    const before = requested.length;
    assert.equal(directory.verifySoftwareStatementSync(jwt).org_id, dir.tpp.orgId);
    assert.equal(requested.length, before);
  });
});

describe('caching', () => {
  it('serves participants and keystore from cache within the TTL and reloads after it', async () => {
    const clock = fixedClock(dir.clock.now());
    const directory = client({ clock, cacheTtlMs: 60_000 });
    const count = (url: string) => requested.filter((u) => u === url).length;
    const start = count(dir.urls.participants);
    await directory.participants();
    await directory.participants();
    assert.equal(count(dir.urls.participants), start + 1);
    clock.advance(61_000);
    assert.equal((await directory.participants()).length, 3);
    assert.equal(count(dir.urls.participants), start + 2);
  });

  it('refreshes a JWKS when asked for a kid it lacks, at most once per interval', async () => {
    const clock = fixedClock(dir.clock.now());
    const directory = client({ clock, minRefreshIntervalMs: 30_000 });
    const url = `${dir.urls.keystore}/${dir.other.orgId}/${dir.other.softwareStatementId}/application.jwks`;
    const count = () => requested.filter((u) => u === url).length;
    assert.deepEqual(await directory.fetchJwks(url), { keys: [] });
    await directory.fetchJwks(url);
    assert.equal(count(), 1);

    const added = publicJwk(dir.other.transport.certificate.publicKey, { use: 'sig' });
    dir.registry.addSoftwareKey(dir.other.orgId, dir.other.softwareStatementId, added);
    // Too soon after the last load: the unknown kid does not trigger another request.
    assert.deepEqual((await directory.fetchJwks(url, { kid: added.kid })).keys, []);
    assert.equal(count(), 1);
    clock.advance(31_000);
    assert.deepEqual((await directory.fetchJwks(url, { kid: added.kid })).keys, [added]);
    assert.equal(count(), 2);
  });
});

describe('an unreachable directory', () => {
  it('keeps serving what it had, and fails with DIRECTORY_UNAVAILABLE when it had nothing', async () => {
    const clock = fixedClock(dir.clock.now());
    let up = true;
    const flaky: DirectoryHttp = {
      request: (url, init) => (up ? http.request(url, init) : Promise.reject(new Error('ECONNREFUSED'))),
      close: () => Promise.resolve(),
    };
    const directory = client({ clock, http: flaky, cacheTtlMs: 1000 });
    await directory.participants();
    up = false;
    clock.advance(5000);
    assert.equal((await directory.participants()).length, 3);
    await assert.rejects(client({ http: flaky }).participants(), rejectsWith('DIRECTORY_UNAVAILABLE'));
  });
});

describe('keystore rotation', () => {
  function keystoreHttp(jwks: () => unknown): DirectoryHttp {
    return {
      request: (url) =>
        Promise.resolve({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify(url === dir.urls.keystoreJwks ? jwks() : []),
        }),
      close: () => Promise.resolve(),
    };
  }

  it('refetches the keystore on an unknown kid; the sync verifier picks the new key up after its refresh', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rotated = signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    let published = [dir.signingKey.publicJwk];
    const options = { http: keystoreHttp(() => ({ keys: published })), minRefreshIntervalMs: 0 };
    const signer = {
      signingKey: rotated,
      clock: dir.clock,
      issuer: SSA_ISSUERS.sandbox,
      keystore: () => dir.urls.keystore,
    };
    const jwt = await signSoftwareStatement(
      signer,
      dir.registry.organisation(dir.tpp.orgId)!,
      dir.registry.software(dir.tpp.orgId, dir.tpp.softwareStatementId)!,
    );

    const asyncClient = client(options);
    await asyncClient.warm();
    published = [dir.signingKey.publicJwk, rotated.publicJwk];
    assert.equal((await asyncClient.verifySoftwareStatement(jwt)).software_id, dir.tpp.softwareStatementId);

    published = [dir.signingKey.publicJwk];
    const syncClient = client(options);
    await syncClient.warm();
    published = [rotated.publicJwk];
    assert.throws(
      () => syncClient.verifySoftwareStatementSync(jwt),
      rejectsWith('SOFTWARE_STATEMENT_UNKNOWN_KEY'),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(syncClient.verifySoftwareStatementSync(jwt).software_id, dir.tpp.softwareStatementId);
  });
});
