/**
 * Instalment schedules of the sample bank's credit contracts, in integer cents so that every
 * sum is exact: the principal parts of a schedule add up to the principal to the cent, and each
 * instalment is its principal part plus the interest on the balance it starts from.
 *
 * The schedule is not stored row by row (a 30-year mortgage would be 360 rows): the contract
 * keeps the parameters below and the seed generator and the connector both rebuild the same
 * schedule from them. The function is pure and deterministic.
 */

/** `EnumContractAmortizationScheduled` values the sample bank computes. */
export type ComputedAmortization = 'PRICE' | 'SAC' | 'SEM_SISTEMA_AMORTIZACAO';

export interface ScheduleParams {
  /** Amount lent, in cents. */
  readonly principalCents: number;
  /** Effective interest rate per instalment period (0.02 = 2 % per period). */
  readonly periodRate: number;
  /** Number of instalments, 1 or more. */
  readonly instalments: number;
  /**
   * PRICE: constant instalments; SAC: constant principal parts; SEM_SISTEMA_AMORTIZACAO: one
   * bullet payment of principal plus interest at the end (discounted receivables, overdraft
   * advances, rural working capital): `instalments` must then be 1 and `periodRate` is the rate
   * for the whole term.
   */
  readonly system: ComputedAmortization;
  /**
   * A final non-regular instalment (vehicle "plano balão"), in cents of principal carried to the
   * end; the regular instalments amortise only the rest. PRICE only; 0 or absent for none.
   */
  readonly balloonCents?: number;
}

export interface ScheduledInstalment {
  /** 1-based position in the schedule. */
  readonly number: number;
  readonly amountCents: number;
  readonly principalCents: number;
  readonly interestCents: number;
  /** Outstanding principal after this instalment is paid. */
  readonly balanceAfterCents: number;
  /** True for the final instalment that carries a balloon (a spec `balloonPayments` entry). */
  readonly isBalloon: boolean;
}

/** Builds the whole schedule. Throws on parameters no contract can have. */
export function buildSchedule(params: ScheduleParams): ScheduledInstalment[] {
  const { principalCents, periodRate, instalments, system } = params;
  const balloon = params.balloonCents ?? 0;
  if (!Number.isSafeInteger(principalCents) || principalCents <= 0)
    throw new RangeError('principal must be > 0 cents');
  if (!Number.isInteger(instalments) || instalments < 1) throw new RangeError('instalments must be >= 1');
  if (!(periodRate >= 0)) throw new RangeError('periodRate must be >= 0');
  if (balloon < 0 || balloon >= principalCents || (balloon > 0 && system !== 'PRICE')) {
    throw new RangeError('balloon must be a PRICE principal share below the principal');
  }
  if (system === 'SEM_SISTEMA_AMORTIZACAO') {
    if (instalments !== 1) throw new RangeError('a bullet schedule has exactly one instalment');
    return bullet(principalCents, periodRate);
  }

  const out: ScheduledInstalment[] = [];
  let balance = principalCents;
  const amortised = principalCents - balloon;
  const pricePayment = system === 'PRICE' ? priceInstalment(amortised, periodRate, instalments) : 0;
  const sacBase = Math.floor(principalCents / instalments);
  const sacRemainder = principalCents - sacBase * instalments;

  for (let k = 1; k <= instalments; k++) {
    const interest = Math.round(balance * periodRate);
    let principal: number;
    if (k === instalments) {
      principal = balance; // the last instalment absorbs every rounding difference
    } else if (system === 'PRICE') {
      principal = Math.min(balance, Math.max(0, pricePayment - interest));
    } else {
      principal = sacBase + (k <= sacRemainder ? 1 : 0);
    }
    balance -= principal;
    out.push({
      number: k,
      amountCents: principal + interest,
      principalCents: principal,
      interestCents: interest,
      balanceAfterCents: balance,
      isBalloon: balloon > 0 && k === instalments,
    });
  }
  return out;
}

/** Price (French) constant instalment for `principal` over `n` periods at `rate`, in cents. */
export function priceInstalment(principalCents: number, rate: number, n: number): number {
  if (rate === 0) return Math.ceil(principalCents / n);
  return Math.round((principalCents * rate) / (1 - Math.pow(1 + rate, -n)));
}

function bullet(principalCents: number, rate: number): ScheduledInstalment[] {
  const interest = Math.round(principalCents * rate);
  return [
    {
      number: 1,
      amountCents: principalCents + interest,
      principalCents,
      interestCents: interest,
      balanceAfterCents: 0,
      isBalloon: false,
    },
  ];
}

/** Converts an effective monthly rate into the effective rate of a period of `months` months. */
export function periodRateFromMonthly(monthlyRate: number, months: number): number {
  return Math.pow(1 + monthlyRate, months) - 1;
}

/** Effective annual rate of an effective monthly one ((1 + i)^12 - 1). */
export function annualFromMonthly(monthlyRate: number): number {
  return Math.pow(1 + monthlyRate, 12) - 1;
}

/** A cash flow `t` periods after the start (t may be fractional: a 45-day bullet is t = 1.5 months). */
export interface CashFlow {
  readonly t: number;
  readonly amount: number;
}

/**
 * Internal rate of return per period of a cash-flow series seen from the lender (the amount
 * released at t = 0 is negative, instalments received are positive), by Newton's method with a
 * bisection fallback. The CET (Resolução CMN 3.517) is this rate made yearly.
 */
export function internalRateOfReturn(flows: readonly CashFlow[]): number {
  let lo = -0.99;
  let hi = 10;
  let r = 0.02;
  for (let i = 0; i < 100; i++) {
    let value = 0;
    let slope = 0;
    for (const { t, amount } of flows) {
      const discount = Math.pow(1 + r, -t);
      value += amount * discount;
      slope -= (t * amount * discount) / (1 + r);
    }
    // NPV falls as the rate rises: a positive value means the rate is still too low.
    if (value > 0) lo = r;
    else hi = r;
    const next = slope === 0 ? NaN : r - value / slope;
    const step = next > lo && next < hi ? next : (lo + hi) / 2;
    if (Math.abs(step - r) < 1e-12) return step;
    r = step;
  }
  return r;
}
