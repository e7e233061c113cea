import type { RiskRule } from '../types.ts';

export interface NightBurstOptions {
  /** Night in Brasília time, [start, end) hours; 20 to 6 by default (BCB Res. 142/2021, Pix limits). */
  nightStartHour?: number;
  nightEndHour?: number;
  /** Window and counts: within 15 minutes, 3 payments (this one included) score 40, 5 score 60. */
  windowMinutes?: number;
  burst?: number;
  points?: number;
  highBurst?: number;
  highPoints?: number;
}

const BRASILIA_OFFSET_HOURS = -3; // no daylight saving since 2019

/** Hour of day (0–23) in Brasília. */
export function brasiliaHour(at: Date): number {
  return (at.getUTCHours() + 24 + BRASILIA_OFFSET_HOURS) % 24;
}

/**
 * Rule 3, night-time burst: between 20:00 and 06:00 in Brasília (the period the Central Bank
 * sets apart for Pix limits), 3 or more payments by the same payer within 15 minutes score 40,
 * 5 or more score 60. Counted over every recent payment of the payer, whatever its status.
 */
export function nightBurst(options: NightBurstOptions = {}): RiskRule {
  const start = options.nightStartHour ?? 20;
  const end = options.nightEndHour ?? 6;
  const windowMs = (options.windowMinutes ?? 15) * 60_000;
  const burst = options.burst ?? 3;
  const highBurst = options.highBurst ?? 5;
  return {
    name: 'night-burst',
    lookbackMs: windowMs,
    evaluate(input, history) {
      const hour = brasiliaHour(input.at);
      const night = start > end ? hour >= start || hour < end : hour >= start && hour < end;
      if (!night) return undefined;
      const since = input.at.getTime() - windowMs;
      const count = 1 + history.filter((p) => p.at.getTime() >= since && p.at <= input.at).length;
      if (count < burst) return undefined;
      const points = count >= highBurst ? (options.highPoints ?? 60) : (options.points ?? 40);
      return {
        rule: 'night-burst',
        points,
        detail: `${count} pagamentos em ${windowMs / 60_000} minutos no período noturno.`,
      };
    },
  };
}
