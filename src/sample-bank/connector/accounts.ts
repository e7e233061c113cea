import { and, asc, count, eq } from 'drizzle-orm';
import {
  assertPageRequest,
  resourceNotFound,
  totalPages,
  type Account,
  type AccountsConnector,
  type BrandId,
  type CustomerRef,
} from '../../connectors/index.ts';
import { sampleBankAccounts } from '../schema/accounts.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { isUuid, isoSeconds } from './shared.ts';
import { listTransactions } from './transactions.ts';

const brl = (amount: string) => ({ amount, currency: 'BRL' });

/** The account row if it is this customer's at this brand; otherwise the contract's not-found. */
async function ownedAccount(
  deps: SampleBankDeps,
  brandId: BrandId,
  customer: CustomerRef,
  accountId: string,
) {
  if (!isUuid(accountId) || !isUuid(customer.customerId)) throw resourceNotFound('account', accountId);
  const [row] = await deps.db
    .select()
    .from(sampleBankAccounts)
    .where(
      and(
        eq(sampleBankAccounts.id, accountId),
        eq(sampleBankAccounts.brandId, brandId),
        eq(sampleBankAccounts.customerId, customer.customerId),
      ),
    );
  if (!row) throw resourceNotFound('account', accountId);
  return row;
}

/** accounts 2.4.2 over `sample_bank.accounts` and `sample_bank.transactions`. */
export function createAccountsReader(deps: SampleBankDeps): AccountsConnector {
  const { db } = deps;
  return {
    async listAccounts(brandId, customer, query) {
      assertPageRequest(query.page);
      if (!isUuid(customer.customerId)) return { items: [], totalRecords: 0, totalPages: 0 };
      const where = and(
        eq(sampleBankAccounts.brandId, brandId),
        eq(sampleBankAccounts.customerId, customer.customerId),
        query.accountType === undefined ? undefined : eq(sampleBankAccounts.type, query.accountType),
      );
      const { page, pageSize } = query.page;
      const [rows, [total]] = await Promise.all([
        db
          .select({
            accountId: sampleBankAccounts.id,
            brandName: sampleBankBrands.brandName,
            companyCnpj: sampleBankBrands.companyCnpj,
            type: sampleBankAccounts.type,
            compeCode: sampleBankBrands.compeCode,
            branchCode: sampleBankAccounts.branchCode,
            number: sampleBankAccounts.number,
            checkDigit: sampleBankAccounts.checkDigit,
          })
          .from(sampleBankAccounts)
          .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, sampleBankAccounts.brandId))
          .where(where)
          .orderBy(asc(sampleBankAccounts.openedOn), asc(sampleBankAccounts.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(sampleBankAccounts).where(where),
      ]);
      const totalRecords = total?.n ?? 0;
      return {
        items: rows satisfies Account[],
        totalRecords,
        totalPages: totalPages(totalRecords, pageSize),
      };
    },

    async getAccount(brandId, customer, accountId) {
      const row = await ownedAccount(deps, brandId, customer, accountId);
      const [brand] = await db
        .select({ compeCode: sampleBankBrands.compeCode })
        .from(sampleBankBrands)
        .where(eq(sampleBankBrands.brandId, brandId));
      return {
        compeCode: brand?.compeCode ?? '000',
        branchCode: row.branchCode,
        number: row.number,
        checkDigit: row.checkDigit,
        type: row.type,
        subtype: row.subtype,
        currency: row.currency,
      };
    },

    async getBalances(brandId, customer, accountId) {
      const row = await ownedAccount(deps, brandId, customer, accountId);
      return {
        availableAmount: brl(row.availableAmount),
        blockedAmount: brl(row.blockedAmount),
        automaticallyInvestedAmount: brl(row.automaticallyInvestedAmount),
        updateDateTime: isoSeconds(row.balanceUpdatedAt),
      };
    },

    async getOverdraftLimits(brandId, customer, accountId) {
      const row = await ownedAccount(deps, brandId, customer, accountId);
      if (row.overdraftContractedLimit === null) return {};
      // Used limit = the part of the overdraft the negative balance takes; the sample bank refuses
      // debits beyond the contracted limit, so nothing is ever unarranged.
      const available = Number(row.availableAmount);
      const used = available < 0 ? Math.min(-available, Number(row.overdraftContractedLimit)) : 0;
      return {
        overdraftContractedLimit: brl(row.overdraftContractedLimit),
        overdraftUsedLimit: brl(used.toFixed(2)),
        unarrangedOverdraftAmount: brl('0.00'),
      };
    },

    async listTransactions(brandId, customer, accountId, query) {
      const account = await ownedAccount(deps, brandId, customer, accountId);
      return listTransactions(deps, account.brandId, account.id, query);
    },
  };
}
