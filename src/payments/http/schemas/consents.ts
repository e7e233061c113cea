import { Type } from 'typebox';
import { DAYS_OF_WEEK } from '../../domain/schedule.ts';
import {
  Account,
  Amount,
  BusinessEntity,
  CONSENT_ID_PATTERN,
  Creditor,
  Currency,
  DateTime,
  IbgeTownCode,
  IsoDate,
  Links,
  LocalInstrument,
  LoggedUser,
  Meta,
  Proxy,
  QrCode,
} from './common.ts';

const Quantity = (maximum: number) => Type.Integer({ minimum: 2, maximum });

/** `Schedule` (oneOf single | daily | weekly | monthly | custom). */
export const Schedule = Type.Union([
  Type.Object({ single: Type.Object({ date: IsoDate }) }),
  Type.Object({ daily: Type.Object({ startDate: IsoDate, quantity: Quantity(60) }) }),
  Type.Object({
    weekly: Type.Object({
      dayOfWeek: Type.Union(DAYS_OF_WEEK.map((d) => Type.Literal(d))),
      startDate: IsoDate,
      quantity: Quantity(60),
    }),
  }),
  Type.Object({
    monthly: Type.Object({
      dayOfMonth: Type.Integer({ minimum: 1, maximum: 31 }),
      startDate: IsoDate,
      quantity: Quantity(24),
    }),
  }),
  Type.Object({
    custom: Type.Object({
      dates: Type.Array(IsoDate, { minItems: 2, maxItems: 60 }),
      additionalInformation: Type.String({ maxLength: 255 }),
    }),
  }),
]);

/** `Details`. */
export const Details = Type.Object({
  localInstrument: LocalInstrument,
  qrCode: Type.Optional(QrCode),
  proxy: Type.Optional(Proxy),
  creditorAccount: Account,
});

/** `CreatePaymentConsent.data` (the `data` claim of the signed request). */
export const CreatePaymentConsentData = Type.Object({
  loggedUser: LoggedUser,
  businessEntity: Type.Optional(BusinessEntity),
  creditor: Creditor,
  payment: Type.Object({
    // `type` is checked semantically (FORMA_PAGAMENTO_INVALIDA names the unsupported arrangement).
    type: Type.String({ minLength: 1, maxLength: 10 }),
    schedule: Type.Optional(Schedule),
    date: Type.Optional(IsoDate),
    currency: Currency,
    amount: Amount,
    ibgeTownCode: Type.Optional(IbgeTownCode),
    details: Details,
  }),
  debtorAccount: Type.Optional(Account),
});

const ConsentStatus = Type.Union(
  ['AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED', 'REJECTED', 'CONSUMED'].map((s) =>
    Type.Literal(s),
  ),
);

/** `ResponsePaymentConsent` (GET; `ResponseCreatePaymentConsent` has no rejectionReason). */
export const ResponsePaymentConsent = Type.Object({
  data: Type.Object({
    consentId: Type.String({ maxLength: 256, pattern: CONSENT_ID_PATTERN }),
    creationDateTime: DateTime,
    expirationDateTime: DateTime,
    statusUpdateDateTime: DateTime,
    status: ConsentStatus,
    loggedUser: LoggedUser,
    businessEntity: Type.Optional(BusinessEntity),
    creditor: Creditor,
    payment: Type.Object({
      type: Type.Literal('PIX'),
      schedule: Type.Optional(Schedule),
      date: Type.Optional(IsoDate),
      currency: Currency,
      amount: Amount,
      ibgeTownCode: Type.Optional(IbgeTownCode),
      details: Details,
    }),
    debtorAccount: Type.Optional(Account),
    rejectionReason: Type.Optional(
      Type.Object({ code: Type.String(), detail: Type.String({ maxLength: 2048 }) }),
    ),
  }),
  links: Links,
  meta: Meta,
});
