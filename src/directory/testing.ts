/**
 * A running simulated directory for tests (this module's and other modules'): a fresh CA, two
 * organisations each with one software and its BRCAC, a holder with an authorisation server,
 * and the server on a random loopback port over real TLS.
 */
import { createCertificateAuthority, certificateJwk } from '../pki/index.ts';
import type { CertificateAuthority, IssuedCertificate } from '../pki/index.ts';
import { fixedClock, systemClock } from '../platform/clock/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { createMemoryKeystore, loadOrCreateSigningKey } from './keystore.ts';
import type { DirectorySigningKey } from './keystore.ts';
import { createDirectoryRegistry } from './registry.ts';
import type { DirectoryRegistry } from './registry.ts';
import { createDirectoryServer } from './server.ts';
import type { DirectoryServer } from './server.ts';
import type { DirectoryUrls } from './urls.ts';

export interface TestSoftware {
  orgId: string;
  softwareStatementId: string;
  clientId: string;
  transport: IssuedCertificate;
}

export interface TestDirectory {
  ca: CertificateAuthority;
  registry: DirectoryRegistry;
  signingKey: DirectorySigningKey;
  server: DirectoryServer;
  urls: DirectoryUrls;
  /** The directory's clock, starting at the real time; move it to age tokens and SSAs. */
  clock: ReturnType<typeof fixedClock>;
  /** A receiver (DADOS, PAGTO) and a second organisation, each with one software. */
  tpp: TestSoftware;
  other: TestSoftware;
  holder: { orgId: string };
}

async function addSoftware(
  ca: CertificateAuthority,
  registry: DirectoryRegistry,
  org: { orgId: string; name: string; cnpj: string },
  softwareStatementId: string,
): Promise<TestSoftware> {
  const clientId = `client-${softwareStatementId.slice(-4)}`;
  const site = `https://app-${softwareStatementId.slice(-4)}.localhost`;
  registry.addSoftware({
    organisationId: org.orgId,
    softwareStatementId,
    clientId,
    clientName: `${org.name} app`,
    roles: ['DADOS', 'PAGTO'],
    redirectUris: [`${site}/callback`],
    webhookUris: [`${site}/webhook`],
    clientUri: site,
    logoUri: `${site}/logo.png`,
    policyUri: `${site}/policy`,
    tosUri: `${site}/tos`,
  });
  const transport = await ca.issueTransportCertificate({
    commonName: `app-${softwareStatementId.slice(-4)}.localhost`,
    softwareStatementId,
    orgId: org.orgId,
    organizationName: org.name,
    cnpj: org.cnpj,
    locality: 'Sao Paulo',
    state: 'SP',
  });
  registry.addTransportCertificate(
    org.orgId,
    softwareStatementId,
    certificateJwk(transport.chainPem, { use: 'tls' }),
  );
  return { orgId: org.orgId, softwareStatementId, clientId, transport };
}

/** Close it when done: `after(() => dir.server.close())`. */
export async function startTestDirectory(): Promise<TestDirectory> {
  const clock = fixedClock(new Date());
  const ca = await createCertificateAuthority({ clock: systemClock });
  const registry = createDirectoryRegistry({ clock });
  const tppOrg = {
    orgId: '5a1e0000-0000-4000-8000-00000000000a',
    name: 'TPP Simulado Ltda',
    cnpj: '11222333000181',
  };
  const otherOrg = {
    orgId: '5a1e0000-0000-4000-8000-00000000000b',
    name: 'Outra Instituicao S.A.',
    cnpj: '44555666000100',
  };
  const holder = { orgId: '5a1e0000-0000-4000-8000-00000000000c' };
  for (const org of [tppOrg, otherOrg]) {
    registry.addOrganisation({
      organisationId: org.orgId,
      legalEntityName: org.name,
      registrationNumber: org.cnpj,
      roles: ['DADOS', 'PAGTO'],
    });
  }
  registry.addOrganisation({
    organisationId: holder.orgId,
    legalEntityName: 'Banco Ponte S.A.',
    registrationNumber: '00360305000104',
    roles: ['DADOS', 'CONTA'],
    address: { line1: 'Av. Paulista, 1000', city: 'Sao Paulo', postcode: '01310-100' },
  });
  registry.addAuthorisationServer({
    organisationId: holder.orgId,
    customerFriendlyName: 'Banco Ponte',
    customerFriendlyLogoUri: 'https://127.0.0.1:9443/logo.svg',
    openIdDiscoveryDocument: 'https://127.0.0.1:9443/.well-known/openid-configuration',
    payloadSigningCertLocationUri: 'https://127.0.0.1:9443/jwks',
    apiResources: [
      {
        apiFamilyType: 'consents',
        apiVersion: 3,
        endpoints: ['https://127.0.0.1:9443/open-banking/consents/v3/consents'],
      },
      {
        apiFamilyType: 'accounts',
        apiVersion: 2,
        endpoints: ['https://127.0.0.1:9443/open-banking/accounts/v2/accounts'],
      },
    ],
  });
  const tpp = await addSoftware(ca, registry, tppOrg, 'c0ffee00-0000-4000-8000-0000000000a1');
  const other = await addSoftware(ca, registry, otherOrg, 'c0ffee00-0000-4000-8000-0000000000b1');
  const tls = await ca.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Diretorio Simulado',
    ipAddresses: ['127.0.0.1'],
  });
  const signingKey = await loadOrCreateSigningKey(createMemoryKeystore());
  const server = createDirectoryServer({
    registry,
    signingKey,
    clock,
    logger: createLogger({ level: 'silent' }),
    tls: { key: tls.privateKeyPem, cert: tls.chainPem, ca: ca.trustBundlePem },
  });
  const urls = await server.listen();
  return { ca, registry, signingKey, server, urls, clock, tpp, other, holder };
}
