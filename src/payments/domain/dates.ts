/**
 * Calendar in Brasília time (payments.yaml: schedule dates "O fuso horário de Brasília deve ser
 * utilizado"). Brazil has had no daylight saving since 2019, so UTC−03:00 is exact.
 */
const OFFSET_MS = -3 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Brasília calendar date of an instant, `YYYY-MM-DD`. */
export function brasiliaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Accepts the spec's loose pattern (`0?[1-9]` months and days) and pads it: 2025-6-1 → 2025-06-01. */
export function normaliseDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Brasília midnight starting `date`, as an instant. */
export function brasiliaMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** dd/mm/aaaa, as a customer reads dates. */
export function formatDateBr(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
