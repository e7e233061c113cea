import { dayNumber } from '../generator/calendar.ts';
import { SHOWCASE_CUSTOMERS } from '../credit-cards/family.ts';
import { rowsFor, type DataFamily } from '../seed/family.ts';
import { createCreditOperationsReader, listCreditOperationResources } from './connector.ts';
import { isoDate } from './dates.ts';
import { generateCreditContracts } from './generate.ts';
import { jsonArray } from './json-column.ts';
import { centsToDecimal, rate6 } from './money.ts';
import { sampleBankCreditContracts, sampleBankCreditReleases, sampleBankCreditWarranties } from './schema.ts';

export const CREDIT_CONTRACTS_TABLE = 'sample_bank.credit_contracts';

/** Loans, financings, unarranged overdraft and invoice financings, with warranties and payments. */
export const creditOperationsFamily: DataFamily = {
  name: 'credit-operations',
  tables: [sampleBankCreditContracts, sampleBankCreditWarranties, sampleBankCreditReleases],
  generate(random, customer, ctx) {
    const contracts = generateCreditContracts(random, customer, {
      today: dayNumber(ctx.asOf),
      institution: ctx.institution,
      employerCnpj: (employer) =>
        ctx.counterparties.employers[employer % ctx.counterparties.employers.length]!.document,
      showcase: customer.index < SHOWCASE_CUSTOMERS,
    });
    if (contracts.length === 0) return [];
    const { brandId } = ctx;
    const contractRows = contracts.map((c) => {
      const s = c.schedule;
      return {
        id: c.contractId,
        brandId,
        customerId: customer.customerId,
        operationType: c.type,
        productKey: c.productKey,
        productType: c.productType,
        productSubType: c.productSubType,
        productSubTypeCategory: c.productSubTypeCategory ?? null,
        productName: c.productName,
        contractNumber: c.contractNumber,
        ipocCodeEnc: ctx.cipher.encrypt(
          c.ipocCode,
          ctx.aad(CREDIT_CONTRACTS_TABLE, 'ipoc_code_enc', c.contractId),
        ),
        contractDate: isoDate(s.contractDay),
        disbursementDates: c.disbursementDays.map(isoDate),
        settlementDate: c.settlementDay === undefined ? null : isoDate(c.settlementDay),
        contractAmount: centsToDecimal(c.contractAmountCents),
        currency: 'BRL',
        dueDate: isoDate(s.finalDueDay),
        instalmentPeriodicity: c.instalmentPeriodicity,
        firstInstalmentDueDate: s.firstDueDay === undefined ? null : isoDate(s.firstDueDay),
        cet: rate6(c.cet),
        hasInsuranceContracted: c.hasInsuranceContracted,
        amortizationScheduled: c.amortizationScheduled,
        cnpjConsignee: c.cnpjConsignee ?? null,
        interestRates: jsonArray(c.interestRates),
        contractedFees: jsonArray(c.contractedFees),
        contractedFinanceCharges: jsonArray(c.contractedFinanceCharges),
        scheduleKind: s.kind,
        periodRate: s.periodRate,
        monthlyRate: s.monthlyRate,
        instalments: s.instalments,
        periodMonths: s.periodMonths,
        balloonAmount: centsToDecimal(s.balloonCents),
        instalmentFeeAmount: centsToDecimal(s.instalmentFeeCents),
        usedAmount: centsToDecimal(s.usedCents),
        paidBeforeHistory: c.paidBeforeHistory,
      };
    });
    const warrantyRows = contracts.flatMap((c) =>
      c.warranties.map((w, position) => ({
        contractId: c.contractId,
        position,
        brandId,
        warrantyType: w.warrantyType,
        warrantySubType: w.warrantySubType,
        warrantyAmount: centsToDecimal(w.amountCents),
        currency: 'BRL',
      })),
    );
    const releaseRows = contracts.flatMap((c) =>
      c.releases.map((r, position) => ({
        contractId: c.contractId,
        position,
        brandId,
        paymentId: r.paymentId,
        isOverParcelPayment: r.isOverParcelPayment,
        instalmentNumber: r.instalmentNumber ?? null,
        paidDate: isoDate(r.paidDay),
        paidAmount: centsToDecimal(r.paidCents),
        currency: 'BRL',
        overParcel: r.overParcel ?? null,
      })),
    );
    return [
      rowsFor(sampleBankCreditContracts, contractRows),
      rowsFor(sampleBankCreditWarranties, warrantyRows),
      rowsFor(sampleBankCreditReleases, releaseRows),
    ];
  },
  connect: (deps) => ({
    creditOperations: createCreditOperationsReader(deps),
    listResources: (brandId, customer) => listCreditOperationResources(deps, brandId, customer),
  }),
};
