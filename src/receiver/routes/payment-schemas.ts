import { Type } from 'typebox';
import { ConsentView } from './schemas.ts';

/** Ponte's receiver API for payments (plain terms; the spec's shapes are built behind it). */
export const PaymentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  consent: Type.String({ format: 'uuid', description: 'The local payment consent id.' }),
  consentId: Type.String(),
  orgId: Type.String(),
  paymentId: Type.Union([Type.String(), Type.Null()]),
  endToEndId: Type.String(),
  status: Type.Union([
    Type.Literal('PENDING'),
    Type.Literal('RCVD'),
    Type.Literal('ACCP'),
    Type.Literal('ACPD'),
    Type.Literal('ACSC'),
    Type.Literal('PDNG'),
    Type.Literal('SCHD'),
    Type.Literal('RJCT'),
    Type.Literal('CANC'),
  ]),
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  checkedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PaymentConsentView = Type.Intersect([
  ConsentView,
  Type.Object({
    holderStatus: Type.String(),
    autoInitiate: Type.Boolean(),
    payment: Type.Union([PaymentView, Type.Null()]),
  }),
]);

const Digits = (min: number, max: number) =>
  Type.String({ minLength: min, maxLength: max, pattern: '^[0-9]+$' });

export const CreatePaymentConsent = {
  body: Type.Object(
    {
      document: Type.String({ minLength: 11, maxLength: 14, description: 'CPF of the payer.' }),
      businessEntity: Type.Optional(Type.String({ minLength: 14, maxLength: 18 })),
      holder: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'AuthorisationServerId or OrganisationId.',
      }),
      amount: Type.String({ minLength: 1, maxLength: 20, description: 'In reais: "7.89" or "7,89".' }),
      creditor: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 120 }),
          document: Type.String({ minLength: 11, maxLength: 18, description: 'CPF or CNPJ.' }),
          account: Type.Object(
            {
              ispb: Digits(8, 8),
              issuer: Type.Optional(Digits(1, 4)),
              number: Digits(1, 20),
              accountType: Type.Optional(
                Type.Union([Type.Literal('CACC'), Type.Literal('SVGS'), Type.Literal('TRAN')]),
              ),
            },
            { additionalProperties: false },
          ),
          pixKey: Type.Optional(Type.String({ minLength: 1, maxLength: 77 })),
          qrCode: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
        },
        { additionalProperties: false },
      ),
      date: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; today by default.' })),
      remittanceInformation: Type.Optional(Type.String({ maxLength: 140 })),
      autoInitiate: Type.Optional(Type.Boolean()),
      redirectUri: Type.Optional(Type.String({ maxLength: 1024 })),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({
      data: Type.Intersect([PaymentConsentView, Type.Object({ authorisationUrl: Type.String() })]),
    }),
  },
};

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const GetPaymentConsent = { params: Id, response: { 200: Type.Object({ data: PaymentConsentView }) } };
export const InitiatePayment = {
  params: Id,
  response: { 200: Type.Object({ data: PaymentView }), 201: Type.Object({ data: PaymentView }) },
};
export const GetPayment = { params: Id, response: { 200: Type.Object({ data: PaymentView }) } };

/** webhook.yaml 1.2.0 path parameters (payments.yaml ConsentId / PaymentId patterns bound the length). */
export const WebhookParams = {
  payment: Type.Object({ paymentId: Type.String({ minLength: 1, maxLength: 100 }) }),
  consent: Type.Object({ consentId: Type.String({ minLength: 1, maxLength: 256 }) }),
};
