import { ConfigError } from '../../platform/config/index.ts';

/**
 * What a process does (`ponte start --roles`, PONTE_ROLES): any number of processes of each
 * role on one database complete each other's flows.
 * - authz: the brands' authorization servers (DCR/DCM, PAR, token, customer pages);
 * - holder: consents and the data APIs (Phase 2) and open data (Phase 1);
 * - payments: the payment consents and Pix payments APIs;
 * - receiver: the receiver brands (registration, consents in one call, proxy, webhooks);
 * - jobs: background workers and the outbox relay;
 * - operator: the operator listener (health, metrics, internal consent API).
 */
export const ROLES = ['authz', 'holder', 'payments', 'receiver', 'jobs', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Parses a comma list; unknown roles are a configuration error naming them. */
export function parseRoles(list: string | undefined): ReadonlySet<Role> {
  if (list === undefined || list.trim() === '' || list.trim() === 'all') return new Set(ROLES);
  const names = list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = names.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new ConfigError([
      `unknown role${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${ROLES.join(', ')})`,
    ]);
  }
  return new Set(names as Role[]);
}
