import { Type } from 'typebox';
import { FapiRequestHeaders, MetaRequestDateTime, ResponseError } from '../../../platform/http/index.ts';
import { CONSENT_ID_PATTERN } from '../../domain/brand.ts';
import { SPEC_DATE_TIME_PATTERN } from '../../domain/expiration-policy.ts';
import { PERMISSIONS, type Permission } from '../../domain/permissions.ts';
import { REJECTED_BY, REJECTION_REASON_CODES, CONSENT_STATUSES } from '../../domain/status-policy.ts';

// Building blocks of the consents 3.3.1 schemas (consents.yaml components), written from the spec.

/** components.parameters.ConsentId. */
export const ConsentIdParams = Type.Object({
  consentId: Type.String({ pattern: CONSENT_ID_PATTERN, minLength: 6, maxLength: 256 }),
});

/** CreateConsent.data.permissions items (and the response enums). */
export const PermissionSchema = Type.Unsafe<Permission>({ type: 'string', enum: [...PERMISSIONS] });

/** expirationDateTime as the request schemas write it: RFC 3339 UTC, pattern, maxLength 20. */
export const RequestDateTime = Type.String({
  format: 'date-time',
  pattern: SPEC_DATE_TIME_PATTERN,
  maxLength: 20,
});

/** Date-times in responses (format date-time, maxLength 20: no fraction). */
export const ResponseDateTime = Type.String({ format: 'date-time', maxLength: 20 });

/** LoggedUser / LoggedUserExtensions. */
export const LoggedUser = Type.Object({
  document: Type.Object({
    identification: Type.String({ pattern: '^\\d{11}$', maxLength: 11 }),
    rel: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }),
  }),
});

/** BusinessEntity / BusinessEntityExtensions (alphanumeric CNPJ already allowed). */
export const BusinessEntity = Type.Object({
  document: Type.Object({
    identification: Type.String({ pattern: '^[0-9A-Z]{12}[0-9]{2}$', maxLength: 14 }),
    rel: Type.String({ pattern: '^[A-Z]{4}$', maxLength: 4 }),
  }),
});

export const ConsentStatusSchema = Type.Unsafe<(typeof CONSENT_STATUSES)[number]>({
  type: 'string',
  enum: [...CONSENT_STATUSES],
});

/** ResponseConsentRead.data.rejection. */
export const RejectionSchema = Type.Object({
  rejectedBy: Type.Unsafe<(typeof REJECTED_BY)[number]>({ type: 'string', enum: [...REJECTED_BY] }),
  reason: Type.Object({
    code: Type.Unsafe<(typeof REJECTION_REASON_CODES)[number]>({
      type: 'string',
      enum: [...REJECTION_REASON_CODES],
    }),
    additionalInformation: Type.Optional(Type.String({ maxLength: 140, pattern: '^[^\\s](.*[^\\s])?$' })),
  }),
});

/** LinksConsents. */
export const LinksSelf = Type.Object({ self: Type.String({ maxLength: 2000 }) });

/** Links (paginated lists). */
export const PageLinks = Type.Object({
  self: Type.String({ maxLength: 2000 }),
  first: Type.Optional(Type.String({ maxLength: 2000 })),
  prev: Type.Optional(Type.String({ maxLength: 2000 })),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  last: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const Meta = MetaRequestDateTime;

/** MetaExtensions. */
export const PageMeta = Type.Object({
  totalRecords: Type.Integer(),
  totalPages: Type.Integer(),
  requestDateTime: ResponseDateTime,
});

/**
 * Request headers of the consents endpoints. Authorization is documented here but checked by
 * the access guard, so a missing token is a 401, not a 400.
 */
export const ConsentRequestHeaders = Type.Object({
  ...FapiRequestHeaders.properties,
  authorization: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
});

/** xFapiCustomerIpAddressExtensions and xCustomerUserAgentExtensions are required on extends. */
export const ExtendsRequestHeaders = Type.Object({
  ...ConsentRequestHeaders.properties,
  'x-fapi-customer-ip-address': Type.String({ minLength: 1, maxLength: 100 }),
  'x-customer-user-agent': Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\s](.*[^\\s])?$' }),
});

/** Error bodies (ResponseError and its 422 variants share the shape). */
export const ErrorResponses = {
  400: ResponseError,
  401: ResponseError,
  403: ResponseError,
  404: ResponseError,
  405: ResponseError,
  406: ResponseError,
  415: ResponseError,
  422: ResponseError,
  429: ResponseError,
  500: ResponseError,
};
