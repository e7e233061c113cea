import { createPrivateKey } from 'node:crypto';
import { createDirectoryClient, type DirectoryClient } from '../../directory/index.ts';
import type { ConsentManagement } from '../../consents/index.ts';
import { certificateJwk, publicJwk } from '../../pki/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { OpenDatabase } from '../../platform/db/bootstrap.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { PlatformCrypto } from '../crypto.ts';
import { startHolderBrand, type HolderBrand } from '../holder-brand.ts';
import { createPaymentsRuntime, type PaymentsRuntime } from '../payments.ts';
import { startReceiverBrand, type ReceiverBrand } from '../receiver-brand.ts';
import { connectorDeps, openConnector, type OpenedConnector } from './connector.ts';
import type { Installation, ResolvedBrand } from './resolve.ts';
import type { Role } from './roles.ts';

export interface RunningInstallation {
  directory: DirectoryClient;
  brands: HolderBrand[];
  receivers: ReceiverBrand[];
  payments: PaymentsRuntime;
  /** Every brand's internal consent management, dispatched by the caller's brand. */
  management: ConsentManagement;
  /** The brands' internal API keys (operator listener). */
  internalApiKeys: Array<{ id: string; brandId: string; key: string }>;
  close(): Promise<void>;
}

export interface InstallationDeps {
  installation: Installation;
  roles: ReadonlySet<Role>;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  jobs: Jobs;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** How long participants lists and keys are cached; the client's default unless set. */
  directoryCacheTtlMs?: number;
}

/**
 * A brand answers payment initiation (payments APIs, Pix rail) when it keeps accounts: the
 * directory's CONTA role ("detentora de conta"); PAGTO is accepted too, as installations name it.
 */
const receivesPayments = (brand: ResolvedBrand) =>
  brand.file.roles.includes('CONTA') || brand.file.roles.includes('PAGTO');

/** Brand signing key as the authorization server publishes it. */
const signingKeyPem = (brand: ResolvedBrand) =>
  createPrivateKey(brand.signing.keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();

/** Consent management of several brands, each call routed to its brand's own module. */
function managementByBrand(brands: HolderBrand[]): ConsentManagement {
  const of = (brandId: string): ConsentManagement => {
    const brand = brands.find((b) => b.config.id === brandId);
    if (brand === undefined) throw new Error(`unknown brand ${brandId}`);
    return brand.consents.management;
  };
  const first = brands[0]?.consents.management;
  if (first === undefined) return {} as ConsentManagement;
  return Object.fromEntries(
    Object.keys(first).map((name) => [
      name,
      (brandId: string, ...rest: unknown[]) =>
        (of(brandId)[name as keyof ConsentManagement] as (...args: unknown[]) => unknown)(brandId, ...rest),
    ]),
  ) as unknown as ConsentManagement;
}

/**
 * The one composition root (DESIGN §2): builds every brand and role of an installation from its
 * validated file. The simulator produces such a file and comes through here like any bank.
 * Each process builds every module it may need (they are cheap) and serves only its roles'
 * routes and workers; processes of different roles on one database complete each other's flows.
 */
export async function startInstallation(deps: InstallationDeps): Promise<RunningInstallation> {
  const { installation, roles, database, crypto, jobs, events, clock } = deps;
  const logger = deps.logger.child({ module: 'app' });
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) {
      await closer().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    }
  };
  try {
    const { urls, ssaIssuer, ca } = installation.directory;
    const directory = createDirectoryClient({
      participantsUrl: urls.participants,
      keystoreJwksUrl: urls.keystoreJwks,
      tokenUrl: urls.token,
      apiBaseUrl: urls.api,
      ssaIssuer,
      ...(ca !== undefined && { ca }),
      clock,
      ...(deps.directoryCacheTtlMs !== undefined && { cacheTtlMs: deps.directoryCacheTtlMs }),
    });
    closers.push(async () => directory.close());

    // Connectors first: a module that is missing or of the wrong shape stops the start before
    // anything listens (no half an installation).
    const late: { payments?: PaymentsRuntime } = {};
    const connectors = new Map<string, OpenedConnector>();
    const services = connectorDeps({
      db: database.db,
      pool: database.pool,
      crypto,
      jobs,
      clock,
      logger: logger.child({ module: 'connector' }),
    });
    const onTransferFinished = (brandId: string, endToEndId: string) =>
      late.payments?.payments.transferFinished(brandId, endToEndId);
    for (const [i, brand] of installation.brands.entries()) {
      const opened = await openConnector({
        where: `${installation.origin}: /brands/${i}/connector`,
        spec: brand.connector.module,
        baseDir: installation.baseDir,
        options: brand.connector.options,
        pix: receivesPayments(brand),
        deps: { ...services, brand: { id: brand.id, name: brand.name } },
        onTransferFinished,
      });
      connectors.set(brand.id, opened);
      closers.push(async () => opened.pix?.stop?.());
    }

    const payments = createPaymentsRuntime({
      database,
      crypto,
      jobs,
      clock,
      logger,
      directory,
      orgJwksUri: (orgId) => `${urls.keystore}/${orgId}/application.jwks`,
      pixOf: (brandId) => connectors.get(brandId)?.pix,
      brands: installation.brands.map((brand) => {
        const sealJwk = createPrivateKey(brand.signing.keyPem).export({ format: 'jwk' });
        const kid = String(certificateJwk(brand.signing.certificatePem, { use: 'sig', alg: 'PS256' }).kid);
        return {
          id: brand.id,
          name: brand.name,
          orgId: brand.file.orgId,
          urnNamespace: brand.urnNamespace,
          apiBaseUrl: brand.file.mtlsBaseUrl,
          signingKey: { ...sealJwk, kid, alg: 'PS256', use: 'sig' },
          theme: { primaryColor: brand.theme.primaryColor },
          transport: {
            key: brand.transport.keyPem,
            cert: brand.transport.certificatePem,
            ca: brand.clientCa,
          },
        };
      }),
    });
    late.payments = payments;
    closers.push(() => payments.close());

    const gateway = installation.listeners.gateway;
    const brands: HolderBrand[] = [];
    for (const brand of installation.brands) {
      const started = await startHolderBrand({
        config: {
          id: brand.id,
          name: brand.name,
          orgId: brand.file.orgId,
          cnpj: brand.file.cnpj,
          urnNamespace: brand.urnNamespace,
          theme: brand.theme,
          signingKeyPem: signingKeyPem(brand),
          tls: { key: brand.transport.keyPem, cert: brand.transport.certificatePem, ca: brand.clientCa },
          host: brand.host,
          publicPort: brand.file.listen.publicPort,
          mtlsPort: brand.file.listen.mtlsPort,
          publicBaseUrl: brand.file.publicBaseUrl.replace(/\/+$/, ''),
          mtlsBaseUrl: brand.file.mtlsBaseUrl.replace(/\/+$/, ''),
          issuer: brand.issuer,
          limits: brand.limits,
          ...(installation.listeners.mode === 'gateway' &&
            gateway && {
              gateway: {
                mode: 'proxy',
                header: gateway.clientCertificateHeader,
                trustedProxies: gateway.trustedProxies,
              },
            }),
        },
        database,
        crypto,
        directory,
        events,
        clock,
        logger,
        payments,
        connector: connectors.get(brand.id)!.connector,
        customerAuth: brand.customerAuthentication,
        // A role of the process serves a brand only where the brand plays the regulatory role:
        // data APIs and consents for DADOS, payments for PAGTO (the directory's roles).
        roles: {
          authz: roles.has('authz'),
          holder: roles.has('holder') && brand.file.roles.includes('DADOS'),
          payments: roles.has('payments') && receivesPayments(brand),
        },
        ...(installation.directory.allowLoopback && ca !== undefined && { simulatorCa: ca }),
      });
      closers.push(() => started.close());
      brands.push(started);
    }
    await payments.start(events);
    if (roles.has('jobs')) for (const opened of connectors.values()) await opened.pix?.start?.();

    const receivers: ReceiverBrand[] = [];
    if (roles.has('receiver')) {
      for (const receiver of installation.receivers) {
        const signingKid = String(
          certificateJwk(receiver.signing.certificatePem, { use: 'sig', alg: 'PS256' }).kid,
        );
        const encryptionKid = String(
          publicJwk(createPrivateKey(receiver.encryptionKeyPem), { use: 'enc', alg: 'RSA-OAEP' }).kid,
        );
        const started = await startReceiverBrand({
          config: {
            id: receiver.file.id,
            name: receiver.file.name,
            host: receiver.host,
            port: receiver.file.listen.port,
            baseUrl: receiver.file.baseUrl.replace(/\/+$/, ''),
            tls: {
              key: receiver.server.keyPem,
              cert: receiver.server.certificatePem,
              // Holders' webhooks come over mTLS with their BRCAC (DIGEST §4.6): ask for it when
              // the directory's CA is known; otherwise the system's trust store checks it.
              ...(ca !== undefined && { ca }),
            },
            credentials: {
              orgId: receiver.file.orgId,
              softwareStatementId: receiver.file.softwareStatementId,
              transport: receiver.transport,
              signing: { keyPem: receiver.signing.keyPem, kid: signingKid },
              encryption: { keyPem: receiver.encryptionKeyPem, kid: encryptionKid },
              ...(ca !== undefined && { caPem: ca }),
            },
            directory: { urls, ssaIssuer, ...(ca !== undefined && { ca }) },
            ...(deps.directoryCacheTtlMs !== undefined && { directoryCacheTtlMs: deps.directoryCacheTtlMs }),
          },
          database,
          crypto,
          jobs,
          clock,
          logger,
        });
        closers.push(() => started.close());
        receivers.push(started);
      }
    }
    return {
      directory,
      brands,
      receivers,
      payments,
      management: managementByBrand(brands),
      internalApiKeys: installation.brands.flatMap((brand) =>
        (brand.file.internalApi?.keys ?? []).map((k) => ({ id: k.id, brandId: brand.id, key: k.key })),
      ),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
