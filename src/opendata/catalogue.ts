import type { ChannelEndpoint, ProductEndpoint } from './apis.ts';

type Json = Record<string, unknown>;

/**
 * What a brand publishes as open data, written by the institution from the specs (it is public
 * information about its products and channels, not customer data):
 * - `products[endpoint]` is the `data` object of products-services (`{ brand: { name, companies } }`);
 * - `channels[endpoint]` is the list the channels API pages (`BranchesData[]` …).
 * An endpoint left out (or an empty channel list) answers 404: the specs require at least one item.
 *
 * @example
 *   const catalogue: OpenDataCatalogue = {
 *     products: { 'personal-accounts': { brand: { name: 'Banco A', companies: [{ name: 'Banco A S.A.', cnpjNumber: '…' }] } } },
 *     channels: { 'phone-channels': [{ identification: { type: 'CENTRAL_TELEFONICA' }, services: [...] }] },
 *   };
 */
export interface OpenDataCatalogue {
  readonly products: Readonly<Partial<Record<ProductEndpoint, Json>>>;
  readonly channels: Readonly<Partial<Record<ChannelEndpoint, readonly Json[]>>>;
}

/** Checks the parts of a catalogue every answer relies on; throws naming what is wrong. */
export function checkCatalogue(brandId: string, catalogue: OpenDataCatalogue): void {
  for (const [endpoint, data] of Object.entries(catalogue.products)) {
    const brand = (data as { brand?: { companies?: unknown } } | undefined)?.brand;
    if (brand === undefined || typeof brand !== 'object' || !Array.isArray(brand.companies)) {
      throw new Error(`open data of ${brandId}: products ${endpoint} needs data.brand.companies[]`);
    }
  }
  for (const [endpoint, items] of Object.entries(catalogue.channels)) {
    if (!Array.isArray(items) || items.some((i) => typeof i !== 'object' || i === null)) {
      throw new Error(`open data of ${brandId}: channels ${endpoint} must be a list of objects`);
    }
  }
}
