import type { FastifyReply, FastifyRequest } from 'fastify';
import { certificateThumbprint } from '../pki/index.ts';
import { AppError } from '../platform/errors/index.ts';
import { defineRoutes } from '../platform/http/index.ts';
import { DirectoryErrors } from './errors.ts';
import type { DirectoryRegistry } from './registry.ts';
import { GetAssertion, PostToken } from './schemas.ts';
import { signSoftwareStatement } from './ssa.ts';
import type { SoftwareStatementSigner } from './ssa.ts';
import { authenticateSoftware, DIRECTORY_SCOPE, verifiedCertificate } from './tokens.ts';
import type { DirectoryAccessToken, DirectoryTokenStore } from './tokens.ts';

export interface ApiRoutesDeps {
  registry: DirectoryRegistry;
  tokens: DirectoryTokenStore;
  signer: SoftwareStatementSigner;
}

const FORM = 'application/x-www-form-urlencoded';

function invalidToken(reply: { header(name: string, value: string): unknown }, message: string): never {
  // RFC 6750 §3: a 401 on a bearer-protected resource names the scheme.
  reply.header('www-authenticate', 'Bearer error="invalid_token"');
  throw new AppError(DirectoryErrors.DIRECTORY_INVALID_TOKEN, message);
}

/**
 * The directory's mTLS services: the token endpoint (client_credentials authenticated by the
 * transport certificate, tpp-user-guide §2.1) and the SSA assertion (directory-api.yaml
 * `GET /organisations/{OrganisationId}/softwarestatements/{SoftwareStatementId}/assertion`).
 */
export const apiRoutes = defineRoutes<ApiRoutesDeps>((app, { registry, tokens, signer }) => {
  if (!app.hasContentTypeParser(FORM)) {
    app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  app.post('/token', { schema: PostToken, config: { errorShape: 'oauth' } }, (request, reply) => {
    const { grant_type: grantType, client_id: clientId, scope = DIRECTORY_SCOPE } = request.body;
    const { software, thumbprint } = authenticateSoftware(registry, request.clientCertificate(), clientId);
    if (grantType !== 'client_credentials') {
      throw new AppError(DirectoryErrors.DIRECTORY_UNSUPPORTED_GRANT_TYPE, 'Apenas client_credentials.');
    }
    if (scope.split(' ').some((s) => s !== DIRECTORY_SCOPE)) {
      throw new AppError(DirectoryErrors.DIRECTORY_INVALID_SCOPE, `Apenas o escopo ${DIRECTORY_SCOPE}.`);
    }
    const issued = tokens.issue({
      organisationId: software.organisationId,
      softwareStatementId: software.softwareStatementId,
      thumbprint,
      scope: DIRECTORY_SCOPE,
    });
    void reply.header('cache-control', 'no-store');
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer' as const,
      expires_in: issued.expiresIn,
      scope: DIRECTORY_SCOPE,
    };
  });

  const authorise = (request: FastifyRequest, reply: FastifyReply): DirectoryAccessToken => {
    const certificate = verifiedCertificate(request.clientCertificate());
    if (!certificate) invalidToken(reply, 'Certificado de cliente ausente ou não confiável.');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const grant = match ? tokens.find(match[1]!) : undefined;
    if (!grant) invalidToken(reply, 'Token de acesso ausente, desconhecido ou expirado.');
    // RFC 8705 §3: the token is usable only with the certificate it was issued to.
    if (grant.thumbprint !== certificateThumbprint(certificate)) {
      invalidToken(reply, 'Token emitido para outro certificado.');
    }
    return grant;
  };

  app.get(
    '/organisations/:OrganisationId/softwarestatements/:SoftwareStatementId/assertion',
    { schema: GetAssertion },
    async (request, reply) => {
      const grant = authorise(request, reply);
      const { OrganisationId: orgId, SoftwareStatementId: ssId } = request.params;
      if (orgId !== grant.organisationId) {
        throw new AppError(
          DirectoryErrors.DIRECTORY_FORBIDDEN_ORGANISATION,
          'Software statement de outra organização.',
        );
      }
      const organisation = registry.organisation(orgId);
      const software = registry.software(orgId, ssId);
      if (!organisation || !software) {
        throw new AppError(DirectoryErrors.DIRECTORY_NOT_FOUND, 'Software statement não encontrado.');
      }
      return reply.type('application/jwt').send(await signSoftwareStatement(signer, organisation, software));
    },
  );
});
