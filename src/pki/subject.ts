import { X509Certificate } from 'node:crypto';
import { AppError } from '../platform/errors/index.ts';
import { Oid } from './attributes.ts';
import {
  attributeValues,
  certificateSubject,
  formatDistinguishedName,
  parseDistinguishedName,
} from './distinguished-name.ts';
import type { DistinguishedName } from './distinguished-name.ts';
import { PkiErrors } from './errors.ts';

/** The Open Finance Brasil attributes of a transport (client) certificate subject (DIGEST §5.2). */
export interface OpenFinanceSubject {
  /** UID (0.9.2342.19200300.100.1.1): the software statement id issued by the directory. */
  softwareStatementId: string;
  /** The participant's organisation id: organizationIdentifier without `OFBBR-`, or the legacy OU. */
  orgId: string;
  /** Where the org id was read: 2.5.4.97 (certificates since 2022-09-01) or OU (before). */
  orgIdSource: 'organizationIdentifier' | 'organizationalUnitName';
  /** serialNumber (2.5.4.5): the holder's CNPJ. */
  cnpj: string | undefined;
  /** CN: FQDN or wildcard. */
  commonName: string | undefined;
  /** O: razão social. */
  organizationName: string | undefined;
  locality: string | undefined;
  state: string | undefined;
  country: string | undefined;
  businessCategory: string | undefined;
  jurisdictionCountryName: string | undefined;
  /** The whole subject in the ecosystem's RFC 4514 form (see formatDistinguishedName). */
  distinguishedName: string;
}

const OFB_PREFIX = /^OFBBR-(.+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function first(dn: DistinguishedName, oid: string): string | undefined {
  return attributeValues(dn, oid)
    .find((a) => a.value !== undefined)
    ?.value?.trim();
}

function invalid(message: string, detail: Record<string, unknown>): never {
  throw new AppError(PkiErrors.CERTIFICATE_SUBJECT_INVALID, message, { detail });
}

function orgIdOf(dn: DistinguishedName): Pick<OpenFinanceSubject, 'orgId' | 'orgIdSource'> | undefined {
  const identifier = first(dn, Oid.organizationIdentifier);
  if (identifier !== undefined) {
    // DCR 1 ID3 "Certificate Distinguished Name Parsing": the org id follows 'OFBBR-'.
    const match = OFB_PREFIX.exec(identifier);
    return match ? { orgId: match[1]!, orgIdSource: 'organizationIdentifier' } : undefined;
  }
  // Certificates issued until 2022-08-31 carry the org id in OU (certificate standard 1 ID2).
  const units = attributeValues(dn, Oid.organizationalUnitName).flatMap((a) =>
    a.value ? [a.value.trim()] : [],
  );
  const orgUnit = units.find((u) => UUID.test(u)) ?? units[0];
  return orgUnit ? { orgId: orgUnit, orgIdSource: 'organizationalUnitName' } : undefined;
}

function toDn(input: X509Certificate | string | DistinguishedName): DistinguishedName {
  if (input instanceof X509Certificate) return certificateSubject(input);
  if (typeof input !== 'string') return input;
  if (input.includes('-----BEGIN CERTIFICATE-----')) return certificateSubject(input);
  try {
    return parseDistinguishedName(input);
  } catch (error) {
    return invalid('O subject DN do certificado não pôde ser interpretado.', { reason: String(error) });
  }
}

/**
 * Reads the Open Finance attributes of a transport certificate: from the certificate itself, a
 * PEM, or an RFC 4514 string (a `tls_client_auth_subject_dn`, a JWKS `x5dn`), whether the
 * attributes are written by name or as `OID=#hex` (DCR 1 ID3; DIGEST §6.2 item 8).
 * Throws CERTIFICATE_SUBJECT_INVALID without a UID or an org id.
 *
 * @example
 *   const { softwareStatementId, orgId } = parseOpenFinanceSubject(request.clientCertificate()!.certificate);
 */
export function parseOpenFinanceSubject(
  input: X509Certificate | string | DistinguishedName,
): OpenFinanceSubject {
  const dn = toDn(input);
  const softwareStatementId = first(dn, Oid.uid);
  const org = orgIdOf(dn);
  if (!softwareStatementId) invalid('O certificado não traz o UID (software statement id).', {});
  if (!org) invalid('O certificado não traz o organizationIdentifier OFBBR-<org_id>.', {});
  return {
    softwareStatementId,
    ...org,
    cnpj: first(dn, Oid.serialNumber),
    commonName: first(dn, Oid.commonName),
    organizationName: first(dn, Oid.organizationName),
    locality: first(dn, Oid.localityName),
    state: first(dn, Oid.stateOrProvinceName),
    country: first(dn, Oid.countryName),
    businessCategory: first(dn, Oid.businessCategory),
    jurisdictionCountryName: first(dn, Oid.jurisdictionCountryName),
    distinguishedName: formatDistinguishedName(dn),
  };
}
