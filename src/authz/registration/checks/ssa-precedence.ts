import type { RegistrationCheck } from '../registration-context.ts';

/** SSA claim → client metadata it fills (DCR 1.0 ID3 §7.1 item 10: SSA values take precedence). */
const FROM_SSA: ReadonlyArray<readonly [string, string]> = [
  ['software_client_name', 'client_name'],
  ['software_client_uri', 'client_uri'],
  ['software_logo_uri', 'logo_uri'],
  ['software_tos_uri', 'tos_uri'],
  ['software_policy_uri', 'policy_uri'],
];

/**
 * The SSA is the directory's word on the software: its values win over what the request says,
 * and the client record keeps `software_id` and `org_id` (one registration per software, and the
 * org for the resource servers).
 */
export const applySoftwareStatementPrecedence: RegistrationCheck = ({ metadata, ssa }) => {
  for (const [claim, field] of FROM_SSA) {
    const value = ssa[claim];
    if (typeof value === 'string' && value.length > 0) metadata[field] = value;
  }
  metadata.software_id = ssa.software_id;
  metadata.org_id = ssa.org_id;
};
