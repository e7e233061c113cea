import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annualFromMonthly, buildSchedule, internalRateOfReturn, priceInstalment } from './amortization.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('amortisation schedules', () => {
  it('Price: constant instalments whose principal parts add up to the principal to the cent', () => {
    const schedule = buildSchedule({
      principalCents: 1_000_000,
      periodRate: 0.02,
      instalments: 12,
      system: 'PRICE',
    });
    assert.equal(schedule.length, 12);
    assert.equal(sum(schedule.map((s) => s.principalCents)), 1_000_000);
    const pmt = priceInstalment(1_000_000, 0.02, 12);
    assert.equal(pmt, 94_560); // R$ 10,000 at 2 % a.m. over 12 months: R$ 945.60
    for (const s of schedule.slice(0, -1)) assert.equal(s.amountCents, pmt);
    assert.ok(Math.abs(schedule.at(-1)!.amountCents - pmt) <= 12, 'the last one only absorbs rounding');
    assert.equal(schedule.at(-1)!.balanceAfterCents, 0);
  });

  it('charges each period the interest on the balance it starts from', () => {
    const schedule = buildSchedule({
      principalCents: 5_432_100,
      periodRate: 0.0137,
      instalments: 48,
      system: 'PRICE',
    });
    let balance = 5_432_100;
    for (const s of schedule) {
      assert.equal(s.interestCents, Math.round(balance * 0.0137));
      assert.equal(s.amountCents, s.principalCents + s.interestCents);
      balance -= s.principalCents;
      assert.equal(s.balanceAfterCents, balance);
    }
  });

  it('SAC: equal principal parts (to a cent) and falling instalments', () => {
    const schedule = buildSchedule({
      principalCents: 30_000_001,
      periodRate: 0.008,
      instalments: 360,
      system: 'SAC',
    });
    assert.equal(sum(schedule.map((s) => s.principalCents)), 30_000_001);
    const parts = new Set(schedule.map((s) => s.principalCents));
    assert.ok(Math.max(...parts) - Math.min(...parts) <= 1);
    for (let i = 1; i < schedule.length; i++)
      assert.ok(schedule[i]!.amountCents <= schedule[i - 1]!.amountCents);
  });

  it('a balloon carries its share of principal to the last instalment and lowers the others', () => {
    const plain = buildSchedule({
      principalCents: 6_000_000,
      periodRate: 0.017,
      instalments: 36,
      system: 'PRICE',
    });
    const balloon = buildSchedule({ principalCents: 6_000_000, periodRate: 0.017, instalments: 36, system: 'PRICE', balloonCents: 1_800_000 }); // prettier-ignore
    assert.equal(sum(balloon.map((s) => s.principalCents)), 6_000_000);
    assert.ok(balloon[0]!.amountCents < plain[0]!.amountCents);
    assert.ok(balloon.at(-1)!.amountCents > 1_800_000);
    assert.deepEqual(balloon.map((s) => s.isBalloon).lastIndexOf(true), 35);
    assert.equal(balloon.filter((s) => s.isBalloon).length, 1);
  });

  it('a bullet is one payment of principal plus the term interest', () => {
    assert.deepEqual(buildSchedule({ principalCents: 100_000, periodRate: 0.05, instalments: 1, system: 'SEM_SISTEMA_AMORTIZACAO' }), [
      { number: 1, amountCents: 105_000, principalCents: 100_000, interestCents: 5_000, balanceAfterCents: 0, isBalloon: false },
    ]); // prettier-ignore
  });

  it('refuses schedules no contract can have', () => {
    assert.throws(
      () => buildSchedule({ principalCents: 0, periodRate: 0.01, instalments: 3, system: 'PRICE' }),
      RangeError,
    );
    assert.throws(
      () => buildSchedule({ principalCents: 100, periodRate: 0.01, instalments: 0, system: 'SAC' }),
      RangeError,
    );
    assert.throws(() => buildSchedule({ principalCents: 100, periodRate: 0.01, instalments: 2, system: 'SEM_SISTEMA_AMORTIZACAO' }), RangeError); // prettier-ignore
    assert.throws(() => buildSchedule({ principalCents: 100, periodRate: 0.01, instalments: 2, system: 'SAC', balloonCents: 10 }), RangeError); // prettier-ignore
  });

  it('the internal rate of return of a Price schedule is its rate, and fees raise it (CET)', () => {
    const schedule = buildSchedule({
      principalCents: 1_000_000,
      periodRate: 0.02,
      instalments: 24,
      system: 'PRICE',
    });
    const flows = (released: number) => [
      { t: 0, amount: -released },
      ...schedule.map((s) => ({ t: s.number, amount: s.amountCents })),
    ];
    assert.ok(Math.abs(internalRateOfReturn(flows(1_000_000)) - 0.02) < 1e-6);
    const withFees = internalRateOfReturn(flows(1_000_000 - 50_000));
    assert.ok(withFees > 0.024 && withFees < 0.03, `${withFees}`);
    assert.ok(Math.abs(annualFromMonthly(0.02) - 0.268242) < 1e-6);
  });
});
