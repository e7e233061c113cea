/**
 * The risk-scoring interface the account holder consults before accepting a payment (DESIGN
 * §3.2 "Fraud score consulted before acceptance"). An institution plugs its own fraud engine
 * behind `RiskScorer`; Ponte ships the rules-based scorer of `rules-scorer.ts`.
 */

/** One payment to score. Refs are opaque, stable pseudonyms (keyed hashes), never documents. */
export interface PaymentRiskInput {
  brandId: string;
  paymentId: string;
  /** Who pays (same value for every payment of the same customer at the brand). */
  payerRef: string;
  /** Who receives (same value for the same creditor account). */
  creditorRef: string;
  /** BRL, two decimals (`^\d{1,16}\.\d{2}$`). */
  amount: string;
  /** When the payment is being accepted (the scorer's "now"). */
  at: Date;
  localInstrument: string;
}

/** Why points were given: the rule's name and a sentence an analyst reads. */
export interface RiskReason {
  rule: string;
  points: number;
  detail: string;
}

export interface RiskAssessment {
  /** 0 (no concern) to 100 (certain fraud). */
  score: number;
  reasons: RiskReason[];
}

export interface RiskScorer {
  score(input: PaymentRiskInput): Promise<RiskAssessment>;
}

/** A past payment of the payer, as the rules see it. */
export interface PastPayment {
  paymentId: string;
  creditorRef: string;
  amount: string;
  at: Date;
  /** Ended settled (ACSC); unsettled ones still count for bursts, not for the amount baseline. */
  settled: boolean;
}

/**
 * Where the rules read the payer's history (the payments module provides it from its own
 * table). Returns payments since `since`, newest first, the scored payment excluded.
 */
export interface PayerHistory {
  recentPayments(input: {
    brandId: string;
    payerRef: string;
    since: Date;
    excludePaymentId: string;
  }): Promise<PastPayment[]>;
}

/** One rule: pure, given the payment and the payer's history. */
export interface RiskRule {
  readonly name: string;
  /** How far back this rule needs history. */
  readonly lookbackMs: number;
  evaluate(input: PaymentRiskInput, history: readonly PastPayment[]): RiskReason | undefined;
}
