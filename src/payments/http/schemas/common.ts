import { Type } from 'typebox';
import { FapiRequestHeaders } from '../../../platform/http/index.ts';
import { END_TO_END_ID_PATTERN } from '../../domain/end-to-end-id.ts';

// Building blocks of payments.yaml 4.0.0 (components.schemas), written from the spec.

export const DATE_PATTERN = '^(\\d{4})-(1[0-2]|0?[1-9])-(3[01]|[12][0-9]|0?[1-9])$';
export const DATE_TIME_PATTERN =
  '^(\\d{4})-(1[0-2]|0?[1-9])-(3[01]|[12][0-9]|0?[1-9])T(?:[01]\\d|2[0123]):(?:[012345]\\d):(?:[012345]\\d)Z$';
export const CONSENT_ID_PATTERN = "^urn:[a-zA-Z0-9][a-zA-Z0-9\\-]{0,31}:[a-zA-Z0-9()+,\\-.:=@;$_!*'%\\/?#]+$";
export const PAYMENT_ID_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9\\-]{0,99}$';

export const Amount = Type.String({ minLength: 4, maxLength: 19, pattern: '^((\\d{1,16}\\.\\d{2}))$' });
export const Currency = Type.String({ maxLength: 3, pattern: '^([A-Z]{3})$' });
export const IsoDate = Type.String({ maxLength: 10, pattern: DATE_PATTERN });
export const DateTime = Type.String({ maxLength: 20, pattern: DATE_TIME_PATTERN });
export const EndToEndId = Type.String({ minLength: 32, maxLength: 32, pattern: END_TO_END_ID_PATTERN });
export const LocalInstrument = Type.Union(
  ['MANU', 'DICT', 'QRDN', 'QRES', 'INIC'].map((v) => Type.Literal(v)),
);
export const AccountType = Type.Union(['CACC', 'SVGS', 'TRAN'].map((v) => Type.Literal(v)));
export const Proxy = Type.String({ maxLength: 77 });
export const QrCode = Type.String({ maxLength: 512 });
export const IbgeTownCode = Type.String({ minLength: 7, maxLength: 7, pattern: '^\\d{7}$' });

/** `CreditorAccount` / `DebtorAccount`. */
export const Account = Type.Object({
  ispb: Type.String({ minLength: 8, maxLength: 8, pattern: '^[0-9]{8}$' }),
  issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 4, pattern: '^[0-9]{1,4}$' })),
  number: Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9]{1,20}$' }),
  accountType: AccountType,
});

export const LoggedUser = Type.Object({
  document: Type.Object({
    identification: Type.String({ maxLength: 11, pattern: '^\\d{11}$' }),
    rel: Type.String({ maxLength: 3, pattern: '^[A-Z]{3}$' }),
  }),
});

export const BusinessEntity = Type.Object({
  document: Type.Object({
    identification: Type.String({ maxLength: 14, pattern: '^\\d{14}$' }),
    rel: Type.String({ maxLength: 4, pattern: '^[A-Z]{4}$' }),
  }),
});

/** `Identification` (the creditor). */
export const Creditor = Type.Object({
  personType: Type.Union([Type.Literal('PESSOA_NATURAL'), Type.Literal('PESSOA_JURIDICA')]),
  cpfCnpj: Type.String({ minLength: 11, maxLength: 14, pattern: '^\\d{11}$|^\\d{14}$' }),
  name: Type.String({ maxLength: 120, pattern: "^([A-Za-zÀ-ÖØ-öø-ÿ,.@:&*+_<>()!?/\\\\$%\\d' -]+)$" }),
});

/** Headers of POST and PATCH (`XIdempotencyKey` is required there). */
export const SignedRequestHeaders = Type.Object({
  ...FapiRequestHeaders.properties,
  'x-idempotency-key': Type.String({ minLength: 1, maxLength: 40, pattern: '^(?!\\s)(.*)(\\S)$' }),
});

export const ConsentIdParams = Type.Object({
  consentId: Type.String({ minLength: 1, maxLength: 256, pattern: CONSENT_ID_PATTERN }),
});
export const PaymentIdParams = Type.Object({
  paymentId: Type.String({ maxLength: 100, pattern: PAYMENT_ID_PATTERN }),
});

/** `Meta` and `LinkSingle` of every response. */
export const Meta = Type.Object({ requestDateTime: Type.String({ maxLength: 20, format: 'date-time' }) });
export const Links = Type.Object({ self: Type.String({ maxLength: 2000 }) });
