import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cnpjCheckDigits, formatCnpj, generateCnpj, isValidCnpj, normaliseCnpj } from './index.ts';

function lcg(seed: number) {
  let state = seed >>> 0;
  return {
    next() {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    },
  };
}

describe('CNPJ', () => {
  it('accepts a valid numeric CNPJ bare and masked', () => {
    assert.equal(isValidCnpj('11222333000181'), true);
    assert.equal(isValidCnpj('11.222.333/0001-81'), true);
  });

  it('rejects wrong check digits', () => {
    assert.equal(isValidCnpj('11222333000182'), false);
    assert.equal(isValidCnpj('11.222.333/0001-18'), false);
  });

  it('rejects all-same-character numbers', () => {
    for (let d = 0; d <= 9; d += 1) assert.equal(isValidCnpj(String(d).repeat(14)), false);
  });

  it('rejects the wrong length and a broken mask', () => {
    for (const bad of ['1122233300018', '112223330001811', '11-222-333/0001.81', '', '11.222.333/0001-8A']) {
      assert.equal(isValidCnpj(bad), false, bad);
    }
  });

  it('accepts the alphanumeric CNPJ (IN RFB 2.229/2024 example 12.ABC.345/01DE-35)', () => {
    assert.equal(cnpjCheckDigits('12ABC34501DE'), '35');
    assert.equal(isValidCnpj('12.ABC.345/01DE-35'), true);
    assert.equal(normaliseCnpj('12.abc.345/01de-35'), '12ABC34501DE35');
    assert.equal(isValidCnpj('12ABC34501DE36'), false);
  });

  it('refuses alphanumeric CNPJs where only digits are allowed', () => {
    assert.equal(isValidCnpj('12ABC34501DE35', { alphanumeric: false }), false);
    assert.equal(isValidCnpj('11222333000181', { alphanumeric: false }), true);
  });

  it('formats with the usual mask', () => {
    assert.equal(formatCnpj('11222333000181'), '11.222.333/0001-81');
    assert.equal(formatCnpj('12ABC34501DE35'), '12.ABC.345/01DE-35');
    assert.throws(() => formatCnpj('11222333000180'), RangeError);
  });

  it('generates valid head-office CNPJs deterministically', () => {
    const draw = (seed: number) => {
      const r = lcg(seed);
      return Array.from({ length: 500 }, () => generateCnpj(r));
    };
    const a = draw(3);
    assert.deepEqual(a, draw(3));
    for (const cnpj of a) {
      assert.match(cnpj, /^\d{8}0001\d{2}$/);
      assert.equal(isValidCnpj(cnpj, { alphanumeric: false }), true, cnpj);
    }
  });

  it('generates valid alphanumeric CNPJs for another branch when asked', () => {
    const r = lcg(11);
    const list = Array.from({ length: 200 }, () => generateCnpj(r, { alphanumeric: true, branch: '0002' }));
    assert.ok(
      list.some((c) => /[A-Z]/.test(c)),
      'some roots contain letters',
    );
    for (const cnpj of list) {
      assert.match(cnpj, /^[0-9A-Z]{8}0002\d{2}$/);
      assert.equal(isValidCnpj(cnpj), true, cnpj);
    }
  });
});
