import type { ConsentBrand } from '../domain/brand.ts';
import type { Consent, ConsentExtension, Page, PageRequest } from '../domain/model.ts';
import { createConsentAuthorization, type ConsentAuthorization } from './authorization.ts';
import { createContext, type ConsentServiceDeps } from './context.ts';
import { createConsent, type CreateConsentInput } from './create.ts';
import { extendConsent, type ExtendConsentInput } from './extend.ts';
import { expireDueConsents } from './expiry-sweep.ts';
import { createConsentManagement, type ClientDirectory, type ConsentManagement } from './management.ts';
import { getConsent, listExtensions, revokeByReceiver } from './receiver.ts';

/** The Open Finance consents API's use cases, as the routes call them (one receiver = one clientId). */
export interface ConsentService {
  create(brand: ConsentBrand, clientId: string, input: CreateConsentInput): Promise<Consent>;
  get(brandId: string, consentId: string, clientId: string): Promise<Consent>;
  revoke(brandId: string, consentId: string, clientId: string): Promise<void>;
  extend(brandId: string, consentId: string, clientId: string, input: ExtendConsentInput): Promise<Consent>;
  extensions(
    brandId: string,
    consentId: string,
    clientId: string,
    page: PageRequest,
  ): Promise<Page<ConsentExtension>>;
  /** Ends up to `limit` consents whose time ran out; the expiry sweep job calls it. */
  expireDue(limit: number): Promise<number>;
}

export interface ConsentModule {
  service: ConsentService;
  /** The seam authz consumes (docs/trust-core-plan.md "Consent service"). */
  authorization: ConsentAuthorization;
  /** The internal management API's use cases. */
  management: ConsentManagement;
}

/**
 * Builds the module's services over one database, clock and document cipher.
 *
 * @example
 *   const consents = createConsentModule({ db, clock: systemClock, documents: cipher }, { clients });
 *   await app.register(consentRoutes, { service: consents.service, verifier, brands: singleBrand(brand), clock });
 */
export function createConsentModule(
  deps: ConsentServiceDeps,
  more: { clients: ClientDirectory },
): ConsentModule {
  const ctx = createContext(deps);
  const service: ConsentService = {
    create: (brand, clientId, input) => createConsent(ctx, brand, clientId, input),
    get: (brandId, consentId, clientId) => getConsent(ctx, { brandId, consentId }, clientId),
    revoke: (brandId, consentId, clientId) => revokeByReceiver(ctx, { brandId, consentId }, clientId),
    extend: (brandId, consentId, clientId, input) =>
      extendConsent(ctx, { brandId, consentId }, clientId, input),
    extensions: (brandId, consentId, clientId, page) =>
      listExtensions(ctx, { brandId, consentId }, clientId, page),
    expireDue: (limit) => expireDueConsents(ctx, limit),
  };
  return {
    service,
    authorization: createConsentAuthorization(ctx),
    management: createConsentManagement(ctx, more.clients),
  };
}
