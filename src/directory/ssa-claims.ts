import type { Organisation, RegulatoryRole, Software } from './registry.ts';
import { softwareKeystoreUris } from './urls.ts';

/** The Banco Central authority as the directory names it in SSAs (DCR 1 ID3 SSA example). */
export const CENTRAL_BANK_AUTHORITY = {
  authority_id: '687a1c94-b360-4e04-9589-0fa5cb16451b',
  authority_name: 'Banco Central',
  authority_code: 'BCB',
} as const;

export const AUTHORISATION_DOMAIN = 'Open Banking';

export interface SoftwareStatementRoleClaim {
  role: string;
  authorisation_domain: string;
  status: string;
}

export interface CompetentAuthorityClaim {
  authorisation_domain: string;
  authorisations: unknown[];
  registration_id: string;
  authority_id: string;
  authority_name: string;
  authorisation_role: string;
  authority_code: string;
  status: string;
}

/**
 * Software statement assertion claims (DCR 1 ID3 "Attributes of the Software Statement
 * Assertion"; DIGEST §5.1; `software_api_webhook_uris` from DCR v2.1.0). The verifier checks
 * the ones an authorisation server relies on; the others are as the directory sent them.
 */
export interface SoftwareStatementClaims {
  iss: string;
  iat: number;
  software_id: string;
  org_id: string;
  software_jwks_uri: string;
  software_redirect_uris: string[];
  software_statement_roles: SoftwareStatementRoleClaim[];
  software_roles?: string[];
  software_mode?: string;
  software_client_id?: string;
  software_client_name?: string;
  software_client_description?: string;
  software_client_uri?: string;
  software_logo_uri?: string;
  software_policy_uri?: string;
  software_tos_uri?: string;
  software_jwks_transport_uri?: string;
  software_jwks_inactive_uri?: string;
  software_jwks_transport_inactive_uri?: string;
  software_api_webhook_uris?: string[];
  software_environment?: string;
  software_version?: string;
  org_status?: string;
  org_name?: string;
  org_number?: string;
  org_jwks_uri?: string;
  organisation_competent_authority_claims?: CompetentAuthorityClaim[];
  [claim: string]: unknown;
}

/** RegistrationId as the directory writes it: the CNPJ root (8 digits), `OBB`, the role. */
export function registrationId(cnpj: string, role: RegulatoryRole): string {
  return `${cnpj.replace(/\D/g, '').slice(0, 8)}-OBB-${role}`;
}

export function competentAuthorityClaims(org: Organisation): CompetentAuthorityClaim[] {
  return org.roles.map((role) => ({
    authorisation_domain: AUTHORISATION_DOMAIN,
    authorisations: [],
    registration_id: registrationId(org.registrationNumber, role),
    ...CENTRAL_BANK_AUTHORITY,
    authorisation_role: role,
    status: 'Active',
  }));
}

/** Every claim of the SSA for one software at `issuedAt` (seconds). */
export function softwareStatementClaims(input: {
  organisation: Organisation;
  software: Software;
  issuer: string;
  keystore: string;
  issuedAt: number;
}): SoftwareStatementClaims {
  const { organisation: org, software: sw } = input;
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? {} : { [name]: value };
  return {
    software_mode: sw.mode,
    software_redirect_uris: sw.redirectUris,
    software_statement_roles: sw.roles.map((role) => ({
      role,
      authorisation_domain: AUTHORISATION_DOMAIN,
      status: sw.status,
    })),
    software_client_name: sw.clientName,
    org_status: org.status,
    software_client_id: sw.clientId,
    iss: input.issuer,
    ...optional('software_tos_uri', sw.tosUri),
    software_client_description: sw.description,
    ...softwareKeystoreUris(input.keystore, org.organisationId, sw.softwareStatementId),
    ...optional('software_policy_uri', sw.policyUri),
    software_id: sw.softwareStatementId,
    ...optional('software_client_uri', sw.clientUri),
    ...optional('software_logo_uri', sw.logoUri),
    org_id: org.organisationId,
    org_number: org.registrationNumber,
    software_environment: sw.environment,
    software_version: sw.version,
    software_roles: sw.roles,
    org_name: org.organisationName,
    iat: input.issuedAt,
    organisation_competent_authority_claims: competentAuthorityClaims(org),
    software_api_webhook_uris: sw.webhookUris,
  };
}
