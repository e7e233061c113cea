import { AppError } from '../platform/errors/index.ts';
import { defineRoutes } from '../platform/http/index.ts';
import { DirectoryErrors } from './errors.ts';
import type { DirectorySigningKey } from './keystore.ts';
import { listParticipants } from './participants.ts';
import type { DirectoryRegistry } from './registry.ts';
import { GetKeystoreJwks, GetOrganisationJwks, GetParticipants, GetSoftwareJwks } from './schemas.ts';

export interface KeystoreRoutesDeps {
  registry: DirectoryRegistry;
  signingKey: DirectorySigningKey;
}

function notFound(what: string): never {
  throw new AppError(DirectoryErrors.DIRECTORY_NOT_FOUND, `${what} não encontrado no diretório.`);
}

/**
 * The directory's public services, no client certificate needed (certificate standard table:
 * `.well-known` and `jwks_uri` without mTLS): the participants list and the keystore.
 */
export const keystoreRoutes = defineRoutes<KeystoreRoutesDeps>((app, { registry, signingKey }) => {
  app.get('/participants', { schema: GetParticipants }, () => listParticipants(registry));

  // DCR 1 ID3 "SSA Key Store": the keys SSAs are verified with.
  app.get('/openbanking.jwks', { schema: GetKeystoreJwks }, () => ({ keys: [signingKey.publicJwk] }));

  app.get('/:organisationId/application.jwks', { schema: GetOrganisationJwks }, (request) => {
    const { organisationId } = request.params;
    if (!registry.organisation(organisationId)) notFound('Organização');
    return { keys: registry.organisationKeys(organisationId) };
  });

  const software = (organisationId: string, softwareStatementId: string) => {
    if (!registry.software(organisationId, softwareStatementId)) notFound('Software statement');
  };

  app.get(
    '/:organisationId/:softwareStatementId/application.jwks',
    { schema: GetSoftwareJwks },
    (request) => {
      const { organisationId, softwareStatementId } = request.params;
      software(organisationId, softwareStatementId);
      return { keys: registry.softwareKeys(organisationId, softwareStatementId) };
    },
  );

  app.get('/:organisationId/:softwareStatementId/transport.jwks', { schema: GetSoftwareJwks }, (request) => {
    const { organisationId, softwareStatementId } = request.params;
    software(organisationId, softwareStatementId);
    return { keys: registry.transportCertificates(organisationId, softwareStatementId) };
  });

  // Revoked or inactive keys move here (DCR 1 ID3 "Signature certificates validation"); the
  // simulator revokes nothing, so these sets are empty.
  for (const set of ['application', 'transport']) {
    app.get(
      `/:organisationId/:softwareStatementId/inactive/${set}.jwks`,
      { schema: GetSoftwareJwks },
      (request) => {
        software(request.params.organisationId, request.params.softwareStatementId);
        return { keys: [] };
      },
    );
  }
});
