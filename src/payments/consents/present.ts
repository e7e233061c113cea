import { formatRequestDateTime } from '../../platform/http/index.ts';
import { PAYMENTS_PATH, type BrandRuntime } from '../brand.ts';
import type { PaymentConsent } from './model.ts';

export function consentUrl(brand: BrandRuntime, consentId: string): string {
  return `${brand.apiBaseUrl}${PAYMENTS_PATH}/consents/${consentId}`;
}

/**
 * payments.yaml `ResponsePaymentConsent.data` (`ResponseCreatePaymentConsent.data` without
 * `rejectionReason`). `debtorAccount` is the one the customer chose (mandatory once AUTHORISED or
 * CONSUMED, ConsentsDebtorAccount), else the one the initiator indicated.
 */
export function consentData(consent: PaymentConsent, options: { withRejection: boolean }) {
  const { request } = consent;
  const debtorAccount = consent.debtorAccount ?? request.debtorAccount;
  return {
    consentId: consent.consentId,
    creationDateTime: formatRequestDateTime(consent.creationDateTime),
    expirationDateTime: formatRequestDateTime(consent.expirationDateTime),
    statusUpdateDateTime: formatRequestDateTime(consent.statusUpdateDateTime),
    status: consent.status,
    loggedUser: request.loggedUser,
    ...(request.businessEntity === undefined ? {} : { businessEntity: request.businessEntity }),
    creditor: request.creditor,
    payment: request.payment,
    ...(debtorAccount === undefined ? {} : { debtorAccount }),
    ...(options.withRejection && consent.rejection !== undefined
      ? { rejectionReason: consent.rejection }
      : {}),
  };
}
