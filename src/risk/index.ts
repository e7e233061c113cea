/**
 * Fraud scoring of payments before the account holder accepts them. `RiskScorer` is the
 * interface (an institution plugs its own engine); `createRulesScorer` is the default, with the
 * three documented rules of README.md.
 */
export type {
  PastPayment,
  PayerHistory,
  PaymentRiskInput,
  RiskAssessment,
  RiskReason,
  RiskRule,
  RiskScorer,
} from './types.ts';
export { createRulesScorer, defaultRules, type RulesScorerOptions } from './rules-scorer.ts';
export { unusualAmount, type UnusualAmountOptions } from './rules/unusual-amount.ts';
export { newCreditor, type NewCreditorOptions } from './rules/new-creditor.ts';
export { nightBurst, brasiliaHour, type NightBurstOptions } from './rules/night-burst.ts';
