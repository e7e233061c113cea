import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { defineRoutes, PlatformErrors, requestDateTime } from '../../platform/http/index.ts';
import type { ConsentBrand } from '../domain/brand.ts';
import type { ConsentService } from '../service/index.ts';
import {
  requireClientCredentials,
  requireConsentToken,
  type AccessTokenVerifier,
  type VerifiedToken,
} from './access.ts';
import {
  CONSENTS_PATH,
  consentData,
  consentReadData,
  consentUrl,
  extensionData,
  pageLinks,
  pageRequest,
} from './present.ts';
import { DeleteConsent, GetConsent, PostConsent } from './schemas/consents.ts';
import { GetExtensions, PostExtends } from './schemas/extensions.ts';
import { consentsValidatorCompiler } from './validation.ts';

/** Which brand a request is for (each brand listens on its own host or port). */
export type BrandResolver = (request: FastifyRequest) => ConsentBrand | undefined;

/** A resolver for a process (or listener) that serves one brand. */
export function singleBrand(brand: ConsentBrand): BrandResolver {
  return () => brand;
}

export interface ConsentRoutesDeps {
  service: ConsentService;
  verifier: AccessTokenVerifier;
  brands: BrandResolver;
  clock: Clock;
}

/** consents.yaml responses carry `x-v`, the implemented version of the API. */
export const CONSENTS_API_VERSION = '3.3.1';

/**
 * Consents API 3.3.1 (DIGEST §2): thin handlers over ConsentService. The token is checked in
 * the route's `onRequest` (after the platform's x-fapi-* checks, before the body is parsed), so a
 * request without a valid token is a 401 whatever body it carries.
 */
export const consentRoutes = defineRoutes<ConsentRoutesDeps>((app, deps) => {
  const { service, verifier, clock } = deps;
  const tokens = new WeakMap<FastifyRequest, VerifiedToken>();
  const brandOf = (request: FastifyRequest): ConsentBrand => {
    const brand = deps.brands(request);
    if (brand === undefined)
      throw new AppError(PlatformErrors.NOT_FOUND, 'Instituição não atendida neste endereço.');
    return brand;
  };
  const tokenOf = (request: FastifyRequest): VerifiedToken => {
    const token = tokens.get(request);
    if (token === undefined) throw new Error('access guard did not run');
    return token;
  };
  const clientCredentials = async (request: FastifyRequest) => {
    tokens.set(request, await requireClientCredentials(request, verifier, brandOf(request).id));
  };
  const consentToken = async (request: FastifyRequest) => {
    const { consentId } = request.params as { consentId: string };
    tokens.set(request, await requireConsentToken(request, verifier, brandOf(request).id, consentId));
  };
  const meta = () => ({ requestDateTime: requestDateTime(clock) });

  app.setValidatorCompiler(consentsValidatorCompiler);
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('x-v', CONSENTS_API_VERSION);
    done(null, payload);
  });

  app.post(
    CONSENTS_PATH,
    { schema: PostConsent, config: { fapi: true }, onRequest: clientCredentials },
    async (request, reply) => {
      const brand = brandOf(request);
      const consent = await service.create(brand, tokenOf(request).clientId, request.body.data);
      const links = { self: consentUrl(brand, consent.consentId) };
      return reply.code(201).send({ data: consentData(consent), links, meta: meta() });
    },
  );

  app.get(
    `${CONSENTS_PATH}/:consentId`,
    { schema: GetConsent, config: { fapi: true }, onRequest: clientCredentials },
    async (request) => {
      const brand = brandOf(request);
      const consent = await service.get(brand.id, request.params.consentId, tokenOf(request).clientId);
      return {
        data: consentReadData(consent),
        links: { self: consentUrl(brand, consent.consentId) },
        meta: meta(),
      };
    },
  );

  app.delete(
    `${CONSENTS_PATH}/:consentId`,
    { schema: DeleteConsent, config: { fapi: true }, onRequest: clientCredentials },
    async (request, reply) => {
      await service.revoke(brandOf(request).id, request.params.consentId, tokenOf(request).clientId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${CONSENTS_PATH}/:consentId/extends`,
    { schema: PostExtends, config: { fapi: true }, onRequest: consentToken },
    async (request, reply) => {
      const brand = brandOf(request);
      const { consentId } = request.params;
      const consent = await service.extend(brand.id, consentId, tokenOf(request).clientId, {
        ...request.body.data,
        customerIpAddress: request.headers['x-fapi-customer-ip-address'],
        customerUserAgent: request.headers['x-customer-user-agent'],
      });
      const links = { self: consentUrl(brand, consentId, '/extends') };
      return reply.code(201).send({ data: consentData(consent), links, meta: meta() });
    },
  );

  app.get(
    `${CONSENTS_PATH}/:consentId/extensions`,
    { schema: GetExtensions, config: { fapi: true }, onRequest: clientCredentials },
    async (request) => {
      const brand = brandOf(request);
      const { consentId } = request.params;
      const page = pageRequest(request.query);
      const found = await service.extensions(brand.id, consentId, tokenOf(request).clientId, page);
      return {
        data: found.items.map(extensionData),
        links: pageLinks(consentUrl(brand, consentId, '/extensions'), page, found.totalPages),
        meta: {
          totalRecords: found.totalRecords,
          totalPages: found.totalPages,
          requestDateTime: requestDateTime(clock),
        },
      };
    },
  );
});
