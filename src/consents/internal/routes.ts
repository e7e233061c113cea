import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import { defineRoutes, formatRequestDateTime, PlatformErrors } from '../../platform/http/index.ts';
import { consentsValidatorCompiler } from '../http/validation.ts';
import type { ConsentManagement, ManagedConsent } from '../service/management.ts';
import type { InternalAuthenticator, InternalCaller } from './auth.ts';
import { GetManagedConsent, RevokeManagedConsent, SearchConsents } from './schemas.ts';

export const INTERNAL_CONSENTS_PATH = '/internal/consents/v1/consents';

export interface InternalConsentRoutesDeps {
  management: ConsentManagement;
  authenticator: InternalAuthenticator;
}

function present(managed: ManagedConsent) {
  const { consent } = managed;
  return {
    consentId: consent.consentId,
    status: consent.status,
    active: managed.active,
    clientId: consent.clientId,
    ...(managed.clientName === undefined ? {} : { clientName: managed.clientName }),
    personType: consent.businessEntity === null ? ('PESSOA_NATURAL' as const) : ('PESSOA_JURIDICA' as const),
    permissions: consent.permissions,
    creationDateTime: formatRequestDateTime(consent.creationDateTime),
    statusUpdateDateTime: formatRequestDateTime(consent.statusUpdateDateTime),
    ...(consent.expirationDateTime === null
      ? {}
      : { expirationDateTime: formatRequestDateTime(consent.expirationDateTime) }),
    ...(consent.rejection === null ? {} : { rejection: consent.rejection }),
    resources: managed.resources,
  };
}

/**
 * The internal consent management API for the institution's own channels: list a customer's
 * consents, read one, revoke one. Every call is confined to the authenticated caller's brand.
 */
export const internalConsentRoutes = defineRoutes<InternalConsentRoutesDeps>((app, deps) => {
  const { management, authenticator } = deps;
  const callers = new WeakMap<FastifyRequest, InternalCaller>();
  const authenticate = async (request: FastifyRequest) => {
    const caller = await authenticator.authenticate(request);
    if (caller === undefined) {
      throw new AppError(PlatformErrors.UNAUTHORIZED, 'Credencial da API interna ausente ou inválida.');
    }
    callers.set(request, caller);
  };
  const brandOf = (request: FastifyRequest): string => {
    const caller = callers.get(request);
    if (caller === undefined) throw new Error('internal authentication did not run');
    return caller.brandId;
  };

  app.setValidatorCompiler(consentsValidatorCompiler);

  app.post(
    `${INTERNAL_CONSENTS_PATH}/search`,
    { schema: SearchConsents, onRequest: authenticate },
    async (request) => {
      const { customer, page = 1, pageSize = 25 } = request.body;
      const found = await management.listForCustomer(brandOf(request), customer, { page, pageSize });
      return {
        data: found.items.map(present),
        meta: { totalRecords: found.totalRecords, totalPages: found.totalPages },
      };
    },
  );

  app.get(
    `${INTERNAL_CONSENTS_PATH}/:consentId`,
    { schema: GetManagedConsent, onRequest: authenticate },
    async (request) => ({ data: present(await management.get(brandOf(request), request.params.consentId)) }),
  );

  app.post(
    `${INTERNAL_CONSENTS_PATH}/:consentId/revoke`,
    { schema: RevokeManagedConsent, onRequest: authenticate },
    async (request) => {
      const revoked = await management.revoke(
        brandOf(request),
        request.params.consentId,
        request.body.customer,
      );
      return { data: present(revoked) };
    },
  );
});
