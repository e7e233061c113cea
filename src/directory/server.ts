import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { Clock } from '../platform/clock/index.ts';
import { createHttpApp } from '../platform/http/index.ts';
import type { PonteApp } from '../platform/http/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { DirectorySigningKey } from './keystore.ts';
import type { DirectoryRegistry } from './registry.ts';
import { apiRoutes } from './routes-api.ts';
import { keystoreRoutes } from './routes-keystore.ts';
import { createTokenStore } from './tokens.ts';
import { directoryUrlsFor, SSA_ISSUERS } from './urls.ts';
import type { DirectoryUrls } from './urls.ts';

export interface DirectoryServerDeps {
  registry: DirectoryRegistry;
  signingKey: DirectorySigningKey;
  clock: Clock;
  logger: Logger;
  metrics?: Registry;
  /**
   * The directory's TLS: its server certificate chain and key, and the CAs whose client
   * certificates it accepts (the simulator's trust bundle). Public routes work without one.
   */
  tls: { key: string; cert: string; ca: string };
  /** SSA `iss`; the sandbox issuer by default. */
  ssaIssuer?: string;
  /** The URL clients reach the directory at; `https://127.0.0.1:<port>` after `listen` by default. */
  publicBaseUrl?: string;
  /** Lifetime of directory access tokens; 600 s as the real directory (tpp-user-guide §2.1). */
  tokenTtlSeconds?: number;
}

export interface DirectoryServer {
  app: PonteApp;
  /** Starts listening (random port by default, loopback) and answers the URLs of every service. */
  listen(options?: { port?: number; host?: string }): Promise<DirectoryUrls>;
  /** The service URLs; throws before `listen` unless `publicBaseUrl` was given. */
  urls(): DirectoryUrls;
  close(): Promise<void>;
}

/**
 * The simulated directory of participants on one HTTPS port: participants list, keystore,
 * mTLS token endpoint and SSA assertions.
 *
 * @example
 *   const registry = createDirectoryRegistry({ clock });
 *   registry.addOrganisation({ organisationId, legalEntityName: 'Banco Ponte S.A.', registrationNumber: cnpj, roles: ['DADOS'] });
 *   const tlsCert = await ca.issueServerCertificate({ commonName: 'localhost', organizationName: 'Diretório', ipAddresses: ['127.0.0.1'] });
 *   const server = createDirectoryServer({
 *     registry, clock, logger,
 *     signingKey: await loadOrCreateSigningKey(createFileKeystore(path.join(home, 'sim/directory'))),
 *     tls: { key: tlsCert.privateKeyPem, cert: tlsCert.chainPem, ca: ca.trustBundlePem },
 *   });
 *   const urls = await server.listen();
 */
export function createDirectoryServer(deps: DirectoryServerDeps): DirectoryServer {
  let baseUrl = deps.publicBaseUrl;
  const urls = (): DirectoryUrls => {
    if (baseUrl === undefined) throw new Error('the directory has no URL before it listens');
    return directoryUrlsFor(baseUrl);
  };
  const app = createHttpApp({
    logger: deps.logger,
    metrics: deps.metrics ?? new Registry(),
    readinessChecks: [],
    clock: deps.clock,
    options: { tls: deps.tls, defaultMetrics: false },
  });
  void app.register(keystoreRoutes, { registry: deps.registry, signingKey: deps.signingKey });
  void app.register(apiRoutes, {
    registry: deps.registry,
    tokens: createTokenStore({ clock: deps.clock, ttlSeconds: deps.tokenTtlSeconds ?? 600 }),
    signer: {
      signingKey: deps.signingKey,
      clock: deps.clock,
      issuer: deps.ssaIssuer ?? SSA_ISSUERS.sandbox,
      keystore: () => urls().keystore,
    },
  });

  return {
    app,
    async listen(options = {}) {
      const host = options.host ?? '127.0.0.1';
      await app.listen({ port: options.port ?? 0, host });
      const { port } = app.server.address() as AddressInfo;
      baseUrl ??= `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
      return urls();
    },
    urls,
    close: () => app.close(),
  };
}
