import { Type } from 'typebox';
import type { Static } from 'typebox';
import { OAuthErrorResponse, ResponseError } from '../platform/http/index.ts';

// directory-participants.yaml, components.schemas: the fields the simulated directory fills.

const ApiDiscoveryEndpoint = Type.Object({
  ApiDiscoveryId: Type.String({ maxLength: 40 }),
  ApiEndpoint: Type.String({ maxLength: 256 }),
});

const ApiResource = Type.Object({
  ApiResourceId: Type.String({ maxLength: 40 }),
  ApiFamilyType: Type.String({ minLength: 1, maxLength: 40 }),
  ApiVersion: Type.Number(),
  ApiDiscoveryEndpoints: Type.Array(ApiDiscoveryEndpoint),
});

const AuthorisationServer = Type.Object({
  AuthorisationServerId: Type.String({ maxLength: 40 }),
  OrganisationId: Type.String(),
  AutoRegistrationSupported: Type.Boolean(),
  ApiResources: Type.Array(ApiResource),
  CustomerFriendlyDescription: Type.String({ maxLength: 256 }),
  CustomerFriendlyLogoUri: Type.String({ maxLength: 256 }),
  CustomerFriendlyName: Type.String({ maxLength: 256 }),
  DeveloperPortalUri: Type.Optional(Type.String({ maxLength: 256 })),
  TermsOfServiceUri: Type.Optional(Type.String({ maxLength: 256 })),
  NotificationWebhook: Type.Optional(Type.String({ maxLength: 256 })),
  OpenIDDiscoveryDocument: Type.String({ maxLength: 256 }),
  PayloadSigningCertLocationUri: Type.String({ maxLength: 256 }),
});

const OrgDomainClaim = Type.Object({
  OrganisationAuthorityDomainClaimId: Type.String(),
  AuthorisationDomainName: Type.String(),
  AuthorityId: Type.String(),
  AuthorityName: Type.String(),
  RegistrationId: Type.String(),
  Status: Type.Union([Type.Literal('Active'), Type.Literal('Inactive')]),
});

const OrgDomainRoleClaim = Type.Object({
  OrganisationId: Type.String(),
  OrganisationAuthorityClaimId: Type.String(),
  AuthorityId: Type.String(),
  Status: Type.Union([Type.Literal('Active'), Type.Literal('Inactive')]),
  AuthorisationDomain: Type.String({ maxLength: 30 }),
  Role: Type.String({ maxLength: 30 }),
  Authorisations: Type.Array(Type.Object({ Status: Type.String(), MemberState: Type.String() })),
  RegistrationId: Type.String({ maxLength: 40 }),
  UniqueTechnicalIdenifier: Type.Array(Type.String()),
});

export const OrganisationExportOpenData = Type.Object({
  OrganisationId: Type.String({ minLength: 1, maxLength: 40 }),
  Status: Type.Union([Type.Literal('Active'), Type.Literal('Pending'), Type.Literal('Withdrawn')]),
  OrganisationName: Type.String({ maxLength: 256 }),
  CreatedOn: Type.String({ maxLength: 30 }),
  LegalEntityName: Type.String({ maxLength: 256 }),
  CountryOfRegistration: Type.String({ maxLength: 256 }),
  CompanyRegister: Type.String({ maxLength: 256 }),
  RegistrationNumber: Type.String({ maxLength: 256 }),
  RegistrationId: Type.String({ maxLength: 40 }),
  RegisteredName: Type.String({ maxLength: 256 }),
  AddressLine1: Type.Optional(Type.String({ maxLength: 256 })),
  AddressLine2: Type.Optional(Type.String({ maxLength: 256 })),
  City: Type.Optional(Type.String({ maxLength: 256 })),
  Postcode: Type.Optional(Type.String({ maxLength: 40 })),
  Country: Type.Optional(Type.String({ maxLength: 256 })),
  Contacts: Type.Array(Type.Object({})),
  AuthorisationServers: Type.Array(AuthorisationServer),
  OrgDomainClaims: Type.Array(OrgDomainClaim),
  OrgDomainRoleClaims: Type.Array(OrgDomainRoleClaim),
});

/** One organisation of `GET /participants` (directory-participants.yaml OrganisationExportOpenData). */
export type Participant = Static<typeof OrganisationExportOpenData>;

export const GetParticipants = {
  response: { 200: Type.Array(OrganisationExportOpenData), 500: ResponseError },
};

const Jwks = Type.Object({ keys: Type.Array(Type.Object({}, { additionalProperties: true })) });

export const GetOrganisationJwks = {
  params: Type.Object({ organisationId: Type.String({ maxLength: 40 }) }),
  response: { 200: Jwks, 404: ResponseError },
};

export const GetSoftwareJwks = {
  params: Type.Object({
    organisationId: Type.String({ maxLength: 40 }),
    softwareStatementId: Type.String({ maxLength: 40 }),
  }),
  response: { 200: Jwks, 404: ResponseError },
};

export const GetKeystoreJwks = { response: { 200: Jwks } };

/** tpp-user-guide §2.1: `client_id`, `grant_type=client_credentials`, `scope=directory:software`. */
export const PostToken = {
  body: Type.Object({
    grant_type: Type.String({ maxLength: 100 }),
    client_id: Type.Optional(Type.String({ maxLength: 160 })),
    scope: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  response: {
    200: Type.Object({
      access_token: Type.String(),
      token_type: Type.Literal('Bearer'),
      expires_in: Type.Integer(),
      scope: Type.String(),
    }),
    400: OAuthErrorResponse,
    401: OAuthErrorResponse,
  },
};

export const GetAssertion = {
  params: Type.Object({
    OrganisationId: Type.String({ minLength: 1, maxLength: 40 }),
    SoftwareStatementId: Type.String({ maxLength: 40 }),
  }),
  // 200: the SSA itself, `application/jwt` (directory-api.yaml SoftwareStatementAssertion).
  response: {
    200: Type.String({ maxLength: 4000 }),
    401: ResponseError,
    403: ResponseError,
    404: ResponseError,
  },
};
