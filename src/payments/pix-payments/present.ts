import { formatRequestDateTime } from '../../platform/http/index.ts';
import { PAYMENTS_PATH, type BrandRuntime } from '../brand.ts';
import type { PixPayment } from './model.ts';

export function paymentUrl(brand: BrandRuntime, paymentId: string): string {
  return `${brand.apiBaseUrl}${PAYMENTS_PATH}/pix/payments/${paymentId}`;
}

/** payments.yaml `ResponsePixPaymentData` (and the items of `ResponseCreatePixPayment`). */
export function paymentData(p: PixPayment) {
  const d = p.details;
  return {
    paymentId: p.paymentId,
    endToEndId: p.endToEndId,
    consentId: p.consentId,
    creationDateTime: formatRequestDateTime(p.creationDateTime),
    statusUpdateDateTime: formatRequestDateTime(p.statusUpdateDateTime),
    ...(d.proxy === undefined ? {} : { proxy: d.proxy }),
    ...(d.ibgeTownCode === undefined ? {} : { ibgeTownCode: d.ibgeTownCode }),
    status: p.status,
    ...(p.rejection === undefined ? {} : { rejectionReason: p.rejection }),
    localInstrument: p.localInstrument,
    cnpjInitiator: d.cnpjInitiator,
    payment: { amount: p.amount, currency: p.currency },
    ...(d.transactionIdentification === undefined
      ? {}
      : { transactionIdentification: d.transactionIdentification }),
    ...(d.remittanceInformation === undefined ? {} : { remittanceInformation: d.remittanceInformation }),
    creditorAccount: d.creditorAccount,
    ...(p.cancellation === undefined ? {} : { cancellation: p.cancellation }),
    debtorAccount: p.debtorAccount,
    ...(d.authorisationFlow === undefined ? {} : { authorisationFlow: d.authorisationFlow }),
  };
}
