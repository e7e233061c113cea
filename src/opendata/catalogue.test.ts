import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCatalogue } from './catalogue.ts';
import { sampleOpenDataCatalogue } from './sample-catalogue.ts';

describe('open data catalogues', () => {
  it('accepts the sample catalogue', () => {
    const catalogue = sampleOpenDataCatalogue({
      brandName: 'Banco A',
      companyName: 'Banco A S.A.',
      cnpj: '11222333000181',
      website: 'https://a.example',
    });
    assert.doesNotThrow(() => checkCatalogue('bank-a', catalogue));
  });

  it('refuses, at start, products without companies and channels that are not lists', () => {
    assert.throws(
      () =>
        checkCatalogue('bank-a', { products: { 'personal-loans': { brand: { name: 'A' } } }, channels: {} }),
      /personal-loans needs data.brand.companies/,
    );
    assert.throws(
      () => checkCatalogue('bank-a', { products: {}, channels: { branches: {} as never } }),
      /branches must be a list of objects/,
    );
  });
});
