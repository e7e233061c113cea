import type { CustomerRef, PersonType, ResourceType } from '../../connectors/index.ts';
import type { Transaction } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { ConsentErrors } from '../errors.ts';
import type { ConsentDocument, ConsentResource } from '../domain/model.ts';
import { productOf, type Permission, type Product } from '../domain/permissions.ts';
import {
  AUTHORISATION_TIMEOUT_MS,
  type ConsentStatus,
  type RejectedBy,
  type RejectionReasonCode,
} from '../domain/status-policy.ts';
import { notFound, type ConsentContext } from './context.ts';
import { alreadyRejected } from './receiver.ts';
import { authoriseConsent, currentConsent, endConsent, lockedConsent } from './transitions.ts';

/** The consent as the authorisation page and the authorization server need it. */
export interface ConsentView {
  consentId: string;
  clientId: string;
  status: ConsentStatus;
  permissions: Permission[];
  creationDateTime: Date;
  expirationDateTime: Date | null;
  /** Until when the customer can still authorise (creation + 60 minutes). */
  authorisationDeadline: Date;
  personType: PersonType;
  loggedUser: { document: ConsentDocument };
  businessEntity: { document: ConsentDocument } | null;
  /** Products the customer can pick resources of (from the permissions). */
  products: Product[];
}

/**
 * The consent service of the trust-core seam (docs/trust-core-plan.md): consents provides it,
 * authz consumes it at the authorisation page, at token issue and at refresh.
 */
export interface ConsentAuthorization {
  /** The consent as the authorisation page needs it; undefined if unknown to this brand/client. */
  findForAuthorization(
    brandId: string,
    consentId: string,
    clientId: string,
  ): Promise<ConsentView | undefined>;
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
    input: { rejectedBy: RejectedBy; reason: RejectionReasonCode; additionalInformation?: string },
  ): Promise<void>;
  /** Active = AUTHORISED and not expired; used at token issue and refresh. */
  isActive(brandId: string, consentId: string, clientId: string): Promise<boolean>;
}

/** resources 3.1.0 `type` → the data API whose permission lets the consent link it. */
const RESOURCE_PRODUCT: Readonly<Record<ResourceType, Product>> = {
  ACCOUNT: 'accounts',
  CREDIT_CARD_ACCOUNT: 'credit-cards-accounts',
  LOAN: 'loans',
  FINANCING: 'financings',
  UNARRANGED_ACCOUNT_OVERDRAFT: 'unarranged-accounts-overdraft',
  INVOICE_FINANCING: 'invoice-financings',
  BANK_FIXED_INCOME: 'bank-fixed-incomes',
  CREDIT_FIXED_INCOME: 'credit-fixed-incomes',
  VARIABLE_INCOME: 'variable-incomes',
  TREASURE_TITLE: 'treasure-titles',
  FUND: 'funds',
  EXCHANGE: 'exchanges',
};

function productsOf(permissions: readonly Permission[]): Product[] {
  const products = new Set(permissions.map(productOf).filter((p): p is Product => p !== 'resources'));
  return [...products];
}

export function createConsentAuthorization(ctx: ConsentContext): ConsentAuthorization {
  return {
    async findForAuthorization(brandId, consentId, clientId) {
      const consent = await currentConsent(ctx, { brandId, consentId });
      if (consent === undefined || consent.clientId !== clientId) return undefined;
      return {
        consentId: consent.consentId,
        clientId: consent.clientId,
        status: consent.status,
        permissions: consent.permissions,
        creationDateTime: consent.creationDateTime,
        expirationDateTime: consent.expirationDateTime,
        authorisationDeadline: new Date(consent.creationDateTime.getTime() + AUTHORISATION_TIMEOUT_MS),
        personType: consent.businessEntity === null ? 'PESSOA_NATURAL' : 'PESSOA_JURIDICA',
        loggedUser: consent.loggedUser,
        businessEntity: consent.businessEntity,
        products: productsOf(consent.permissions),
      };
    },

    async authorise(tx, brandId, consentId, input) {
      const consent = await lockedConsent(tx, ctx, { brandId, consentId });
      if (consent === undefined) throw notFound();
      const allowed = new Set(productsOf(consent.permissions));
      const resources: ConsentResource[] = input.resources.map((r) => {
        if (!allowed.has(RESOURCE_PRODUCT[r.type])) {
          throw new AppError(
            ConsentErrors.CONSENT_RESOURCE_NOT_PERMITTED,
            `O consentimento não dá acesso a recursos do tipo ${r.type}.`,
          );
        }
        return { type: r.type, resourceId: r.id, status: 'AVAILABLE' };
      });
      await authoriseConsent(tx, ctx, consent, { customer: input.customer, resources, at: ctx.clock.now() });
    },

    async reject(tx, brandId, consentId, input) {
      const consent = await lockedConsent(tx, ctx, { brandId, consentId });
      if (consent === undefined) throw notFound();
      if (consent.status === 'REJECTED') throw alreadyRejected(consentId);
      await endConsent(tx, ctx, consent, {
        rejectedBy: input.rejectedBy,
        reason: input.reason,
        at: ctx.clock.now(),
        ...(input.additionalInformation === undefined
          ? {}
          : { additionalInformation: input.additionalInformation }),
      });
    },

    async isActive(brandId, consentId, clientId) {
      const consent = await currentConsent(ctx, { brandId, consentId });
      return consent !== undefined && consent.clientId === clientId && consent.status === 'AUTHORISED';
    },
  };
}
