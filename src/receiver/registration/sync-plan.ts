import type { HolderServer } from '../holders/holders.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';

/** Why a registration is deleted when its server is no longer in the participants list. */
export const LEFT_DIRECTORY =
  'o servidor de autorização saiu da lista de participantes (ou a organização não está ativa)';

export type SyncAction =
  | { kind: 'register'; server: HolderServer; row?: ReceiverRegistrationRow }
  | { kind: 'update'; server: HolderServer; row: ReceiverRegistrationRow }
  | { kind: 'delete'; row: ReceiverRegistrationRow; reason: string }
  | { kind: 'unchanged'; server: HolderServer; row: ReceiverRegistrationRow };

/**
 * What one sync does, decided from the rows and the participants list alone (issue #6 item 1):
 *
 * - a server of an active organisation where we are not registered (never, FAILED, or DELETED)
 *   and that takes automatic registration, other than our own organisation's → DCR;
 * - a REGISTERED row whose server is listed: its fingerprint differs from `fingerprint` (what a
 *   registration made now would be made of) → DCM PUT, else unchanged;
 * - a row whose server is no longer listed (or whose organisation is no longer Active, which
 *   `holderServers` already drops) and that is not DELETED yet → delete (DCM DELETE when it is
 *   REGISTERED).
 *
 * `listed` is every server `holderServers` gives; `ownOrgId` is never registered at.
 */
export function planSync(input: {
  rows: readonly ReceiverRegistrationRow[];
  listed: readonly HolderServer[];
  ownOrgId: string;
  fingerprint: string | undefined;
}): SyncAction[] {
  const byServer = new Map(input.rows.map((row) => [row.authorisationServerId, row]));
  const listedIds = new Set(input.listed.map((s) => s.authorisationServerId));
  const actions: SyncAction[] = [];
  for (const server of input.listed) {
    const row = byServer.get(server.authorisationServerId);
    if (row?.status === 'REGISTERED') {
      const same = input.fingerprint !== undefined && row.ssaFingerprint === input.fingerprint;
      actions.push({ kind: same ? 'unchanged' : 'update', server, row });
    } else if (server.autoRegistrationSupported && server.orgId !== input.ownOrgId) {
      actions.push({ kind: 'register', server, ...(row && { row }) });
    }
  }
  for (const row of input.rows) {
    if (!listedIds.has(row.authorisationServerId) && row.status !== 'DELETED') {
      actions.push({ kind: 'delete', row, reason: LEFT_DIRECTORY });
    }
  }
  return actions;
}

/** Whether the plan needs our SSA (and the fingerprint it gives): DCR or a comparison. */
export function needsSoftwareStatement(input: {
  rows: readonly ReceiverRegistrationRow[];
  listed: readonly HolderServer[];
  ownOrgId: string;
}): boolean {
  return planSync({ ...input, fingerprint: undefined }).some(
    (a) => a.kind === 'register' || a.kind === 'update',
  );
}
