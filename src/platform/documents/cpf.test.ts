import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpfCheckDigits, formatCpf, generateCpf, isValidCpf, normaliseCpf } from './index.ts';

/** A tiny deterministic source (LCG) so these tests do not depend on the sample bank's PRNG. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return {
    next() {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    },
  };
}

describe('CPF', () => {
  it('accepts a valid CPF bare and masked', () => {
    assert.equal(isValidCpf('52998224725'), true);
    assert.equal(isValidCpf('529.982.247-25'), true);
    assert.equal(isValidCpf(' 529.982.247-25 '), true);
  });

  it('rejects wrong check digits', () => {
    assert.equal(isValidCpf('52998224724'), false);
    assert.equal(isValidCpf('529.982.247-52'), false);
  });

  it('rejects all-same-digit numbers even though their check digits add up', () => {
    for (let d = 0; d <= 9; d += 1) assert.equal(isValidCpf(String(d).repeat(11)), false);
  });

  it('rejects the wrong length, letters and a broken mask', () => {
    for (const bad of ['5299822472', '529982247250', '5299822472a', '529-982-247.25', '', '529.982.24725x']) {
      assert.equal(isValidCpf(bad), false, bad);
    }
  });

  it('normalises a masked CPF to 11 bare digits and refuses invalid ones', () => {
    assert.equal(normaliseCpf('529.982.247-25'), '52998224725');
    assert.equal(normaliseCpf('529.982.247-26'), null);
  });

  it('formats with the usual mask', () => {
    assert.equal(formatCpf('52998224725'), '529.982.247-25');
    assert.throws(() => formatCpf('52998224726'), RangeError);
  });

  it('computes check digits from a 9-digit base', () => {
    assert.equal(cpfCheckDigits('529982247'), '25');
    assert.throws(() => cpfCheckDigits('12345'), RangeError);
  });

  it('generates valid CPFs, the same sequence for the same seed', () => {
    const draw = (seed: number) => {
      const r = lcg(seed);
      return Array.from({ length: 500 }, () => generateCpf(r));
    };
    const a = draw(7);
    assert.deepEqual(a, draw(7));
    assert.notDeepEqual(a, draw(8));
    for (const cpf of a) {
      assert.match(cpf, /^\d{11}$/);
      assert.equal(isValidCpf(cpf), true, cpf);
    }
    assert.ok(new Set(a).size > 490, 'generated CPFs are diverse');
  });
});
