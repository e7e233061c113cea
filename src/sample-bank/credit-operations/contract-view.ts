import type {
  ContractPayments,
  ContractRelease,
  CreditContract,
  CreditOperationType,
  LoanProductSubTypeCategory,
} from '../../connectors/index.ts';
import { dayNumber } from '../generator/calendar.ts';
import { centsToDecimal, decimalToCents } from './money.ts';
import type { ContractSchedule, ScheduleState } from './schedule-state.ts';
import type { sampleBankCreditContracts, sampleBankCreditReleases } from './schema.ts';

/**
 * Rows of `credit_contracts` and `credit_contract_releases` shaped as the contract's types. The
 * rows carry spec codes verbatim; the per-type differences (loan-only fields) are applied here.
 */

export type ContractRow = typeof sampleBankCreditContracts.$inferSelect;
export type ReleaseRow = typeof sampleBankCreditReleases.$inferSelect;

export function scheduleOfRow(row: ContractRow): ContractSchedule {
  return {
    kind: row.scheduleKind,
    system:
      row.scheduleKind === 'INSTALMENTS'
        ? (row.amortizationScheduled as 'PRICE' | 'SAC')
        : 'SEM_SISTEMA_AMORTIZACAO',
    principalCents: decimalToCents(row.contractAmount),
    periodRate: row.periodRate,
    monthlyRate: row.monthlyRate,
    instalments: row.instalments,
    periodMonths: row.periodMonths,
    contractDay: dayNumber(row.contractDate),
    ...(row.firstInstalmentDueDate === null ? {} : { firstDueDay: dayNumber(row.firstInstalmentDueDate) }),
    finalDueDay: dayNumber(row.dueDate),
    balloonCents: decimalToCents(row.balloonAmount),
    instalmentFeeCents: decimalToCents(row.instalmentFeeAmount),
    usedCents: decimalToCents(row.usedAmount),
  };
}

export function contractView<T extends CreditOperationType>(
  row: ContractRow,
  ipocCode: string,
  state: ScheduleState,
): CreditContract<T> {
  const common = {
    contractNumber: row.contractNumber,
    ipocCode,
    productName: row.productName,
    productType: row.productType,
    productSubType: row.productSubType,
    contractDate: row.contractDate,
    ...(row.disbursementDates.length > 0 ? { disbursementDates: row.disbursementDates } : {}),
    ...(row.settlementDate === null ? {} : { settlementDate: row.settlementDate }),
    contractAmount: row.contractAmount,
    currency: row.currency,
    dueDate: row.dueDate,
    instalmentPeriodicity: row.instalmentPeriodicity,
    ...(row.firstInstalmentDueDate === null ? {} : { firstInstalmentDueDate: row.firstInstalmentDueDate }),
    CET: row.cet,
    hasInsuranceContracted: row.hasInsuranceContracted,
    amortizationScheduled: row.amortizationScheduled,
    interestRates: row.interestRates,
    contractedFees: row.contractedFees,
    contractedFinanceCharges: row.contractedFinanceCharges,
  };
  const loan =
    row.operationType === 'LOAN'
      ? {
          productSubTypeCategory: (row.productSubTypeCategory ?? 'OUTRO') as LoanProductSubTypeCategory,
          ...(row.cnpjConsignee === null ? {} : { cnpjConsignee: row.cnpjConsignee }),
          nextInstalmentAmount: centsToDecimal(state.nextInstalmentCents),
        }
      : {};
  // The row's operation type was matched against T by the query, so its codes are T's.
  return { ...common, ...loan } as unknown as CreditContract<T>;
}

export function releaseView(row: ReleaseRow, contractNumber: string): ContractRelease {
  return {
    paymentId: row.paymentId,
    isOverParcelPayment: row.isOverParcelPayment,
    ...(row.instalmentNumber === null
      ? {}
      : { instalmentId: instalmentId(contractNumber, row.instalmentNumber) }),
    paidDate: row.paidDate,
    currency: row.currency,
    paidAmount: row.paidAmount,
    ...(row.overParcel === null ? {} : { overParcel: row.overParcel }),
  };
}

/** Instalment ids are the contract number and the instalment's position: stable across reads. */
export function instalmentId(contractNumber: string, number: number): string {
  return `${contractNumber}-${String(number).padStart(3, '0')}`;
}

export function paymentsView<T extends CreditOperationType>(
  row: ContractRow,
  releases: readonly ReleaseRow[],
  paidInstalments: number,
  state: ScheduleState,
  asOf: string,
): ContractPayments<T> {
  const base = {
    paidInstalments,
    contractOutstandingBalance: centsToDecimal(state.outstandingCents),
    releases: releases.map((r) => releaseView(r, row.contractNumber)),
  };
  if (row.operationType !== 'LOAN') return base;
  // loans 2.5.0: the balance is refreshed daily by 10:00 (Brasília) for portability.
  return {
    ...base,
    lastUpdatedContractOutstandingBalance: `${asOf}T13:00:00.000Z`,
    totalRemainingAmount: centsToDecimal(state.totalRemainingCents),
  };
}
