/**
 * Counting windows. Limits count in whole calendar units (DIGEST §8.4: "hh:mm:00.000 a
 * hh:mm:59.999"); months are Brasília months. Brazil has had no daylight saving time since 2019,
 * so Brasília is UTC−03:00 throughout.
 */
const BRASILIA_OFFSET_MS = 3 * 3_600_000;

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;

export function secondStart(now: Date): number {
  return now.getTime() - (now.getTime() % SECOND_MS);
}

export function minuteStart(now: Date): number {
  return now.getTime() - (now.getTime() % MINUTE_MS);
}

let monthMemo = { from: 0, until: 0, start: 0 };

/** The UTC instant of Brasília midnight on the 1st of the month `now` falls in (Brasília). */
export function brasiliaMonthStart(now: Date): number {
  const t = now.getTime();
  if (t >= monthMemo.from && t < monthMemo.until) return monthMemo.start;
  const local = new Date(t - BRASILIA_OFFSET_MS);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) + BRASILIA_OFFSET_MS;
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) + BRASILIA_OFFSET_MS;
  monthMemo = { from: start, until: next, start };
  return start;
}

let dayMemo = { from: 0, until: 0, day: '' };

/** Today's date in Brasília, `YYYY-MM-DD`. */
export function brasiliaToday(now: Date): string {
  const t = now.getTime();
  if (t >= dayMemo.from && t < dayMemo.until) return dayMemo.day;
  const local = t - BRASILIA_OFFSET_MS;
  const from = local - (((local % 86_400_000) + 86_400_000) % 86_400_000) + BRASILIA_OFFSET_MS;
  dayMemo = { from, until: from + 86_400_000, day: new Date(local).toISOString().slice(0, 10) };
  return dayMemo.day;
}
