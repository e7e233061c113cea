import { Type } from 'typebox';

// Envelopes of products-services (3.0.0, `/v2`) and channels 2.0.1. The items are the brand's
// published catalogue, passed through as written (see catalogue.ts); the conformance tests check
// the answers against the official files.

const Item = Type.Object({}, { additionalProperties: true });
const Url = Type.String({ format: 'uri', maxLength: 2000 });

export const OpenDataLinks = Type.Object({
  self: Url,
  first: Type.Optional(Url),
  prev: Type.Optional(Url),
  next: Type.Optional(Url),
  last: Type.Optional(Url),
});

/** products-services and channels `Meta`: totals only. */
export const OpenDataMeta = Type.Object({
  totalRecords: Type.Integer(),
  totalPages: Type.Integer(),
});

export const GetProduct = {
  response: {
    200: Type.Object({
      data: Type.Object({ brand: Item }, { additionalProperties: true }),
      links: OpenDataLinks,
      meta: OpenDataMeta,
    }),
  },
};

export const GetChannel = {
  querystring: Type.Object({
    page: Type.Integer({ minimum: 1, maximum: 2147483647, default: 1, format: 'int32' }),
    'page-size': Type.Integer({ minimum: 1, maximum: 1000, default: 25, format: 'int32' }),
  }),
  response: {
    200: Type.Object({ data: Type.Array(Item, { minItems: 1 }), links: OpenDataLinks, meta: OpenDataMeta }),
  },
};
