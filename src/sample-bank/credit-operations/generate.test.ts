import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidCnpj } from '../../platform/documents/index.ts';
import { dayNumber } from '../generator/calendar.ts';
import { generateCustomer } from '../generator/customers.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { createRandom } from '../generator/random.ts';
import { generateCreditContracts, type CreditGenerationEnv, type GeneratedContract } from './generate.ts';
import { PRODUCTS } from './products.ts';
import { dueDayOf, scheduleOf, scheduleState } from './schedule-state.ts';

const g = { seed: 7, brandId: 'credit-test', asOf: '2025-06-16' };
const today = dayNumber(g.asOf);
const env: CreditGenerationEnv = {
  today,
  institution: {
    brandName: 'Banco Teste',
    companyCnpj: '11222333000181',
    compeCode: '999',
    ispb: '11222333',
  },
  employerCnpj: () => '60746948000112',
};
const contractsOf = (c: SampleCustomer, e: CreditGenerationEnv = env) =>
  generateCreditContracts(createRandom(g.seed, g.brandId, c.index, 'credit-operations'), c, e);

const customers = Array.from({ length: 3000 }, (_, i) => generateCustomer(g, i));
const all: [SampleCustomer, GeneratedContract][] = customers.flatMap((c) =>
  contractsOf(c).map((k) => [c, k] as [SampleCustomer, GeneratedContract]),
);
const regularNumbers = (k: GeneratedContract) =>
  k.releases.filter((r) => !r.isOverParcelPayment).map((r) => r.instalmentNumber!);

describe('credit contract generator', () => {
  it('is deterministic per customer, whatever else is generated', () => {
    const c = customers[11]!;
    assert.deepEqual(contractsOf(c), contractsOf(generateCustomer(g, 11)));
    assert.notDeepEqual(
      contractsOf(customers[12]!).map((k) => k.contractId),
      contractsOf(c).map((k) => k.contractId),
    );
  });

  it('gives persons personal products and companies business ones, in realistic shares', () => {
    const byKey = new Map(PRODUCTS.map((p) => [p.key, p]));
    for (const [c, k] of all)
      assert.ok(byKey.get(k.productKey)!.share[c.personType] > 0, `${k.productKey} for ${c.personType}`);
    const holders = (type: 'PESSOA_NATURAL' | 'PESSOA_JURIDICA') => {
      const base = customers.filter((c) => c.personType === type);
      return new Set(all.filter(([c]) => c.personType === type).map(([c]) => c.index)).size / base.length;
    };
    // Not every customer borrows: BCB data put about half of adults with some credit operation.
    assert.ok(
      holders('PESSOA_NATURAL') > 0.25 && holders('PESSOA_NATURAL') < 0.6,
      `${holders('PESSOA_NATURAL')}`,
    );
    assert.ok(
      holders('PESSOA_JURIDICA') > 0.35 && holders('PESSOA_JURIDICA') < 0.8,
      `${holders('PESSOA_JURIDICA')}`,
    );
    for (const type of ['LOAN', 'FINANCING', 'UNARRANGED_ACCOUNT_OVERDRAFT', 'INVOICE_FINANCING'] as const) {
      assert.ok(
        all.some(([, k]) => k.type === type),
        `some ${type}`,
      );
    }
  });

  it('pays instalments in order, never after today, each at least its amount plus fees', () => {
    for (const [, k] of all) {
      const schedule = scheduleOf(k.schedule);
      const numbers = regularNumbers(k);
      numbers.forEach((n, i) =>
        assert.equal(n, k.paidBeforeHistory + i + 1, `${k.contractId} pays in order`),
      );
      for (const r of k.releases) {
        assert.ok(r.paidDay <= today, 'no payment in the future');
        assert.ok(r.paidCents > 0);
        if (r.isOverParcelPayment) continue;
        const inst = schedule[r.instalmentNumber! - 1]!;
        assert.ok(r.paidCents >= inst.amountCents + k.schedule.instalmentFeeCents);
      }
      assert.ok(k.paidBeforeHistory + numbers.length <= schedule.length);
    }
  });

  it('settles a contract exactly when its last instalment (or an early payoff) is paid', () => {
    let early = 0;
    for (const [, k] of all) {
      if (k.schedule.kind === 'REVOLVING') continue;
      const paid = k.paidBeforeHistory + regularNumbers(k).length;
      const total = k.schedule.instalments;
      if (paid === total) assert.equal(k.settlementDay, k.releases.at(-1)?.paidDay ?? k.settlementDay);
      else if (k.settlementDay !== undefined && k.settlementDay >= today - 400) {
        early += 1;
        const payoff = k.releases.at(-1)!;
        assert.ok(
          payoff.isOverParcelPayment && payoff.paidDay === k.settlementDay,
          'an early payoff settles',
        );
      }
      if (paid < total && k.settlementDay === undefined) {
        const state = scheduleState(k.schedule, paid, false, today);
        assert.equal(
          state.instalments.paidInstalments +
            state.instalments.dueInstalments +
            state.instalments.pastDueInstalments,
          total,
        );
        assert.ok(state.outstandingCents > 0);
      }
    }
    assert.ok(early > 0, 'some borrowers settle early');
  });

  it('leaves overdue instalments only with borrowers who stopped paying', () => {
    let overdue = 0;
    for (const [, k] of all) {
      if (k.schedule.kind !== 'INSTALMENTS' || k.settlementDay !== undefined) continue;
      const paid = k.paidBeforeHistory + regularNumbers(k).length;
      const state = scheduleState(k.schedule, paid, false, today);
      if (state.instalments.pastDueInstalments > 0) overdue += 1;
      // Every instalment due more than 20 days ago is either paid or overdue, never "to fall due".
      if (paid < k.schedule.instalments && dueDayOf(k.schedule, paid + 1) < today - 20) {
        assert.ok(state.instalments.pastDueInstalments > 0);
      }
    }
    const open = all.filter(
      ([, k]) => k.schedule.kind === 'INSTALMENTS' && k.settlementDay === undefined,
    ).length;
    assert.ok(overdue > 0 && overdue / open < 0.15, `${overdue} of ${open} open contracts overdue`);
  });

  it('prices contracts with a CET above the contract rate and spec-formatted terms', () => {
    for (const [c, k] of all) {
      const monthly = k.schedule.monthlyRate;
      assert.ok(k.cet >= Math.pow(1 + monthly, 12) - 1 - 1e-6, `${k.productKey}: CET ${k.cet} ≥ rate`);
      assert.match(k.cet.toFixed(6), /^\d{1,6}\.\d{6}$/, 'CET fits the spec pattern');
      if (k.type !== 'UNARRANGED_ACCOUNT_OVERDRAFT')
        assert.ok(k.cet < 5, `${k.productKey}: CET ${k.cet} below 500 % a.a.`);
      for (const rate of k.interestRates) {
        assert.match(rate.preFixedRate ?? rate.postFixedRate ?? '', /^\d{1,2}\.\d{6}$/);
      }
      for (const fee of k.contractedFees)
        assert.ok(
          fee.feeCharge === 'PERCENTUAL'
            ? /^\d\.\d{6}$/.test(fee.feeRate!)
            : /^\d+\.\d{2}$/.test(fee.feeAmount!),
        );
      assert.ok(k.ipocCode.length >= 22 && k.ipocCode.length <= 67);
      assert.ok(k.ipocCode.startsWith(`${env.institution.companyCnpj.slice(0, 8)}`));
      assert.ok(k.ipocCode.includes(c.personType === 'PESSOA_NATURAL' ? c.document : c.document.slice(0, 8)));
      if (k.cnpjConsignee !== undefined) assert.ok(isValidCnpj(k.cnpjConsignee), 'consignee CNPJ is valid');
      if (k.productKey === 'payroll') assert.ok(k.cnpjConsignee !== undefined);
    }
  });

  it('secures vehicles and homes by fiduciary alienation worth more than the debt', () => {
    const secured = all.filter(([, k]) =>
      ['vehicle', 'housing-sfh', 'housing', 'home-equity'].includes(k.productKey),
    );
    assert.ok(secured.length > 0);
    for (const [, k] of secured) {
      const [warranty] = k.warranties;
      assert.equal(warranty?.warrantyType, 'ALIENACAO_FIDUCIARIA');
      assert.ok(warranty.amountCents > k.contractAmountCents);
    }
  });

  it('gives a showcase customer one contract of every type its person type can hold', () => {
    const person = customers.find((c) => c.personType === 'PESSOA_NATURAL')!;
    const company = customers.find((c) => c.personType === 'PESSOA_JURIDICA')!;
    const types = (c: SampleCustomer) =>
      new Set(contractsOf(c, { ...env, showcase: true }).map((k) => k.type));
    assert.deepEqual([...types(person)].sort(), ['FINANCING', 'LOAN', 'UNARRANGED_ACCOUNT_OVERDRAFT']);
    assert.deepEqual([...types(company)].sort(), [
      'FINANCING',
      'INVOICE_FINANCING',
      'LOAN',
      'UNARRANGED_ACCOUNT_OVERDRAFT',
    ]);
  });
});
