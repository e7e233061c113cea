import { Type } from 'typebox';
import {
  Account,
  Amount,
  CONSENT_ID_PATTERN,
  Currency,
  DateTime,
  EndToEndId,
  IbgeTownCode,
  Links,
  LocalInstrument,
  Meta,
  PAYMENT_ID_PATTERN,
  Proxy,
  QrCode,
} from './common.ts';

const AuthorisationFlow = Type.Union([
  Type.Literal('HYBRID_FLOW'),
  Type.Literal('CIBA_FLOW'),
  Type.Literal('FIDO_FLOW'),
]);
const Cnpj = Type.String({ maxLength: 14, pattern: '^\\d{14}$' });
const CpfDocument = Type.Object({
  identification: Type.String({ maxLength: 11, pattern: '^\\d{11}$' }),
  rel: Type.String({ maxLength: 3, pattern: '^[A-Z]{3}$' }),
});

/** One item of `CreatePixPayment.data` (the `data` claim is an array, minItems 1). */
export const CreatePixPaymentItem = Type.Object({
  endToEndId: EndToEndId,
  localInstrument: LocalInstrument,
  payment: Type.Object({ amount: Amount, currency: Currency }),
  creditorAccount: Account,
  remittanceInformation: Type.Optional(Type.String({ maxLength: 140 })),
  qrCode: Type.Optional(QrCode),
  proxy: Type.Optional(Proxy),
  cnpjInitiator: Cnpj,
  transactionIdentification: Type.Optional(Type.String({ maxLength: 35, pattern: '^[a-zA-Z0-9]{1,35}$' })),
  ibgeTownCode: Type.Optional(IbgeTownCode),
  authorisationFlow: Type.Optional(AuthorisationFlow),
  consentId: Type.Optional(Type.String({ maxLength: 256, pattern: CONSENT_ID_PATTERN })),
});
// The spec sets no maxItems; 60 (the most occurrences a consent can have) bounds the work.
export const CreatePixPaymentData = Type.Array(CreatePixPaymentItem, { minItems: 1, maxItems: 60 });

/** `PatchPixPayment.data`. */
export const PatchPixPaymentData = Type.Object({
  status: Type.Literal('CANC'),
  cancellation: Type.Object({ cancelledBy: Type.Object({ document: CpfDocument }) }),
});

const Cancellation = Type.Object({
  reason: Type.Union(
    ['CANCELADO_PENDENCIA', 'CANCELADO_AGENDAMENTO', 'CANCELADO_MULTIPLAS_ALCADAS'].map((r) =>
      Type.Literal(r),
    ),
  ),
  cancelledFrom: Type.Union([Type.Literal('INICIADORA'), Type.Literal('DETENTORA')]),
  cancelledAt: DateTime,
  cancelledBy: Type.Object({ document: CpfDocument }),
});

/** `ResponsePixPaymentData`. */
export const PixPaymentData = Type.Object({
  paymentId: Type.String({ minLength: 1, maxLength: 100, pattern: PAYMENT_ID_PATTERN }),
  endToEndId: EndToEndId,
  consentId: Type.String({ maxLength: 256, pattern: CONSENT_ID_PATTERN }),
  creationDateTime: DateTime,
  statusUpdateDateTime: DateTime,
  proxy: Type.Optional(Proxy),
  ibgeTownCode: Type.Optional(IbgeTownCode),
  status: Type.Union(
    ['RCVD', 'CANC', 'ACCP', 'ACPD', 'RJCT', 'ACSC', 'PDNG', 'SCHD'].map((s) => Type.Literal(s)),
  ),
  rejectionReason: Type.Optional(
    Type.Object({ code: Type.String(), detail: Type.String({ maxLength: 2048 }) }),
  ),
  localInstrument: LocalInstrument,
  cnpjInitiator: Cnpj,
  payment: Type.Object({ amount: Amount, currency: Currency }),
  transactionIdentification: Type.Optional(Type.String({ maxLength: 35 })),
  remittanceInformation: Type.Optional(Type.String({ maxLength: 140 })),
  creditorAccount: Account,
  cancellation: Type.Optional(Cancellation),
  debtorAccount: Account,
  authorisationFlow: Type.Optional(AuthorisationFlow),
});

export const ResponsePixPayment = Type.Object({ data: PixPaymentData, links: Links, meta: Meta });
export const ResponseCreatePixPayment = Type.Object({
  data: Type.Array(PixPaymentData),
  links: Links,
  meta: Meta,
});
export const ResponsePatchPixConsent = Type.Object({
  data: Type.Array(Type.Object({ paymentId: Type.String(), statusUpdateDateTime: DateTime })),
  links: Links,
  meta: Meta,
});
