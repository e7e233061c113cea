import { newCreditor, type NewCreditorOptions } from './rules/new-creditor.ts';
import { nightBurst, type NightBurstOptions } from './rules/night-burst.ts';
import { unusualAmount, type UnusualAmountOptions } from './rules/unusual-amount.ts';
import type { PayerHistory, RiskRule, RiskScorer } from './types.ts';

export interface RulesScorerOptions {
  unusualAmount?: UnusualAmountOptions;
  newCreditor?: NewCreditorOptions;
  nightBurst?: NightBurstOptions;
  /** Replaces the three default rules. */
  rules?: readonly RiskRule[];
}

/** The default rules, in the order their reasons are listed (see README.md). */
export function defaultRules(options: RulesScorerOptions = {}): RiskRule[] {
  return [
    unusualAmount(options.unusualAmount),
    newCreditor(options.newCreditor),
    nightBurst(options.nightBurst),
  ];
}

/**
 * The rules-based scorer: reads the payer's history once (as far back as the longest rule
 * needs), runs every rule, and adds their points, capped at 100.
 *
 * @example
 *   const scorer = createRulesScorer({ history });
 *   const { score, reasons } = await scorer.score({ brandId, paymentId, payerRef, creditorRef, amount, at, localInstrument });
 */
export function createRulesScorer(
  deps: { history: PayerHistory },
  options: RulesScorerOptions = {},
): RiskScorer {
  const rules = options.rules ?? defaultRules(options);
  const lookbackMs = Math.max(0, ...rules.map((r) => r.lookbackMs));
  return {
    async score(input) {
      const history = await deps.history.recentPayments({
        brandId: input.brandId,
        payerRef: input.payerRef,
        since: new Date(input.at.getTime() - lookbackMs),
        excludePaymentId: input.paymentId,
      });
      const reasons = rules.flatMap((rule) => rule.evaluate(input, history) ?? []);
      return {
        score: Math.min(
          100,
          reasons.reduce((sum, r) => sum + r.points, 0),
        ),
        reasons,
      };
    },
  };
}
