import type { BalloonPayment, ScheduledInstalments } from '../../connectors/index.ts';
import { buildSchedule, type ComputedAmortization, type ScheduledInstalment } from './amortization.ts';
import { dayOfMonth, instalmentDueDay, isoDate, monthsUntil } from './dates.ts';
import { centsToDecimal } from './money.ts';
import type { ScheduleKind } from './products.ts';

/**
 * What a contract row keeps of its schedule, and what the connector derives from it on a given
 * day: instalments paid, due and overdue, the balance to settle, the next instalment. The seed
 * generator pays instalments through the same functions, so the payments it writes and the
 * counts the connector reports can never disagree.
 */
export interface ContractSchedule {
  readonly kind: ScheduleKind;
  /** PRICE or SAC for INSTALMENTS; SEM_SISTEMA_AMORTIZACAO otherwise. */
  readonly system: ComputedAmortization;
  readonly principalCents: number;
  /** Effective rate per instalment period (for a bullet: for the whole term). */
  readonly periodRate: number;
  /** Effective monthly rate: accrual between due dates, revolving interest. */
  readonly monthlyRate: number;
  /** 0 for REVOLVING, 1 for BULLET. */
  readonly instalments: number;
  readonly periodMonths: number;
  readonly contractDay: number;
  /** Absent for REVOLVING. */
  readonly firstDueDay?: number;
  /** Last due date, or the end of the current renewal for REVOLVING. */
  readonly finalDueDay: number;
  readonly balloonCents: number;
  /** POR_PARCELA fees added to every instalment. */
  readonly instalmentFeeCents: number;
  /** REVOLVING: the part of the limit in use. */
  readonly usedCents: number;
}

export interface ScheduleState {
  readonly instalments: ScheduledInstalments;
  readonly outstandingCents: number;
  /** Next unpaid instalment with its fees; 0 once settled. */
  readonly nextInstalmentCents: number;
  /** Every unpaid instalment with its fees. */
  readonly totalRemainingCents: number;
}

export function scheduleOf(s: ContractSchedule): ScheduledInstalment[] {
  if (s.kind === 'REVOLVING') return [];
  return buildSchedule({
    principalCents: s.principalCents,
    periodRate: s.periodRate,
    instalments: s.instalments,
    system: s.system,
    balloonCents: s.balloonCents,
  });
}

export function dueDayOf(s: ContractSchedule, number: number): number {
  if (s.kind === 'BULLET') return s.finalDueDay;
  return instalmentDueDay(s.firstDueDay ?? s.finalDueDay, number, s.periodMonths);
}

/** Late fine (2 %) plus default and remuneratory interest pro rata for `daysLate`. */
export function lateChargesCents(amountCents: number, monthlyRate: number, daysLate: number): number {
  if (daysLate <= 0) return 0;
  return Math.round(amountCents * (0.02 + ((0.01 + monthlyRate) * daysLate) / 30));
}

/**
 * State of the contract on `today` (a day number) given how many instalments were paid (always
 * the first ones, in order) and whether it is settled.
 */
export function scheduleState(
  s: ContractSchedule,
  paidInstalments: number,
  settled: boolean,
  today: number,
): ScheduleState {
  if (s.kind === 'REVOLVING') {
    const remaining = Math.max(0, s.finalDueDay - today);
    // Revolving interest is debited monthly: what accrued since the 1st is still owed.
    const accrued = Math.round((s.usedCents * s.monthlyRate * (dayOfMonth(today) - 1)) / 30);
    return {
      instalments: {
        typeNumberOfInstalments: 'SEM_PRAZO_TOTAL',
        typeContractRemaining: 'DIA',
        contractRemainingNumber: remaining,
        paidInstalments: 0,
        dueInstalments: 0,
        pastDueInstalments: 0,
      },
      outstandingCents: settled ? 0 : s.usedCents + accrued,
      nextInstalmentCents: 0,
      totalRemainingCents: 0,
    };
  }
  const schedule = scheduleOf(s);
  const bullet = s.kind === 'BULLET';
  const term = bullet
    ? { typeNumberOfInstalments: 'DIA' as const, totalNumberOfInstalments: s.finalDueDay - s.contractDay }
    : { typeNumberOfInstalments: 'MES' as const, totalNumberOfInstalments: s.instalments * s.periodMonths };
  if (settled) {
    return {
      instalments: {
        ...term,
        typeContractRemaining: bullet ? 'DIA' : 'MES',
        contractRemainingNumber: 0,
        paidInstalments: paidInstalments,
        dueInstalments: 0,
        pastDueInstalments: 0,
      },
      outstandingCents: 0,
      nextInstalmentCents: 0,
      totalRemainingCents: 0,
    };
  }
  let overdue = 0;
  let lateCharges = 0;
  let totalRemaining = 0;
  for (let k = paidInstalments + 1; k <= schedule.length; k++) {
    const inst = schedule[k - 1]!;
    const dueDay = dueDayOf(s, k);
    totalRemaining += inst.amountCents + s.instalmentFeeCents;
    if (dueDay < today) {
      overdue += 1;
      lateCharges += lateChargesCents(inst.amountCents, s.monthlyRate, today - dueDay);
    }
  }
  const balance = paidInstalments === 0 ? s.principalCents : schedule[paidInstalments - 1]!.balanceAfterCents;
  const anchor = paidInstalments === 0 ? s.contractDay : dueDayOf(s, paidInstalments);
  const accrued = Math.round(balance * (Math.pow(1 + s.monthlyRate, Math.max(0, today - anchor) / 30) - 1));
  const last = schedule[schedule.length - 1];
  const balloons: BalloonPayment[] =
    last?.isBalloon === true && paidInstalments < schedule.length && s.finalDueDay >= today
      ? [
          {
            dueDate: isoDate(s.finalDueDay),
            amount: { amount: centsToDecimal(last.amountCents), currency: 'BRL' },
          },
        ]
      : [];
  const next = schedule[paidInstalments];
  return {
    instalments: {
      ...term,
      typeContractRemaining: bullet ? 'DIA' : 'MES',
      contractRemainingNumber: bullet
        ? Math.max(0, s.finalDueDay - today)
        : monthsUntil(today, s.finalDueDay),
      paidInstalments,
      dueInstalments: schedule.length - paidInstalments - overdue,
      pastDueInstalments: overdue,
      ...(balloons.length > 0 ? { balloonPayments: balloons } : {}),
    },
    outstandingCents: balance + accrued + lateCharges,
    nextInstalmentCents: next ? next.amountCents + s.instalmentFeeCents : 0,
    totalRemainingCents: totalRemaining,
  };
}
