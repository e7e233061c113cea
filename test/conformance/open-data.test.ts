import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createTrafficLimits } from '../../src/holder/index.ts';
import {
  CHANNEL_ENDPOINTS,
  PRODUCT_ENDPOINTS,
  openDataRoutes,
  sampleOpenDataCatalogue,
} from '../../src/opendata/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { createTestDatabase } from '../../src/platform/db/testing.ts';
import { createTestHttpApp } from '../../src/platform/http/testing.ts';
import { conformanceValidator } from './specs.ts';

// Conformance of the Phase-1 open data (issue items 5 and 6): products-services and channels,
// public, served from a brand's catalogue, against their official OpenAPI files.

const tdb = await createTestDatabase();
const clock = fixedClock('2025-06-30T15:00:00Z');
const limits = createTrafficLimits({
  pool: tdb.pool,
  clock,
  activeConsents: () => Promise.resolve(0),
  brands: { 'bank-a': { openDataTpmPerIp: 60 } },
});
after(() => limits.close());
const { app } = createTestHttpApp({ after }, { clock });
const catalogue = sampleOpenDataCatalogue({
  brandName: 'Banco Aurora',
  companyName: 'Banco Aurora S.A.',
  cnpj: '11222333000181',
  website: 'https://www.aurora.example',
});
// Two more branches, so that channels pages.
const branches = catalogue.channels.branches!;
const catalogueWithPages = {
  ...catalogue,
  channels: { ...catalogue.channels, branches: [branches[0]!, branches[0]!, branches[0]!] },
};
await app.register(
  openDataRoutes({
    brand: { id: 'bank-a', apiBaseUrl: 'https://api.aurora.test' },
    catalogue: catalogueWithPages,
    limits,
  }),
);

const FILES = {
  'products-services': 'opendata-products-services.yaml',
  channels: 'opendata-channels.yaml',
} as const;
const spec = await conformanceValidator(
  (file) =>
    app.inject(
      file === FILES.channels
        ? '/open-banking/channels/v2/openapi.json'
        : '/open-banking/products-services/v2/openapi.json',
    ),
  Object.values(FILES),
);

async function call(api: keyof typeof FILES, path: string, query = '', expected = 200) {
  const base = api === 'channels' ? '/open-banking/channels/v2' : '/open-banking/products-services/v2';
  const response = await app.inject({ method: 'GET', url: `${base}${path}${query}` });
  assert.equal(response.statusCode, expected, `${path}${query}: ${response.body.slice(0, 300)}`);
  spec.assertResponse(FILES[api], 'get', path, response);
  return response;
}

describe(`open data conforms to products-services and channels (${spec.source})`, () => {
  it('products-services: every endpoint', async () => {
    for (const endpoint of PRODUCT_ENDPOINTS) await call('products-services', `/${endpoint}`);
  });

  it('channels: every published endpoint, paged', async () => {
    for (const endpoint of CHANNEL_ENDPOINTS) {
      if (catalogueWithPages.channels[endpoint] === undefined) continue;
      await call('channels', `/${endpoint}`);
    }
    const page2 = await call('channels', '/branches', '?page=2&page-size=1');
    const links = page2.json<{ links: Record<string, string> }>().links;
    assert.equal(links.next, 'https://api.aurora.test/open-banking/channels/v2/branches?page=3&page-size=1');
    assert.equal(links.first, 'https://api.aurora.test/open-banking/channels/v2/branches?page=1&page-size=1');
    assert.deepEqual(page2.json<{ meta: unknown }>().meta, { totalRecords: 3, totalPages: 3 });
  });

  it('channels: errors (400 malformed page, 404 not published, 429 per IP)', async () => {
    await call('channels', '/branches', '?page=abc', 400);
    await call('channels', '/banking-agents', '', 404);
    let last = 0;
    for (let i = 0; i < 70 && last !== 429; i++) {
      last = (await app.inject({ method: 'GET', url: '/open-banking/channels/v2/branches' })).statusCode;
    }
    assert.equal(last, 429, 'the per-IP limit (60 per minute here) answers 429');
    await call('channels', '/phone-channels', '', 429);
    clock.advance(60_000);
    await call('channels', '/phone-channels');
  });

  it('serves its own OpenAPI documents and a docs page', async () => {
    const document = (await app.inject('/open-banking/channels/v2/openapi.json')).json<{ paths: object }>();
    assert.deepEqual(Object.keys(document.paths).sort(), CHANNEL_ENDPOINTS.map((e) => `/${e}`).sort());
    const page = await app.inject('/open-banking/docs/open-data');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /products-services\/v2\/openapi\.json/);
  });
});
