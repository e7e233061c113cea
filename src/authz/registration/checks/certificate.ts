import { parseOpenFinanceSubject } from '../../../pki/index.ts';
import { unapprovedSoftwareStatement } from '../errors.ts';
import type { RegistrationCheck } from '../registration-context.ts';

/** RFC 4517 §4.2.11 caseIgnoreMatch, as DCR 1.0 ID3 §7.2 asks for the subject attributes. */
function caseIgnoreEqual(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ').toUpperCase() === b.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * DCR 1.0 ID3 §7.1 items 1, 13–14 and §9.3.1 item 4 (DIGEST §6.2 items 1 and 8): registration
 * happens over mutual TLS with a verified chain, and the transport certificate belongs to the
 * software of the SSA: `UID` = `software_id`, `organizationIdentifier` = `OFBBR-<org_id>` (or,
 * for certificates issued until 2022-08-31, `OU` = `org_id`). The subject is read by src/pki,
 * which accepts attributes by name and as `OID=#hex`.
 */
export const checkCertificateMatchesSoftware: RegistrationCheck = ({ certificate, ssa }) => {
  if (certificate === undefined) {
    throw unapprovedSoftwareStatement(
      'registration requires mutual TLS with a certificate issued for this software statement',
    );
  }
  let subject: { softwareStatementId: string; orgId: string };
  try {
    subject = parseOpenFinanceSubject(certificate);
  } catch {
    throw unapprovedSoftwareStatement(
      'the client certificate subject has no software statement id or org id',
    );
  }
  if (!caseIgnoreEqual(subject.softwareStatementId, ssa.software_id)) {
    throw unapprovedSoftwareStatement(
      'the client certificate UID does not match software_id of the software statement',
    );
  }
  if (!caseIgnoreEqual(subject.orgId, ssa.org_id)) {
    throw unapprovedSoftwareStatement(
      'the client certificate organizationIdentifier does not match org_id of the software statement',
    );
  }
};
