import { AppError } from '../../platform/errors/index.ts';
import { PaymentErrors } from '../errors.ts';
import { addDays, daysBetween, isCalendarDate, normaliseDate, weekdayOf } from './dates.ts';

/** payments.yaml `ScheduleWeekly.weekly.dayOfWeek`. */
export const DAYS_OF_WEEK = [
  'DOMINGO',
  'SEGUNDA_FEIRA',
  'TERCA_FEIRA',
  'QUARTA_FEIRA',
  'QUINTA_FEIRA',
  'SEXTA_FEIRA',
  'SABADO',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** payments.yaml `Schedule` (oneOf single | daily | weekly | monthly | custom). */
export type Schedule =
  | { single: { date: string } }
  | { daily: { startDate: string; quantity: number } }
  | { weekly: { dayOfWeek: DayOfWeek; startDate: string; quantity: number } }
  | { monthly: { dayOfMonth: number; startDate: string; quantity: number } }
  | { custom: { dates: string[]; additionalInformation: string } };

/** payments 4.0.0: at most 60 payments per consent, within two years (D+730). */
export const MAX_PAYMENTS = 60;
export const MAX_DAYS_AHEAD = 730;

function invalidDate(detail: string): never {
  throw new AppError(PaymentErrors.DATA_PAGAMENTO_INVALIDA, detail);
}

function date(value: string, field: string): string {
  const normalised = normaliseDate(value);
  if (normalised === undefined) {
    throw new AppError(
      PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO,
      `Parâmetro ${field} não é uma data válida.`,
    );
  }
  return normalised;
}

/** The occurrence of `dayOfMonth` in a month; a day 29–31 the month lacks moves to the 1st of the next month. */
function monthlyOccurrence(year: number, month: number, dayOfMonth: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const wanted = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  if (isCalendarDate(wanted)) return wanted;
  // payments.yaml "Validações para pagamentos recorrentes": the day after (the 1st of the next month).
  const nextMonth = addDays(first, 32).slice(0, 8);
  return `${nextMonth}01`;
}

function monthlyDates(dayOfMonth: number, startDate: string, quantity: number): string[] {
  const year = Number(startDate.slice(0, 4));
  const startMonth = Number(startDate.slice(5, 7));
  // The first occurrence is the one of the start month, unless it falls before the start date.
  const month = monthlyOccurrence(year, startMonth, dayOfMonth) < startDate ? startMonth + 1 : startMonth;
  return Array.from({ length: quantity }, (_, i) => {
    const m = month + i;
    return monthlyOccurrence(year + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, dayOfMonth);
  });
}

function occurrences(schedule: Schedule): string[] {
  if ('single' in schedule) return [date(schedule.single.date, 'schedule.single.date')];
  if ('daily' in schedule) {
    const start = date(schedule.daily.startDate, 'schedule.daily.startDate');
    return Array.from({ length: schedule.daily.quantity }, (_, i) => addDays(start, i));
  }
  if ('weekly' in schedule) {
    const start = date(schedule.weekly.startDate, 'schedule.weekly.startDate');
    const target = DAYS_OF_WEEK.indexOf(schedule.weekly.dayOfWeek);
    const first = addDays(start, (target - weekdayOf(start) + 7) % 7);
    return Array.from({ length: schedule.weekly.quantity }, (_, i) => addDays(first, 7 * i));
  }
  if ('monthly' in schedule) {
    const start = date(schedule.monthly.startDate, 'schedule.monthly.startDate');
    return monthlyDates(schedule.monthly.dayOfMonth, start, schedule.monthly.quantity);
  }
  const dates = schedule.custom.dates.map((d) => date(d, 'schedule.custom.dates'));
  if (new Set(dates).size !== dates.length) {
    // ScheduleCustom: repeated dates → PARAMETRO_INVALIDO.
    throw new AppError(
      PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO,
      'Parâmetro schedule.custom.dates contém datas repetidas.',
    );
  }
  return dates.sort();
}

/**
 * The settlement dates a consent's schedule stands for, ascending, checked against the spec:
 * at most 60 payments ("Quantidade permitida de pagamentos excedida" → PARAMETRO_INVALIDO), and
 * every date from D+1 to D+730 in Brasília counted from the consent's creation day
 * (ScheduleSingle; "prazo máximo ... dois anos") → DATA_PAGAMENTO_INVALIDA.
 */
export function scheduleDates(schedule: Schedule, today: string): string[] {
  const quantity =
    'daily' in schedule
      ? schedule.daily.quantity
      : 'weekly' in schedule
        ? schedule.weekly.quantity
        : 'monthly' in schedule
          ? schedule.monthly.quantity
          : 'custom' in schedule
            ? schedule.custom.dates.length
            : 1;
  if (quantity > MAX_PAYMENTS) {
    throw new AppError(
      PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO,
      'Quantidade permitida de pagamentos excedida',
    );
  }
  const dates = occurrences(schedule);
  for (const d of dates) {
    const ahead = daysBetween(today, d);
    if (ahead < 1) invalidDate(`Data de pagamento ${d} inválida: agendamentos começam em D+1.`);
    if (ahead > MAX_DAYS_AHEAD) invalidDate(`Data de pagamento ${d} inválida: além de dois anos (D+730).`);
  }
  return dates;
}

/** An immediate payment (`payment.date`): the date must be today in Brasília. */
export function immediateDate(value: string, today: string): string {
  const d = date(value, 'payment.date');
  if (d !== today) invalidDate('Data de pagamento inválida para a forma de pagamento selecionada.');
  return d;
}
