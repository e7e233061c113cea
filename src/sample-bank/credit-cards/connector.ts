import { and, asc, count, desc, eq, gte, lte } from 'drizzle-orm';
import {
  assertPageRequest,
  invalidQuery,
  isIsoDate,
  resourceNotFound,
  totalPages,
  type BrandId,
  type CoreResource,
  type CreditCardAccount,
  type CreditCardBill,
  type CreditCardLimit,
  type CreditCardsConnector,
  type CustomerRef,
} from '../../connectors/index.ts';
import { isUuid } from '../connector/shared.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { listBillTransactions, listCardTransactions } from './transactions.ts';
import {
  sampleBankCreditCardAccounts as a,
  sampleBankCreditCardBills as b,
  sampleBankCreditCardLimits as l,
} from './schema.ts';

const brl = (amount: string) => ({ amount, currency: 'BRL' });

/** The card account row if it is this customer's at this brand; otherwise the contract's not-found. */
export async function ownedCardAccount(
  deps: SampleBankDeps,
  brandId: BrandId,
  customer: CustomerRef,
  accountId: string,
) {
  if (!isUuid(accountId) || !isUuid(customer.customerId))
    throw resourceNotFound('credit card account', accountId);
  const [row] = await deps.db
    .select()
    .from(a)
    .where(and(eq(a.id, accountId), eq(a.brandId, brandId), eq(a.customerId, customer.customerId)));
  if (!row) throw resourceNotFound('credit card account', accountId);
  return row;
}

function assertDateRange(from: string | undefined, to: string | undefined): void {
  if ((from !== undefined && !isIsoDate(from)) || (to !== undefined && !isIsoDate(to))) {
    throw invalidQuery('dates must be YYYY-MM-DD');
  }
  if (from !== undefined && to !== undefined && from > to)
    throw invalidQuery('the window ends before it starts', { from, to });
}

/** credit-cards-accounts 2.3.1 over the `sample_bank.credit_card_*` tables. */
export function createCreditCardsReader(deps: SampleBankDeps): CreditCardsConnector {
  const { db } = deps;
  return {
    async listAccounts(brandId, customer, query) {
      assertPageRequest(query.page);
      if (!isUuid(customer.customerId)) return { items: [], totalRecords: 0, totalPages: 0 };
      const where = and(eq(a.brandId, brandId), eq(a.customerId, customer.customerId));
      const { page, pageSize } = query.page;
      const [rows, [total]] = await Promise.all([
        db
          .select({
            account: a,
            brandName: sampleBankBrands.brandName,
            companyCnpj: sampleBankBrands.companyCnpj,
          })
          .from(a)
          .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, a.brandId))
          .where(where)
          .orderBy(asc(a.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(a).where(where),
      ]);
      const items = rows.map(({ account, brandName, companyCnpj }): CreditCardAccount => ({
        creditCardAccountId: account.id,
        brandName,
        companyCnpj,
        name: account.name,
        productType: account.productType as CreditCardAccount['productType'],
        ...(account.productAdditionalInfo === null
          ? {}
          : { productAdditionalInfo: account.productAdditionalInfo }),
        creditCardNetwork: account.creditCardNetwork as CreditCardAccount['creditCardNetwork'],
        ...(account.networkAdditionalInfo === null
          ? {}
          : { networkAdditionalInfo: account.networkAdditionalInfo }),
      }));
      const totalRecords = total?.n ?? 0;
      return { items, totalRecords, totalPages: totalPages(totalRecords, pageSize) };
    },

    async getAccount(brandId, customer, accountId) {
      const account = await ownedCardAccount(deps, brandId, customer, accountId);
      return {
        name: account.name,
        productType: account.productType as CreditCardAccount['productType'],
        ...(account.productAdditionalInfo === null
          ? {}
          : { productAdditionalInfo: account.productAdditionalInfo }),
        creditCardNetwork: account.creditCardNetwork as CreditCardAccount['creditCardNetwork'],
        ...(account.networkAdditionalInfo === null
          ? {}
          : { networkAdditionalInfo: account.networkAdditionalInfo }),
        paymentMethod: account.paymentMethods,
      };
    },

    async getLimits(brandId, customer, accountId) {
      const account = await ownedCardAccount(deps, brandId, customer, accountId);
      const rows = await db.select().from(l).where(eq(l.accountId, account.id)).orderBy(asc(l.position));
      return rows.map((row): CreditCardLimit => ({
        creditLineLimitType: row.creditLineLimitType,
        consolidationType: row.consolidationType,
        identificationNumber: row.identificationNumber,
        ...(row.lineName === null ? {} : { lineName: row.lineName as CreditCardLimit['lineName'] }),
        ...(row.lineNameAdditionalInfo === null
          ? {}
          : { lineNameAdditionalInfo: row.lineNameAdditionalInfo }),
        isLimitFlexible: row.isLimitFlexible,
        ...(row.limitAmount === null
            ? {}
            : { limitAmount: { ...brl(row.limitAmount), ...(row.limitAmountReason === null ? {} : { limitAmountReason: row.limitAmountReason }) } }), // prettier-ignore
        usedAmount: brl(row.usedAmount),
        ...(row.availableAmount === null ? {} : { availableAmount: brl(row.availableAmount) }),
        ...(row.customizedLimitAmount === null
          ? {}
          : { customizedLimitAmount: brl(row.customizedLimitAmount) }),
      }));
    },

    async listBills(brandId, customer, accountId, query) {
      assertPageRequest(query.page);
      assertDateRange(query.fromDueDate, query.toDueDate);
      const account = await ownedCardAccount(deps, brandId, customer, accountId);
      const where = and(
        eq(b.accountId, account.id),
        query.fromDueDate === undefined ? undefined : gte(b.dueDate, query.fromDueDate),
        query.toDueDate === undefined ? undefined : lte(b.dueDate, query.toDueDate),
      );
      const { page, pageSize } = query.page;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(b)
          .where(where)
          .orderBy(desc(b.dueDate), desc(b.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(b).where(where),
      ]);
      const items = rows.map((row): CreditCardBill => ({
        billId: row.id,
        dueDate: row.dueDate,
        billTotalAmount: { amount: row.billTotalAmount, currency: row.currency },
        billMinimumAmount: { amount: row.billMinimumAmount, currency: row.currency },
        isInstalment: row.isInstalment,
        // Spec: financeCharges has at least one item when present.
        ...(row.financeCharges.length > 0 ? { financeCharges: row.financeCharges } : {}),
        payments: row.payments,
      }));
      const totalRecords = total?.n ?? 0;
      return { items, totalRecords, totalPages: totalPages(totalRecords, pageSize) };
    },

    async listBillTransactions(brandId, customer, accountId, billId, query) {
      assertPageRequest(query.page);
      assertDateRange(query.fromTransactionDate, query.toTransactionDate);
      const account = await ownedCardAccount(deps, brandId, customer, accountId);
      const [bill] = await db
        .select({ id: b.id })
        .from(b)
        .where(and(eq(b.id, billId), eq(b.accountId, account.id)));
      if (!bill) throw resourceNotFound('credit card bill', billId);
      return listBillTransactions(deps, account.id, bill.id, query);
    },

    async listTransactions(brandId, customer, accountId, query) {
      const account = await ownedCardAccount(deps, brandId, customer, accountId);
      return listCardTransactions(deps, account.id, query);
    },
  };
}

/** The customer's card accounts as consentable resources (`CREDIT_CARD_ACCOUNT`). */
export async function listCreditCardResources(
  deps: SampleBankDeps,
  brandId: BrandId,
  customer: CustomerRef,
): Promise<readonly CoreResource[]> {
  if (!isUuid(customer.customerId)) return [];
  const rows = await deps.db
    .select({ id: a.id, status: a.status })
    .from(a)
    .where(and(eq(a.brandId, brandId), eq(a.customerId, customer.customerId)))
    .orderBy(asc(a.id));
  return rows.map((row) => ({
    resourceId: row.id,
    type: 'CREDIT_CARD_ACCOUNT' as const,
    status: row.status,
  }));
}
