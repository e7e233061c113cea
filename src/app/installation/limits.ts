import {
  ENDPOINTS,
  REGULATORY_LIMITS,
  type EndpointId,
  type TrafficLimitsOverrides,
} from '../../holder/index.ts';
import type { TrafficLimitsFile } from './schema.ts';

export type TrafficLimits = TrafficLimitsOverrides;

/**
 * A brand's traffic limits from the installation file, checked against the regulatory minimums:
 * a transmitter may allow more, never less (DIGEST §8.4 "Limites de tráfego", §8.5 "Limites
 * operacionais", §8.6 open data). `null` turns a limit off, which allows more and is accepted.
 */
export function limitProblems(
  file: TrafficLimitsFile,
  at: string,
): { limits: TrafficLimits; problems: string[] } {
  const problems: string[] = [];
  const atLeast = (where: string, value: number | null | undefined, minimum: number, rule: string) => {
    if (typeof value === 'number' && value < minimum) {
      problems.push(`${at}/${where}: ${value} is below the regulatory minimum ${minimum} (${rule})`);
    }
  };
  atLeast('globalTps', file.globalTps, REGULATORY_LIMITS.globalTps!, 'DIGEST §8.4: at least 300 TPS');
  for (const klass of ['MEDIUM_HIGH', 'MEDIUM', 'LOW'] as const) {
    atLeast(
      `tpm/${klass}`,
      file.tpm?.[klass],
      REGULATORY_LIMITS.tpm![klass],
      `DIGEST §8.4: ${klass} per-client TPM`,
    );
  }
  atLeast(
    'openDataTpmPerIp',
    file.openDataTpmPerIp,
    REGULATORY_LIMITS.openDataTpmPerIp!,
    'DIGEST §8.6: open data per IP',
  );
  const overrides: Partial<Record<EndpointId, number | null>> = {};
  for (const [id, value] of Object.entries(file.operationalOverrides ?? {})) {
    const endpoint = (ENDPOINTS as Readonly<Record<string, { monthlyLimit: number | null } | undefined>>)[id];
    if (endpoint === undefined) {
      problems.push(`${at}/operationalOverrides/${id}: unknown endpoint`);
      continue;
    }
    if (endpoint.monthlyLimit !== null) {
      atLeast(
        `operationalOverrides/${id}`,
        value,
        endpoint.monthlyLimit,
        'DIGEST §8.5: monthly operational limit',
      );
    }
    overrides[id as EndpointId] = value;
  }
  const limits: TrafficLimits = {
    ...(file.globalTps !== undefined && { globalTps: file.globalTps }),
    ...(file.tpm !== undefined && { tpm: file.tpm }),
    ...(file.operational !== undefined && { operational: file.operational }),
    ...(file.openDataTpmPerIp !== undefined && { openDataTpmPerIp: file.openDataTpmPerIp }),
    ...(file.operationalOverrides !== undefined && { operationalOverrides: overrides }),
  };
  return { limits, problems };
}
