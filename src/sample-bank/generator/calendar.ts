/**
 * Calendar arithmetic for the generator, in Brasília time. Brazil has had no daylight saving
 * since 2019, so a fixed UTC−03:00 offset is exact for any history the generator produces.
 */

export const DAY_MS = 86_400_000;
const BRT_OFFSET_MS = 3 * 3_600_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant (ms) of `secondOfDay` seconds after Brasília midnight of `day`. */
export function brasiliaInstant(day: number, secondOfDay: number): number {
  return day * DAY_MS + BRT_OFFSET_MS + secondOfDay * 1000;
}

/** UTC ms of Brasília midnight starting `isoDate` (inclusive lower bound of a booking date). */
export function brasiliaStartOf(isoDate: string): Date {
  return new Date(brasiliaInstant(dayNumber(isoDate), 0));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (day + 4) % 7;
}

export interface MonthInfo {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** Day number of the 1st. */
  readonly firstDay: number;
  readonly length: number;
}

/** The months overlapping [fromDay, toDay], oldest first. */
export function monthsBetween(fromDay: number, toDay: number): MonthInfo[] {
  const months: MonthInfo[] = [];
  const start = new Date(fromDay * DAY_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (;;) {
    const firstDay = Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS);
    if (firstDay > toDay) break;
    const length = Math.floor(Date.UTC(year, month, 1) / DAY_MS) - firstDay;
    months.push({ year, month, firstDay, length });
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The n-th business day (Mon–Fri, from 1) of a month: when salaries are paid. */
export function nthBusinessDay(m: MonthInfo, n: number): number {
  let count = 0;
  for (let d = m.firstDay; d < m.firstDay + m.length; d += 1) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) {
      count += 1;
      if (count === n) return d;
    }
  }
  return m.firstDay + m.length - 1;
}

/** The day a bill due on `dueDay` is paid: that day of the month, moved to Monday if it falls on a weekend. */
export function dueDate(m: MonthInfo, dueDay: number): number {
  let d = m.firstDay + Math.min(dueDay, m.length) - 1;
  while (weekday(d) === 0 || weekday(d) === 6) d += 1;
  return d;
}

/**
 * How much more people spend in a month than usual: December (Christmas, 13th salary) is the
 * peak, January (school supplies, IPVA/IPTU) and November (Black Friday) are high, February and
 * the mid-year are quieter.
 */
export const SPENDING_SEASONALITY: Readonly<Record<number, number>> = {
  1: 1.15, 2: 0.9, 3: 0.95, 4: 0.95, 5: 1.0, 6: 0.95, 7: 1.0, 8: 0.95, 9: 0.95, 10: 1.0, 11: 1.15, 12: 1.45,
}; // prettier-ignore
