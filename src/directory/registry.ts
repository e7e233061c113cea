import { createHash } from 'node:crypto';
import type { CertificateJwk, PublicJwk } from '../pki/index.ts';
import type { Clock } from '../platform/clock/index.ts';

/** Regulatory roles (DCR 1 ID3 "Regulatory Roles for OpenID and OAuth 2.0 Mappings"). */
export type RegulatoryRole = 'DADOS' | 'PAGTO' | 'CONTA' | 'CCORR';

export interface OrganisationInput {
  /** The participant's organisation id (org_id), a UUID. */
  organisationId: string;
  /** Razão social. */
  legalEntityName: string;
  /** Name shown in the participants list; the legal name by default. */
  organisationName?: string;
  /** CNPJ (RegistrationNumber, SSA org_number). */
  registrationNumber: string;
  status?: 'Active' | 'Pending' | 'Withdrawn';
  /** Roles the Central Bank authorised (OrgDomainRoleClaims, SSA organisation_competent_authority_claims). */
  roles: RegulatoryRole[];
  address?: { line1?: string; line2?: string; city?: string; postcode?: string; country?: string };
}

export interface Organisation extends Required<Omit<OrganisationInput, 'address'>> {
  address: NonNullable<OrganisationInput['address']>;
  createdOn: Date;
}

export interface SoftwareInput {
  organisationId: string;
  /** The software statement id (SSA software_id, certificate UID). */
  softwareStatementId: string;
  /** The directory's OAuth client id of this software (SSA software_client_id); the SS id by default. */
  clientId?: string;
  clientName: string;
  description?: string;
  /** software_statement_roles / software_roles. */
  roles: RegulatoryRole[];
  redirectUris: string[];
  /** software_api_webhook_uris (DCR v2.1.0). */
  webhookUris?: string[];
  clientUri?: string;
  logoUri?: string;
  policyUri?: string;
  tosUri?: string;
  version?: string;
  mode?: 'Live' | 'Test';
  /** software_environment; the simulator is a sandbox. */
  environment?: string;
  status?: 'Active' | 'Inactive';
}

export type Software = Required<Omit<SoftwareInput, 'clientUri' | 'logoUri' | 'policyUri' | 'tosUri'>> &
  Pick<SoftwareInput, 'clientUri' | 'logoUri' | 'policyUri' | 'tosUri'>;

export interface ApiResourceInput {
  /** e.g. `consents`, `accounts`, `payments-pix` (participants ApiFamilyType). */
  apiFamilyType: string;
  /** Major version (participants ApiVersion is a number in directory-participants.yaml). */
  apiVersion: number;
  /** Absolute endpoint URLs (ApiDiscoveryEndpoints[].ApiEndpoint). */
  endpoints: string[];
}

export interface AuthorisationServerInput {
  organisationId: string;
  authorisationServerId?: string;
  customerFriendlyName: string;
  customerFriendlyDescription?: string;
  customerFriendlyLogoUri: string;
  /** The issuer's `.well-known/openid-configuration` URL. */
  openIdDiscoveryDocument: string;
  payloadSigningCertLocationUri: string;
  developerPortalUri?: string;
  termsOfServiceUri?: string;
  notificationWebhook?: string;
  autoRegistrationSupported?: boolean;
  apiResources: ApiResourceInput[];
}

export type AuthorisationServer = Required<
  Omit<AuthorisationServerInput, 'developerPortalUri' | 'termsOfServiceUri' | 'notificationWebhook'>
> &
  Pick<AuthorisationServerInput, 'developerPortalUri' | 'termsOfServiceUri' | 'notificationWebhook'>;

/**
 * What the simulated directory knows: organisations, their softwares and keys, their
 * authorisation servers. Filled by the simulator at start; read by the directory's routes.
 */
export interface DirectoryRegistry {
  addOrganisation(input: OrganisationInput): Organisation;
  addSoftware(input: SoftwareInput): Software;
  addAuthorisationServer(input: AuthorisationServerInput): AuthorisationServer;
  /** A key of the organisation's own JWKS (`/<orgId>/application.jwks`), e.g. its BRSEAL. */
  addOrganisationKey(organisationId: string, jwk: PublicJwk): void;
  /** A signing or encryption key of the software's JWKS (SSA software_jwks_uri). */
  addSoftwareKey(organisationId: string, softwareStatementId: string, jwk: PublicJwk): void;
  /** A transport certificate (BRCAC) of the software (SSA software_jwks_transport_uri); `certificateJwk(..., { use: 'tls' })`. */
  addTransportCertificate(organisationId: string, softwareStatementId: string, jwk: CertificateJwk): void;
  /** Changes what a software's statement says (redirect or webhook URIs, roles, status ...). */
  updateSoftware(
    organisationId: string,
    softwareStatementId: string,
    changes: Partial<Omit<SoftwareInput, 'organisationId' | 'softwareStatementId' | 'clientId'>>,
  ): Software;
  /** Takes an authorisation server off the participants list; false when there was none. */
  removeAuthorisationServer(organisationId: string, authorisationServerId: string): boolean;

  organisations(): Organisation[];
  organisation(organisationId: string): Organisation | undefined;
  softwares(organisationId: string): Software[];
  software(organisationId: string, softwareStatementId: string): Software | undefined;
  softwareByClientId(clientId: string): Software | undefined;
  authorisationServers(organisationId: string): AuthorisationServer[];
  /** The org's keys plus the signing keys of its softwares. */
  organisationKeys(organisationId: string): PublicJwk[];
  softwareKeys(organisationId: string, softwareStatementId: string): PublicJwk[];
  transportCertificates(organisationId: string, softwareStatementId: string): CertificateJwk[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

function assertPublic(jwk: PublicJwk): void {
  const leaked = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (leaked.length > 0) throw new Error(`refusing to publish a private JWK (members ${leaked.join(', ')})`);
  if (!jwk.kid) throw new Error('a published JWK needs a kid');
}

/** Drops members explicitly set to undefined, so they do not override defaults when spread. */
function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

/** A UUID derived from names, so ids stay the same across simulator restarts. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function createDirectoryRegistry(deps: { clock: Clock }): DirectoryRegistry {
  const organisations = new Map<string, Organisation>();
  const softwares = new Map<string, Software>(); // key: orgId/ssId
  const servers = new Map<string, AuthorisationServer[]>();
  const orgKeys = new Map<string, PublicJwk[]>();
  const swKeys = new Map<string, PublicJwk[]>();
  const transport = new Map<string, CertificateJwk[]>();
  const key = (orgId: string, ssId: string) => `${orgId}/${ssId}`;

  const requireOrg = (id: string): Organisation => {
    const org = organisations.get(id);
    if (!org) throw new Error(`unknown organisation ${id}`);
    return org;
  };
  const requireSoftware = (orgId: string, ssId: string): void => {
    if (!softwares.has(key(orgId, ssId)))
      throw new Error(`unknown software ${ssId} of organisation ${orgId}`);
  };
  const push = <T>(map: Map<string, T[]>, k: string, value: T) => map.set(k, [...(map.get(k) ?? []), value]);

  return {
    addOrganisation(input) {
      if (organisations.has(input.organisationId))
        throw new Error(`organisation ${input.organisationId} exists`);
      const org: Organisation = {
        organisationName: input.legalEntityName,
        status: 'Active',
        ...defined(input),
        address: input.address ?? {},
        createdOn: deps.clock.now(),
      };
      organisations.set(org.organisationId, org);
      return org;
    },
    addSoftware(input) {
      requireOrg(input.organisationId);
      const k = key(input.organisationId, input.softwareStatementId);
      if (softwares.has(k)) throw new Error(`software ${input.softwareStatementId} exists`);
      const software: Software = {
        clientId: input.softwareStatementId,
        description: input.clientName,
        webhookUris: [],
        version: '1.0',
        mode: 'Live',
        environment: 'sandbox',
        status: 'Active',
        ...defined(input),
      };
      if ([...softwares.values()].some((s) => s.clientId === software.clientId)) {
        throw new Error(`client id ${software.clientId} is taken`);
      }
      softwares.set(k, software);
      return software;
    },
    addAuthorisationServer(input) {
      requireOrg(input.organisationId);
      const server: AuthorisationServer = {
        authorisationServerId: stableId('as', input.organisationId, input.openIdDiscoveryDocument),
        customerFriendlyDescription: input.customerFriendlyName,
        autoRegistrationSupported: true,
        ...defined(input),
      };
      push(servers, input.organisationId, server);
      return server;
    },
    addOrganisationKey(organisationId, jwk) {
      requireOrg(organisationId);
      assertPublic(jwk);
      push(orgKeys, organisationId, jwk);
    },
    addSoftwareKey(organisationId, ssId, jwk) {
      requireSoftware(organisationId, ssId);
      assertPublic(jwk);
      push(swKeys, key(organisationId, ssId), jwk);
    },
    addTransportCertificate(organisationId, ssId, jwk) {
      requireSoftware(organisationId, ssId);
      assertPublic(jwk);
      push(transport, key(organisationId, ssId), jwk);
    },
    updateSoftware(organisationId, ssId, changes) {
      requireSoftware(organisationId, ssId);
      const k = key(organisationId, ssId);
      const updated: Software = { ...softwares.get(k)!, ...defined(changes) };
      softwares.set(k, updated);
      return updated;
    },
    removeAuthorisationServer(organisationId, authorisationServerId) {
      const before = servers.get(organisationId) ?? [];
      const after = before.filter((s) => s.authorisationServerId !== authorisationServerId);
      servers.set(organisationId, after);
      return after.length < before.length;
    },
    organisations: () => [...organisations.values()],
    organisation: (id) => organisations.get(id),
    softwares: (orgId) => [...softwares.values()].filter((s) => s.organisationId === orgId),
    software: (orgId, ssId) => softwares.get(key(orgId, ssId)),
    softwareByClientId: (clientId) => [...softwares.values()].find((s) => s.clientId === clientId),
    authorisationServers: (orgId) => servers.get(orgId) ?? [],
    organisationKeys(orgId) {
      const softwareSigningKeys = [...softwares.values()]
        .filter((s) => s.organisationId === orgId)
        .flatMap((s) => swKeys.get(key(orgId, s.softwareStatementId)) ?? [])
        .filter((jwk) => jwk.use !== 'enc');
      const all = [...(orgKeys.get(orgId) ?? []), ...softwareSigningKeys];
      return all.filter((jwk, i) => all.findIndex((other) => other.kid === jwk.kid) === i);
    },
    softwareKeys: (orgId, ssId) => swKeys.get(key(orgId, ssId)) ?? [],
    transportCertificates: (orgId, ssId) => transport.get(key(orgId, ssId)) ?? [],
  };
}
