import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CustomerRef, Page } from '../common.ts';
import {
  CREDIT_CARD_NETWORKS,
  CREDIT_CARD_PRODUCT_TYPES,
  CREDIT_CARD_TRANSACTION_TYPES,
  type CreditCardAccount,
  type CreditCardsConnector,
  type CreditCardTransaction,
} from '../credit-cards.ts';
import { ConnectorErrorCode } from '../errors.ts';
import type { ContractContext, ContractSuite } from './fixtures.ts';
import { customerOf } from './helpers.ts';
import {
  SPEC,
  assertAmount,
  assertCnpj,
  assertDate,
  assertRejectsWithCode,
  brasiliaDate,
} from './spec-formats.ts';

const ALL = { page: 1, pageSize: 1000 } as const;
const oneOf = (values: readonly string[], value: string | undefined, label: string) =>
  assert.ok(value !== undefined && values.includes(value), `${label}: ${String(value)} is a spec code`);

/** credit-cards-accounts 2.3.1 `CreditCardAccountsTransaction`, with its conditional fields. */
export function assertCardTransaction(t: CreditCardTransaction): void {
  assert.match(t.transactionId, SPEC.id);
  assert.match(t.identificationNumber, SPEC.id);
  assert.ok(t.transactionName.length > 0 && t.transactionName.length <= 200);
  if (t.billId !== undefined) assert.match(t.billId, SPEC.id);
  oneOf(CREDIT_CARD_TRANSACTION_TYPES, t.transactionType, 'transactionType');
  assertAmount(t.amount, 'amount');
  assertAmount(t.brazilianAmount, 'brazilianAmount');
  assert.equal(t.brazilianAmount.currency, 'BRL');
  assert.match(t.transactionDateTime, SPEC.dateTimeMillis);
  assertDate(t.billPostDate, 'billPostDate');
  if (t.transactionType === 'PAGAMENTO') assert.ok(t.paymentType, 'a payment says à vista or a prazo');
  if (t.paymentType === 'A_PRAZO') {
    assert.ok(
      Number.isInteger(t.chargeIdentificator) && t.chargeIdentificator! >= 1 && t.chargeIdentificator! <= 999,
    );
    if (t.chargeNumber !== undefined) assert.ok(t.chargeIdentificator! <= t.chargeNumber);
  }
  if (t.transactionType === 'TARIFA') assert.ok(t.feeType, 'a fee names its type');
  if (t.feeType === 'OUTRA') assert.ok(t.feeTypeAdditionalInfo);
  if (t.transactionType === 'OPERACOES_CREDITO_CONTRATADAS_CARTAO') assert.ok(t.otherCreditsType);
  if (t.otherCreditsType === 'OUTROS') assert.ok(t.otherCreditsAdditionalInfo);
  if (t.transactionType === 'OUTROS') assert.ok(t.transactionalAdditionalInfo, 'OUTROS is explained');
  if (t.payeeMCC !== undefined) assert.ok(Number.isInteger(t.payeeMCC) && t.payeeMCC >= 0);
}

function assertNewestFirst(items: readonly CreditCardTransaction[]): void {
  for (let i = 1; i < items.length; i += 1) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const ordered =
      a.transactionDateTime > b.transactionDateTime ||
      (a.transactionDateTime === b.transactionDateTime && a.transactionId > b.transactionId);
    assert.ok(ordered, `${a.transactionId} before ${b.transactionId}`);
  }
}

interface Holding {
  readonly cards: CreditCardsConnector;
  readonly ref: CustomerRef;
  readonly account: CreditCardAccount;
  /** A window around the latest closed bill: its due date and the 60 days before. */
  readonly window: { readonly fromTransactionDate: string; readonly toTransactionDate: string };
}

/**
 * credit-cards-accounts 2.3.1. Needs `naturalPerson` to hold a card account with at least one
 * closed bill; registers nothing when the connector has no `creditCards`.
 */
export const creditCardsSuite: ContractSuite = {
  name: 'credit cards',
  register(ctx: ContractContext) {
    const cards = ctx.connector.creditCards;
    if (!cards) return;
    const { brandId } = ctx.fixtures;

    async function holding(): Promise<Holding> {
      const ref = await customerOf(ctx, 'natural');
      const [account] = (await cards!.listAccounts(brandId, ref, { page: ALL })).items;
      assert.ok(account, 'the credit card suite needs naturalPerson to hold a card account');
      const [bill] = (await cards!.listBills(brandId, ref, account.creditCardAccountId, { page: ALL })).items;
      assert.ok(bill, "the credit card suite needs naturalPerson's first card to have a closed bill");
      const due = new Date(`${bill.dueDate}T12:00:00Z`);
      const from = new Date(due.getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
      return {
        cards: cards!,
        ref,
        account,
        window: { fromTransactionDate: from, toTransactionDate: bill.dueDate },
      };
    }

    void it('lists card accounts in spec formats, ordered and paged with consistent totals', async () => {
      const { ref } = await holding();
      const all = await cards.listAccounts(brandId, ref, { page: ALL });
      for (const a of all.items) {
        assert.match(a.creditCardAccountId, SPEC.id);
        assertCnpj(a.companyCnpj, 'companyCnpj');
        assert.ok(a.brandName.length > 0 && a.brandName.length <= 80);
        assert.ok(a.name.length > 0 && a.name.length <= 50);
        oneOf(CREDIT_CARD_PRODUCT_TYPES, a.productType, 'productType');
        oneOf(CREDIT_CARD_NETWORKS, a.creditCardNetwork, 'creditCardNetwork');
        if (a.productType === 'OUTROS') assert.ok(a.productAdditionalInfo);
        if (a.creditCardNetwork === 'OUTRAS') assert.ok(a.networkAdditionalInfo);
      }
      const walked: string[] = [];
      for (let page = 1; page <= all.totalRecords; page += 1) {
        const one: Page<CreditCardAccount> = await cards.listAccounts(brandId, ref, {
          page: { page, pageSize: 1 },
        });
        assert.equal(one.totalPages, all.totalRecords);
        walked.push(...one.items.map((a) => a.creditCardAccountId));
      }
      assert.deepEqual(
        walked,
        all.items.map((a) => a.creditCardAccountId),
      );
    });

    void it('identifies an account with its cards and states its limits as the spec requires', async () => {
      const { ref, account } = await holding();
      const id = await cards.getAccount(brandId, ref, account.creditCardAccountId);
      assert.deepEqual(
        [id.name, id.productType, id.creditCardNetwork],
        [account.name, account.productType, account.creditCardNetwork],
      );
      assert.ok(id.paymentMethod.length >= 1);
      for (const p of id.paymentMethod) assert.match(p.identificationNumber, SPEC.id);
      const limits = await cards.getLimits(brandId, ref, account.creditCardAccountId);
      for (const l of limits) {
        assert.match(l.identificationNumber, SPEC.id);
        assertAmount(l.usedAmount, 'usedAmount', { signed: true });
        if (!l.isLimitFlexible) {
          assertAmount(l.limitAmount, 'limitAmount');
          assertAmount(l.availableAmount, 'availableAmount', { signed: true });
        }
        if (l.limitAmount && Number(l.limitAmount.amount) === 0)
          assert.ok(l.limitAmount.limitAmountReason, 'a zero limit says why');
        if (l.creditLineLimitType === 'LIMITE_CREDITO_MODALIDADE_OPERACAO')
          assert.ok(l.lineName, 'a modality limit names its line');
        if (l.lineName === 'OUTROS') assert.ok(l.lineNameAdditionalInfo);
      }
    });

    void it('lists closed bills newest first in spec formats and filters them by due date', async () => {
      const { ref, account } = await holding();
      const bills = await cards.listBills(brandId, ref, account.creditCardAccountId, { page: ALL });
      assert.equal(bills.totalRecords, bills.items.length);
      for (const [i, b] of bills.items.entries()) {
        assert.match(b.billId, SPEC.id);
        assertDate(b.dueDate, 'dueDate');
        assertAmount(b.billTotalAmount, 'billTotalAmount', { signed: true });
        assertAmount(b.billMinimumAmount, 'billMinimumAmount');
        if (b.financeCharges !== undefined)
          assert.ok(b.financeCharges.length >= 1, 'financeCharges has minItems 1');
        for (const p of b.payments) {
          assertDate(p.paymentDate, 'paymentDate');
          assert.match(p.amount, SPEC.amount, 'payments are never negative');
        }
        if (i > 0) assert.ok(bills.items[i - 1]!.dueDate >= b.dueDate, 'newest due date first');
      }
      const due = bills.items[0]!.dueDate;
      const some = await cards.listBills(brandId, ref, account.creditCardAccountId, {
        fromDueDate: due,
        toDueDate: due,
        page: ALL,
      });
      assert.ok(some.items.length >= 1 && some.items.every((b) => b.dueDate === due));
    });

    void it("lists a bill's transactions, each on that bill, newest first", async () => {
      const { ref, account } = await holding();
      const [bill] = (await cards.listBills(brandId, ref, account.creditCardAccountId, { page: ALL })).items;
      const page = await cards.listBillTransactions(brandId, ref, account.creditCardAccountId, bill!.billId, {
        page: ALL,
      });
      assert.equal(page.totalRecords, page.items.length);
      for (const t of page.items) {
        assertCardTransaction(t);
        assert.equal(t.billId, bill!.billId);
      }
      assertNewestFirst(page.items);
    });

    void it('lists transactions of a window newest first, the same by page number and by cursor', async () => {
      const { ref, account, window } = await holding();
      const list = (paging: { page: number; pageSize: number } | { cursor: string; pageSize: number }) =>
        cards.listTransactions(brandId, ref, account.creditCardAccountId, { ...window, paging });
      const all = await list(ALL);
      assert.ok(all.items.length >= 2, 'the window around the last bill holds at least two transactions');
      assert.equal(all.nextCursor, null);
      for (const t of all.items) {
        assertCardTransaction(t);
        const day = brasiliaDate(t.transactionDateTime);
        assert.ok(
          day >= window.fromTransactionDate && day <= window.toTransactionDate,
          `${day} is in the window`,
        );
      }
      assertNewestFirst(all.items);
      const first = await list({ page: 1, pageSize: 1 });
      assert.ok(first.nextCursor);
      assert.deepEqual(
        (await list({ cursor: first.nextCursor, pageSize: 1 })).items,
        (await list({ page: 2, pageSize: 1 })).items,
      );
      const type = all.items[0]!.transactionType;
      const typed = await cards.listTransactions(brandId, ref, account.creditCardAccountId, {
        ...window,
        transactionType: type,
        paging: ALL,
      });
      assert.deepEqual(
        typed.items.map((t) => t.transactionId),
        all.items.filter((t) => t.transactionType === type).map((t) => t.transactionId),
      );
    });

    void it('never shows a card account to another customer, under another brand, or by an unknown id', async () => {
      const { account, window } = await holding();
      const other = await customerOf(ctx, 'other');
      const id = account.creditCardAccountId;
      const attempts: [string, () => Promise<unknown>][] = [
        ['getAccount', () => cards.getAccount(brandId, other, id)],
        ['getLimits', () => cards.getLimits(brandId, other, id)],
        ['listBills', () => cards.listBills(brandId, other, id, { page: ALL })],
        ['listTransactions', () => cards.listTransactions(brandId, other, id, { ...window, paging: ALL })],
        [
          'foreign brand',
          async () => cards.getAccount(ctx.fixtures.foreignBrandId, await customerOf(ctx, 'natural'), id),
        ],
        [
          'unknown id',
          async () => cards.getLimits(brandId, await customerOf(ctx, 'natural'), 'no-such-card-0'),
        ],
        [
          'unknown bill',
          async () =>
            cards.listBillTransactions(brandId, await customerOf(ctx, 'natural'), id, 'no-such-bill-0', {
              page: ALL,
            }),
        ],
      ];
      for (const [label, attempt] of attempts)
        await assertRejectsWithCode(attempt, ConnectorErrorCode.RESOURCE_NOT_FOUND, label);
    });

    void it('refuses bad pages, reversed windows, bad dates and forged cursors', async () => {
      const { ref, account, window } = await holding();
      const id = account.creditCardAccountId;
      const bad: [string, () => Promise<unknown>][] = [
        ['page 0', () => cards.listAccounts(brandId, ref, { page: { page: 0, pageSize: 25 } })],
        ['page size 1001', () => cards.listBills(brandId, ref, id, { page: { page: 1, pageSize: 1001 } })],
        ['reversed', () => cards.listTransactions(brandId, ref, id, { fromTransactionDate: window.toTransactionDate, toTransactionDate: window.fromTransactionDate, paging: ALL })],
        ['not a date', () => cards.listBills(brandId, ref, id, { fromDueDate: '2025-02-30', page: ALL })],
        ['forged cursor', () => cards.listTransactions(brandId, ref, id, { ...window, paging: { cursor: 'not-a-cursor', pageSize: 5 } })],
      ]; // prettier-ignore
      for (const [label, attempt] of bad)
        await assertRejectsWithCode(attempt, ConnectorErrorCode.INVALID_QUERY, label);
    });
  },
};
