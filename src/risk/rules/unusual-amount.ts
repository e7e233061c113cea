import type { RiskRule } from '../types.ts';
import { formatCents, medianCents, toCents } from './money.ts';

export interface UnusualAmountOptions {
  /** History window; 90 days by default. */
  lookbackDays?: number;
  /** Settled payments needed before the payer has a baseline; 3 by default. */
  minimumHistory?: number;
  /** Points when the amount exceeds `multiplier` × the payer's median; 40 (×5) by default. */
  multiplier?: number;
  points?: number;
  /** Points when it exceeds `highMultiplier` × the median; 60 (×10) by default. */
  highMultiplier?: number;
  highPoints?: number;
  /** Amounts up to this never count as unusual (small payments are noise); R$ 200,00 by default. */
  floor?: string;
  /** Without a baseline: amounts above this get `firstPoints`; R$ 5.000,00 and 30 by default. */
  firstPaymentsCeiling?: string;
  firstPoints?: number;
}

/**
 * Rule 1, unusual amount for the payer: compared with the median of the payer's settled Pix of
 * the last 90 days, an amount above 5× scores 40 and above 10× scores 60 (amounts up to
 * R$ 200 never count). A payer with fewer than 3 settled payments has no baseline: an amount
 * above R$ 5.000 scores 30.
 */
export function unusualAmount(options: UnusualAmountOptions = {}): RiskRule {
  const lookbackDays = options.lookbackDays ?? 90;
  const minimumHistory = options.minimumHistory ?? 3;
  const multiplier = BigInt(options.multiplier ?? 5);
  const highMultiplier = BigInt(options.highMultiplier ?? 10);
  const floor = toCents(options.floor ?? '200.00');
  const ceiling = toCents(options.firstPaymentsCeiling ?? '5000.00');
  return {
    name: 'unusual-amount',
    lookbackMs: lookbackDays * 86_400_000,
    evaluate(input, history) {
      const amount = toCents(input.amount);
      const since = input.at.getTime() - lookbackDays * 86_400_000;
      const settled = history
        .filter((p) => p.settled && p.at.getTime() >= since)
        .map((p) => toCents(p.amount));
      if (settled.length < minimumHistory) {
        if (amount <= ceiling) return undefined;
        return {
          rule: 'unusual-amount',
          points: options.firstPoints ?? 30,
          detail: `Pagador sem histórico e valor acima de R$ ${formatCents(ceiling)}.`,
        };
      }
      if (amount <= floor) return undefined;
      const median = medianCents(settled);
      const [factor, points] =
        amount > median * highMultiplier
          ? [highMultiplier, options.highPoints ?? 60]
          : amount > median * multiplier
            ? [multiplier, options.points ?? 40]
            : [0n, 0];
      if (points === 0) return undefined;
      return {
        rule: 'unusual-amount',
        points,
        detail: `Valor acima de ${factor}× a mediana do pagador (R$ ${formatCents(median)}).`,
      };
    },
  };
}
