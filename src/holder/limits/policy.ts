import type { EndpointId, FrequencyClass } from '../policy/endpoints.ts';

/**
 * Traffic limits of one brand. Defaults are the regulatory minimums (a transmitter may allow
 * more, never less): DIGEST §8.4 "Limites de tráfego" (CF:17989722 v10) and §8.5 "Limites
 * operacionais" (CF:17924220 v5).
 */
export interface TrafficLimitsPolicy {
  /** Per-client TPM per endpoint, by class (medium-high 2,000, medium 1,500, low 1,000); null: off. */
  readonly tpm: { readonly [C in Exclude<FrequencyClass, 'HIGH'>]: number } | null;
  /**
   * High-frequency TPM by the client's active consents (QCA): the first band whose `upTo` is at
   * least the count applies; above the last band, `abovePerTwoMillion` is added per 2 M more.
   */
  readonly highFrequencyTpm: {
    readonly bands: readonly { readonly upTo: number; readonly tpm: number }[];
    readonly abovePerTwoMillion: number;
  };
  /** Monthly operational limits on (the endpoint table holds the minimum per endpoint). */
  readonly operational: boolean;
  /** Per-endpoint monthly limits that replace the table's; null turns one endpoint's limit off. */
  readonly operationalOverrides: Readonly<Partial<Record<EndpointId, number | null>>>;
  /** Global capacity in requests per second across the brand's processes (→ 529); null: off. */
  readonly globalTps: number | null;
  /** Open data: per-IP TPM (DIGEST §8.6: 500); null: off. */
  readonly openDataTpmPerIp: number | null;
}

export const REGULATORY_LIMITS: TrafficLimitsPolicy = {
  tpm: { MEDIUM_HIGH: 2000, MEDIUM: 1500, LOW: 1000 },
  highFrequencyTpm: {
    bands: [
      { upTo: 1_000_000, tpm: 2500 },
      { upTo: 2_000_000, tpm: 5000 },
      { upTo: 3_000_000, tpm: 8000 },
      { upTo: 6_000_000, tpm: 10_000 },
    ],
    abovePerTwoMillion: 2000,
  },
  operational: true,
  operationalOverrides: {},
  // "a infraestrutura deve suportar no mínimo 300 TPS": the brand raises it to its real capacity.
  globalTps: 300,
  openDataTpmPerIp: 500,
};

export type TrafficLimitsOverrides = Partial<TrafficLimitsPolicy>;

export function trafficPolicy(overrides: TrafficLimitsOverrides = {}): TrafficLimitsPolicy {
  return { ...REGULATORY_LIMITS, ...overrides };
}

/** The high-frequency TPM for a client with `activeConsents` active consents. */
export function highFrequencyTpm(policy: TrafficLimitsPolicy, activeConsents: number): number {
  const { bands, abovePerTwoMillion } = policy.highFrequencyTpm;
  for (const band of bands) if (activeConsents <= band.upTo) return band.tpm;
  const last = bands[bands.length - 1];
  if (last === undefined) return Number.POSITIVE_INFINITY;
  // 6–8 M → 12,000; each further 2 M band (or part of one) adds 2,000.
  return last.tpm + Math.ceil((activeConsents - last.upTo) / 2_000_000) * abovePerTwoMillion;
}

/** The monthly limit of an endpoint for this brand, or null when it has none. */
export function monthlyLimit(
  policy: TrafficLimitsPolicy,
  endpoint: { id: EndpointId; monthlyLimit: number | null },
): number | null {
  if (!policy.operational || endpoint.monthlyLimit === null) return null;
  const override = policy.operationalOverrides[endpoint.id];
  return override === undefined ? endpoint.monthlyLimit : override;
}
