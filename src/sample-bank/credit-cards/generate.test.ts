import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber } from '../generator/calendar.ts';
import { generateCustomer } from '../generator/customers.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { createRandom } from '../generator/random.ts';
import { decimalToCents } from '../credit-operations/money.ts';
import { signedSum } from './cycle.ts';
import {
  CLOSING_LEAD_DAYS,
  generateCardAccounts,
  type CardGenerationEnv,
  type GeneratedCardAccount,
} from './generate.ts';
import { minimumPayment } from './settle.ts';

const g = { seed: 3, brandId: 'cards-test', asOf: '2025-06-16' };
const today = dayNumber(g.asOf);
const env: CardGenerationEnv = { today, historyMonths: 6 };
const accountsOf = (c: SampleCustomer, e = env) =>
  generateCardAccounts(createRandom(g.seed, g.brandId, c.index, 'credit-cards'), c, e);
const customers = Array.from({ length: 1500 }, (_, i) => generateCustomer(g, i));
const all: [SampleCustomer, GeneratedCardAccount][] = customers.flatMap((c) =>
  accountsOf(c).map((a) => [c, a] as [SampleCustomer, GeneratedCardAccount]),
);
const cents = (value: { amount: string } | string) =>
  decimalToCents(typeof value === 'string' ? value : value.amount);

describe('credit card generator', () => {
  it('is deterministic per customer', () => {
    assert.deepEqual(accountsOf(customers[5]!), accountsOf(generateCustomer(g, 5)));
  });

  it('gives cards to most persons and many companies, not to everyone', () => {
    const share = (type: SampleCustomer['personType']) => {
      const base = customers.filter((c) => c.personType === type);
      return new Set(all.filter(([c]) => c.personType === type).map(([c]) => c.index)).size / base.length;
    };
    assert.ok(share('PESSOA_NATURAL') > 0.5 && share('PESSOA_NATURAL') < 0.7, `${share('PESSOA_NATURAL')}`);
    assert.ok(
      share('PESSOA_JURIDICA') > 0.3 && share('PESSOA_JURIDICA') < 0.6,
      `${share('PESSOA_JURIDICA')}`,
    );
  });

  it('totals every bill as the signed sum of its transactions, charges included', () => {
    for (const [, account] of all) {
      account.bills.forEach((bill, index) => {
        const txs = account.transactions.filter((t) => t.billIndex === index);
        assert.equal(bill.totalCents, signedSum(txs), `bill ${bill.billId}`);
        const charged = txs
          .filter((t) => t.financeChargeType !== undefined)
          .reduce((s, t) => s + t.brazilianCents, 0);
        assert.equal(
          bill.financeCharges.reduce((s, c) => s + cents(c.amount), 0),
          charged,
        );
      });
    }
  });

  it('asks a minimum of 15 % (at least R$ 50) and records payments between closing and today', () => {
    let partial = 0;
    let late = 0;
    for (const [, account] of all) {
      for (const bill of account.bills) {
        assert.equal(bill.minimumCents, minimumPayment(bill.totalCents));
        assert.ok(bill.minimumCents >= 0 && bill.minimumCents <= Math.max(0, bill.totalCents));
        assert.equal(bill.closingDay, bill.dueDay - CLOSING_LEAD_DAYS);
        for (const p of bill.payments) {
          const day = dayNumber(p.paymentDate);
          assert.ok(day > bill.closingDay && day <= today, 'paid after closing, not in the future');
          assert.ok(cents(p.amount) > 0 && cents(p.amount) <= bill.totalCents);
          if (p.valueType === 'OUTRO_VALOR_PAGO_FATURA') partial += 1;
          if (day > bill.dueDay) late += 1;
        }
        if (bill.dueDay < today - 20 && bill.totalCents > 0)
          assert.ok(bill.payments.length > 0, 'old bills were paid');
      }
    }
    assert.ok(partial > 0 && late > 0, 'some pay part of the bill, some pay late');
  });

  it('rolls an unpaid remainder into the next bill as revolving credit with its interest', () => {
    let seen = 0;
    for (const [, account] of all) {
      account.bills.forEach((bill, index) => {
        const paid = bill.payments.reduce((s, p) => s + cents(p.amount), 0);
        const partial = bill.payments.some((p) => p.valueType === 'OUTRO_VALOR_PAGO_FATURA');
        if (!partial) return;
        const next = account.transactions.filter(
          (t) => t.billIndex === (index + 1 < account.bills.length ? index + 1 : undefined),
        );
        const carried = next.find((t) => t.otherCreditsType === 'CREDITO_ROTATIVO');
        assert.equal(carried?.brazilianCents, bill.totalCents - paid);
        assert.ok(next.some((t) => t.financeChargeType === 'JUROS_REMUNERATORIOS_ATRASO_PAGAMENTO_FATURA'));
        seen += 1;
      });
    }
    assert.ok(seen > 0);
  });

  it('keeps transactions inside their cycles, with the spec conditional fields', () => {
    for (const [c, account] of all) {
      for (const t of account.transactions) {
        assert.ok(t.instant <= (today + 1) * 86_400_000 + 3 * 3_600_000, 'nothing after today');
        // Posted on the bill whose cycle holds the posting day (the open one after the last closing).
        const cycleEnd = t.billIndex === undefined ? Infinity : account.bills[t.billIndex]!.closingDay;
        const previous = t.billIndex === undefined ? account.bills.at(-1) : account.bills[t.billIndex - 1];
        if (t.billPostDay !== null)
          assert.ok(t.billPostDay <= cycleEnd && t.billPostDay > (previous?.closingDay ?? -Infinity));
        else assert.equal(t.billIndex, undefined, 'only open-bill transactions await posting');
        if (t.transactionType === 'PAGAMENTO') assert.ok(t.paymentType !== undefined);
        if (t.paymentType === 'A_PRAZO')
          assert.ok(t.chargeIdentificator! >= 1 && t.chargeIdentificator! <= t.chargeNumber!);
        if (t.transactionType === 'TARIFA') assert.ok(t.feeType !== undefined);
        if (t.transactionType === 'OPERACOES_CREDITO_CONTRATADAS_CARTAO')
          assert.ok(t.otherCreditsType !== undefined);
        if (t.transactionType === 'OUTROS') assert.ok((t.transactionalAdditionalInfo ?? '').length > 0);
        if (t.currency !== 'BRL')
          assert.ok(t.brazilianCents > t.amountCents, 'dollars convert to more reais');
        assert.match(
          t.identificationNumber,
          c.personType === 'PESSOA_NATURAL' ? /^\d{4}$/ : /^[0-9a-f]{16}$/,
        );
      }
    }
  });

  it('reports a used limit that adds up with the available one', () => {
    for (const [, account] of all) {
      const [total] = account.limits;
      assert.equal(total?.creditLineLimitType, 'LIMITE_CREDITO_TOTAL');
      if (total.isLimitFlexible) {
        assert.equal(total.limitAmount, undefined);
        continue;
      }
      assert.equal(cents(total.availableAmount!), cents(total.limitAmount!) - cents(total.usedAmount));
      if (cents(total.limitAmount!) === 0) assert.ok(total.limitAmount!.limitAmountReason);
    }
  });

  it('gives a showcase customer a card even when the draw says no', () => {
    const without = customers.find((c) => accountsOf(c).length === 0)!;
    assert.ok(accountsOf(without, { ...env, showcase: true }).length >= 1);
  });
});
