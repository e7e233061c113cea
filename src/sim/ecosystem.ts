import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createDirectoryClient, SSA_ISSUERS, type DirectoryClient } from '../directory/index.ts';
import { loadOrCreateCertificateAuthority } from '../pki/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { Config } from '../platform/config/index.ts';
import type { OpenDatabase } from '../platform/db/bootstrap.ts';
import type { EventBus } from '../platform/events/index.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PlatformCrypto } from '../app/crypto.ts';
import { seedDemoOnFirstStart } from '../app/demo-data.ts';
import { startHolderBrand, type HolderBrand } from '../app/holder-brand.ts';
import { createPaymentsRuntime, type PaymentsRuntime } from '../app/payments.ts';
import { startReceiverBrand, type ReceiverBrand } from '../app/receiver-brand.ts';
import type { PublicJwk } from '../pki/index.ts';
import { holderApiFamilies } from './api-families.ts';
import { loadOrCreateHolderCredentials, loadOrCreateReceiverCredentials } from './credentials.ts';
import { demoCustomers } from './demo-customers.ts';
import { addHolder, startSimDirectory, type SimDirectory } from './directory.ts';
import { directorySection, writeManifest, type SimManifest } from './manifest.ts';
import { simHolders, simPonteReceiver, simReceivers } from './participants.ts';
import { allocatePorts } from './ports.ts';

/** Password of every synthetic customer in the simulator (see README, "Demo credentials"). */
export const DEMO_PASSWORD = 'ponte-demo';
const POPULATION = 'ponte-sim';

/** `bank-a` → `banka`, the namespace of its consent URNs (`urn:banka:…`). */
const urnNamespaceOf = (brandId: string) => brandId.replace(/[^a-z0-9]/g, '');

export interface Ecosystem {
  directory: SimDirectory;
  directoryClient: DirectoryClient;
  brands: HolderBrand[];
  payments: PaymentsRuntime;
  /** Ponte's own receiver brand, registered at every holder. */
  receiver: ReceiverBrand;
  manifest: SimManifest;
  manifestFile: string;
  close(): Promise<void>;
}

/**
 * The simulated Open Finance ecosystem `ponte start` runs (DESIGN §1): the directory with its CA
 * and keystore, three holder brands of different sizes whose customers overlap (same CPF at
 * several brands), two receiver softwares of different organisations, each service on its own
 * loopback port over real (m)TLS; and the manifest outside clients read.
 */
export async function startEcosystem(deps: {
  config: Config;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  events: EventBus;
  jobs: Jobs;
  clock: Clock;
  logger: Logger;
}): Promise<Ecosystem> {
  const { config, clock } = deps;
  const logger = deps.logger.child({ module: 'sim' });
  const simDir = path.join(config.home, 'sim');
  await fs.mkdir(simDir, { recursive: true, mode: 0o700 });
  const host = config.sim.host;
  const holders = simHolders(config.seed.customers);
  const receivers = simReceivers();
  const ports = await allocatePorts(config.sim.basePort, holders.length);
  const ca = await loadOrCreateCertificateAuthority({ dir: path.join(simDir, 'ca'), clock });
  const caFile = path.join('ca', 'trust-bundle.pem');
  await fs.writeFile(path.join(simDir, caFile), ca.trustBundlePem);

  const receiverOrigin = config.sim.clientOrigin ?? `https://${host}:${ports.receiver}`;
  const softwares = await Promise.all(
    receivers.map(async (receiver) => ({
      receiver,
      credentials: await loadOrCreateReceiverCredentials(simDir, ca, receiver),
      redirectUris: [`${receiverOrigin}/callback`],
      webhookUris: [receiverOrigin],
    })),
  );
  const ponte = simPonteReceiver();
  const ponteOrigin = `https://${host}:${ports.ponteReceiver}`;
  const ponteSoftware = {
    receiver: ponte,
    credentials: await loadOrCreateReceiverCredentials(simDir, ca, ponte),
    redirectUris: [`${ponteOrigin}/receiver/v1/callback`],
    webhookUris: [ponteOrigin],
  };
  const directory = await startSimDirectory({
    simDir,
    ca,
    clock,
    logger,
    host,
    port: ports.directory,
    receivers: [...softwares, ponteSoftware],
  });
  const closers: Array<() => Promise<void>> = [() => directory.server.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => {});
  };
  try {
    const directoryClient = createDirectoryClient({
      participantsUrl: directory.urls.participants,
      keystoreJwksUrl: directory.urls.keystoreJwks,
      tokenUrl: directory.urls.token,
      apiBaseUrl: directory.urls.api,
      ssaIssuer: SSA_ISSUERS.sandbox,
      ca: ca.trustBundlePem,
      clock,
      // The simulator adds brands as they start: keep the participants list fresh.
      cacheTtlMs: 5_000,
    });
    closers.push(async () => directoryClient.close());
    await directoryClient.warm();

    const holderCredentials = await Promise.all(
      holders.map((holder) => loadOrCreateHolderCredentials(simDir, ca, holder)),
    );
    const apiBaseOf = (i: number) => `https://${host}:${ports.brands[i]!.mtls}`;
    const payments = createPaymentsRuntime({
      database: deps.database,
      crypto: deps.crypto,
      jobs: deps.jobs,
      clock,
      logger,
      directory: directoryClient,
      orgJwksUri: (orgId) => `${directory.urls.keystore}/${orgId}/application.jwks`,
      brands: holders.map((holder, i) => {
        const { seal, tls } = holderCredentials[i]!;
        const sealJwk = createPrivateKey(seal.keyPem).export({ format: 'jwk' });
        return {
          id: holder.brandId,
          name: holder.name,
          orgId: holder.orgId,
          urnNamespace: urnNamespaceOf(holder.brandId),
          apiBaseUrl: apiBaseOf(i),
          signingKey: { ...sealJwk, kid: seal.kid, alg: 'PS256', use: 'sig' },
          theme: { primaryColor: holder.theme.primaryColor },
          transport: { key: tls.keyPem, cert: tls.certificatePem, ca: ca.trustBundlePem },
        };
      }),
    });
    closers.push(() => payments.close());

    const brands: HolderBrand[] = [];
    for (const [i, holder] of holders.entries()) {
      await seedDemoOnFirstStart(
        { config, pool: deps.database.pool, crypto: deps.crypto, logger },
        { id: holder.brandId, name: holder.name, customers: holder.customers, population: POPULATION },
      );
      const credentials = holderCredentials[i]!;
      const brand = await startHolderBrand({
        config: {
          id: holder.brandId,
          name: holder.name,
          orgId: holder.orgId,
          cnpj: holder.cnpj,
          urnNamespace: urnNamespaceOf(holder.brandId),
          theme: { primaryColor: holder.theme.primaryColor },
          signingKeyPem: credentials.signingKeyPem,
          tls: { key: credentials.tls.keyPem, cert: credentials.tls.certificatePem, ca: ca.trustBundlePem },
          host,
          publicPort: ports.brands[i]!.public,
          mtlsPort: ports.brands[i]!.mtls,
        },
        database: deps.database,
        crypto: deps.crypto,
        directory: directoryClient,
        events: deps.events,
        clock,
        logger,
        payments,
        simulatorCa: ca.trustBundlePem,
      });
      closers.push(() => brand.close());
      brands.push(brand);
      addHolder(directory, holder, {
        issuer: brand.issuer,
        publicBase: brand.publicBaseUrl,
        apiBase: brand.mtlsBaseUrl,
        apiFamilies: holderApiFamilies(),
      });
      // The brand's BRSEAL in its organisation JWKS: initiators verify signed payment answers and
      // webhooks with it (DIGEST §4.2).
      directory.registry.addOrganisationKey(holder.orgId, credentials.seal.publicJwk as unknown as PublicJwk);
    }
    await payments.start(deps.events);

    const receiverTls = await ca.issueServerCertificate({
      commonName: 'localhost',
      organizationName: ponte.organisationName,
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    const receiver = await startReceiverBrand({
      config: {
        id: ponte.brandId,
        name: ponte.clientName,
        host,
        port: ports.ponteReceiver,
        tls: { key: receiverTls.privateKeyPem, cert: receiverTls.chainPem, ca: ca.trustBundlePem },
        credentials: {
          orgId: ponte.orgId,
          softwareStatementId: ponte.softwareStatementId,
          transport: {
            certificatePem: ponteSoftware.credentials.transport.certificatePem,
            keyPem: ponteSoftware.credentials.transport.keyPem,
          },
          signing: {
            keyPem: await fs.readFile(path.join(simDir, ponteSoftware.credentials.signing.keyFile), 'utf8'),
            kid: ponteSoftware.credentials.signing.kid,
          },
          encryption: {
            keyPem: await fs.readFile(
              path.join(simDir, ponteSoftware.credentials.encryption.keyFile),
              'utf8',
            ),
            kid: ponteSoftware.credentials.encryption.kid,
          },
          caPem: ca.trustBundlePem,
        },
        directory: { urls: directory.urls, ssaIssuer: SSA_ISSUERS.sandbox, ca: ca.trustBundlePem },
      },
      database: deps.database,
      crypto: deps.crypto,
      jobs: deps.jobs,
      clock,
      logger,
    });
    closers.push(() => receiver.close());

    const smallest = Math.min(...holders.map((h) => h.customers));
    const customers = demoCustomers({
      seed: config.seed.seed,
      population: POPULATION,
      customersAtSmallestBrand: smallest,
      password: DEMO_PASSWORD,
    });
    const manifest: SimManifest = {
      $schema: 'https://ponte.dev/schemas/sim-manifest.schema.json',
      manifestVersion: 1,
      generatedAt: clock.now().toISOString(),
      caCertificateFile: caFile,
      directory: directorySection(directory.urls, SSA_ISSUERS.sandbox),
      brands: brands.map((b, i) => ({
        brandId: b.config.id,
        orgId: b.config.orgId,
        name: b.config.name,
        cnpj: b.config.cnpj,
        issuer: b.issuer,
        discoveryUrl: `${b.issuer}/.well-known/openid-configuration`,
        publicBaseUrl: b.publicBaseUrl,
        apiBaseUrl: b.mtlsBaseUrl,
        customers: customers.filter(() => holders[i]!.customers > 0),
      })),
      receiver: {
        brandId: ponte.brandId,
        name: ponte.clientName,
        orgId: ponte.orgId,
        softwareStatementId: ponte.softwareStatementId,
        apiBaseUrl: receiver.baseUrl,
      },
      softwares: softwares.map(({ receiver, credentials, redirectUris, webhookUris }) => ({
        orgId: receiver.orgId,
        organisationName: receiver.organisationName,
        softwareStatementId: receiver.softwareStatementId,
        softwareId: receiver.softwareStatementId,
        clientName: receiver.clientName,
        roles: receiver.roles,
        jwksUri: directory.softwareJwksUri(receiver),
        redirectUris,
        webhookUris,
        transport: {
          certificateFile: credentials.transport.certificateFile,
          keyFile: credentials.transport.keyFile,
        },
        signing: {
          certificateFile: credentials.signing.certificateFile,
          keyFile: credentials.signing.keyFile,
          kid: credentials.signing.kid,
          alg: 'PS256',
        },
        encryption: {
          keyFile: credentials.encryption.keyFile,
          kid: credentials.encryption.kid,
          alg: 'RSA-OAEP',
          enc: 'A256GCM',
        },
      })),
    };
    const manifestFile = await writeManifest(simDir, manifest);
    logger.info({ manifestFile, directory: directory.urls.participants }, 'simulated ecosystem ready');
    return { directory, directoryClient, brands, payments, receiver, manifest, manifestFile, close };
  } catch (error) {
    await close();
    throw error;
  }
}
