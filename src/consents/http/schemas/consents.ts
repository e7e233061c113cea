import { Type } from 'typebox';
import {
  BusinessEntity,
  ConsentIdParams,
  ConsentRequestHeaders,
  ConsentStatusSchema,
  ErrorResponses,
  LinksSelf,
  LoggedUser,
  Meta,
  PermissionSchema,
  RejectionSchema,
  RequestDateTime,
  ResponseDateTime,
} from './common.ts';

// One schema per endpoint, request and response (consents.yaml 3.3.1 paths /consents and
// /consents/{consentId}).

/** ResponseConsent.data (201), also the base of ResponseConsentRead.data. */
const ConsentData = {
  consentId: ConsentIdParams.properties.consentId,
  creationDateTime: ResponseDateTime,
  status: ConsentStatusSchema,
  statusUpdateDateTime: ResponseDateTime,
  permissions: Type.Array(PermissionSchema, { minItems: 1 }),
  expirationDateTime: Type.Optional(ResponseDateTime),
};

/** POST /consents (CreateConsent → 201 ResponseConsent). */
export const PostConsent = {
  headers: ConsentRequestHeaders,
  body: Type.Object({
    data: Type.Object({
      loggedUser: LoggedUser,
      businessEntity: Type.Optional(BusinessEntity),
      permissions: Type.Array(PermissionSchema, { minItems: 1 }),
      expirationDateTime: Type.Optional(RequestDateTime),
      isLinked: Type.Optional(Type.Boolean()),
    }),
  }),
  response: {
    201: Type.Object({ data: Type.Object(ConsentData), links: LinksSelf, meta: Meta }),
    ...ErrorResponses,
  },
};

/** GET /consents/{consentId} (200 ResponseConsentRead). */
export const GetConsent = {
  headers: ConsentRequestHeaders,
  params: ConsentIdParams,
  response: {
    200: Type.Object({
      data: Type.Object({
        ...ConsentData,
        rejection: Type.Optional(RejectionSchema),
        journey: Type.Optional(Type.Object({ isLinked: Type.Optional(Type.Boolean()) })),
      }),
      links: LinksSelf,
      meta: Meta,
    }),
    ...ErrorResponses,
  },
};

/** DELETE /consents/{consentId} (204; 422 ResponseErrorUnprocessableEntityDelete). */
export const DeleteConsent = {
  headers: ConsentRequestHeaders,
  params: ConsentIdParams,
  response: { 204: Type.Null(), ...ErrorResponses },
};
