/**
 * Money and rate formatting for the sample bank's credit data. Amounts are kept in integer cents
 * while generating (sums stay exact) and leave as the specs' decimal strings.
 */

/** 123456 → '1234.56'; -5 → '-0.05'. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

/** '1234.56' (or '1234.5600') → 123456. Throws on more than 2 significant decimals. */
export function decimalToCents(value: string): number {
  const match = /^(-?)(\d+)\.(\d{2})(0{0,2})$/.exec(value);
  if (!match) throw new RangeError(`not a 2-decimal amount: ${value}`);
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}

/** A rate as the credit specs write it: a fraction with exactly 6 decimals (0.0215 → '0.021500'). */
export function rate6(value: number): string {
  if (!(value >= 0)) throw new RangeError(`negative or invalid rate: ${value}`);
  return value.toFixed(6);
}

/** Rounds a cents amount to a "nice" multiple (limits end in 00 or 50, prices in whole reais). */
export function roundTo(cents: number, step: number): number {
  return Math.max(step, Math.round(cents / step) * step);
}
