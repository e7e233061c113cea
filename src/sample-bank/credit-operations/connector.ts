import { and, asc, count, eq, not } from 'drizzle-orm';
import {
  assertPageRequest,
  CREDIT_OPERATION_TYPES,
  invalidQuery,
  resourceNotFound,
  totalPages,
  type BrandId,
  type CoreResource,
  type CreditContractSummary,
  type CreditOperationsConnector,
  type CreditOperationType,
  type CustomerRef,
} from '../../connectors/index.ts';
import { fieldAad } from '../../platform/crypto/index.ts';
import { isUuid } from '../connector/shared.ts';
import { dayNumber } from '../generator/calendar.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { contractView, paymentsView, scheduleOfRow, type ContractRow } from './contract-view.ts';
import { scheduleState } from './schedule-state.ts';
import {
  sampleBankCreditContracts as k,
  sampleBankCreditReleases as r,
  sampleBankCreditWarranties as w,
} from './schema.ts';

const CONTRACTS_TABLE = 'sample_bank.credit_contracts';
const KIND: Readonly<Record<CreditOperationType, string>> = {
  LOAN: 'loan contract',
  FINANCING: 'financing contract',
  UNARRANGED_ACCOUNT_OVERDRAFT: 'unarranged overdraft contract',
  INVOICE_FINANCING: 'invoice financing contract',
};

function assertType(type: CreditOperationType): void {
  // A type outside the four would silently match nothing; refuse it like any bad query input.
  if (!(CREDIT_OPERATION_TYPES as readonly string[]).includes(type)) {
    throw invalidQuery('unknown credit operation type', { type });
  }
}

/**
 * loans, financings, unarranged-accounts-overdraft and invoice-financings over
 * `sample_bank.credit_contracts` and its warranties and releases. Counts, balances and the next
 * instalment are derived from the stored schedule as of the brand's seed day (`brands.as_of`):
 * the sample bank is a snapshot, and its payments stop on that day too.
 */
export function createCreditOperationsReader(deps: SampleBankDeps): CreditOperationsConnector {
  const { db, cipher } = deps;

  /** The contract row if it is this customer's, of this type, at this brand; otherwise not-found. */
  async function owned(
    brandId: BrandId,
    customer: CustomerRef,
    type: CreditOperationType,
    contractId: string,
  ) {
    assertType(type);
    if (!isUuid(contractId) || !isUuid(customer.customerId)) throw resourceNotFound(KIND[type], contractId);
    const [row] = await db
      .select({ contract: k, asOf: sampleBankBrands.asOf })
      .from(k)
      .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, k.brandId))
      .where(
        and(
          eq(k.id, contractId),
          eq(k.brandId, brandId),
          eq(k.customerId, customer.customerId),
          eq(k.operationType, type),
        ),
      );
    if (!row) throw resourceNotFound(KIND[type], contractId);
    return row;
  }

  /** Agreed instalments paid: those before the online history plus the agreed releases kept. */
  async function paidInstalments(contract: ContractRow): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(r)
      .where(and(eq(r.contractId, contract.id), not(r.isOverParcelPayment)));
    return contract.paidBeforeHistory + (row?.n ?? 0);
  }

  async function stateOf(contract: ContractRow, asOf: string) {
    const paid = await paidInstalments(contract);
    const state = scheduleState(
      scheduleOfRow(contract),
      paid,
      contract.settlementDate !== null,
      dayNumber(asOf),
    );
    return { paid, state };
  }

  const ipoc = (contract: ContractRow) =>
    cipher.decrypt(contract.ipocCodeEnc, fieldAad(CONTRACTS_TABLE, 'ipoc_code_enc', contract.id));

  return {
    async listContracts<T extends CreditOperationType>(
      brandId: BrandId,
      customer: CustomerRef,
      type: T,
      query: { readonly page: { page: number; pageSize: number } },
    ) {
      assertType(type);
      assertPageRequest(query.page);
      if (!isUuid(customer.customerId)) return { items: [], totalRecords: 0, totalPages: 0 };
      const where = and(
        eq(k.brandId, brandId),
        eq(k.customerId, customer.customerId),
        eq(k.operationType, type),
      );
      const { page, pageSize } = query.page;
      const [rows, [total]] = await Promise.all([
        db
          .select({
            contract: k,
            brandName: sampleBankBrands.brandName,
            companyCnpj: sampleBankBrands.companyCnpj,
          })
          .from(k)
          .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, k.brandId))
          .where(where)
          .orderBy(asc(k.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(k).where(where),
      ]);
      const items = rows.map(({ contract, brandName, companyCnpj }) => ({
        contractId: contract.id,
        brandName,
        companyCnpj,
        productType: contract.productType,
        productSubType: contract.productSubType,
        ...(type === 'LOAN' ? { productSubTypeCategory: contract.productSubTypeCategory ?? 'OUTRO' } : {}),
        ipocCode: ipoc(contract),
      })) as unknown as CreditContractSummary<T>[];
      const totalRecords = total?.n ?? 0;
      return { items, totalRecords, totalPages: totalPages(totalRecords, pageSize) };
    },

    async getContract(brandId, customer, type, contractId) {
      const { contract, asOf } = await owned(brandId, customer, type, contractId);
      const { state } = await stateOf(contract, asOf);
      return contractView(contract, ipoc(contract), state);
    },

    async listWarranties(brandId, customer, type, contractId, query) {
      assertPageRequest(query.page);
      const { contract } = await owned(brandId, customer, type, contractId);
      const { page, pageSize } = query.page;
      const [rows, [total]] = await Promise.all([
        db
          .select({
            currency: w.currency,
            warrantyType: w.warrantyType,
            warrantySubType: w.warrantySubType,
            warrantyAmount: w.warrantyAmount,
          })
          .from(w)
          .where(eq(w.contractId, contract.id))
          .orderBy(asc(w.position))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(w).where(eq(w.contractId, contract.id)),
      ]);
      const totalRecords = total?.n ?? 0;
      return { items: rows as never, totalRecords, totalPages: totalPages(totalRecords, pageSize) };
    },

    async getScheduledInstalments(brandId, customer, type, contractId) {
      const { contract, asOf } = await owned(brandId, customer, type, contractId);
      return (await stateOf(contract, asOf)).state.instalments;
    },

    async getPayments(brandId, customer, type, contractId) {
      const { contract, asOf } = await owned(brandId, customer, type, contractId);
      const [{ paid, state }, releases] = await Promise.all([
        stateOf(contract, asOf),
        db.select().from(r).where(eq(r.contractId, contract.id)).orderBy(asc(r.position)),
      ]);
      return paymentsView(contract, releases, paid, state, asOf);
    },
  };
}

/** The customer's contracts as consentable resources (resources 3.1.0 types LOAN, FINANCING …). */
export async function listCreditOperationResources(
  deps: SampleBankDeps,
  brandId: BrandId,
  customer: CustomerRef,
): Promise<readonly CoreResource[]> {
  if (!isUuid(customer.customerId)) return [];
  const rows = await deps.db
    .select({ id: k.id, type: k.operationType })
    .from(k)
    .where(and(eq(k.brandId, brandId), eq(k.customerId, customer.customerId)))
    .orderBy(asc(k.operationType), asc(k.id));
  return rows.map((row) => ({ resourceId: row.id, type: row.type, status: 'AVAILABLE' as const }));
}
