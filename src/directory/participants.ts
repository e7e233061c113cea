import type { AuthorisationServer, DirectoryRegistry, Organisation } from './registry.ts';
import { stableId } from './registry.ts';
import type { Participant } from './schemas.ts';
import { AUTHORISATION_DOMAIN, CENTRAL_BANK_AUTHORITY, registrationId } from './ssa-claims.ts';

function authorisationServer(server: AuthorisationServer): Participant['AuthorisationServers'][number] {
  return {
    AuthorisationServerId: server.authorisationServerId,
    OrganisationId: server.organisationId,
    AutoRegistrationSupported: server.autoRegistrationSupported,
    ApiResources: server.apiResources.map((resource) => {
      const resourceId = stableId(
        'api',
        server.authorisationServerId,
        resource.apiFamilyType,
        String(resource.apiVersion),
      );
      return {
        ApiResourceId: resourceId,
        ApiFamilyType: resource.apiFamilyType,
        ApiVersion: resource.apiVersion,
        ApiDiscoveryEndpoints: resource.endpoints.map((endpoint) => ({
          ApiDiscoveryId: stableId('endpoint', resourceId, endpoint),
          ApiEndpoint: endpoint,
        })),
      };
    }),
    CustomerFriendlyDescription: server.customerFriendlyDescription,
    CustomerFriendlyLogoUri: server.customerFriendlyLogoUri,
    CustomerFriendlyName: server.customerFriendlyName,
    ...(server.developerPortalUri && { DeveloperPortalUri: server.developerPortalUri }),
    ...(server.termsOfServiceUri && { TermsOfServiceUri: server.termsOfServiceUri }),
    ...(server.notificationWebhook && { NotificationWebhook: server.notificationWebhook }),
    OpenIDDiscoveryDocument: server.openIdDiscoveryDocument,
    PayloadSigningCertLocationUri: server.payloadSigningCertLocationUri,
  };
}

function participant(org: Organisation, servers: AuthorisationServer[]): Participant {
  const cnpjRoot = org.registrationNumber.replace(/\D/g, '').slice(0, 8);
  const address = org.address;
  return {
    OrganisationId: org.organisationId,
    Status: org.status,
    OrganisationName: org.organisationName,
    CreatedOn: org.createdOn.toISOString(),
    LegalEntityName: org.legalEntityName,
    CountryOfRegistration: 'BR',
    CompanyRegister: 'Cadastro Nacional da Pessoa Jurídica',
    RegistrationNumber: org.registrationNumber,
    RegistrationId: cnpjRoot,
    RegisteredName: org.legalEntityName,
    ...(address.line1 && { AddressLine1: address.line1 }),
    ...(address.line2 && { AddressLine2: address.line2 }),
    ...(address.city && { City: address.city }),
    ...(address.postcode && { Postcode: address.postcode }),
    Country: address.country ?? 'BR',
    Contacts: [],
    AuthorisationServers: servers.map(authorisationServer),
    OrgDomainClaims: [
      {
        OrganisationAuthorityDomainClaimId: stableId('domain-claim', org.organisationId),
        AuthorisationDomainName: AUTHORISATION_DOMAIN,
        AuthorityId: CENTRAL_BANK_AUTHORITY.authority_id,
        AuthorityName: CENTRAL_BANK_AUTHORITY.authority_name,
        RegistrationId: cnpjRoot,
        Status: 'Active',
      },
    ],
    // tpp-user-guide §2.2: one claim per regulatory role (DADOS, PAGTO, CONTA, CCORR).
    OrgDomainRoleClaims: org.roles.map((role) => ({
      OrganisationId: org.organisationId,
      OrganisationAuthorityClaimId: stableId('role-claim', org.organisationId, role),
      AuthorityId: CENTRAL_BANK_AUTHORITY.authority_id,
      Status: 'Active',
      AuthorisationDomain: AUTHORISATION_DOMAIN,
      Role: role,
      Authorisations: [],
      RegistrationId: registrationId(org.registrationNumber, role),
      UniqueTechnicalIdenifier: [],
    })),
  };
}

/** The public participants list (DIGEST §5.1; directory-participants.yaml `GET /participants`). */
export function listParticipants(registry: DirectoryRegistry): Participant[] {
  return registry
    .organisations()
    .map((org) => participant(org, registry.authorisationServers(org.organisationId)));
}
