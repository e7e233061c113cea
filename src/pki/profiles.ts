import { isIP } from 'node:net';
import { Oid } from './attributes.ts';
import { encodeOid, encodeString, encodeTlv, Tag } from './der.ts';
import { x509 } from './x509.ts';

/** What the CA signs: subject in ASN.1 order (most significant first), extensions, validity. */
export interface LeafProfile {
  subject: x509.JsonNameParams;
  extensions: x509.Extension[];
  validityDays: number;
}

/** Certificate standard 1 ID2, businessCategory (2.5.4.15). */
export type BusinessCategory =
  'Private Organization' | 'Government Entity' | 'Business Entity' | 'Non-Commercial Entity';

export interface TransportCertificateInput {
  /** CN and first dNSName: the FQDN (or wildcard) of the software. */
  commonName: string;
  /** UID: the software statement id issued by the directory. */
  softwareStatementId: string;
  /** The participant's organisation id; written as organizationIdentifier `OFBBR-<orgId>`. */
  orgId: string;
  /** O: razão social. */
  organizationName: string;
  /** serialNumber: CNPJ (14 digits). */
  cnpj: string;
  /** L and ST of the holder's address. */
  locality: string;
  state: string;
  businessCategory?: BusinessCategory;
  /** Extra SAN entries; `localhost` and `127.0.0.1` are what the loopback simulator needs. */
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Also serverAuth: simulated holders serve their mTLS APIs with the same certificate. */
  serverAuth?: boolean;
  /** The form of certificates issued until 2022-08-31: org id in OU instead of organizationIdentifier. */
  legacyOrgUnit?: boolean;
  validityDays?: number;
}

export interface SigningCertificateInput {
  /** UID: the participant code (organisation id). */
  orgId: string;
  /** CN: razão social. */
  organizationName: string;
  cnpj: string;
  /** Person responsible for the certificate (SAN otherName 2.16.76.1.3.2). */
  responsibleName?: string;
  /** otherName 2.16.76.1.3.4: birth date (DDMMAAAA) followed by the responsible person's CPF. */
  responsibleIdentification?: string;
  /** otherName 2.16.76.1.3.7: INSS CEI number. */
  inssNumber?: string;
  /** OU: CNPJ of the registration authority. */
  registrationAuthorityCnpj?: string;
  /** OU: how the holder was identified ("presencial", "videoconferencia", "certificado digital"). */
  validationType?: string;
  validityDays?: number;
}

export interface ServerCertificateInput {
  commonName: string;
  organizationName: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Also clientAuth, for a server that calls peers with the same certificate. */
  clientAuth?: boolean;
  validityDays?: number;
}

const utf8 = (value: string) => [{ utf8String: value }];
const printable = (value: string) => [{ printableString: value }];

function alternativeNames(first: string, dns: string[] = [], ips: string[] = []): x509.Extension {
  const names = [...new Set([first, ...dns])].map((value) =>
    isIP(value) ? { type: 'ip' as const, value } : { type: 'dns' as const, value },
  );
  for (const value of new Set(ips)) names.push({ type: 'ip', value });
  return new x509.SubjectAlternativeNameExtension(names);
}

const leafConstraints = () => new x509.BasicConstraintsExtension(false);

/**
 * BRCAC (brcac.cnf; certificate standard "Padrão do Subject DN ... após 19 de janeiro de 2023"):
 * RDNs in the standard order, read as RFC 4514 `CN, UID, 2.5.4.97, L, ST, O, C, 2.5.4.5,
 * jurisdictionC, businessCategory`, so encoded the other way round; UTF8String except C,
 * serialNumber and jurisdictionCountryName (PrintableString).
 */
export function transportProfile(input: TransportCertificateInput): LeafProfile {
  const orgAttribute: x509.JsonAttributeAndObjectValue = input.legacyOrgUnit
    ? { [Oid.organizationalUnitName]: utf8(input.orgId) }
    : { [Oid.organizationIdentifier]: utf8(`OFBBR-${input.orgId}`) };
  const usages = [
    x509.ExtendedKeyUsage.clientAuth,
    ...(input.serverAuth ? [x509.ExtendedKeyUsage.serverAuth] : []),
  ];
  return {
    subject: [
      { [Oid.businessCategory]: utf8(input.businessCategory ?? 'Private Organization') },
      { [Oid.jurisdictionCountryName]: printable('BR') },
      { [Oid.serialNumber]: printable(input.cnpj) },
      { [Oid.countryName]: printable('BR') },
      { [Oid.organizationName]: utf8(input.organizationName) },
      { [Oid.stateOrProvinceName]: utf8(input.state) },
      { [Oid.localityName]: utf8(input.locality) },
      orgAttribute,
      { [Oid.uid]: utf8(input.softwareStatementId) },
      { [Oid.commonName]: utf8(input.commonName) },
    ],
    extensions: [
      leafConstraints(),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(usages),
      alternativeNames(input.commonName, input.dnsNames, input.ipAddresses),
    ],
    validityDays: input.validityDays ?? 365,
  };
}

/** GeneralName otherName (RFC 5280 §4.2.1.6): [0] { type-id, [0] EXPLICIT value }, value UTF8 as brseal.cnf. */
function otherName(oid: string, value: string): Uint8Array {
  return encodeTlv(0xa0, encodeOid(oid), encodeTlv(0xa0, encodeString('utf8', value)));
}

/**
 * BRSEAL (brseal.cnf; certificate standard "Certificado de Assinatura"): UID = participant code,
 * C=BR, O=ICP-Brasil, three OUs, CN = razão social; ICP-Brasil otherNames in the SAN.
 */
export function signingProfile(input: SigningCertificateInput, caName: string): LeafProfile {
  const san = encodeTlv(
    Tag.SEQUENCE,
    otherName('2.16.76.1.3.2', input.responsibleName ?? input.organizationName),
    otherName('2.16.76.1.3.3', input.cnpj),
    otherName('2.16.76.1.3.4', input.responsibleIdentification ?? '0'.repeat(19)),
    otherName('2.16.76.1.3.7', input.inssNumber ?? '0'.repeat(12)),
  );
  return {
    subject: [
      { [Oid.uid]: utf8(input.orgId) },
      { [Oid.countryName]: printable('BR') },
      { [Oid.organizationName]: utf8('ICP-Brasil') },
      { [Oid.organizationalUnitName]: utf8(caName) },
      { [Oid.organizationalUnitName]: utf8(input.registrationAuthorityCnpj ?? '00000000000191') },
      { [Oid.organizationalUnitName]: utf8(input.validationType ?? 'videoconferencia') },
      { [Oid.commonName]: utf8(input.organizationName) },
    ],
    extensions: [
      leafConstraints(),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      new x509.Extension('2.5.29.17', false, san),
    ],
    validityDays: input.validityDays ?? 365,
  };
}

/** "Certificado para Servidor Web – ICP-Brasil" shape: C, O, CN; serverAuth; SAN dNSName/iPAddress. */
export function serverProfile(input: ServerCertificateInput): LeafProfile {
  const usages = [
    x509.ExtendedKeyUsage.serverAuth,
    ...(input.clientAuth ? [x509.ExtendedKeyUsage.clientAuth] : []),
  ];
  return {
    subject: [
      { [Oid.countryName]: printable('BR') },
      { [Oid.organizationName]: utf8(input.organizationName) },
      { [Oid.commonName]: utf8(input.commonName) },
    ],
    extensions: [
      leafConstraints(),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(usages),
      alternativeNames(input.commonName, input.dnsNames, input.ipAddresses),
    ],
    validityDays: input.validityDays ?? 365,
  };
}
