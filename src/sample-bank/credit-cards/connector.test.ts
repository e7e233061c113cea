import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectorErrorCode, type CreditCardTransaction } from '../../connectors/index.ts';
import { assertRejectsWithCode, brasiliaDate } from '../../connectors/testing.ts';
import { dayNumber } from '../generator/calendar.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { decimalToCents } from '../credit-operations/money.ts';
import { seedCreditBank } from '../credit-operations/test-support.ts';
import { CARD_HISTORY_MONTHS, SHOWCASE_CUSTOMERS } from './family.ts';
import { generateCardAccounts } from './generate.ts';

const bank = await seedCreditBank();
const { connector, g } = bank;
const cards = connector.creditCards!;
const all = { page: 1, pageSize: 1000 };

const seeded = (c: SampleCustomer) =>
  generateCardAccounts(bank.familyRandom(c, 'credit-cards'), c, {
    today: dayNumber(g.asOf),
    historyMonths: CARD_HISTORY_MONTHS,
    showcase: c.index < SHOWCASE_CUSTOMERS,
  });
const holder = bank.customers.find((c) => c.personType === 'PESSOA_NATURAL' && seeded(c).length > 0)!;
const stranger = bank.customers.find((c) => c !== holder && seeded(c).length > 0)!;
const signed = (t: CreditCardTransaction) =>
  (t.creditDebitType === 'DEBITO' ? 1 : -1) * decimalToCents(t.brazilianAmount.amount);

async function firstCard(c: SampleCustomer) {
  const ref = await bank.refOf(c);
  const list = await cards.listAccounts(g.brandId, ref, { page: all });
  return { ref, account: list.items[0]!, list };
}

describe('sample bank credit cards reader', () => {
  it('lists the seeded card accounts with the brand identity and their payment methods', async () => {
    const { ref, list } = await firstCard(holder);
    const expected = seeded(holder);
    assert.deepEqual(
      list.items.map((a) => a.creditCardAccountId),
      expected.map((a) => a.creditCardAccountId).sort(),
    );
    for (const item of list.items) {
      const source = expected.find((a) => a.creditCardAccountId === item.creditCardAccountId)!;
      assert.equal(item.name, source.name);
      assert.equal(item.brandName, 'Banco Ponte Exemplo');
      const identification = await cards.getAccount(g.brandId, ref, item.creditCardAccountId);
      assert.deepEqual(identification.paymentMethod, source.paymentMethods);
      assert.deepEqual(await cards.getLimits(g.brandId, ref, item.creditCardAccountId), source.limits);
    }
  });

  it('lists closed bills newest first, each totalling its transactions', async () => {
    const { ref, account } = await firstCard(holder);
    const bills = await cards.listBills(g.brandId, ref, account.creditCardAccountId, { page: all });
    assert.ok(bills.items.length >= 1);
    for (let i = 1; i < bills.items.length; i++)
      assert.ok(bills.items[i - 1]!.dueDate > bills.items[i]!.dueDate);
    for (const bill of bills.items) {
      const txs = await cards.listBillTransactions(g.brandId, ref, account.creditCardAccountId, bill.billId, {
        page: all,
      });
      assert.equal(txs.totalRecords, txs.items.length);
      assert.ok(txs.items.every((t) => t.billId === bill.billId && t.billPostDate !== '0001-01-01'));
      assert.equal(
        txs.items.reduce((s, t) => s + signed(t), 0),
        decimalToCents(bill.billTotalAmount.amount),
      );
      assert.ok(bill.financeCharges === undefined || bill.financeCharges.length > 0);
    }
  });

  it('filters bills by due date, both bounds inclusive', async () => {
    const { ref, account } = await firstCard(holder);
    const bills = (await cards.listBills(g.brandId, ref, account.creditCardAccountId, { page: all })).items;
    const middle = bills[Math.floor(bills.length / 2)]!.dueDate;
    const some = await cards.listBills(g.brandId, ref, account.creditCardAccountId, { fromDueDate: middle, toDueDate: middle, page: all }); // prettier-ignore
    assert.deepEqual(
      some.items.map((b) => b.dueDate),
      [middle],
    );
  });

  it('walks the transactions of a window by cursor exactly as one big page, newest first', async () => {
    const { ref, account } = await firstCard(holder);
    const window = { fromTransactionDate: '2025-01-01', toTransactionDate: g.asOf };
    const list = (paging: { page: number; pageSize: number } | { cursor: string; pageSize: number }) =>
      cards.listTransactions(g.brandId, ref, account.creditCardAccountId, { ...window, paging });
    const whole = await list(all);
    assert.ok(whole.items.length >= 3);
    for (const t of whole.items) assert.ok(brasiliaDate(t.transactionDateTime) >= window.fromTransactionDate && brasiliaDate(t.transactionDateTime) <= g.asOf); // prettier-ignore
    const walked: string[] = [];
    let p = await list({ page: 1, pageSize: 2 });
    for (;;) {
      walked.push(...p.items.map((t) => t.transactionId));
      if (p.nextCursor === null) break;
      p = await list({ cursor: p.nextCursor, pageSize: 2 });
    }
    assert.deepEqual(
      walked,
      whole.items.map((t) => t.transactionId),
    );
    const fees = await cards.listTransactions(g.brandId, ref, account.creditCardAccountId, { ...window, transactionType: 'PAGAMENTO', paging: all }); // prettier-ignore
    assert.deepEqual(fees.items.map((t) => t.transactionId), whole.items.filter((t) => t.transactionType === 'PAGAMENTO').map((t) => t.transactionId)); // prettier-ignore
    const mcc = whole.items.find((t) => t.payeeMCC !== undefined)!.payeeMCC!;
    const byMcc = await cards.listTransactions(g.brandId, ref, account.creditCardAccountId, { ...window, payeeMCC: mcc, paging: all }); // prettier-ignore
    assert.ok(byMcc.items.length > 0 && byMcc.items.every((t) => t.payeeMCC === mcc));
  });

  it('shows open-bill transactions without a bill id, the newest with the dummy posting date', async () => {
    const { ref, account } = await firstCard(holder);
    const recent = await cards.listTransactions(g.brandId, ref, account.creditCardAccountId, {
      fromTransactionDate: '2025-06-24',
      toTransactionDate: g.asOf,
      paging: all,
    });
    const source = seeded(holder).find((a) => a.creditCardAccountId === account.creditCardAccountId)!;
    const open = source.transactions.filter(
      (t) => t.billIndex === undefined && t.instant >= Date.parse('2025-06-24T03:00:00Z'),
    );
    assert.equal(recent.items.filter((t) => t.billId === undefined).length, open.length);
    for (const t of recent.items.filter((x) => x.billId === undefined))
      assert.match(t.billPostDate, /^(0001-01-01|2025-06-\d\d)$/);
  });

  it("never serves another customer's card, another brand's, or a bill of another account", async () => {
    const mine = await firstCard(holder);
    const theirs = await firstCard(stranger);
    const id = theirs.account.creditCardAccountId;
    const [theirBill] = (await cards.listBills(g.brandId, theirs.ref, id, { page: all })).items;
    const window = { fromTransactionDate: '2025-06-01', toTransactionDate: g.asOf, paging: all };
    const attempts: [string, () => Promise<unknown>][] = [
      ['getAccount', () => cards.getAccount(g.brandId, mine.ref, id)],
      ['getLimits', () => cards.getLimits(g.brandId, mine.ref, id)],
      ['listBills', () => cards.listBills(g.brandId, mine.ref, id, { page: all })],
      ['listTransactions', () => cards.listTransactions(g.brandId, mine.ref, id, window)],
      ['foreign brand', () => cards.getAccount('bank-b', theirs.ref, id)],
      ['unknown id', () => cards.getLimits(g.brandId, mine.ref, 'not-a-card')],
    ];
    if (theirBill) {
      attempts.push(['bill of another account', () => cards.listBillTransactions(g.brandId, mine.ref, mine.account.creditCardAccountId, theirBill.billId, { page: all })]); // prettier-ignore
    }
    for (const [label, attempt] of attempts)
      await assertRejectsWithCode(attempt, ConnectorErrorCode.RESOURCE_NOT_FOUND, label);
  });

  it('refuses reversed windows, bad dates and forged cursors', async () => {
    const { ref, account } = await firstCard(holder);
    const id = account.creditCardAccountId;
    const bad: [string, () => Promise<unknown>][] = [
      ['reversed', () => cards.listTransactions(g.brandId, ref, id, { fromTransactionDate: '2025-06-02', toTransactionDate: '2025-06-01', paging: all })], // prettier-ignore
      ['bad date', () => cards.listBills(g.brandId, ref, id, { fromDueDate: '2025-02-30', page: all })],
      ['forged cursor', () => cards.listTransactions(g.brandId, ref, id, { fromTransactionDate: '2025-06-01', toTransactionDate: '2025-06-02', paging: { cursor: 'x', pageSize: 5 } })], // prettier-ignore
      ['page 0', () => cards.listAccounts(g.brandId, ref, { page: { page: 0, pageSize: 5 } })],
    ];
    for (const [label, attempt] of bad)
      await assertRejectsWithCode(attempt, ConnectorErrorCode.INVALID_QUERY, label);
  });
});
