import { Type } from 'typebox';
import {
  BusinessEntity,
  ConsentIdParams,
  ConsentRequestHeaders,
  ConsentStatusSchema,
  ErrorResponses,
  ExtendsRequestHeaders,
  LinksSelf,
  LoggedUser,
  Meta,
  PageLinks,
  PageMeta,
  PermissionSchema,
  RequestDateTime,
  ResponseDateTime,
} from './common.ts';

// consents.yaml 3.3.1 paths /consents/{consentId}/extends and /consents/{consentId}/extensions.

/** POST /consents/{consentId}/extends (CreateConsentExtensions → 201 ResponseConsentExtensions). */
export const PostExtends = {
  headers: ExtendsRequestHeaders,
  params: ConsentIdParams,
  body: Type.Object({
    data: Type.Object({
      expirationDateTime: Type.Optional(RequestDateTime),
      loggedUser: LoggedUser,
      businessEntity: Type.Optional(BusinessEntity),
    }),
  }),
  response: {
    201: Type.Object({
      data: Type.Object({
        consentId: ConsentIdParams.properties.consentId,
        creationDateTime: ResponseDateTime,
        status: ConsentStatusSchema,
        statusUpdateDateTime: ResponseDateTime,
        // The spec's enum here lacks EXCHANGES_READ (an omission in 3.3.1); we answer what the consent holds.
        permissions: Type.Array(PermissionSchema, { minItems: 1 }),
        expirationDateTime: Type.Optional(ResponseDateTime),
      }),
      links: LinksSelf,
      meta: Meta,
    }),
    ...ErrorResponses,
  },
};

/**
 * components.parameters.Page / PageSize. `page-size` below 25 is read as 25 (the spec: "A
 * transmissora deve considerar entrada como 25, caso seja informado algum valor menor"), so the
 * schema only bounds it by 1..1000.
 */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  'page-size': Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

/** GET /consents/{consentId}/extensions (200 ResponseConsentReadExtensions). */
export const GetExtensions = {
  headers: ConsentRequestHeaders,
  params: ConsentIdParams,
  querystring: PageQuery,
  response: {
    200: Type.Object({
      data: Type.Array(
        Type.Object({
          expirationDateTime: Type.Optional(ResponseDateTime),
          loggedUser: LoggedUser,
          requestDateTime: ResponseDateTime,
          previousExpirationDateTime: Type.Optional(ResponseDateTime),
          xFapiCustomerIpAddress: Type.String({ minLength: 1, maxLength: 100 }),
          xCustomerUserAgent: Type.String({ minLength: 1, maxLength: 255 }),
        }),
      ),
      links: PageLinks,
      meta: PageMeta,
    }),
    ...ErrorResponses,
  },
};
