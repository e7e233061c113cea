import { AppError } from '../../platform/errors/index.ts';
import { HolderErrors } from '../errors.ts';

/**
 * Date filters of the transactions endpoints (accounts 2.4.2, credit-cards-accounts 2.3.1):
 * - both or neither: "Deve obrigatoriamente ser enviado caso o campo to… seja informado";
 * - neither: "deve ser assumido o dia atual" (Brasília);
 * - `/transactions`: at most 12 months back and 12 months forward;
 * - `/transactions-current`: at most 7 days back inclusive (D-6), 12 months forward.
 * Breaking a rule is a 422 (Confluence "Quanto ao erro 422": a query value semantically wrong).
 */
export type WindowKind = 'history' | 'current';

export interface DateWindow {
  from: string;
  to: string;
}

function invalid(message: string): AppError {
  return new AppError(HolderErrors.INVALID_DATE_RANGE, message);
}

/** `YYYY-MM-DD` shifted by calendar months (the day clamped to the month's last) and then days. */
export function shiftDate(date: string, by: { months?: number; days?: number }): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + (by.months ?? 0);
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, monthIndex, Math.min(d, lastDay) + (by.days ?? 0));
  return new Date(shifted).toISOString().slice(0, 10);
}

const bounds = new Map<string, { earliest: string; latest: string }>();

/** The window's limits for `today`, computed once per day and kind. */
function boundsOf(today: string, kind: WindowKind): { earliest: string; latest: string } {
  const key = `${today}|${kind}`;
  let found = bounds.get(key);
  if (found === undefined) {
    found = {
      earliest: kind === 'current' ? shiftDate(today, { days: -6 }) : shiftDate(today, { months: -12 }),
      latest: shiftDate(today, { months: 12 }),
    };
    if (bounds.size > 64) bounds.clear();
    bounds.set(key, found);
  }
  return found;
}

export function transactionWindow(
  query: { from?: string | undefined; to?: string | undefined },
  today: string,
  kind: WindowKind,
  names: { from: string; to: string },
): DateWindow {
  if ((query.from === undefined) !== (query.to === undefined)) {
    throw invalid(`${names.from} e ${names.to} devem ser informados juntos.`);
  }
  const from = query.from ?? today;
  const to = query.to ?? today;
  if (from > to) throw invalid(`${names.from} é posterior a ${names.to}.`);
  const { earliest, latest } = boundsOf(today, kind);
  if (from < earliest) {
    throw invalid(
      kind === 'current'
        ? `O período máximo deste endpoint é de 7 dias (${names.from} a partir de ${earliest}).`
        : `A consulta alcança no máximo 12 meses no passado (${names.from} a partir de ${earliest}).`,
    );
  }
  if (to > latest)
    throw invalid(`A consulta alcança no máximo 12 meses no futuro (${names.to} até ${latest}).`);
  return { from, to };
}

/** Optional ranges (bills' due dates, a bill's transactions): only the order is checked. */
export function optionalRange(
  from: string | undefined,
  to: string | undefined,
  names: { from: string; to: string },
): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw invalid(`${names.from} é posterior a ${names.to}.`);
  }
}
