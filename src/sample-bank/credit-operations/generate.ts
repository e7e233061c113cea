import type {
  AmortizationScheduled,
  ContractedFee,
  ContractedFinanceCharge,
  ContractInterestRate,
  CreditOperationType,
  InstalmentPeriodicity,
  LoanProductSubTypeCategory,
} from '../../connectors/index.ts';
import type { SampleCustomer, SampleInstitution } from '../generator/model.ts';
import type { Random } from '../generator/random.ts';
import { periodRateFromMonthly, type ComputedAmortization } from './amortization.ts';
import { addMonths, dayOfMonth, instalmentDueDay } from './dates.ts';
import { PRODUCTS, type ProductProfile, type WarrantyDraft } from './products.ts';
import { scheduleOf, type ContractSchedule } from './schedule-state.ts';
import { generateReleases, trimHistory, type GeneratedRelease } from './releases.ts';
import { costOfCredit, financeCharges, interestRates, iofCents, priceFees } from './terms.ts';

/**
 * Generates a customer's credit contracts: which products they hold (shares per person type in
 * `products.ts`), the priced terms, the schedule, and the payments made up to `today`.
 */

export interface CreditGenerationEnv {
  /** The day the data is "as of" (day number). */
  readonly today: number;
  readonly institution: SampleInstitution;
  /** CNPJ of the customer's employer, for payroll-deducted loans. */
  employerCnpj(employer: number): string;
  /** Give the customer one contract of every type their person type can hold (contract-test fixtures). */
  readonly showcase?: boolean;
}

export interface GeneratedContract {
  readonly contractId: string;
  readonly type: CreditOperationType;
  readonly productKey: string;
  readonly productType: string;
  readonly productSubType: string;
  readonly productSubTypeCategory?: LoanProductSubTypeCategory;
  readonly productName: string;
  readonly contractNumber: string;
  readonly ipocCode: string;
  readonly disbursementDays: readonly number[];
  readonly settlementDay?: number;
  readonly contractAmountCents: number;
  readonly instalmentPeriodicity: InstalmentPeriodicity;
  readonly amortizationScheduled: AmortizationScheduled;
  /** Yearly CET as a fraction. */
  readonly cet: number;
  readonly hasInsuranceContracted: boolean;
  readonly interestRates: readonly ContractInterestRate[];
  readonly contractedFees: readonly ContractedFee[];
  readonly contractedFinanceCharges: readonly ContractedFinanceCharge[];
  readonly cnpjConsignee?: string;
  readonly schedule: ContractSchedule;
  readonly warranties: readonly WarrantyDraft[];
  /** Payments of the last 13 months, oldest first. */
  readonly releases: readonly GeneratedRelease[];
  /** Agreed instalments paid before the payments kept online. */
  readonly paidBeforeHistory: number;
}

/** INSS, which pays retirement benefits and deducts consigned instalments from them. */
export const INSS_CNPJ = '29979036000140';

const uniform = (r: Random, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * r.next();
const PERIODICITY: Readonly<Record<number, InstalmentPeriodicity>> = {
  1: 'MENSAL', 2: 'BIMESTRAL', 3: 'TRIMESTRAL', 6: 'SEMESTRAL', 12: 'ANUAL',
}; // prettier-ignore

function eligible(profile: ProductProfile, customer: SampleCustomer): boolean {
  if (profile.key !== 'payroll' || customer.personType !== 'PESSOA_NATURAL') return true;
  return customer.employer !== undefined || customer.qualification.occupationDescription === 'Aposentado';
}

export function generateCreditContracts(
  random: Random,
  customer: SampleCustomer,
  env: CreditGenerationEnv,
): GeneratedContract[] {
  const contracts: GeneratedContract[] = [];
  const showcased = new Set<CreditOperationType>();
  for (const profile of PRODUCTS) {
    const share = profile.share[customer.personType];
    if (share === 0 || !eligible(profile, customer)) continue;
    const held = random.chance(share);
    const showcase = env.showcase === true && !showcased.has(profile.type) && profile.kind !== 'REVOLVING';
    if (!held && !showcase) continue;
    showcased.add(profile.type);
    const count = random.int(profile.contracts[0], profile.contracts[1]);
    for (let i = 0; i < count; i++)
      contracts.push(generateContract(random.fork(profile.key, i), profile, customer, env, i));
  }
  return contracts;
}

function generateContract(
  random: Random,
  profile: ProductProfile,
  customer: SampleCustomer,
  env: CreditGenerationEnv,
  sequence: number,
): GeneratedContract {
  const { today } = env;
  const monthlyRate = Math.round(uniform(random, profile.monthlyRate) * 10_000) / 10_000;
  const periodMonths = profile.kind === 'INSTALMENTS' ? (profile.periodMonths ?? 1) : 0;
  const termUnits = random.int(profile.term[0], profile.term[1]);
  const instalments =
    profile.kind === 'INSTALMENTS'
      ? Math.max(1, Math.round(termUnits / periodMonths))
      : profile.kind === 'BULLET'
        ? 1
        : 0;
  const principalCents = profile.principal({
    random,
    incomeCents: customer.monthlyIncomeCents,
    monthlyRate,
    term: Math.max(1, instalments),
  });
  const system: ComputedAmortization =
    profile.kind === 'INSTALMENTS'
      ? random.weighted(profile.systems ?? [['PRICE', 1]])
      : 'SEM_SISTEMA_AMORTIZACAO';
  const balloonCents =
    profile.balloon && system === 'PRICE' && random.chance(profile.balloon.share)
      ? Math.round(principalCents * uniform(random, profile.balloon.fraction))
      : 0;

  // Older contracts of the same product come first in the customer's history.
  const span =
    profile.kind === 'BULLET'
      ? termUnits + 45
      : profile.kind === 'REVOLVING'
        ? 8 * 365
        : Math.round((instalments * periodMonths + 6) * 30.4);
  const contractDay =
    today - random.int(profile.kind === 'REVOLVING' ? 60 : 5, span) - sequence * random.int(20, 120);
  let firstDueDay: number | undefined;
  let finalDueDay: number;
  if (profile.kind === 'INSTALMENTS') {
    const dueDom = random.int(1, 28);
    firstDueDay = addMonths(contractDay, periodMonths, dueDom);
    if (firstDueDay - contractDay < 20) firstDueDay = addMonths(firstDueDay, 1, dueDom);
    finalDueDay = instalmentDueDay(firstDueDay, instalments, periodMonths);
  } else if (profile.kind === 'BULLET') {
    finalDueDay = contractDay + termUnits;
  } else {
    // Revolving limits renew yearly on the contract's anniversary.
    const years = Math.max(1, Math.ceil((today - contractDay) / 365.25));
    finalDueDay = addMonths(contractDay, 12 * years, dayOfMonth(contractDay));
  }
  const periodRate =
    profile.kind === 'BULLET'
      ? periodRateFromMonthly(monthlyRate, termUnits / 30)
      : periodRateFromMonthly(monthlyRate, periodMonths);

  const fees = priceFees(profile, random, principalCents);
  const usedCents =
    profile.kind === 'REVOLVING' && !random.chance(0.4)
      ? Math.round(principalCents * uniform(random, [0.05, 0.9]))
      : 0;
  const schedule: ContractSchedule = {
    kind: profile.kind,
    system,
    principalCents,
    periodRate: profile.kind === 'REVOLVING' ? monthlyRate : periodRate,
    monthlyRate,
    instalments,
    periodMonths,
    contractDay,
    ...(firstDueDay === undefined ? {} : { firstDueDay }),
    finalDueDay,
    balloonCents,
    instalmentFeeCents: fees.perInstalmentCents,
    usedCents,
  };

  const iof =
    profile.kind === 'REVOLVING'
      ? 0
      : iofCents(profile, customer.personType, principalCents, schedule.finalDueDay - contractDay);
  const hasInsurance = random.chance(profile.insuranceShare);
  const premium =
    hasInsurance && profile.type === 'LOAN' ? Math.round(principalCents * uniform(random, [0.02, 0.04])) : 0;
  const instalmentList = scheduleOf(schedule);
  const cet =
    profile.kind === 'REVOLVING'
      ? Math.pow(1 + monthlyRate, 12) - 1 + 0.0038 + 0.000082 * 365
      : costOfCredit(
          principalCents - fees.upfrontCents - iof - premium,
          instalmentList,
          // Periods as the schedule counts them (its interest assumes whole periods); a bullet's in days.
          profile.kind === 'BULLET'
            ? [(schedule.finalDueDay - contractDay) / 30]
            : instalmentList.map((_, i) => (i + 1) * periodMonths),
          fees.perInstalmentCents,
        );
  const generated = generateReleases(random, schedule, profile, today);
  const { settlementDay } = generated;
  const { releases, paidBeforeHistory } = trimHistory(generated.releases, today);
  const contractNumber = `${random.int(100_000, 999_999)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
  const pf = customer.personType === 'PESSOA_NATURAL';
  const ipocCode = `${env.institution.companyCnpj.slice(0, 8)}${profile.modality}${pf ? '1' : '2'}${pf ? customer.document : customer.document.slice(0, 8)}${contractNumber}`;
  const consignee =
    profile.key === 'payroll' && customer.personType === 'PESSOA_NATURAL'
      ? consigneeOf(random, customer, env)
      : undefined;

  return {
    contractId: random.uuid(),
    type: profile.type,
    productKey: profile.key,
    productType: profile.productType,
    productSubType: profile.productSubType,
    ...(profile.category === undefined
      ? {}
      : { productSubTypeCategory: consignee?.category ?? profile.category }),
    productName: profile.productName,
    contractNumber,
    ipocCode,
    disbursementDays: profile.kind === 'REVOLVING' ? [] : [contractDay + random.int(0, 2)],
    ...(settlementDay === undefined ? {} : { settlementDay }),
    contractAmountCents: principalCents,
    instalmentPeriodicity:
      profile.kind === 'INSTALMENTS' ? (PERIODICITY[periodMonths] ?? 'OUTROS') : 'SEM_PERIODICIDADE_REGULAR',
    amortizationScheduled: system,
    cet,
    hasInsuranceContracted: hasInsurance,
    interestRates: interestRates(profile, monthlyRate),
    contractedFees: fees.fees,
    contractedFinanceCharges: financeCharges(profile, monthlyRate, iof > 0 || profile.kind === 'REVOLVING'),
    ...(consignee ? { cnpjConsignee: consignee.cnpj } : {}),
    schedule,
    warranties: profile.warranties(principalCents, random),
    releases,
    paidBeforeHistory,
  };
}

function consigneeOf(
  random: Random,
  customer: SampleCustomer & { personType: 'PESSOA_NATURAL' },
  env: CreditGenerationEnv,
) {
  if (customer.qualification.occupationDescription === 'Aposentado' || customer.employer === undefined) {
    return { cnpj: INSS_CNPJ, category: 'OUTRO' as const };
  }
  // A quarter of salaried borrowers are federal civil servants paid through SIAPE.
  const category: LoanProductSubTypeCategory = random.chance(0.25) ? 'CONSIGNADO_SIAPE' : 'OUTRO';
  return { cnpj: env.employerCnpj(customer.employer), category };
}
