import { dueEnding } from '../domain/status-policy.ts';
import type { Consent, ConsentResource, Page, PageRequest } from '../domain/model.ts';
import { notFound, type ConsentContext } from './context.ts';
import { revokeOnRequest } from './receiver.ts';
import { currentConsent } from './transitions.ts';

/**
 * Names of receivers (OAuth clients registered at a brand), for the customer's consent list.
 * authz (DCR) provides it; `client_name` of the registration.
 */
export interface ClientDirectory {
  getClientName(brandId: string, clientId: string): Promise<string | undefined>;
}

export interface CustomerDocumentRef {
  type: 'CPF' | 'CNPJ';
  identification: string;
}

/** A consent as the institution's own channels show it to the customer. */
export interface ManagedConsent {
  consent: Consent;
  /** The receiver's name, when the directory knows it. */
  clientName: string | undefined;
  resources: ConsentResource[];
  /** AUTHORISED and within its term; AWAITING_AUTHORISATION ones are pending, not active. */
  active: boolean;
}

function belongsTo(consent: Consent, customer: CustomerDocumentRef): boolean {
  const id = customer.identification.toUpperCase();
  return customer.type === 'CNPJ'
    ? consent.businessEntity?.document.identification.toUpperCase() === id
    : consent.businessEntity === null && consent.loggedUser.document.identification === id;
}

/** Use cases of the internal consent management API (`/internal/consents/v1`). */
export function createConsentManagement(ctx: ConsentContext, clients: ClientDirectory) {
  async function managed(consent: Consent): Promise<ManagedConsent> {
    const key = { brandId: consent.brandId, consentId: consent.consentId };
    const [clientName, resources] = await Promise.all([
      clients.getClientName(consent.brandId, consent.clientId),
      ctx.consents.resources(ctx.db, key),
    ]);
    return { consent, clientName, resources, active: consent.status === 'AUTHORISED' };
  }

  return {
    /** A customer's consents (active and past), newest first; due expiries are applied on the way. */
    async listForCustomer(
      brandId: string,
      customer: CustomerDocumentRef,
      page: PageRequest,
    ): Promise<Page<ManagedConsent>> {
      const found = await ctx.consents.listByDocument(ctx.db, brandId, customer, page);
      const now = ctx.clock.now();
      const items: ManagedConsent[] = [];
      for (const listed of found.items) {
        const fresh =
          dueEnding(listed, now) === undefined
            ? listed
            : ((await currentConsent(ctx, { brandId, consentId: listed.consentId })) ?? listed);
        items.push(await managed(fresh));
      }
      return { ...found, items };
    },

    async get(brandId: string, consentId: string): Promise<ManagedConsent> {
      const consent = await currentConsent(ctx, { brandId, consentId });
      if (consent === undefined) throw notFound();
      return managed(consent);
    },

    /**
     * The customer revokes from the institution's channel: rejectedBy USER, reason
     * CUSTOMER_MANUALLY_REVOKED (or _REJECTED while awaiting). The consent must be the
     * customer's own, else it is "not found" for them.
     */
    async revoke(brandId: string, consentId: string, customer: CustomerDocumentRef): Promise<ManagedConsent> {
      const ended = await revokeOnRequest(
        ctx,
        { brandId, consentId },
        {
          rejectedBy: 'USER',
          check: (consent) => {
            if (!belongsTo(consent, customer)) throw notFound();
          },
        },
      );
      return managed(ended);
    },
  };
}

export type ConsentManagement = ReturnType<typeof createConsentManagement>;
