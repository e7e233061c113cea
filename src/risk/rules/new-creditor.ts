import type { RiskRule } from '../types.ts';
import { formatCents, toCents } from './money.ts';

export interface NewCreditorOptions {
  /** How far back a creditor counts as known; 180 days by default. */
  lookbackDays?: number;
  /** Points for a creditor the payer never paid; 20 by default. */
  points?: number;
  /** Extra points when the amount is at least `largeAmount` (R$ 1.000,00); 15 by default. */
  largeAmount?: string;
  largePoints?: number;
}

/**
 * Rule 2, new creditor: a creditor account the payer has not paid in the last 180 days scores
 * 20, and 35 when the amount is R$ 1.000 or more (the classic social-engineering pattern: a
 * first, large transfer to a stranger). Rejected payments do not make a creditor known.
 */
export function newCreditor(options: NewCreditorOptions = {}): RiskRule {
  const lookbackDays = options.lookbackDays ?? 180;
  const large = toCents(options.largeAmount ?? '1000.00');
  return {
    name: 'new-creditor',
    lookbackMs: lookbackDays * 86_400_000,
    evaluate(input, history) {
      const since = input.at.getTime() - lookbackDays * 86_400_000;
      const known = history.some(
        (p) => p.creditorRef === input.creditorRef && p.settled && p.at.getTime() >= since,
      );
      if (known) return undefined;
      const isLarge = toCents(input.amount) >= large;
      return {
        rule: 'new-creditor',
        points: (options.points ?? 20) + (isLarge ? (options.largePoints ?? 15) : 0),
        detail: isLarge
          ? `Primeiro pagamento a este recebedor, de R$ ${formatCents(large)} ou mais.`
          : 'Primeiro pagamento a este recebedor.',
      };
    },
  };
}
