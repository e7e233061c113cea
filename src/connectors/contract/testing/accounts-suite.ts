import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ACCOUNT_SUBTYPES, ACCOUNT_TYPES } from '../accounts.ts';
import { ConnectorErrorCode } from '../errors.ts';
import type { ContractSuite } from './fixtures.ts';
import { customerOf, firstAccount } from './helpers.ts';
import { SPEC, assertAmount, assertCnpj, assertDateTime, assertRejectsWithCode } from './spec-formats.ts';
import { transactionTests } from './transactions-suite.ts';

/** accounts 2.4.2: list, identification, balances, overdraft limits, and who may see them. */
export const accountsSuite: ContractSuite = {
  name: 'accounts',
  register(ctx) {
    const { connector, fixtures } = ctx;
    const { brandId } = fixtures;
    const accounts = connector.accounts;

    void it('lists the customer accounts in spec formats', async () => {
      const page = await accounts.listAccounts(brandId, await customerOf(ctx, 'natural'), {
        page: { page: 1, pageSize: 25 },
      });
      assert.ok(page.items.length >= 1);
      assert.ok(page.totalRecords >= page.items.length);
      for (const a of page.items) {
        assert.match(a.accountId, SPEC.id);
        assert.ok((ACCOUNT_TYPES as readonly string[]).includes(a.type));
        assert.match(a.compeCode, SPEC.compeCode);
        if (a.branchCode !== undefined) assert.match(a.branchCode, SPEC.branchCode);
        assert.match(a.number, SPEC.accountNumber);
        assert.equal(a.checkDigit.length, 1);
        assertCnpj(a.companyCnpj, 'companyCnpj');
      }
    });

    void it('pages accounts one by one through the same set, with consistent totals', async () => {
      const ref = await customerOf(ctx, 'natural');
      const all = await accounts.listAccounts(brandId, ref, { page: { page: 1, pageSize: 1000 } });
      const seen: string[] = [];
      for (let page = 1; page <= all.totalRecords; page += 1) {
        const one = await accounts.listAccounts(brandId, ref, { page: { page, pageSize: 1 } });
        assert.equal(one.totalRecords, all.totalRecords);
        assert.equal(one.totalPages, all.totalRecords);
        seen.push(...one.items.map((a) => a.accountId));
      }
      assert.deepEqual(
        seen,
        all.items.map((a) => a.accountId),
      );
      const beyond = await accounts.listAccounts(brandId, ref, {
        page: { page: all.totalRecords + 1, pageSize: 1 },
      });
      assert.equal(beyond.items.length, 0);
    });

    void it('filters accounts by type', async () => {
      const ref = await customerOf(ctx, 'natural');
      const all = await accounts.listAccounts(brandId, ref, { page: { page: 1, pageSize: 1000 } });
      for (const type of ACCOUNT_TYPES) {
        const some = await accounts.listAccounts(brandId, ref, {
          accountType: type,
          page: { page: 1, pageSize: 1000 },
        });
        assert.ok(some.items.every((a) => a.type === type));
        assert.equal(some.totalRecords, all.items.filter((a) => a.type === type).length);
      }
    });

    void it('refuses page 0 and page sizes outside 1..1000', async () => {
      const ref = await customerOf(ctx, 'natural');
      for (const page of [
        { page: 0, pageSize: 25 },
        { page: 1, pageSize: 0 },
        { page: 1, pageSize: 1001 },
      ]) {
        await assertRejectsWithCode(
          () => accounts.listAccounts(brandId, ref, { page }),
          ConnectorErrorCode.INVALID_QUERY,
          JSON.stringify(page),
        );
      }
    });

    void it('identifies an account with the numbers the list gave', async () => {
      const account = await firstAccount(ctx);
      const id = await accounts.getAccount(brandId, await customerOf(ctx, 'natural'), account.accountId);
      assert.deepEqual(
        [id.compeCode, id.number, id.checkDigit, id.type],
        [account.compeCode, account.number, account.checkDigit, account.type],
      );
      assert.ok((ACCOUNT_SUBTYPES as readonly string[]).includes(id.subtype));
      assert.match(id.currency, SPEC.currency);
    });

    void it('returns balances and overdraft limits in spec formats', async () => {
      const ref = await customerOf(ctx, 'natural');
      const account = await firstAccount(ctx);
      const b = await accounts.getBalances(brandId, ref, account.accountId);
      assertAmount(b.availableAmount, 'availableAmount', { signed: true });
      assertAmount(b.blockedAmount, 'blockedAmount');
      assertAmount(b.automaticallyInvestedAmount, 'automaticallyInvestedAmount', { signed: true });
      assertDateTime(b.updateDateTime, 'updateDateTime');
      const limits = await accounts.getOverdraftLimits(brandId, ref, account.accountId);
      for (const [key, value] of Object.entries(limits)) assertAmount(value as never, key);
    });

    void it("never shows another customer's account, whatever the method", async () => {
      const mine = await customerOf(ctx, 'natural');
      const theirs = await firstAccount(ctx, 'other');
      const window = { ...fixtures.transactionWindow, paging: { page: 1, pageSize: 25 } };
      const attempts: [string, () => Promise<unknown>][] = [
        ['getAccount', () => accounts.getAccount(brandId, mine, theirs.accountId)],
        ['getBalances', () => accounts.getBalances(brandId, mine, theirs.accountId)],
        ['getOverdraftLimits', () => accounts.getOverdraftLimits(brandId, mine, theirs.accountId)],
        ['listTransactions', () => accounts.listTransactions(brandId, mine, theirs.accountId, window)],
      ];
      for (const [label, attempt] of attempts)
        await assertRejectsWithCode(attempt, ConnectorErrorCode.RESOURCE_NOT_FOUND, label);
    });

    void it('does not serve an account under another brand, nor an unknown account id', async () => {
      const ref = await customerOf(ctx, 'natural');
      const account = await firstAccount(ctx);
      await assertRejectsWithCode(
        () => accounts.getAccount(fixtures.foreignBrandId, ref, account.accountId),
        ConnectorErrorCode.RESOURCE_NOT_FOUND,
        'foreign brand',
      );
      await assertRejectsWithCode(
        () => accounts.getBalances(brandId, ref, 'no-such-account-0'),
        ConnectorErrorCode.RESOURCE_NOT_FOUND,
        'unknown id',
      );
    });

    transactionTests(ctx);
  },
};
