import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CustomerRef } from '../common.ts';
import {
  AMORTIZATION_SCHEDULES,
  CREDIT_OPERATION_TYPES,
  FINANCE_CHARGE_TYPES,
  INSTALMENT_PERIODICITIES,
  WARRANTY_SUB_TYPES,
  WARRANTY_TYPES,
  type ContractPayments,
  type CreditContract,
  type CreditContractSummary,
  type CreditOperationsConnector,
  type CreditOperationType,
} from '../credit-operations.ts';
import { ConnectorErrorCode } from '../errors.ts';
import type { ContractContext, ContractSuite } from './fixtures.ts';
import { customerOf } from './helpers.ts';
import { SPEC, assertCnpj, assertDate, assertRejectsWithCode } from './spec-formats.ts';

const ALL = { page: { page: 1, pageSize: 1000 } } as const;
const RATE = /^\d{1,2}\.\d{6}$/;
const CET = /^\d{1,6}\.\d{6}$/;
const oneOf = (values: readonly string[], value: string | undefined, label: string) =>
  assert.ok(value !== undefined && values.includes(value), `${label}: ${String(value)} is a spec code`);

/** Product type codes per operation type (loans 2.5.0, financings 2.4.0, overdraft 2.5.0, invoice 2.4.0). */
const PRODUCT_TYPES: Readonly<Record<CreditOperationType, readonly string[]>> = {
  LOAN: ['EMPRESTIMOS'],
  FINANCING: ['FINANCIAMENTOS', 'FINANCIAMENTOS_RURAIS', 'FINANCIAMENTOS_IMOBILIARIOS'],
  UNARRANGED_ACCOUNT_OVERDRAFT: ['ADIANTAMENTO_A_DEPOSITANTES'],
  INVOICE_FINANCING: ['DIREITOS_CREDITORIOS_DESCONTADOS'],
};

interface Held {
  readonly ref: CustomerRef;
  readonly type: CreditOperationType;
  readonly summary: CreditContractSummary;
}

function assertContractDetail(type: CreditOperationType, c: CreditContract): void {
  assert.ok(c.contractNumber.length >= 1 && c.contractNumber.length <= 100);
  assert.ok(c.ipocCode.length >= 22 && c.ipocCode.length <= 67, 'IPOC has 22 to 67 characters');
  oneOf(PRODUCT_TYPES[type], c.productType, 'productType');
  assertDate(c.contractDate, 'contractDate');
  for (const d of c.disbursementDates ?? []) assertDate(d, 'disbursementDate');
  if (c.settlementDate !== undefined)
    assert.ok(c.settlementDate >= c.contractDate, 'settled after contracting');
  if (c.dueDate !== undefined) assertDate(c.dueDate, 'dueDate');
  if (c.firstInstalmentDueDate !== undefined) assert.ok(c.firstInstalmentDueDate >= c.contractDate);
  assert.match(c.contractAmount, SPEC.amount);
  oneOf(INSTALMENT_PERIODICITIES, c.instalmentPeriodicity, 'instalmentPeriodicity');
  oneOf(AMORTIZATION_SCHEDULES, c.amortizationScheduled, 'amortizationScheduled');
  if (c.amortizationScheduled === 'OUTROS') assert.ok(c.amortizationScheduledAdditionalInfo);
  if ('CET' in c && c.CET !== undefined) assert.match(c.CET, CET);
  else assert.equal(type, 'UNARRANGED_ACCOUNT_OVERDRAFT', 'only overdraft contracts may omit the CET');
  for (const r of c.interestRates) {
    assert.ok(r.preFixedRate !== undefined || r.postFixedRate !== undefined, 'a rate is pre- or post-fixed');
    if (r.preFixedRate !== undefined) assert.match(r.preFixedRate, RATE);
    if (r.postFixedRate !== undefined) {
      assert.match(r.postFixedRate, RATE);
      assert.ok(r.referentialRateIndexerSubType, 'a post-fixed rate names its indexer');
    }
  }
  for (const f of c.contractedFees) {
    if (f.feeCharge === 'PERCENTUAL') assert.match(f.feeRate ?? '', /^\d\.\d{6}$/);
    else assert.match(f.feeAmount ?? '', SPEC.amount);
  }
  for (const ch of c.contractedFinanceCharges) {
    oneOf(FINANCE_CHARGE_TYPES, ch.chargeType, 'chargeType');
    if (ch.chargeRate !== undefined) assert.match(ch.chargeRate, /^\d\.\d{6}$/);
    if (ch.chargeType === 'OUTROS') assert.ok(ch.chargeAdditionalInfo);
  }
  if ('productSubTypeCategory' in c) {
    assert.equal(type, 'LOAN');
    if (c.productSubType === 'CREDITO_PESSOAL_COM_CONSIGNACAO') assertCnpj(c.cnpjConsignee, 'cnpjConsignee');
    if (c.productSubTypeCategory === 'CREDITO_PESSOAL_CLEAN') {
      assert.ok(c.hasInsuranceContracted !== undefined && c.nextInstalmentAmount !== undefined);
    }
  }
}

/**
 * loans, financings, unarranged-accounts-overdraft and invoice-financings. Runs on whatever
 * contracts `naturalPerson` and `legalPerson` hold (at least one is required); registers nothing
 * when the connector has no `creditOperations`.
 */
export const creditOperationsSuite: ContractSuite = {
  name: 'credit operations',
  register(ctx: ContractContext) {
    const ops: CreditOperationsConnector | undefined = ctx.connector.creditOperations;
    if (!ops) return;
    const { brandId } = ctx.fixtures;

    async function held(): Promise<Held[]> {
      const refs = [await customerOf(ctx, 'natural')];
      const legal = ctx.fixtures.legalPerson;
      if (legal) {
        const ref = await ctx.connector.customers.findCustomer(brandId, { type: 'CNPJ', number: legal.cnpj });
        if (ref) refs.push(ref);
      }
      const out: Held[] = [];
      for (const ref of refs) {
        for (const type of CREDIT_OPERATION_TYPES) {
          const page = await ops!.listContracts(brandId, ref, type, ALL);
          for (const summary of page.items) out.push({ ref, type, summary });
        }
      }
      assert.ok(out.length > 0, 'the credit operations suite needs the fixture customers to hold a contract');
      return out;
    }

    void it('lists contracts under their operation type in spec formats, with totals', async () => {
      for (const { ref, type, summary } of await held()) {
        assert.match(summary.contractId, SPEC.id);
        assertCnpj(summary.companyCnpj, 'companyCnpj');
        oneOf(PRODUCT_TYPES[type], summary.productType, 'productType');
        assert.ok(summary.ipocCode.length >= 22 && summary.ipocCode.length <= 67);
        assert.equal(
          'productSubTypeCategory' in summary,
          type === 'LOAN',
          'only loans carry productSubTypeCategory',
        );
        const page = await ops.listContracts(brandId, ref, type, { page: { page: 1, pageSize: 1 } });
        assert.ok(page.totalRecords >= 1 && page.totalPages === page.totalRecords);
      }
    });

    void it('details each contract with the list codes and every field in spec formats', async () => {
      for (const { ref, type, summary } of await held()) {
        const detail: CreditContract = await ops.getContract(brandId, ref, type, summary.contractId);
        assertContractDetail(type, detail);
        assert.deepEqual(
          [detail.productType, detail.productSubType, detail.ipocCode],
          [summary.productType, summary.productSubType, summary.ipocCode],
        );
      }
    });

    void it('lists warranties with spec codes and amounts', async () => {
      for (const { ref, type, summary } of await held()) {
        const page = await ops.listWarranties(brandId, ref, type, summary.contractId, ALL);
        assert.equal(page.totalRecords, page.items.length);
        for (const w of page.items) {
          oneOf(WARRANTY_TYPES, w.warrantyType, 'warrantyType');
          oneOf(WARRANTY_SUB_TYPES, w.warrantySubType, 'warrantySubType');
          assert.match(
            w.warrantyAmount,
            type === 'UNARRANGED_ACCOUNT_OVERDRAFT' ? SPEC.signedAmount : SPEC.amount,
          );
          assert.match(w.currency, SPEC.currency);
        }
      }
    });

    void it('reports instalment counts and payments that agree with each other', async () => {
      for (const { ref, type, summary } of await held()) {
        const s = await ops.getScheduledInstalments(brandId, ref, type, summary.contractId);
        for (const n of [s.paidInstalments, s.dueInstalments, s.pastDueInstalments])
          assert.ok(Number.isInteger(n) && n >= 0);
        if (s.typeNumberOfInstalments !== 'SEM_PRAZO_TOTAL')
          assert.ok(Number.isInteger(s.totalNumberOfInstalments));
        if (s.typeContractRemaining !== 'SEM_PRAZO_REMANESCENTE')
          assert.ok(Number.isInteger(s.contractRemainingNumber));
        for (const b of s.balloonPayments ?? []) {
          assertDate(b.dueDate, 'balloon dueDate');
          assert.match(b.amount.amount, SPEC.amount);
        }
        const p: ContractPayments = await ops.getPayments(brandId, ref, type, summary.contractId);
        assert.match(
          p.contractOutstandingBalance,
          type === 'UNARRANGED_ACCOUNT_OVERDRAFT' ? SPEC.signedAmount : SPEC.amount,
        );
        if (p.paidInstalments !== undefined)
          assert.equal(
            p.paidInstalments,
            s.paidInstalments,
            'both endpoints count the same paid instalments',
          );
        for (const r of p.releases) {
          assert.match(r.paymentId, SPEC.id);
          assertDate(r.paidDate, 'paidDate');
          assert.match(r.paidAmount, SPEC.signedAmount);
          if (!r.isOverParcelPayment) assert.ok(r.instalmentId, 'an agreed payment names its instalment');
          for (const f of r.overParcel?.fees ?? []) assert.match(f.feeAmount, SPEC.signedAmount);
          for (const c of r.overParcel?.charges ?? [])
            oneOf(FINANCE_CHARGE_TYPES, c.chargeType, 'over-parcel chargeType');
        }
      }
    });

    void it('hides a contract from another customer, under another type or brand, and by unknown ids', async () => {
      const { ref, type, summary } = (await held())[0]!;
      const other = await customerOf(ctx, 'other');
      const otherType = CREDIT_OPERATION_TYPES.find((t) => t !== type)!;
      const id = summary.contractId;
      const attempts: [string, () => Promise<unknown>][] = [
        ['another customer', () => ops.getContract(brandId, other, type, id)],
        ['another customer (payments)', () => ops.getPayments(brandId, other, type, id)],
        ['another type', () => ops.getScheduledInstalments(brandId, ref, otherType, id)],
        ['another brand', () => ops.listWarranties(ctx.fixtures.foreignBrandId, ref, type, id, ALL)],
        ['unknown id', () => ops.getContract(brandId, ref, type, 'no-such-contract-0')],
      ];
      for (const [label, attempt] of attempts)
        await assertRejectsWithCode(attempt, ConnectorErrorCode.RESOURCE_NOT_FOUND, label);
    });

    void it('refuses page 0 and page sizes outside 1..1000', async () => {
      const { ref, type, summary } = (await held())[0]!;
      await assertRejectsWithCode(() => ops.listContracts(brandId, ref, type, { page: { page: 0, pageSize: 25 } }), ConnectorErrorCode.INVALID_QUERY, 'page 0'); // prettier-ignore
      await assertRejectsWithCode(() => ops.listWarranties(brandId, ref, type, summary.contractId, { page: { page: 1, pageSize: 1001 } }), ConnectorErrorCode.INVALID_QUERY, 'size'); // prettier-ignore
    });
  },
};
