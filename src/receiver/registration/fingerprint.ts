import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Jwks } from '../../directory/index.ts';
import { ssaUris } from './metadata.ts';

/**
 * What a registration at a holder is made of that the directory can change under it (issue #6:
 * "DCM update when the SSA or keys change"): the software's JWKS (the SSA only names its URI, so
 * the keys themselves are read), the redirect and webhook URIs the request sends (DIGEST §6.2
 * items 4, 5, 10) and the software's roles. Everything else in the SSA (its `iat`, names) changes
 * without the registration needing a DCM PUT.
 */
export interface RegistrationBasis {
  jwksUri: string;
  /** Each public key as canonical JSON, sorted: key order in the JWKS does not matter. */
  keys: string[];
  redirectUris: string[];
  webhookUris: string[];
  roles: string[];
}

/** JSON with object members sorted at every level, so equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * The basis of a registration made with `ssa`: `redirectUris` are the configured ones when the
 * installation overrides the SSA's (what `registrationRequest` sends), `jwks` the keys published
 * at the SSA's `software_jwks_uri`.
 */
export function registrationBasis(
  ssa: string,
  jwks: Jwks,
  configuredRedirectUris?: readonly string[],
): RegistrationBasis {
  const uris = ssaUris(ssa);
  const claims = decodeJwt(ssa) as {
    software_roles?: unknown;
    software_statement_roles?: Array<{ role?: unknown; status?: unknown }>;
  };
  const roles = Array.isArray(claims.software_roles)
    ? claims.software_roles.filter((r): r is string => typeof r === 'string')
    : [];
  // software_statement_roles carry a status per role: a role the directory suspends counts.
  const statementRoles = (claims.software_statement_roles ?? []).map(
    (r) => `${String(r.role)}:${String(r.status)}`,
  );
  return {
    jwksUri: uris.jwksUri,
    keys: sorted(jwks.keys.map(canonical)),
    redirectUris: sorted(configuredRedirectUris ?? uris.redirectUris),
    webhookUris: sorted(uris.webhookUris),
    roles: sorted([...roles, ...statementRoles]),
  };
}

/** `v1:` + SHA-256 (hex) of the canonical basis; the version prefix lets the basis grow later. */
export function fingerprintOf(basis: RegistrationBasis): string {
  return `v1:${createHash('sha256').update(canonical(basis)).digest('hex')}`;
}
