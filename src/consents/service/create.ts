import { newConsentId, type ConsentBrand } from '../domain/brand.ts';
import { checkCreationExpiry, parseSpecDateTime } from '../domain/expiration-policy.ts';
import type { Consent, ConsentDocument } from '../domain/model.ts';
import { grantablePermissions } from '../domain/permission-policy.ts';
import type { ConsentContext } from './context.ts';

/** consents.yaml CreateConsent.data, as the route received it. */
export interface CreateConsentInput {
  loggedUser: { document: ConsentDocument };
  businessEntity?: { document: ConsentDocument } | undefined;
  permissions: readonly string[];
  /** RFC 3339 UTC; omitted for an indefinite consent. */
  expirationDateTime?: string | undefined;
  isLinked?: boolean | undefined;
}

/**
 * POST /consents: validates the request against the brand's policy and stores the consent as
 * AWAITING_AUTHORISATION (consents.yaml: "o STATUS devolvido na resposta deverá ser
 * AWAITING_AUTHORISATION"). The returned permissions are the subset the brand grants.
 *
 * CPF/CNPJ check digits are not verified: the spec allows it ("A transmissora pode utilizar
 * algoritmos de validação") but does not require it, and the customer's identity is checked
 * against the logged-in customer at authorisation.
 */
export async function createConsent(
  ctx: ConsentContext,
  brand: ConsentBrand,
  clientId: string,
  input: CreateConsentInput,
): Promise<Consent> {
  const now = ctx.clock.now();
  const permissions = grantablePermissions(
    { permissions: input.permissions, hasBusinessEntity: input.businessEntity !== undefined },
    brand.supportedProducts,
  );
  const expiration =
    input.expirationDateTime === undefined
      ? undefined
      : parseSpecDateTime(input.expirationDateTime, 'data.expirationDateTime');
  checkCreationExpiry(expiration, now);
  // The wire carries whole seconds (maxLength 20, no fraction): store what we will answer.
  const created = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const consent: Consent = {
    brandId: brand.id,
    consentId: newConsentId(brand, ctx.randomId),
    clientId,
    status: 'AWAITING_AUTHORISATION',
    permissions,
    creationDateTime: created,
    statusUpdateDateTime: created,
    expirationDateTime: expiration ?? null,
    loggedUser: { document: { ...input.loggedUser.document } },
    businessEntity: input.businessEntity ? { document: { ...input.businessEntity.document } } : null,
    rejection: null,
    isLinked: input.isLinked ?? null,
    customer: null,
  };
  await ctx.consents.insert(ctx.db, consent);
  return consent;
}
