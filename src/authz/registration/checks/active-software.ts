import { unapprovedSoftwareStatement } from '../errors.ts';
import type { RegistrationCheck } from '../registration-context.ts';

/**
 * DCR 1.0 ID3 §7.2 (DIGEST §6.2 item 6): the organisation and at least one regulatory role of
 * the software statement are active; inactive participants are not registered.
 */
export const checkSoftwareIsActive: RegistrationCheck = ({ ssa }) => {
  if (typeof ssa.org_status === 'string' && ssa.org_status.toLowerCase() !== 'active') {
    throw unapprovedSoftwareStatement('the organisation of the software statement is not active');
  }
  const roles = ssa.software_statement_roles;
  if (
    roles !== undefined &&
    !roles.some((r) => typeof r.status === 'string' && r.status.toLowerCase() === 'active')
  ) {
    throw unapprovedSoftwareStatement('the software statement has no active regulatory role');
  }
};
