/**
 * Contract calendar: instalments fall on the contract's due day every `periodMonths` months
 * after the first due date. Days are day numbers since 1970-01-01, as in
 * `generator/calendar.ts`. Pure integer arithmetic (H. Hinnant's civil-date algorithms): the
 * seed calls these hundreds of thousands of times and `Date` objects showed in its profile.
 */

/** [year, month 1..12, day 1..31] of a day number. */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Day number of a civil date; days past the month's end roll into the next month. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The day `months` months after `day`'s month, on `dayOfMonth` (past the month's end: into the next). */
export function addMonths(day: number, months: number, dayOfMonth: number): number {
  const [y, m] = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, dayOfMonth);
}

/** Day of the month (1..31) of a day number. */
export function dayOfMonth(day: number): number {
  return civilFromDays(day)[2];
}

/** Due day of instalment `number` (1-based) given the first due day and the period. */
export function instalmentDueDay(firstDueDay: number, number: number, periodMonths: number): number {
  return addMonths(firstDueDay, (number - 1) * periodMonths, dayOfMonth(firstDueDay));
}

/** Whole months from `from` to `to` (0 when `to` is not after `from`), a part month counting as one. */
export function monthsUntil(from: number, to: number): number {
  if (to <= from) return 0;
  const [ay, am, ad] = civilFromDays(from);
  const [by, bm, bd] = civilFromDays(to);
  const whole = (by - ay) * 12 + bm - am;
  return bd > ad ? whole + 1 : Math.max(whole, 1);
}
