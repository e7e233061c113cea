import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as toYaml } from 'yaml';
import { validateInstallation } from '../app/installation/read.ts';
import { resolveInstallation } from '../app/installation/resolve.ts';
import type { InstallationFile } from '../app/installation/schema.ts';
import type { HolderBrand } from '../app/holder-brand.ts';
import type { ReceiverBrand } from '../app/receiver-brand.ts';
import { startServer, type RunningServer } from '../app/server.ts';
import { INTERNAL_CONSENTS_PATH } from '../consents/index.ts';
import { SSA_ISSUERS } from '../directory/index.ts';
import { loadOrCreateCertificateAuthority, type PublicJwk } from '../pki/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import type { Config } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { holderApiFamilies } from './api-families.ts';
import {
  loadOrCreateHolderCredentials,
  loadOrCreateReceiverCredentials,
  loadOrCreateServerCertificate,
} from './credentials.ts';
import { demoCustomers } from './demo-customers.ts';
import { loadEnrolments, publishEnrolment } from './enrolment.ts';
import { ENROLMENTS_PATH, enrolmentRoutes } from './enrolment-routes.ts';
import { addHolder, startSimDirectory, type SimDirectory } from './directory.ts';
import { directorySection, writeManifest, type SimManifest } from './manifest.ts';
import { simHolders, simPonteReceiver, simReceivers } from './participants.ts';
import { allocatePorts } from './ports.ts';

/** Password of every synthetic customer in the simulator (see README, "Demo credentials"). */
export const DEMO_PASSWORD = 'ponte-demo';
const POPULATION = 'ponte-sim';

/** The sample core bank as a connector module: the simulator's brands point at it like a bank at its own. */
export const SAMPLE_BANK_MODULE = fileURLToPath(new URL('../sample-bank/module.ts', import.meta.url));

export interface Ecosystem {
  directory: SimDirectory;
  brands: HolderBrand[];
  /** Ponte's own receiver brand, registered at every holder. */
  receiver: ReceiverBrand;
  manifest: SimManifest;
  manifestFile: string;
  /** The installation the simulator produced and booted (`<simDir>/installation.yaml`). */
  installationFile: string;
}

/** A `ponte start` process running the simulated ecosystem. */
export type SimulatedServer = RunningServer & { ecosystem: Ecosystem };

/**
 * The simulated Open Finance ecosystem `ponte start` runs (DESIGN §1): the directory with its CA
 * and keystore, three holder brands of different sizes whose customers overlap (same CPF at
 * several brands), Ponte's receiver brand, two outside receiver softwares, each on its own
 * loopback port over real (m)TLS; and the manifest outside clients read.
 *
 * The simulator only *produces* an installation file (its CA, brands, the sample bank as
 * connector) and boots it through the one composition root, like any institution.
 */
export async function startSimulatedServer(config: Config): Promise<SimulatedServer> {
  const clock = systemClock;
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, name: 'ponte' }).child({
    module: 'sim',
  });
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
  try {
    const holderCredentials = await Promise.all(
      holders.map((holder) => loadOrCreateHolderCredentials(simDir, ca, holder)),
    );
    const brandUrls = holders.map((_, i) => {
      const publicBaseUrl = `https://${host}:${ports.brands[i]!.public}`;
      return {
        publicBaseUrl,
        mtlsBaseUrl: `https://${host}:${ports.brands[i]!.mtls}`,
        issuer: `${publicBaseUrl}/auth`,
      };
    });
    // The holders are published before they start: their URLs are known, and Ponte's receiver
    // registers at every holder of the participants list as it starts.
    for (const [i, holder] of holders.entries()) {
      addHolder(directory, holder, {
        issuer: brandUrls[i]!.issuer,
        publicBase: brandUrls[i]!.publicBaseUrl,
        apiBase: brandUrls[i]!.mtlsBaseUrl,
        apiFamilies: holderApiFamilies(),
      });
      // The brand's BRSEAL in its organisation JWKS: initiators verify signed payment answers and
      // webhooks with it (DIGEST §4.2).
      directory.registry.addOrganisationKey(
        holder.orgId,
        holderCredentials[i]!.seal.publicJwk as unknown as PublicJwk,
      );
    }
    // Institutions enrolled in earlier runs (`ponte sim enrol`) stay in the directory.
    for (const enrolment of await loadEnrolments(simDir)) publishEnrolment(directory, enrolment);
    const adminToken = randomBytes(32).toString('base64url');
    await fs.writeFile(path.join(simDir, 'admin.token'), adminToken, { mode: 0o600 });
    const internalKeys = holders.map(() => randomBytes(32).toString('base64url'));
    const receiverServer = await loadOrCreateServerCertificate(
      simDir,
      ca,
      path.join('receivers', ponte.softwareStatementId),
      ponte.organisationName,
    );
    const software = ponteSoftware.credentials;
    const document: InstallationFile = {
      directory: {
        participantsUrl: directory.urls.participants,
        keystoreUrl: directory.urls.keystore,
        keystoreJwksUrl: directory.urls.keystoreJwks,
        tokenUrl: directory.urls.token,
        apiUrl: directory.urls.api,
        ssaIssuer: SSA_ISSUERS.sandbox,
        caFile,
        allowLoopback: true,
      },
      brands: holders.map((holder, i) => ({
        id: holder.brandId,
        name: holder.name,
        legalName: holder.legalName,
        orgId: holder.orgId,
        cnpj: holder.cnpj,
        // As the directory lists them (src/sim/directory.ts): data, and accounts for Pix initiation.
        roles: ['DADOS', 'CONTA'],
        ...brandUrls[i]!,
        listen: { host, publicPort: ports.brands[i]!.public, mtlsPort: ports.brands[i]!.mtls },
        certificates: {
          transport: {
            certificateFile: `brands/${holder.brandId}/server.crt`,
            keyFile: `brands/${holder.brandId}/server.key`,
          },
          signing: {
            certificateFile: `brands/${holder.brandId}/seal.crt`,
            keyFile: `brands/${holder.brandId}/seal.key`,
          },
        },
        connector: {
          module: SAMPLE_BANK_MODULE,
          options: { seed: { customers: holder.customers, seed: config.seed.seed, population: POPULATION } },
        },
        theme: { primaryColor: holder.theme.primaryColor },
        ...(config.sim.limits && { limits: config.sim.limits }),
        customerAuthentication: { kind: 'demo', password: DEMO_PASSWORD },
        internalApi: { keys: [{ id: 'sim-channel', key: internalKeys[i]! }] },
      })),
      receivers: [
        {
          id: ponte.brandId,
          name: ponte.clientName,
          orgId: ponte.orgId,
          softwareStatementId: ponte.softwareStatementId,
          baseUrl: ponteOrigin,
          listen: { host, port: ports.ponteReceiver },
          certificates: {
            transport: {
              certificateFile: software.transport.certificateFile,
              keyFile: software.transport.keyFile,
            },
            signing: { certificateFile: software.signing.certificateFile, keyFile: software.signing.keyFile },
            encryptionKeyFile: software.encryption.keyFile,
            serverCertificate: receiverServer,
          },
        },
      ],
    };
    // Written for the operator to read (and copy): what the simulator boots, in the installation
    // file's own form. Holds the internal API keys, so it is private to the user.
    const installationFile = path.join(simDir, 'installation.yaml');
    await fs.writeFile(installationFile, toYaml(document), { mode: 0o600 });
    const installation = await resolveInstallation(
      validateInstallation(document, {}, simDir, installationFile),
    );

    const server = await startServer(config, {
      installation,
      // The simulator adds brands as they start: keep the participants list fresh.
      directoryCacheTtlMs: 5_000,
      operatorRoutes: enrolmentRoutes({
        token: adminToken,
        simDir,
        ca,
        directory,
        ssaIssuer: SSA_ISSUERS.sandbox,
        sampleBank: {
          module: SAMPLE_BANK_MODULE,
          seed: config.seed.seed,
          population: POPULATION,
          demoPassword: DEMO_PASSWORD,
        },
        clock,
      }),
    });
    const running = server.installation!;
    const receiver = running.receivers[0]!;

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
      ...(server.url && {
        simulator: { enrolmentsUrl: `${server.url}${ENROLMENTS_PATH}`, tokenFile: 'admin.token' },
      }),
      brands: running.brands.map((b, i) => ({
        brandId: b.config.id,
        orgId: b.config.orgId,
        name: b.config.name,
        cnpj: b.config.cnpj,
        issuer: b.issuer,
        discoveryUrl: `${b.issuer}/.well-known/openid-configuration`,
        publicBaseUrl: b.publicBaseUrl,
        apiBaseUrl: b.mtlsBaseUrl,
        customers: customers.filter(() => holders[i]!.customers > 0),
        ...(server.url && {
          internalConsentsApi: {
            url: `${server.url}${INTERNAL_CONSENTS_PATH}`,
            apiKeyHeader: 'x-api-key',
            apiKey: internalKeys[i]!,
          },
        }),
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
    const ecosystem: Ecosystem = {
      directory,
      brands: running.brands,
      receiver,
      manifest,
      manifestFile,
      installationFile,
    };
    if (server.url) {
      const { ecosystemBanner } = await import('./banner.ts');
      process.stderr.write(ecosystemBanner(ecosystem, server.url));
    }
    return {
      ...server,
      ecosystem,
      async close() {
        await server.close();
        await directory.server.close();
      },
    };
  } catch (error) {
    await directory.server.close();
    throw error;
  }
}
