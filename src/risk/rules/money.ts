/** Two-decimal BRL string → integer cents (rules compare money exactly, never as floats). */
export function toCents(amount: string): bigint {
  const match = /^(\d{1,16})\.(\d{2})$/.exec(amount);
  if (!match) throw new RangeError(`not a two-decimal amount: ${amount}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
}

export function formatCents(cents: bigint): string {
  const units = cents / 100n;
  const rest = cents % 100n;
  return `${units}.${rest < 10n ? '0' : ''}${rest}`;
}

/** Median of a non-empty list of cents (lower median for even lengths, so it is a real value). */
export function medianCents(values: readonly bigint[]): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
