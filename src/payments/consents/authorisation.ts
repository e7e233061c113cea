import type { CustomerRef, ResourceType } from '../../connectors/index.ts';
import type { Transaction } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { PaymentsContext } from '../context.ts';
import { CONSUMPTION_WINDOW_MS, dueExpiry, type ConsentRejectionCode } from '../domain/consent-status.ts';
import { sameAccount, type CreditorAccount } from '../domain/local-instrument.ts';
import { PaymentErrors } from '../errors.ts';
import { renderAuthorisationPage, type AuthorisationPageInput } from './authorisation-page.ts';
import type { PaymentConsent } from './model.ts';
import { consentRejection, currentConsent, moveConsent } from './transitions.ts';

/** A payment consent as authz's pages and token endpoint see it (authz `AuthzConsentView`). */
export interface PaymentConsentView {
  consentId: string;
  clientId: string;
  /** Only what authz tells apart: awaiting, active, or neither. */
  status: 'AWAITING_AUTHORISATION' | 'AUTHORISED' | 'REJECTED';
  permissions: readonly string[];
  /** The latest the consent could still be used (awaiting: + the 60 consumption minutes). */
  expirationDateTime: Date;
  loggedUser: { document: { identification: string; rel: string } };
  businessEntity: { document: { identification: string; rel: string } } | null;
  /** The customer picks the paying account among their accounts. */
  products: readonly string[];
  /** The consent step's page: amount, creditor, date, and the paying account. */
  renderAuthorisationPage: (input: AuthorisationPageInput) => string;
}

/** The authorisation seam for payment consents (the shape of authz's `AuthzConsents`). */
export interface PaymentConsentAuthorization {
  /** Whether this brand has a payment consent with this id (the consent-kind registry asks). */
  owns(brandId: string, consentId: string): Promise<boolean>;
  findForAuthorization(
    brandId: string,
    consentId: string,
    clientId: string,
  ): Promise<PaymentConsentView | undefined>;
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
    input: { rejectedBy: string; reason: string },
  ): Promise<void>;
  isActive(brandId: string, consentId: string, clientId: string): Promise<boolean>;
}

function notAuthorisable(message: string): AppError {
  return new AppError(PaymentErrors.PAYMENT_CONSENT_NOT_AUTHORISABLE, message);
}

function viewOf(consent: PaymentConsent): PaymentConsentView {
  const status =
    consent.status === 'AWAITING_AUTHORISATION' || consent.status === 'AUTHORISED'
      ? consent.status
      : 'REJECTED';
  const horizon =
    consent.status === 'AWAITING_AUTHORISATION'
      ? consent.expirationDateTime.getTime() + CONSUMPTION_WINDOW_MS
      : consent.expirationDateTime.getTime();
  return {
    consentId: consent.consentId,
    clientId: consent.clientId,
    status,
    permissions: [],
    expirationDateTime: new Date(horizon),
    loggedUser: consent.request.loggedUser,
    businessEntity: consent.request.businessEntity ?? null,
    products: ['accounts'],
    renderAuthorisationPage: (input) => renderAuthorisationPage(consent, input),
  };
}

export function createConsentAuthorization(ctx: PaymentsContext): PaymentConsentAuthorization {
  /** Ends the consent in a transaction of its own (committed even though authz's rolls back). */
  async function rejectNow(consent: PaymentConsent, code: ConsentRejectionCode): Promise<never> {
    await ctx.db.transaction((tx) =>
      moveConsent(tx, ctx, consent, 'REJECTED', { at: ctx.clock.now(), rejection: consentRejection(code) }),
    );
    throw notAuthorisable(`consent rejected at authorisation: ${code}`);
  }

  return {
    async owns(brandId, consentId) {
      return (await ctx.consents.find(ctx.db, brandId, consentId)) !== undefined;
    },

    async findForAuthorization(brandId, consentId, clientId) {
      const consent = await currentConsent(ctx, brandId, consentId);
      return consent === undefined || consent.clientId !== clientId ? undefined : viewOf(consent);
    },

    /**
     * The customer confirmed on the page with one paying account. The account must be the
     * customer's and allow payments (else REJECTED CONTA_NAO_PERMITE_PAGAMENTO), differ from the
     * creditor's (else CONTAS_ORIGEM_DESTINO_IGUAIS), and be the one the initiator indicated, if
     * any. Authorised: the consent must be consumed within 60 minutes (payments.yaml
     * `expirationDateTime`).
     */
    async authorise(tx, brandId, consentId, input) {
      const consent = await currentConsent(ctx, brandId, consentId);
      if (consent?.status !== 'AWAITING_AUTHORISATION')
        throw notAuthorisable('the consent is not awaiting authorisation');
      const accounts = input.resources.filter((r) => r.type === 'ACCOUNT');
      if (accounts.length !== 1 || input.resources.length !== 1)
        throw notAuthorisable('choose exactly one account');
      const debtor = await ctx.pix.getDebtorAccount(brandId, input.customer, accounts[0]!.id);
      const account: CreditorAccount = {
        ispb: debtor.ispb,
        ...(debtor.issuer === undefined ? {} : { issuer: debtor.issuer }),
        number: debtor.number,
        accountType: debtor.accountType,
      };
      if (!debtor.allowsPayments) return rejectNow(consent, 'CONTA_NAO_PERMITE_PAGAMENTO');
      if (sameAccount(account, consent.request.payment.details.creditorAccount)) {
        return rejectNow(consent, 'CONTAS_ORIGEM_DESTINO_IGUAIS');
      }
      const indicated = consent.request.debtorAccount;
      if (indicated !== undefined && !sameAccount(account, indicated)) {
        throw notAuthorisable('the account chosen is not the one the initiator indicated');
      }
      const now = ctx.clock.now();
      const at = new Date(Math.floor(now.getTime() / 1000) * 1000);
      const moved = await moveConsent(tx, ctx, consent, 'AUTHORISED', {
        at,
        expirationDateTime: new Date(at.getTime() + CONSUMPTION_WINDOW_MS),
        authorisation: {
          customerId: input.customer.customerId,
          personType: input.customer.personType,
          debtorAccountId: debtor.accountId,
          debtorAccount: account,
        },
      });
      if (moved === undefined) throw notAuthorisable('the consent changed while being authorised');
    },

    async reject(tx, brandId, consentId) {
      const consent = await ctx.consents.find(tx, brandId, consentId);
      if (consent?.status !== 'AWAITING_AUTHORISATION' && consent?.status !== 'PARTIALLY_ACCEPTED') return;
      await moveConsent(tx, ctx, consent, 'REJECTED', {
        at: ctx.clock.now(),
        rejection: consentRejection('REJEITADO_USUARIO'),
      });
    },

    async isActive(brandId, consentId, clientId) {
      const consent = await ctx.consents.find(ctx.db, brandId, consentId);
      return (
        consent !== undefined &&
        consent.clientId === clientId &&
        consent.status === 'AUTHORISED' &&
        dueExpiry(consent, ctx.clock.now()) === undefined
      );
    },
  };
}
