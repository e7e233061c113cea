import { Type } from 'typebox';
import { DATA_GROUP_NAMES } from '../consents/data-groups.ts';

/** Ponte's receiver API shapes (not an Open Finance API: plain names, camelCase, `data` envelope). */
export const ConsentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  consentId: Type.String(),
  holder: Type.Object({ orgId: Type.String(), authorisationServerId: Type.String() }),
  status: Type.Union([
    Type.Literal('AWAITING_AUTHORISATION'),
    Type.Literal('AUTHORISED'),
    Type.Literal('REJECTED'),
    Type.Literal('REVOKED'),
    Type.Literal('ACCESS_LOST'),
    Type.Literal('CONSUMED'),
  ]),
  kind: Type.Union([Type.Literal('DATA'), Type.Literal('PAYMENT')]),
  dataGroups: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  expirationDateTime: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CreateConsent = {
  body: Type.Object(
    {
      document: Type.String({
        minLength: 11,
        maxLength: 14,
        description: 'CPF of the customer (digits, or masked).',
      }),
      businessEntity: Type.Optional(Type.String({ minLength: 14, maxLength: 18 })),
      holder: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'AuthorisationServerId or OrganisationId.',
      }),
      dataGroups: Type.Array(Type.Union(DATA_GROUP_NAMES.map((g) => Type.Literal(g))), {
        minItems: 1,
        maxItems: DATA_GROUP_NAMES.length,
        uniqueItems: true,
      }),
      termMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
      redirectUri: Type.Optional(Type.String({ maxLength: 1024 })),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object({
      data: Type.Intersect([ConsentView, Type.Object({ authorisationUrl: Type.String() })]),
    }),
  },
};

export const ConsentParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const GetConsent = {
  params: ConsentParams,
  response: { 200: Type.Object({ data: ConsentView }) },
};

export const Callback = {
  querystring: Type.Object(
    {
      code: Type.Optional(Type.String({ maxLength: 2048 })),
      id_token: Type.Optional(Type.String({ maxLength: 16384 })),
      state: Type.Optional(Type.String({ maxLength: 512 })),
      error: Type.Optional(Type.String({ maxLength: 256 })),
      error_description: Type.Optional(Type.String({ maxLength: 2048 })),
      iss: Type.Optional(Type.String({ maxLength: 1024 })),
    },
    { additionalProperties: false },
  ),
};

const nullableString = () => Type.Union([Type.String(), Type.Null()]);

export const RegistrationView = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  authorisationServerId: Type.String(),
  holderName: nullableString(),
  discoveryUrl: Type.String(),
  status: Type.Union([Type.Literal('REGISTERED'), Type.Literal('FAILED'), Type.Literal('DELETED')]),
  statusReason: nullableString(),
  clientId: nullableString(),
  registrationClientUri: nullableString(),
  lastError: nullableString(),
  syncedAt: nullableString(),
  updatedAt: Type.String(),
});

export const ListRegistrations = { response: { 200: Type.Object({ data: Type.Array(RegistrationView) }) } };
/** POST: one sync; `data` as the list answers it, `meta` what the sync did. */
export const SyncRegistrations = {
  response: {
    200: Type.Object({
      data: Type.Array(RegistrationView),
      meta: Type.Object({
        registered: Type.Integer(),
        updated: Type.Integer(),
        deleted: Type.Integer(),
        failed: Type.Integer(),
        unchanged: Type.Integer(),
        syncedAt: Type.String(),
      }),
    }),
  },
};
export const DeleteRegistration = {
  params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  response: { 200: Type.Object({ data: RegistrationView }) },
};

/** Data proxy: path params are the endpoint's; the query is passed through, `all` is ours. */
export const DataRoute = {
  params: Type.Record(Type.String(), Type.String({ maxLength: 100 })),
  querystring: Type.Record(Type.String(), Type.String({ maxLength: 512 })),
};
