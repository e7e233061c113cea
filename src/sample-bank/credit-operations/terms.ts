import type {
  ContractedFee,
  ContractedFinanceCharge,
  ContractInterestRate,
  PersonType,
} from '../../connectors/index.ts';
import type { Random } from '../generator/random.ts';
import { annualFromMonthly, internalRateOfReturn, type ScheduledInstalment } from './amortization.ts';
import { centsToDecimal, rate6 } from './money.ts';
import type { ProductProfile } from './products.ts';

/**
 * The priced terms of one contract: the interest rates as the contract states them, the fees and
 * charges agreed, IOF, and the CET that all of them add up to.
 */

/** Index levels assumed at contracting (the sample bank does not simulate their later moves). */
export const INDEX_ASSUMPTIONS = { CDI: 0.1065, TR: 0.009 } as const;

/**
 * IOF on credit (Decreto 6.306/2007, art. 7): 0.38 % flat plus a daily rate on up to 365 days,
 * 0.0082 % for natural and 0.0041 % for legal persons. Housing and rural credit are exempt.
 */
export function iofCents(
  profile: ProductProfile,
  personType: PersonType,
  principalCents: number,
  days: number,
): number {
  if (profile.type === 'FINANCING' && profile.productType !== 'FINANCIAMENTOS') return 0;
  const daily = personType === 'PESSOA_NATURAL' ? 0.000082 : 0.000041;
  return Math.round(principalCents * (0.0038 + daily * Math.min(365, days)));
}

export function interestRates(profile: ProductProfile, monthlyRate: number): ContractInterestRate[] {
  const annual = annualFromMonthly(monthlyRate);
  const base = { interestRateType: 'COMPOSTO', calculation: profile.calculation } as const;
  switch (profile.indexer) {
    case 'CDI': {
      const spread = (1 + annual) / (1 + INDEX_ASSUMPTIONS.CDI) - 1;
      return [
        {
          ...base, taxType: 'EFETIVA', taxPeriodicity: 'AA', referentialRateIndexerType: 'POS_FIXADO',
          referentialRateIndexerSubType: 'CDI', preFixedRate: rate6(spread), postFixedRate: rate6(INDEX_ASSUMPTIONS.CDI),
          additionalInfo: `CDI + ${(spread * 100).toFixed(2)}% a.a.`,
        },
      ]; // prettier-ignore
    }
    case 'TR':
      return [
        {
          ...base, taxType: 'EFETIVA', taxPeriodicity: 'AA', referentialRateIndexerType: 'POS_FIXADO',
          referentialRateIndexerSubType: 'TR_TBF', preFixedRate: rate6(annual), postFixedRate: rate6(INDEX_ASSUMPTIONS.TR),
          additionalInfo: `TR + ${(annual * 100).toFixed(2)}% a.a.; saldo devedor corrigido mensalmente pela TR`,
        },
      ]; // prettier-ignore
    case 'RURAL':
      return [
        {
          ...base, taxType: 'EFETIVA', taxPeriodicity: 'AA', referentialRateIndexerType: 'CREDITO_RURAL',
          referentialRateIndexerSubType: 'TCR_PRE', preFixedRate: rate6(annual),
          additionalInfo: 'Taxa controlada do crédito rural (Manual de Crédito Rural)',
        },
      ]; // prettier-ignore
    case 'PRE': {
      const pre = {
        ...base,
        referentialRateIndexerType: 'PRE_FIXADO',
        referentialRateIndexerSubType: 'PRE_FIXADO',
      } as const;
      // loans 2.5.0: personal credit shows nominal and effective yearly rates; the monthly one is what customers compare.
      return [
        { ...pre, taxType: 'NOMINAL', taxPeriodicity: 'AA', preFixedRate: rate6(monthlyRate * 12) },
        { ...pre, taxType: 'EFETIVA', taxPeriodicity: 'AA', preFixedRate: rate6(annual) },
        { ...pre, taxType: 'EFETIVA', taxPeriodicity: 'AM', preFixedRate: rate6(monthlyRate) },
      ];
    }
  }
}

export function financeCharges(
  profile: ProductProfile,
  monthlyRate: number,
  iof: boolean,
): ContractedFinanceCharge[] {
  const charges: ContractedFinanceCharge[] = [
    { chargeType: 'JUROS_REMUNERATORIOS_POR_ATRASO', chargeRate: rate6(monthlyRate) },
    // Código de Defesa do Consumidor art. 52 §1: late fine of at most 2 %; default interest 1 % a.m.
    { chargeType: 'MULTA_ATRASO_PAGAMENTO', chargeRate: rate6(0.02) },
    { chargeType: 'JUROS_MORA_ATRASO', chargeRate: rate6(0.01) },
  ];
  if (iof) charges.push({ chargeType: 'IOF_CONTRATACAO', chargeRate: rate6(0.0038) });
  if (profile.kind === 'REVOLVING' && iof)
    charges.push({ chargeType: 'IOF_POR_ATRASO', chargeRate: rate6(0.000082) });
  return charges;
}

export interface PricedFees {
  readonly fees: ContractedFee[];
  /** Paid at contracting, deducted from the amount released. */
  readonly upfrontCents: number;
  /** Added to every instalment. */
  readonly perInstalmentCents: number;
}

export function priceFees(profile: ProductProfile, random: Random, principalCents: number): PricedFees {
  let upfrontCents = 0;
  let perInstalmentCents = 0;
  const fees = profile.fees.map(({ range, ...fee }): ContractedFee => {
    if (fee.feeCharge === 'PERCENTUAL') {
      const rate = Math.round((range[0] + (range[1] - range[0]) * random.next()) * 10_000) / 10_000;
      upfrontCents += Math.round(principalCents * rate);
      return { ...fee, feeRate: rate6(rate) };
    }
    // One-off fixed fees are capped at 5 % of the principal: no bank charges R$ 800 on a R$ 1,000 loan.
    const drawn = random.int(range[0], range[1]);
    const cents =
      Math.round((fee.feeChargeType === 'UNICA' ? Math.min(drawn, principalCents * 0.05) : drawn) / 100) *
      100;
    if (fee.feeChargeType === 'POR_PARCELA') perInstalmentCents += cents;
    else upfrontCents += cents;
    return { ...fee, feeAmount: centsToDecimal(cents) };
  });
  return { fees, upfrontCents, perInstalmentCents };
}

/**
 * CET (Resolução CMN 3.517, art. 1): the yearly rate that equates the amount actually released
 * (principal less upfront fees, IOF and insurance) with the instalments and per-instalment fees,
 * each at its month offset.
 */
export function costOfCredit(
  releasedCents: number,
  schedule: readonly ScheduledInstalment[],
  monthOffsets: readonly number[],
  perInstalmentCents: number,
): number {
  const flows: { t: number; amount: number }[] = [{ t: 0, amount: -releasedCents }];
  schedule.forEach((s, i) =>
    flows.push({ t: monthOffsets[i] ?? i + 1, amount: s.amountCents + perInstalmentCents }),
  );
  return annualFromMonthly(internalRateOfReturn(flows));
}
