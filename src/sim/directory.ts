import path from 'node:path';
import { certificateJwk, type CertificateAuthority, type PublicJwk } from '../pki/index.ts';
import {
  createDirectoryRegistry,
  createDirectoryServer,
  createFileKeystore,
  loadOrCreateSigningKey,
  softwareKeystoreUris,
  type DirectoryRegistry,
  type DirectoryServer,
  type DirectoryUrls,
} from '../directory/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { SoftwareCredentials } from './credentials.ts';
import type { SimHolder, SimReceiver } from './participants.ts';

export interface SimDirectory {
  registry: DirectoryRegistry;
  server: DirectoryServer;
  urls: DirectoryUrls;
  /** The software's JWKS URL (SSA software_jwks_uri) as the directory serves it. */
  softwareJwksUri(receiver: SimReceiver): string;
}

/** Roles a holder brand plays: shares data (DADOS) and keeps accounts for Pix initiation (CONTA). */
const HOLDER_ROLES = ['DADOS', 'CONTA'] as const;

/**
 * The directory of participants of the simulated ecosystem, filled with its organisations,
 * softwares and keys, on its own loopback port over real TLS. Holders' authorisation servers are
 * added later (`addHolder`), once their URLs are known.
 */
export async function startSimDirectory(deps: {
  simDir: string;
  ca: CertificateAuthority;
  clock: Clock;
  logger: Logger;
  host: string;
  port: number;
  receivers: ReadonlyArray<{
    receiver: SimReceiver;
    credentials: SoftwareCredentials;
    redirectUris: string[];
    webhookUris: string[];
  }>;
}): Promise<SimDirectory> {
  const registry = createDirectoryRegistry({ clock: deps.clock });
  for (const { receiver, credentials, redirectUris, webhookUris } of deps.receivers) {
    registry.addOrganisation({
      organisationId: receiver.orgId,
      legalEntityName: receiver.organisationName,
      registrationNumber: receiver.cnpj,
      roles: receiver.roles,
    });
    registry.addSoftware({
      organisationId: receiver.orgId,
      softwareStatementId: receiver.softwareStatementId,
      clientName: receiver.clientName,
      roles: receiver.roles,
      redirectUris,
      webhookUris,
      clientUri: redirectUris[0] ? new URL(redirectUris[0]).origin : undefined,
    });
    registry.addSoftwareKey(
      receiver.orgId,
      receiver.softwareStatementId,
      credentials.signing.jwk as unknown as PublicJwk,
    );
    registry.addSoftwareKey(
      receiver.orgId,
      receiver.softwareStatementId,
      credentials.encryption.jwk as unknown as PublicJwk,
    );
    registry.addOrganisationKey(receiver.orgId, credentials.signing.jwk as unknown as PublicJwk);
    registry.addTransportCertificate(
      receiver.orgId,
      receiver.softwareStatementId,
      certificateJwk(credentials.transport.certificatePem, { use: 'tls' }),
    );
  }
  const tls = await deps.ca.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Diretorio de Participantes (simulador)',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  const server = createDirectoryServer({
    registry,
    signingKey: await loadOrCreateSigningKey(createFileKeystore(path.join(deps.simDir, 'directory'))),
    clock: deps.clock,
    logger: deps.logger.child({ module: 'sim.directory' }),
    tls: { key: tls.privateKeyPem, cert: tls.chainPem, ca: deps.ca.trustBundlePem },
  });
  const urls = await server.listen({ port: deps.port, host: deps.host });
  return {
    registry,
    server,
    urls,
    softwareJwksUri: (r) =>
      softwareKeystoreUris(urls.keystore, r.orgId, r.softwareStatementId).software_jwks_uri,
  };
}

/** Publishes a holder brand in the participants list, with its authorisation server and APIs. */
export function addHolder(
  directory: SimDirectory,
  holder: SimHolder,
  urls: {
    issuer: string;
    publicBase: string;
    apiBase: string;
    apiFamilies: ReadonlyArray<{ family: string; version: number; paths: string[] }>;
  },
): void {
  directory.registry.addOrganisation({
    organisationId: holder.orgId,
    legalEntityName: holder.legalName,
    organisationName: holder.name,
    registrationNumber: holder.cnpj,
    roles: holder.roles ?? [...HOLDER_ROLES],
  });
  directory.registry.addAuthorisationServer({
    organisationId: holder.orgId,
    customerFriendlyName: holder.name,
    customerFriendlyLogoUri: `${urls.publicBase}/brand/logo.svg`,
    openIdDiscoveryDocument: `${urls.issuer}/.well-known/openid-configuration`,
    payloadSigningCertLocationUri: `${urls.issuer}/jwks`,
    autoRegistrationSupported: true,
    apiResources: urls.apiFamilies.map((f) => ({
      apiFamilyType: f.family,
      apiVersion: f.version,
      endpoints: f.paths.map((p) => `${urls.apiBase}${p}`),
    })),
  });
}
