import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRulesScorer } from './rules-scorer.ts';
import { brasiliaHour } from './rules/night-burst.ts';
import type { PastPayment, PaymentRiskInput } from './types.ts';

const NOON = new Date('2025-06-10T15:00:00Z'); // 12:00 in Brasília
const NIGHT = new Date('2025-06-11T02:00:00Z'); // 23:00 in Brasília
const DAY = 86_400_000;

function past(overrides: Partial<PastPayment> = {}): PastPayment {
  return { paymentId: 'p', creditorRef: 'known', amount: '100.00', at: new Date(NOON.getTime() - 10 * DAY), settled: true, ...overrides }; // prettier-ignore
}

function input(overrides: Partial<PaymentRiskInput> = {}): PaymentRiskInput {
  return { brandId: 'b', paymentId: 'now', payerRef: 'payer', creditorRef: 'known', amount: '100.00', at: NOON, localInstrument: 'DICT', ...overrides }; // prettier-ignore
}

function scorerWith(history: PastPayment[]) {
  const calls: Array<{ since: Date; excludePaymentId: string }> = [];
  const scorer = createRulesScorer({
    history: {
      recentPayments: (q) => {
        calls.push(q);
        return Promise.resolve(history.filter((p) => p.at >= q.since));
      },
    },
  });
  return { scorer, calls };
}

const usualHistory = [
  past(),
  past({ amount: '80.00' }),
  past({ amount: '120.00' }),
  past({ amount: '90.00' }),
];

describe('the rules-based risk scorer', () => {
  it('gives nothing to a usual payment to a known creditor in daytime', async () => {
    const { scorer, calls } = scorerWith(usualHistory);
    assert.deepEqual(await scorer.score(input()), { score: 0, reasons: [] });
    assert.equal(calls[0]?.excludePaymentId, 'now');
    assert.equal(
      NOON.getTime() - calls[0].since.getTime(),
      180 * DAY,
      'reads as far back as the longest rule',
    );
  });

  it('scores an amount above 5× and above 10× the payer median (rule 1)', async () => {
    const { scorer } = scorerWith(usualHistory);
    const five = await scorer.score(input({ amount: '600.00' }));
    assert.deepEqual(
      five.reasons.map((r) => [r.rule, r.points]),
      [['unusual-amount', 40]],
    );
    const ten = await scorer.score(input({ amount: '1500.00' }));
    assert.equal(ten.score, 60);
    assert.match(ten.reasons[0]!.detail, /mediana do pagador \(R\$ 90\.00\)/);
  });

  it('never finds a small amount unusual, and judges a payer without history by a ceiling', async () => {
    assert.equal((await scorerWith([past({ amount: '1.00' }), past({ amount: '1.00' }), past({ amount: '1.00' })]).scorer.score(input({ amount: '150.00' }))).score, 0); // prettier-ignore
    const { scorer } = scorerWith([]);
    const first = await scorer.score(input({ amount: '5000.01', creditorRef: 'known' }));
    assert.deepEqual(first.reasons.map((r) => [r.rule, r.points]), [['unusual-amount', 30], ['new-creditor', 35]]); // prettier-ignore
  });

  it('scores a creditor the payer never paid, more when the amount is large (rule 2)', async () => {
    const { scorer } = scorerWith(usualHistory);
    assert.equal((await scorer.score(input({ creditorRef: 'stranger' }))).score, 20);
    const rejectedBefore = scorerWith([...usualHistory, past({ creditorRef: 'stranger', settled: false })]);
    assert.equal((await rejectedBefore.scorer.score(input({ creditorRef: 'stranger' }))).score, 20);
    const large = await scorer.score(input({ creditorRef: 'stranger', amount: '400.00' }));
    assert.equal(large.reasons.find((r) => r.rule === 'new-creditor')?.points, 20);
  });

  it('scores bursts of payments at night only (rule 3)', async () => {
    const burst = (at: Date, n: number) =>
      Array.from({ length: n }, (_, i) => past({ at: new Date(at.getTime() - (i + 1) * 60_000) }));
    const night3 = scorerWith([...usualHistory, ...burst(NIGHT, 2)]);
    assert.deepEqual(
      (await night3.scorer.score(input({ at: NIGHT }))).reasons.map((r) => r.points),
      [40],
    );
    const night5 = scorerWith([...usualHistory, ...burst(NIGHT, 4)]);
    assert.equal((await night5.scorer.score(input({ at: NIGHT }))).score, 60);
    const day = scorerWith([...usualHistory, ...burst(NOON, 6)]);
    assert.equal((await day.scorer.score(input())).score, 0);
    const spread = scorerWith([...usualHistory, past({ at: new Date(NIGHT.getTime() - 20 * 60_000) }), past({ at: new Date(NIGHT.getTime() - 30 * 60_000) })]); // prettier-ignore
    assert.equal((await spread.scorer.score(input({ at: NIGHT }))).score, 0);
  });

  it('adds the rules and caps the score at 100', async () => {
    const { scorer } = scorerWith([...usualHistory, ...Array.from({ length: 5 }, (_, i) => past({ at: new Date(NIGHT.getTime() - i * 60_000 - 1) }))]); // prettier-ignore
    const all = await scorer.score(input({ at: NIGHT, amount: '5000.00', creditorRef: 'stranger' }));
    assert.deepEqual(
      all.reasons.map((r) => r.rule),
      ['unusual-amount', 'new-creditor', 'night-burst'],
    );
    assert.equal(all.score, 100);
  });

  it('reads Brasília hours from UTC instants', () => {
    assert.equal(brasiliaHour(new Date('2025-06-11T02:59:00Z')), 23);
    assert.equal(brasiliaHour(new Date('2025-06-11T09:00:00Z')), 6);
  });
});
