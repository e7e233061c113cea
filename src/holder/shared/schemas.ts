import { Type } from 'typebox';
import { FapiRequestHeaders } from '../../platform/http/index.ts';

// Building blocks shared by the Phase-2 schemas, written from the specs' common components
// (accounts.yaml 2.4.2 Links, TransactionsLinks, Meta, MetaOnlyRequestDateTime, parameters).

/** A string enum, typed from the `as const` list the contract exports. */
export function enumOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description ? { description } : {}),
  });
}

/** Ids of accounts, contracts, bills (`^[a-zA-Z0-9][a-zA-Z0-9\-]{0,99}$`). */
export const ID_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9\\-]{0,99}$';
export const Id = Type.String({ pattern: ID_PATTERN, minLength: 1, maxLength: 100 });

/** Links in responses are absolute URLs (the specs' `format: url`; `uri` in JSON Schema). */
const Url = (maxLength: number) => Type.String({ format: 'uri', maxLength });

export function linksSchema(maxLength = 2000) {
  return Type.Object({
    self: Url(maxLength),
    first: Type.Optional(Url(maxLength)),
    prev: Type.Optional(Url(maxLength)),
    next: Type.Optional(Url(maxLength)),
    last: Type.Optional(Url(maxLength)),
  });
}
export const Links = linksSchema();

/** TransactionsLinks: no `last` (keyset paging cannot know it cheaply). */
export const TransactionsLinks = Type.Object({
  self: Url(2000),
  first: Type.Optional(Url(2000)),
  prev: Type.Optional(Url(2000)),
  next: Type.Optional(Url(2000)),
});

export function selfLinks(maxLength = 2000) {
  return Type.Object({ self: Url(maxLength) });
}

export const RequestDateTime = Type.String({ format: 'date-time', maxLength: 20 });

export const Meta = Type.Object({
  totalRecords: Type.Integer({ format: 'int32' }),
  totalPages: Type.Integer({ format: 'int32' }),
  requestDateTime: RequestDateTime,
});

export const MetaOnlyRequestDateTime = Type.Object({ requestDateTime: RequestDateTime });

/**
 * Request headers of every protected endpoint. Authorization is documented, but checked by the
 * resource guard (a missing token is a 401, not a 400); the x-fapi-* rules run on `fapi: true`.
 */
export const ProtectedHeaders = Type.Object({
  ...FapiRequestHeaders.properties,
  'x-customer-user-agent': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  authorization: Type.Optional(Type.String({ maxLength: 2048 })),
});

/** page (1..2³¹−1, default 1) and page-size (1..1000, default 25): accounts.yaml parameters. */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 2147483647, default: 1, format: 'int32' }),
  'page-size': Type.Integer({ minimum: 1, maximum: 1000, default: 25, format: 'int32' }),
};

/** pagination-key: issued by us in the links; valid 60 minutes (DIGEST §3.2). */
export const PaginationKeyQuery = {
  'pagination-key': Type.Optional(Type.String({ maxLength: 2048 })),
};

export const PagedQuery = Type.Object({ ...PageQuery, ...PaginationKeyQuery });

export const IsoDate = Type.String({ format: 'date', maxLength: 10 });

/** AmountAndCurrency-style money: `^\d{1,15}\.\d{2,4}$` (signed where the spec allows). */
export function amountSchema(options: { signed?: boolean } = {}) {
  return Type.Object({
    amount: Type.String({
      pattern: options.signed ? '^-?\\d{1,15}\\.\\d{2,4}$' : '^\\d{1,15}\\.\\d{2,4}$',
      minLength: 4,
      maxLength: 20,
    }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }),
  });
}
export const Amount = amountSchema();
export const SignedAmount = amountSchema({ signed: true });
