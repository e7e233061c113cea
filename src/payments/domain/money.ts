/**
 * Money as payments.yaml writes it: BRL with exactly two decimals (`^\d{1,16}\.\d{2}$`). Kept as
 * strings on the wire and in integer cents (bigint) whenever compared: never a float.
 */
const AMOUNT = /^(\d{1,16})\.(\d{2})$/;

export function isAmount(value: string): boolean {
  return AMOUNT.test(value);
}

export function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount);
  if (!match) throw new RangeError(`not a two-decimal amount: ${amount}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
}

export function sameAmount(a: string, b: string): boolean {
  return toCents(a) === toCents(b);
}

/** 'R$ 1.234,56' for the customer's page. */
export function formatBrl(amount: string): string {
  const cents = toCents(amount);
  const units = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `R$ ${units},${(cents % 100n).toString().padStart(2, '0')}`;
}
