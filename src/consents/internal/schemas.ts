import { Type } from 'typebox';
import {
  ConsentIdParams,
  ConsentStatusSchema,
  ErrorResponses,
  PermissionSchema,
  RejectionSchema,
  ResponseDateTime,
} from '../http/schemas/common.ts';

// Internal consent management API (`/internal/consents/v1`): JSON for the institution's own
// channels, not Open Finance wire. Documents travel in bodies, never in URLs (access logs).

/** The customer whose consents are asked for: a CPF (personal consents) or a CNPJ (the company's). */
export const CustomerDocumentSchema = Type.Union([
  Type.Object({ type: Type.Literal('CPF'), identification: Type.String({ pattern: '^\\d{11}$' }) }),
  Type.Object({
    type: Type.Literal('CNPJ'),
    identification: Type.String({ pattern: '^[0-9A-Z]{12}[0-9]{2}$' }),
  }),
]);

export const ManagedConsentSchema = Type.Object({
  consentId: Type.String(),
  status: ConsentStatusSchema,
  /** AUTHORISED and within its term. */
  active: Type.Boolean(),
  clientId: Type.String(),
  /** The receiver's name as registered at this brand, when known. */
  clientName: Type.Optional(Type.String()),
  personType: Type.Union([Type.Literal('PESSOA_NATURAL'), Type.Literal('PESSOA_JURIDICA')]),
  permissions: Type.Array(PermissionSchema),
  creationDateTime: ResponseDateTime,
  statusUpdateDateTime: ResponseDateTime,
  expirationDateTime: Type.Optional(ResponseDateTime),
  rejection: Type.Optional(RejectionSchema),
  resources: Type.Array(
    Type.Object({ type: Type.String(), resourceId: Type.String(), status: Type.String() }),
  ),
});

/** POST /internal/consents/v1/consents/search: a customer's consents, active and past, newest first. */
export const SearchConsents = {
  body: Type.Object({
    customer: CustomerDocumentSchema,
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  }),
  response: {
    200: Type.Object({
      data: Type.Array(ManagedConsentSchema),
      meta: Type.Object({ totalRecords: Type.Integer(), totalPages: Type.Integer() }),
    }),
    ...ErrorResponses,
  },
};

/** GET /internal/consents/v1/consents/{consentId}. */
export const GetManagedConsent = {
  params: ConsentIdParams,
  response: { 200: Type.Object({ data: ManagedConsentSchema }), ...ErrorResponses },
};

/** POST /internal/consents/v1/consents/{consentId}/revoke: the customer revokes from the channel. */
export const RevokeManagedConsent = {
  params: ConsentIdParams,
  body: Type.Object({ customer: CustomerDocumentSchema }),
  response: { 200: Type.Object({ data: ManagedConsentSchema }), ...ErrorResponses },
};
