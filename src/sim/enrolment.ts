import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stableId } from '../directory/index.ts';
import { certificateJwk, type CertificateAuthority } from '../pki/index.ts';
import { holderApiFamilies } from './api-families.ts';
import { addHolder, type SimDirectory } from './directory.ts';
import type { SimHolder } from './participants.ts';

/** What `ponte sim enrol` asks of the running simulator. */
export interface EnrolmentRequest {
  name: string;
  cnpj: string;
  roles: Array<'DADOS' | 'PAGTO' | 'CONTA' | 'CCORR'>;
  /** Where the institution's own Ponte will listen, as participants and customers reach it. */
  publicBaseUrl: string;
  mtlsBaseUrl: string;
}

/** Everything the institution needs to run its own Ponte against the simulator. */
export interface Enrolment {
  request: EnrolmentRequest;
  brandId: string;
  orgId: string;
  softwareStatementId: string;
  issuer: string;
  transport: { certificatePem: string; keyPem: string };
  signing: { certificatePem: string; keyPem: string };
  enrolledAt: string;
}

/** A brand id from a name: `Banco X` → `banco-x`. */
export function brandIdOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length >= 2 ? slug : `inst-${slug}`;
}

function holderOf(enrolment: Enrolment): SimHolder {
  return {
    brandId: enrolment.brandId,
    name: enrolment.request.name,
    legalName: `${enrolment.request.name} S.A.`,
    cnpj: enrolment.request.cnpj,
    orgId: enrolment.orgId,
    customers: 0,
    // The directory lists the roles the institution enrolled with, as its software statement does.
    roles: enrolment.request.roles,
    theme: { primaryColor: '#333333', accentColor: '#999999' },
  };
}

/**
 * Publishes an enrolled institution in the simulated directory, as the real directory does once
 * a participant is approved: the organisation with its roles, an authorisation server with the
 * API families, a software statement, its BRSEAL in the organisation JWKS and its BRCAC.
 */
export function publishEnrolment(directory: SimDirectory, enrolment: Enrolment): void {
  const holder = holderOf(enrolment);
  addHolder(directory, holder, {
    issuer: enrolment.issuer,
    publicBase: enrolment.request.publicBaseUrl,
    apiBase: enrolment.request.mtlsBaseUrl,
    apiFamilies: holderApiFamilies(),
  });
  directory.registry.addSoftware({
    organisationId: enrolment.orgId,
    softwareStatementId: enrolment.softwareStatementId,
    clientName: enrolment.request.name,
    roles: enrolment.request.roles,
    redirectUris: [`${enrolment.request.publicBaseUrl}/callback`],
    webhookUris: [],
    clientUri: enrolment.request.publicBaseUrl,
  });
  const seal = certificateJwk(enrolment.signing.certificatePem, { use: 'sig', alg: 'PS256' });
  directory.registry.addOrganisationKey(enrolment.orgId, seal);
  directory.registry.addSoftwareKey(enrolment.orgId, enrolment.softwareStatementId, seal);
  directory.registry.addTransportCertificate(
    enrolment.orgId,
    enrolment.softwareStatementId,
    certificateJwk(enrolment.transport.certificatePem, { use: 'tls' }),
  );
}

/**
 * Enrols an institution: ids, BRCAC and BRSEAL issued by the simulator CA, published in the
 * directory, and kept under `<simDir>/enrolments/` so a restarted simulator publishes it again.
 */
export async function enrol(deps: {
  simDir: string;
  ca: CertificateAuthority;
  directory: SimDirectory;
  request: EnrolmentRequest;
  now: Date;
}): Promise<Enrolment> {
  const { request } = deps;
  const brandId = brandIdOf(request.name);
  const orgId = stableId('ponte-sim', 'organisation', `enrolled-${request.cnpj}`);
  if (deps.directory.registry.organisation(orgId) !== undefined) {
    throw new EnrolmentConflict(`an institution with CNPJ ${request.cnpj} is already enrolled`);
  }
  const softwareStatementId = randomUUID();
  const host = new URL(request.mtlsBaseUrl).hostname;
  const transport = await deps.ca.issueTransportCertificate({
    commonName: host,
    softwareStatementId,
    orgId,
    organizationName: `${request.name} S.A.`,
    cnpj: request.cnpj,
    locality: 'Sao Paulo',
    state: 'SP',
    dnsNames: ['localhost', host],
    ipAddresses: ['127.0.0.1'],
    serverAuth: true,
  });
  const signing = await deps.ca.issueSigningCertificate({
    orgId,
    organizationName: `${request.name} S.A.`,
    cnpj: request.cnpj,
  });
  const enrolment: Enrolment = {
    request,
    brandId,
    orgId,
    softwareStatementId,
    issuer: `${request.publicBaseUrl}/auth`,
    transport: { certificatePem: transport.chainPem, keyPem: transport.privateKeyPem },
    signing: { certificatePem: signing.chainPem, keyPem: signing.privateKeyPem },
    enrolledAt: deps.now.toISOString(),
  };
  publishEnrolment(deps.directory, enrolment);
  const dir = path.join(deps.simDir, 'enrolments');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(dir, `${orgId}.json`), JSON.stringify(enrolment), { mode: 0o600 });
  return enrolment;
}

/** Institutions enrolled in earlier runs of the simulator. */
export async function loadEnrolments(simDir: string): Promise<Enrolment[]> {
  const dir = path.join(simDir, 'enrolments');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as Enrolment),
  );
}

export class EnrolmentConflict extends Error {
  override name = 'EnrolmentConflict';
}
