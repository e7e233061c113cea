import { Registry } from 'prom-client';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { Agent } from 'undici';
import { systemClock, type Clock } from '../../platform/clock/index.ts';
import { freePort } from '../../platform/db/index.ts';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { createHttpApp, type PonteApp } from '../../platform/http/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import { createAuthorizationServer, type AuthorizationServer } from '../create-authorization-server.ts';
import type { CustomerAuthConfig } from '../customer-auth/create-customer-authenticator.ts';
import type { AcrPolicy } from '../policies/acr-requirements.ts';
import type { AuthzBrand, AuthzConsents, AuthzDirectory } from '../types.ts';
import { createTestPki, type TestKeyPair, type TestPki } from './certificates.ts';
import { createTestDirectory, type TestDirectory } from './directory.ts';
import { createFakeConnector, createFakeConsents, type FakeConsents, type FakeCustomer } from './fakes.ts';

/**
 * Test helper: one brand's authorization server on real TLS on loopback (the brand app asks for
 * client certificates and checks them against the test CA), on a real PostgreSQL, with the test
 * directory and fakes for consents and the core bank. `startInstance()` starts another process
 * of the same issuer on another port, on the same database.
 */
export const DEMO_PASSWORD = 'senha-de-teste';
export const CUSTOMERS: readonly FakeCustomer[] = [
  { cpf: '52998224725', customerId: 'cust-ana', accounts: [{ accountId: 'acc-ana-1', number: '12345' }, { accountId: 'acc-ana-2', number: '67890' }] },
  { cpf: '11144477735', customerId: 'cust-bruno', accounts: [{ accountId: 'acc-bruno-1', number: '55555' }] },
]; // prettier-ignore

export interface AuthzInstance {
  app: PonteApp;
  server: AuthorizationServer;
  origin: string;
  /** `METHOD path` of every request this process received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface AuthzHarness {
  pki: TestPki;
  directory: TestDirectory;
  consents: FakeConsents;
  brand: AuthzBrand;
  issuer: string;
  /** The first instance (the one `issuer` points at). */
  primary: AuthzInstance;
  startInstance(): Promise<AuthzInstance>;
  /** An undici agent presenting `certificate` (or none) and trusting the test CA. */
  agent(certificate?: TestKeyPair): Agent;
  close(): Promise<void>;
}

async function brandSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('PS256', { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid: 'bank-a-sig-1' };
}

export async function startAuthzHarness(
  tdb: TestDatabase,
  options: {
    clock?: Clock;
    consents?: AuthzConsents;
    pki?: TestPki;
    directory?: AuthzDirectory;
    /** The brand's customer authentication; the demo password (`DEMO_PASSWORD`) by default. */
    customerAuth?: CustomerAuthConfig;
    acrPolicy?: Partial<AcrPolicy>;
  } = {},
): Promise<AuthzHarness> {
  const pki = options.pki ?? (await createTestPki());
  const directory = await createTestDirectory(pki);
  const consents = createFakeConsents();
  const connector = createFakeConnector(CUSTOMERS);
  const logger = createLogger({ level: 'silent' });
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const brand: AuthzBrand = {
    id: 'bank-a',
    name: 'Banco Aurora',
    orgId: 'org-bank-a',
    cnpj: '11222333000181',
    issuer: `${origin}/auth`,
    apiBaseUrl: `${origin}/open-banking`,
    theme: { primaryColor: '#7a1fa2', logoSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#fff"/></svg>' },
    signingKey: await brandSigningKey(),
  }; // prettier-ignore
  const agents: Agent[] = [];

  async function start(listenPort: number): Promise<AuthzInstance> {
    const app = createHttpApp({
      logger,
      metrics: new Registry(),
      readinessChecks: [],
      clock: systemClock,
      options: { defaultMetrics: false, tls: { key: pki.server.key, cert: pki.server.cert, ca: pki.caPem } },
    });
    const server = createAuthorizationServer({
      brand,
      db: tdb.db,
      directory: options.directory ?? directory,
      consents: options.consents ?? consents,
      connector,
      clock: options.clock ?? systemClock,
      logger,
      simulatorCa: pki.caPem,
      customerAuth: options.customerAuth ?? { kind: 'demo', password: DEMO_PASSWORD },
      ...(options.acrPolicy === undefined ? {} : { acrPolicy: options.acrPolicy }),
    });
    const requests: string[] = [];
    app.addHook('onRequest', (request, _reply, done) => {
      requests.push(`${request.method} ${request.url.split('?')[0] ?? ''}`);
      done();
    });
    await server.mount(app);
    await app.listen({ port: listenPort, host: '127.0.0.1' });
    return {
      app,
      server,
      requests,
      origin: `https://127.0.0.1:${listenPort}`,
      close: async () => {
        await app.close();
        await server.close();
      },
    };
  }

  const instances: AuthzInstance[] = [await start(port)];
  return {
    pki,
    directory,
    consents,
    brand,
    issuer: brand.issuer,
    primary: instances[0]!,
    async startInstance() {
      const instance = await start(await freePort());
      instances.push(instance);
      return instance;
    },
    agent(certificate) {
      const agent = new Agent({
        connect: { ca: pki.caPem, ...(certificate ? { key: certificate.key, cert: certificate.cert } : {}) },
      });
      agents.push(agent);
      return agent;
    },
    async close() {
      await Promise.all(instances.map((i) => i.close()));
      await Promise.all(agents.map((a) => a.close()));
      await directory.close();
    },
  };
}
