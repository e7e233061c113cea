import type { CustomerRef, ResourceType } from '../../connectors/index.ts';
import type { Transaction } from '../../platform/db/index.ts';

/**
 * The consent service authz consumes (its `AuthzConsents`), written out here so that payments
 * does not depend on authz: the registry below satisfies it structurally.
 */
export interface ConsentAuthorizationPort<View> {
  findForAuthorization(brandId: string, consentId: string, clientId: string): Promise<View | undefined>;
  authorise(
    tx: Transaction,
    brandId: string,
    consentId: string,
    input: { customer: CustomerRef; resources: ReadonlyArray<{ type: ResourceType; id: string }> },
  ): Promise<void>;
  reject(
    tx: Transaction,
    brandId: string,
    consentId: string,
    input: { rejectedBy: 'USER' | 'ASPSP' | 'TPP'; reason: 'CUSTOMER_MANUALLY_REJECTED' },
  ): Promise<void>;
  isActive(brandId: string, consentId: string, clientId: string): Promise<boolean>;
}

/** One kind of consent the authorization server can authorise, and how to recognise its ids. */
export interface ConsentKind<View> {
  name: string;
  owns(brandId: string, consentId: string): Promise<boolean>;
  consents: ConsentAuthorizationPort<View>;
}

/**
 * The consent-kind registry: one `AuthzConsents` for the authorization server that routes each
 * consent to the module that owns it. Kinds are asked in order (`owns`); a consent no kind claims
 * goes to `fallback` (data-sharing consents, src/consents). Each kind brings its own page through
 * its view (`renderAuthorisationPage`, payment consents).
 *
 * @example
 *   const consents = createConsentKindRegistry<AuthzConsentView>({
 *     kinds: [{ name: 'payments', owns: (b, c) => payments.authorization.owns(b, c), consents: payments.authorization }],
 *     fallback: dataConsents.authorization,
 *   });
 *   createAuthorizationServer({ ..., consents });
 */
export function createConsentKindRegistry<View>(input: {
  kinds: ReadonlyArray<ConsentKind<View>>;
  fallback: ConsentAuthorizationPort<View>;
}): ConsentAuthorizationPort<View> & { kindOf(brandId: string, consentId: string): Promise<string> } {
  async function route(
    brandId: string,
    consentId: string,
  ): Promise<{ name: string; consents: ConsentAuthorizationPort<View> }> {
    for (const kind of input.kinds) {
      if (await kind.owns(brandId, consentId)) return kind;
    }
    return { name: 'data', consents: input.fallback };
  }
  return {
    async kindOf(brandId, consentId) {
      return (await route(brandId, consentId)).name;
    },
    async findForAuthorization(brandId, consentId, clientId) {
      return (await route(brandId, consentId)).consents.findForAuthorization(brandId, consentId, clientId);
    },
    async authorise(tx, brandId, consentId, authorisation) {
      return (await route(brandId, consentId)).consents.authorise(tx, brandId, consentId, authorisation);
    },
    async reject(tx, brandId, consentId, rejection) {
      return (await route(brandId, consentId)).consents.reject(tx, brandId, consentId, rejection);
    },
    async isActive(brandId, consentId, clientId) {
      return (await route(brandId, consentId)).consents.isActive(brandId, consentId, clientId);
    },
  };
}
