import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createDirectoryRegistry,
  directoryUrlsFor,
  listParticipants,
  type DirectoryServer,
} from '../directory/index.ts';
import { loadOrCreateCertificateAuthority, type CertificateAuthority } from '../pki/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { createTestHttpApp } from '../platform/http/testing.ts';
import type { SimDirectory } from './directory.ts';
import { ENROLMENTS_PATH, enrolmentRoutes } from './enrolment-routes.ts';
import {
  brandIdOf,
  enrol,
  EnrolmentConflict,
  loadEnrolments,
  publishEnrolment,
  type EnrolmentRequest,
} from './enrolment.ts';

/** The simulator's directory as enrolment uses it: its registry and URLs (no server needed). */
function simDirectory(): SimDirectory {
  return {
    registry: createDirectoryRegistry({ clock: systemClock }),
    urls: directoryUrlsFor('https://127.0.0.1:8443'),
    server: undefined as unknown as DirectoryServer,
    softwareJwksUri: () => '',
  };
}

const REQUEST: EnrolmentRequest = {
  name: 'Banco X',
  cnpj: '60701190000104',
  roles: ['DADOS', 'PAGTO'],
  publicBaseUrl: 'https://127.0.0.1:7001',
  mtlsBaseUrl: 'https://127.0.0.1:7002',
};

describe('sim enrolment', () => {
  let root: string;
  let ca: CertificateAuthority;
  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-enrolment-'));
    ca = await loadOrCreateCertificateAuthority({ dir: path.join(root, 'ca'), clock: systemClock });
  });
  after(() => fs.rm(root, { recursive: true, force: true }));
  const folder = (name: string) => fs.mkdtemp(path.join(root, `${name}-`));

  it('derives a brand id from the name, accents and punctuation folded', () => {
    assert.equal(brandIdOf('Banco X'), 'banco-x');
    assert.equal(brandIdOf('  Cooperativa São João — Crédito! '), 'cooperativa-sao-joao-credito');
    assert.equal(brandIdOf('X'), 'inst-x');
    assert.ok(brandIdOf('B'.repeat(60)).length <= 40);
  });

  it('publishes the institution, keeps it for a restarted simulator, and refuses its CNPJ twice', async () => {
    const simDir = await folder('sim');
    const directory = simDirectory();
    const enrolment = await enrol({ simDir, ca, directory, request: REQUEST, now: new Date() });
    assert.equal(enrolment.brandId, 'banco-x');
    assert.equal(enrolment.issuer, 'https://127.0.0.1:7001/auth');
    const file = path.join(simDir, 'enrolments', `${enrolment.orgId}.json`);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600, 'it holds private keys');

    await assert.rejects(
      enrol({ simDir, ca, directory, request: { ...REQUEST, name: 'Banco X Bis' }, now: new Date() }),
      EnrolmentConflict,
    );
    assert.equal((await fs.readdir(path.join(simDir, 'enrolments'))).length, 1);

    // A restarted simulator: a fresh directory, filled from what was kept on disk.
    const restarted = simDirectory();
    const kept = await loadEnrolments(simDir);
    assert.deepEqual(kept, [enrolment]);
    for (const e of kept) publishEnrolment(restarted, e);
    const listed = listParticipants(restarted.registry).find((p) => p.RegistrationNumber === REQUEST.cnpj);
    assert.ok(listed, 'listed again after the restart');
    assert.equal(listed.OrganisationId, enrolment.orgId);
    assert.deepEqual(listed.OrgDomainRoleClaims.map((c) => c.Role).sort(), ['DADOS', 'PAGTO']);
    const server = listed.AuthorisationServers[0]!;
    assert.equal(server.OpenIDDiscoveryDocument, `${enrolment.issuer}/.well-known/openid-configuration`);
    const accounts = server.ApiResources.find((r) => r.ApiFamilyType === 'accounts');
    assert.match(String(accounts?.ApiDiscoveryEndpoints[0]?.ApiEndpoint), /^https:\/\/127\.0\.0\.1:7002\//);
    await assert.rejects(
      enrol({ simDir, ca, directory: restarted, request: REQUEST, now: new Date() }),
      EnrolmentConflict,
    );
  });

  it('knows no enrolments in a simulator folder that has none', async () => {
    assert.deepEqual(await loadEnrolments(await folder('empty')), []);
  });

  describe(`POST ${ENROLMENTS_PATH}`, () => {
    async function routes(t: { after(fn: () => Promise<void>): void }) {
      const simDir = await folder('routes');
      const { app } = createTestHttpApp(t);
      await app.register(
        enrolmentRoutes({
          token: 'the-admin-token',
          simDir,
          ca,
          directory: simDirectory(),
          ssaIssuer: 'Open Banking Open Banking Brasil sandbox SSA issuer',
          sampleBank: { module: 'sample-bank', seed: 7, population: 'ponte-sim', demoPassword: 'ponte-demo' },
          clock: systemClock,
        }),
      );
      const post = (body: unknown, authorization?: string) =>
        app.inject({
          method: 'POST',
          url: ENROLMENTS_PATH,
          headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
          payload: JSON.stringify(body),
        });
      const written = () => fs.readdir(path.join(simDir, 'enrolments')).catch(() => []);
      return { post, written };
    }

    it('refuses a missing or wrong bearer token (401) and writes nothing', async (t) => {
      const { post, written } = await routes(t);
      assert.equal((await post(REQUEST)).statusCode, 401);
      assert.equal((await post(REQUEST, 'Bearer not-the-token')).statusCode, 401);
      assert.equal((await post(REQUEST, 'the-admin-token')).statusCode, 401, 'not a bearer header');
      assert.deepEqual(await written(), []);
    });

    it('refuses a CNPJ whose check digits are wrong (400) and writes nothing', async (t) => {
      const { post, written } = await routes(t);
      const refused = await post({ ...REQUEST, cnpj: '60701190000105' }, 'Bearer the-admin-token');
      assert.equal(refused.statusCode, 400, refused.body);
      assert.match(refused.body, /CNPJ inválido/);
      assert.equal((await post({ ...REQUEST, cnpj: '123' }, 'Bearer the-admin-token')).statusCode, 400);
      assert.deepEqual(await written(), []);
    });

    it('enrols with the token and answers what the institution runs with', async (t) => {
      const { post, written } = await routes(t);
      const answer = await post(REQUEST, 'Bearer the-admin-token');
      assert.equal(answer.statusCode, 201, answer.body);
      const body = JSON.parse(answer.body) as Record<string, unknown> & {
        directory: { participantsUrl: string };
      };
      assert.equal(body.brandId, 'banco-x');
      assert.equal(body.directory.participantsUrl, 'https://127.0.0.1:8443/participants');
      assert.match(String(body.caPem), /BEGIN CERTIFICATE/);
      assert.equal((await written()).length, 1);
      const again = await post(REQUEST, 'Bearer the-admin-token');
      assert.equal(again.statusCode, 403, 'the same CNPJ is enrolled once');
    });
  });
});
