import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateCustomer } from './customers.ts';

const asOf = '2026-11-01';

describe('customer populations', () => {
  it('gives brands of one population the same people (same CPF or CNPJ, same name)', () => {
    for (let index = 0; index < 20; index++) {
      const a = generateCustomer({ seed: 7, brandId: 'banco-a', population: 'sim', asOf }, index);
      const b = generateCustomer({ seed: 7, brandId: 'banco-b', population: 'sim', asOf }, index);
      assert.equal(a.document, b.document);
      assert.equal(a.personType, b.personType);
    }
  });

  it('gives brands without a shared population different people', () => {
    const same = Array.from({ length: 20 }, (_, index) => {
      const a = generateCustomer({ seed: 7, brandId: 'banco-a', asOf }, index);
      const b = generateCustomer({ seed: 7, brandId: 'banco-b', asOf }, index);
      return a.document === b.document;
    });
    assert.equal(same.filter(Boolean).length, 0);
  });
});

describe('customer ids', () => {
  it('differ between brands even for the same person', () => {
    const a = generateCustomer({ seed: 7, brandId: 'banco-a', population: 'sim', asOf }, 0);
    const b = generateCustomer({ seed: 7, brandId: 'banco-b', population: 'sim', asOf }, 0);
    assert.equal(a.document, b.document);
    assert.notEqual(a.customerId, b.customerId);
  });
});
