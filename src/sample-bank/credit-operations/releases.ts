import type { OverParcelPayment } from '../../connectors/index.ts';
import type { Random } from '../generator/random.ts';
import { addMonths } from './dates.ts';
import { centsToDecimal } from './money.ts';
import type { ProductProfile } from './products.ts';
import { dueDayOf, lateChargesCents, scheduleOf, type ContractSchedule } from './schedule-state.ts';

/**
 * The payments ("releases") a contract received up to `today`, consistent with its schedule:
 * instalments are paid in order, each with its per-instalment fees and, when late, its late
 * charges (inside the payment or, for some customers, as a separate over-parcel payment).
 * Some borrowers stop paying (their instalments become overdue), some settle early.
 */

export interface GeneratedRelease {
  readonly paymentId: string;
  readonly isOverParcelPayment: boolean;
  /** The instalment paid (1-based), for agreed payments. */
  readonly instalmentNumber?: number;
  readonly paidDay: number;
  readonly paidCents: number;
  readonly overParcel?: OverParcelPayment;
}

type Behaviour = 'PUNCTUAL' | 'SOMETIMES_LATE' | 'DEFAULTS' | 'SETTLES_EARLY';

export function generateReleases(
  random: Random,
  schedule: ContractSchedule,
  profile: ProductProfile,
  today: number,
): { releases: GeneratedRelease[]; settlementDay?: number } {
  if (schedule.kind === 'REVOLVING') return revolvingReleases(random, schedule, today);
  const releases: GeneratedRelease[] = [];
  const instalments = scheduleOf(schedule);
  // Payroll deductions are never late: the employer or INSS pays on the due date.
  const behaviour: Behaviour =
    profile.key === 'payroll'
      ? 'PUNCTUAL'
      : random.weighted<Behaviour>([['PUNCTUAL', 84], ['SOMETIMES_LATE', 9], ['DEFAULTS', 4], ['SETTLES_EARLY', 3]]); // prettier-ignore
  const stopAt = behaviour === 'DEFAULTS' ? random.int(1, instalments.length) : Infinity;
  const settleAfter =
    behaviour === 'SETTLES_EARLY' ? random.int(3, Math.max(3, instalments.length - 1)) : Infinity;
  const advance = schedule.kind === 'BULLET' && profile.type === 'UNARRANGED_ACCOUNT_OVERDRAFT';

  for (const inst of instalments) {
    const k = inst.number;
    if (k >= stopAt) break;
    const dueDay = dueDayOf(schedule, k);
    const lateChance = behaviour === 'SOMETIMES_LATE' ? 0.35 : 0.03;
    const daysLate = random.chance(lateChance) ? random.int(1, 20) : 0;
    // A deposit advance is repaid by the next credit to the account, usually before its due date.
    const paidDay = advance
      ? Math.min(dueDay, schedule.contractDay + random.int(1, Math.max(1, dueDay - schedule.contractDay)))
      : daysLate > 0 ? dueDay + daysLate : dueDay - random.int(0, 3); // prettier-ignore
    if (paidDay > today) break;
    const amount = inst.amountCents + schedule.instalmentFeeCents;
    const charges = lateChargesCents(inst.amountCents, schedule.monthlyRate, daysLate);
    const separate = charges > 0 && random.chance(0.3);
    releases.push({
      paymentId: random.hex(24),
      isOverParcelPayment: false,
      instalmentNumber: k,
      paidDay,
      paidCents: separate ? amount : amount + charges,
    });
    if (separate) releases.push(lateChargesRelease(random, inst.amountCents, charges, paidDay));
    if (k === settleAfter && k < instalments.length) {
      const nextDue = dueDayOf(schedule, k + 1);
      const day = Math.min(today, paidDay + random.int(1, Math.max(1, nextDue - paidDay - 1)));
      if (day >= nextDue || day <= paidDay) continue;
      // Early settlement: the balance plus interest for the days elapsed (CDC art. 52 §2 discount).
      const accrued = Math.round(
        inst.balanceAfterCents * (Math.pow(1 + schedule.monthlyRate, (day - dueDay) / 30) - 1),
      );
      releases.push({
        paymentId: random.hex(24),
        isOverParcelPayment: true,
        paidDay: day,
        paidCents: inst.balanceAfterCents + accrued,
      });
      return { releases, settlementDay: day };
    }
  }
  const last = releases[releases.length - 1];
  const allPaid = releases.filter((r) => !r.isOverParcelPayment).length === instalments.length;
  return allPaid && last ? { releases, settlementDay: last.paidDay } : { releases };
}

function lateChargesRelease(
  random: Random,
  amountCents: number,
  charges: number,
  paidDay: number,
): GeneratedRelease {
  const fine = Math.min(charges, Math.round(amountCents * 0.02));
  return {
    paymentId: random.hex(24),
    isOverParcelPayment: true,
    paidDay,
    paidCents: charges,
    overParcel: {
      fees: [],
      charges: [
        { chargeType: 'MULTA_ATRASO_PAGAMENTO', chargeAmount: centsToDecimal(fine) },
        { chargeType: 'JUROS_MORA_ATRASO', chargeAmount: centsToDecimal(charges - fine) },
      ],
    },
  };
}

/** Revolving limits: interest and IOF on the balance used, debited on the 1st of each month. */
function revolvingReleases(
  random: Random,
  s: ContractSchedule,
  today: number,
): { releases: GeneratedRelease[] } {
  const releases: GeneratedRelease[] = [];
  for (let back = 12; back >= 1; back--) {
    const day = addMonths(today, -back + 1, 1);
    if (day <= s.contractDay + 30 || day > today) continue;
    const used =
      back === 1 ? s.usedCents : random.chance(0.6) ? Math.round(s.principalCents * random.next() * 0.9) : 0;
    const interest = Math.round(used * s.monthlyRate);
    if (interest === 0) continue;
    const iof = Math.round(used * 0.000082 * 30);
    releases.push({
      paymentId: random.hex(24),
      isOverParcelPayment: true,
      paidDay: day,
      paidCents: interest + iof,
      overParcel: {
        fees: [],
        charges: [
          {
            chargeType: 'OUTROS',
            chargeAdditionalInfo: 'Juros remuneratórios do limite utilizado',
            chargeAmount: centsToDecimal(interest),
          },
          { chargeType: 'IOF_CONTRATACAO', chargeAmount: centsToDecimal(iof) },
        ],
      },
    });
  }
  return { releases };
}

/**
 * The core keeps 13 months of payments online (the APIs owe at least the last 12); older
 * agreed payments survive only as a count, so a 30-year mortgage does not carry 300 rows.
 */
export const RELEASE_HISTORY_DAYS = 400;

export function trimHistory(
  releases: readonly GeneratedRelease[],
  today: number,
): { releases: GeneratedRelease[]; paidBeforeHistory: number } {
  const from = today - RELEASE_HISTORY_DAYS;
  const kept = releases.filter((r) => r.paidDay >= from);
  const dropped = releases.length - kept.length;
  const droppedOverParcel = releases.filter((r) => r.paidDay < from && r.isOverParcelPayment).length;
  return { releases: kept, paidBeforeHistory: dropped - droppedOverParcel };
}
