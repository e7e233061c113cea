import { scopesForRoles } from '../../policies/scopes.ts';
import { invalidClientMetadata } from '../errors.ts';
import type { RegistrationCheck } from '../registration-context.ts';

/**
 * DCR 1.0 ID3 §7.1 item 9 and "Applying Server Defaults" item 3 (DIGEST §6.2 item 6): requested
 * scopes stay within what the active regulatory roles allow; without a request, all of them.
 */
export const checkScopesFromRoles: RegistrationCheck = ({ metadata, ssa }) => {
  const allowed = scopesForRoles(ssa.software_statement_roles, ssa.software_roles);
  if (allowed.size === 0) {
    throw invalidClientMetadata('the software statement roles allow no scope');
  }
  if (metadata.scope === undefined) {
    metadata.scope = [...allowed].join(' ');
    return;
  }
  if (typeof metadata.scope !== 'string') throw invalidClientMetadata('scope must be a string');
  const requested = metadata.scope.split(' ').filter((s) => s.length > 0);
  const outside = requested.filter((s) => !allowed.has(s));
  if (outside.length > 0) {
    throw invalidClientMetadata(`scope not allowed by the software statement roles: ${outside.join(' ')}`);
  }
};
