import type { CustomerRef } from '../../connectors/index.ts';
import type { ConsentRejectionCode, ConsentStatus } from '../domain/consent-status.ts';
import type { CreditorAccount, PaymentDetails } from '../domain/local-instrument.ts';
import type { Schedule } from '../domain/schedule.ts';

/** payments.yaml `CreatePaymentConsent.data`, as received (and encrypted at rest). */
export interface ConsentRequest {
  loggedUser: { document: { identification: string; rel: string } };
  businessEntity?: { document: { identification: string; rel: string } };
  creditor: { personType: 'PESSOA_NATURAL' | 'PESSOA_JURIDICA'; cpfCnpj: string; name: string };
  payment: {
    type: string;
    schedule?: Schedule;
    date?: string;
    currency: string;
    amount: string;
    ibgeTownCode?: string;
    details: PaymentDetails;
  };
  debtorAccount?: CreditorAccount;
}

/** A payment consent as the module works with it (decrypted). */
export interface PaymentConsent {
  consentId: string;
  brandId: string;
  clientId: string;
  status: ConsentStatus;
  creationDateTime: Date;
  statusUpdateDateTime: Date;
  expirationDateTime: Date;
  request: ConsentRequest;
  /** Settlement dates the consent pays on, ascending (one for an immediate payment). */
  paymentDates: string[];
  scheduled: boolean;
  paymentsCreated: number;
  /** Set when the customer authorises: who pays and from which account. */
  customer?: CustomerRef;
  debtorAccountId?: string;
  debtorAccount?: CreditorAccount;
  rejection?: { code: ConsentRejectionCode; detail: string };
}
