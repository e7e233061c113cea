import type { CustomerRef } from '../../connectors/index.ts';
import type { CreditorAccount, LocalInstrument } from '../domain/local-instrument.ts';
import type { PaymentRejectionCode, PaymentStatus } from '../domain/payment-status.ts';

/** One item of payments.yaml `CreatePixPayment.data`, as received. */
export interface PaymentRequestItem {
  endToEndId: string;
  localInstrument: LocalInstrument;
  payment: { amount: string; currency: string };
  creditorAccount: CreditorAccount;
  remittanceInformation?: string;
  qrCode?: string;
  proxy?: string;
  cnpjInitiator: string;
  transactionIdentification?: string;
  ibgeTownCode?: string;
  authorisationFlow?: 'HYBRID_FLOW' | 'CIBA_FLOW' | 'FIDO_FLOW';
  consentId?: string;
}

/** What of the request is stored encrypted with the payment. */
export interface PaymentDetailsRecord {
  creditorAccount: CreditorAccount;
  proxy?: string;
  qrCode?: string;
  remittanceInformation?: string;
  transactionIdentification?: string;
  ibgeTownCode?: string;
  cnpjInitiator: string;
  authorisationFlow?: 'HYBRID_FLOW' | 'CIBA_FLOW' | 'FIDO_FLOW';
}

export interface Cancellation {
  reason: 'CANCELADO_PENDENCIA' | 'CANCELADO_AGENDAMENTO';
  cancelledFrom: 'INICIADORA' | 'DETENTORA';
  cancelledAt: string;
  cancelledBy: { document: { identification: string; rel: string } };
}

export interface PixPayment {
  paymentId: string;
  brandId: string;
  clientId: string;
  consentId: string;
  endToEndId: string;
  status: PaymentStatus;
  creationDateTime: Date;
  statusUpdateDateTime: Date;
  localInstrument: LocalInstrument;
  amount: string;
  currency: string;
  /** Settlement date of a scheduled occurrence; null for an immediate payment. */
  scheduledDate: string | null;
  details: PaymentDetailsRecord;
  debtorAccount: CreditorAccount;
  customer: CustomerRef;
  debtorAccountId: string;
  payerRef: Buffer;
  creditorRef: Buffer;
  rejection?: { code: PaymentRejectionCode; detail: string };
  cancellation?: Cancellation;
  riskScore?: number;
}
