import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidCnpj, isValidCpf } from '../../platform/documents/index.ts';
import { COMPLETED_AUTHORISED_PAYMENT_TYPES, TRANSACTION_TYPES } from '../../connectors/index.ts';
import { generateAccounts, type GeneratedAccounts } from './accounts.ts';
import { brasiliaInstant, dayNumber } from './calendar.ts';
import { generateCounterpartyPool } from './counterparties.ts';
import { generateCustomer } from './customers.ts';
import type { SampleCustomer } from './model.ts';

const g = { seed: 42, brandId: 'bank-a', asOf: '2025-06-30', historyMonths: 12 };
const pool = generateCounterpartyPool(g.seed, g.brandId);
const N = 300;
const generated: { customer: SampleCustomer; data: GeneratedAccounts }[] = Array.from(
  { length: N },
  (_, i) => {
    const customer = generateCustomer(g, i);
    return { customer, data: generateAccounts(g, customer, pool) };
  },
);
const asOfEnd = brasiliaInstant(dayNumber(g.asOf) + 1, 0);
const brasiliaDay = (instant: number) => new Date(instant - 3 * 3_600_000).toISOString().slice(0, 10);

describe('sample bank generator', () => {
  it('gives natural persons valid CPFs and companies valid CNPJs, all distinct', () => {
    const documents = new Set<string>();
    for (const { customer } of generated) {
      const valid =
        customer.personType === 'PESSOA_NATURAL'
          ? isValidCpf(customer.document)
          : isValidCnpj(customer.document);
      assert.ok(valid, `${customer.personType} ${customer.document}`);
      documents.add(customer.document);
    }
    assert.equal(documents.size, N);
    assert.ok(
      generated.some((x) => x.customer.personType === 'PESSOA_JURIDICA'),
      'there are companies',
    );
    for (const c of pool.all)
      assert.ok(c.personType === 'PESSOA_NATURAL' ? isValidCpf(c.document) : isValidCnpj(c.document));
  });

  it('produces the same data for the same seed, and other data for another seed or brand', () => {
    const again = generateCustomer(g, 17);
    assert.deepEqual(again, generated[17]!.customer);
    assert.deepEqual(
      generateAccounts(g, again, generateCounterpartyPool(g.seed, g.brandId)),
      generated[17]!.data,
    );
    assert.notEqual(generateCustomer({ ...g, seed: 43 }, 17).document, again.document);
    assert.notEqual(generateCustomer({ ...g, brandId: 'bank-b' }, 17).customerId, again.customerId);
  });

  it('keeps every balance equal to the opening balance plus the transactions', () => {
    for (const { data } of generated) {
      data.accounts.forEach((account, i) => {
        let settled = 0;
        let processing = 0;
        for (const t of data.transactions[i]!) {
          const signed = t.creditDebit === 'CREDITO' ? t.cents : -t.cents;
          if (t.status === 'TRANSACAO_EFETIVADA') settled += signed;
          if (t.status === 'TRANSACAO_PROCESSANDO') processing -= signed;
        }
        assert.equal(account.blockedCents, processing, 'blocked = debits still processing');
        assert.equal(
          account.availableCents + account.blockedCents,
          account.openingCents + settled,
          account.accountId,
        );
      });
    }
  });

  it('dates transactions inside the history, with only bills in the future and only today processing', () => {
    for (const { data } of generated) {
      data.accounts.forEach((account, i) => {
        const start = brasiliaInstant(dayNumber(account.historyStart), 0);
        for (const t of data.transactions[i]!) {
          assert.ok(t.instant >= start, 'not before the history starts');
          assert.ok((TRANSACTION_TYPES as readonly string[]).includes(t.type));
          assert.ok((COMPLETED_AUTHORISED_PAYMENT_TYPES as readonly string[]).includes(t.status));
          if (t.status === 'LANCAMENTO_FUTURO') {
            assert.ok(t.instant >= asOfEnd && ['BOLETO', 'CONVENIO_ARRECADACAO'].includes(t.type), t.name);
          } else {
            assert.ok(t.instant < asOfEnd, `${t.name} on ${brasiliaDay(t.instant)} is not in the future`);
          }
          if (t.status === 'TRANSACAO_PROCESSANDO') assert.equal(brasiliaDay(t.instant), g.asOf);
        }
      });
    }
  });

  it('pays salaries in the first days of the month', () => {
    const paydays = generated.flatMap(({ data }) =>
      data.transactions.flat().filter((t) => t.type === 'FOLHA_PAGAMENTO' && t.name.startsWith('SALARIO')),
    );
    assert.ok(paydays.length > 100);
    for (const t of paydays) assert.ok(Number(brasiliaDay(t.instant).slice(8)) <= 9, brasiliaDay(t.instant));
  });

  it('spends visibly more in December than in an ordinary month', () => {
    const byMonth = new Map<string, number>();
    for (const { customer, data } of generated) {
      if (customer.personType !== 'PESSOA_NATURAL') continue;
      for (const t of data.transactions.flat()) {
        if (t.creditDebit !== 'DEBITO' || !['CARTAO', 'PIX'].includes(t.type)) continue;
        const month = brasiliaDay(t.instant).slice(0, 7);
        byMonth.set(month, (byMonth.get(month) ?? 0) + t.cents);
      }
    }
    const ordinary = ['2024-08', '2024-09', '2024-10', '2025-03', '2025-04', '2025-05'].map(
      (m) => byMonth.get(m) ?? 0,
    );
    const average = ordinary.reduce((a, b) => a + b, 0) / ordinary.length;
    assert.ok(
      (byMonth.get('2024-12') ?? 0) > average * 1.3,
      'December spending is at least 30 % above average',
    );
  });

  it('lets a company be represented by a natural person who is a customer of the brand', () => {
    const documents = new Set(generated.map((x) => x.customer.document));
    const companies = generated.filter(
      (x) => x.customer.personType === 'PESSOA_JURIDICA' && x.customer.index > 50,
    );
    assert.ok(companies.length > 0);
    for (const { customer } of companies) {
      const representative = customer.procurators.find((p) => p.type === 'REPRESENTANTE_LEGAL');
      assert.ok(representative && documents.has(representative.document), customer.name);
    }
  });

  it('numbers accounts uniquely with a check digit', () => {
    const numbers = generated.flatMap((x) => x.data.accounts.map((a) => `${a.branchCode}/${a.number}`));
    assert.equal(new Set(numbers.map((n) => n.slice(5))).size, numbers.length);
    for (const { data } of generated)
      for (const a of data.accounts) assert.match(`${a.number}${a.checkDigit}`, /^\d{9}$/);
  });

  it('averages about a hundred transactions per customer (1 million for 10,000)', () => {
    const total = generated.reduce((n, x) => n + x.data.transactions.flat().length, 0);
    assert.ok(total / N > 70 && total / N < 150, `${total / N} per customer`);
  });
});
