import { ACR_LOA2, acrAtLeast, type Acr } from '../provider/acr.ts';

/**
 * Which authentication a request needs (FAPI-BR 1.0 ID3 §5.2.2.4, DIGEST §6.1 item 4):
 * - the client's essential `acr` request (claims parameter, `id_token.acr` with `essential: true`,
 *   FAPI-BR §5.2.3 items 6–7): the achieved acr must be one of its values, or the authentication
 *   failed (OIDC Core §5.5.1.1); `acr_values` is voluntary and never refuses anything;
 * - the brand's own minimum for read-write APIs (payment consents): FAPI-BR §5.2.2.4 *suggests*
 *   loa3 for them and leaves the level to the institution's risk assessment, so it is a knob.
 */
export interface AcrPolicy {
  /** Minimum for requests with a payments scope; loa2 (no extra rule) unless configured. */
  minimumForPayments: Acr;
}

export const DEFAULT_ACR_POLICY: AcrPolicy = { minimumForPayments: ACR_LOA2 };

/** Scopes of the read-write APIs (the PAGTO role, DCR v2.1.0 §7.1 item 9). */
const READ_WRITE_SCOPES = new Set(['payments', 'recurring-payments', 'nrp-consents']);

export interface AcrRequirement {
  /** The client's essential values; undefined when it did not ask for acr as essential. */
  essential?: readonly string[];
  minimum: Acr;
}

/** Essential acr values of the claims parameter (`value` or `values`), if any. */
export function essentialAcrValues(claims: unknown): string[] | undefined {
  if (typeof claims !== 'string') return undefined;
  try {
    const parsed = JSON.parse(claims) as {
      id_token?: { acr?: { essential?: boolean; values?: unknown; value?: unknown } | null };
    };
    const acr = parsed.id_token?.acr;
    if (acr?.essential !== true) return undefined;
    if (Array.isArray(acr.values)) return acr.values.filter((v): v is string => typeof v === 'string');
    return typeof acr.value === 'string' ? [acr.value] : undefined;
  } catch {
    return undefined;
  }
}

export function acrRequirement(
  params: { claims?: unknown; scope?: unknown },
  policy: AcrPolicy,
): AcrRequirement {
  const scopes = typeof params.scope === 'string' ? params.scope.split(' ') : [];
  const minimum = scopes.some((s) => READ_WRITE_SCOPES.has(s)) ? policy.minimumForPayments : ACR_LOA2;
  const essential = essentialAcrValues(params.claims);
  return essential === undefined ? { minimum } : { essential, minimum };
}

/** Whether the level the customer's authentication reached meets the request's requirement. */
export function meetsAcrRequirement(achieved: Acr, requirement: AcrRequirement): boolean {
  if (requirement.essential !== undefined && !requirement.essential.includes(achieved)) return false;
  return acrAtLeast(achieved, requirement.minimum);
}
