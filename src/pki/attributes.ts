/**
 * Attribute types of the Open Finance Brasil certificate subjects (certificate standard 1 ID2,
 * "Atributos Open Finance Brasil"; DIGEST §5.2) and the RFC 4514 §3 descriptors.
 */
export const Oid = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  businessCategory: '2.5.4.15',
  organizationIdentifier: '2.5.4.97',
  uid: '0.9.2342.19200300.100.1.1',
  domainComponent: '0.9.2342.19200300.100.1.25',
  jurisdictionCountryName: '1.3.6.1.4.1.311.60.2.1.3',
  jurisdictionStateOrProvinceName: '1.3.6.1.4.1.311.60.2.1.2',
  jurisdictionLocalityName: '1.3.6.1.4.1.311.60.2.1.1',
  emailAddress: '1.2.840.113549.1.9.1',
} as const;

/**
 * RFC 4514 §3: the descriptors every implementation recognises. DCR 1 ID3 "Certificate
 * Distinguished Name Parsing": these are written by name, every other type as `OID=#hex`.
 */
const RFC4514_DESCRIPTORS: ReadonlyArray<readonly [string, string]> = [
  ['CN', Oid.commonName],
  ['L', Oid.localityName],
  ['ST', Oid.stateOrProvinceName],
  ['O', Oid.organizationName],
  ['OU', Oid.organizationalUnitName],
  ['C', Oid.countryName],
  ['STREET', Oid.streetAddress],
  ['DC', Oid.domainComponent],
  ['UID', Oid.uid],
];

/** Other names met in the wild (OpenSSL's long and short names, Node's X509Certificate.subject). */
const OTHER_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['commonName', Oid.commonName],
  ['serialNumber', Oid.serialNumber],
  ['countryName', Oid.countryName],
  ['localityName', Oid.localityName],
  ['stateOrProvinceName', Oid.stateOrProvinceName],
  ['street', Oid.streetAddress],
  ['streetAddress', Oid.streetAddress],
  ['organizationName', Oid.organizationName],
  ['organizationalUnitName', Oid.organizationalUnitName],
  ['businessCategory', Oid.businessCategory],
  ['organizationIdentifier', Oid.organizationIdentifier],
  ['userId', Oid.uid],
  ['domainComponent', Oid.domainComponent],
  ['jurisdictionC', Oid.jurisdictionCountryName],
  ['jurisdictionCountryName', Oid.jurisdictionCountryName],
  ['jurisdictionST', Oid.jurisdictionStateOrProvinceName],
  ['jurisdictionStateOrProvinceName', Oid.jurisdictionStateOrProvinceName],
  ['jurisdictionL', Oid.jurisdictionLocalityName],
  ['jurisdictionLocalityName', Oid.jurisdictionLocalityName],
  ['emailAddress', Oid.emailAddress],
  ['E', Oid.emailAddress],
];

const BY_NAME = new Map<string, string>(
  [...RFC4514_DESCRIPTORS, ...OTHER_NAMES].map(([name, oid]) => [name.toLowerCase(), oid]),
);
const DESCRIPTOR_BY_OID = new Map<string, string>(RFC4514_DESCRIPTORS.map(([name, oid]) => [oid, name]));

/** The OID of an attribute type given by name or in dotted form (case-insensitive); undefined if unknown. */
export function attributeOid(type: string): string | undefined {
  const trimmed = type.trim();
  const dotted = trimmed.replace(/^oid\./i, '');
  if (/^\d+(\.\d+)+$/.test(dotted)) return dotted;
  return BY_NAME.get(trimmed.toLowerCase());
}

/** The RFC 4514 descriptor of an OID, when it has one. */
export function rfc4514Descriptor(oid: string): string | undefined {
  return DESCRIPTOR_BY_OID.get(oid);
}

/**
 * Certificate standard, "Padrão do Subject DN" table: C, serialNumber and
 * jurisdictionCountryName are PrintableString (#13); everything else UTF8String (#0C).
 */
export function stringKindFor(oid: string): 'utf8' | 'printable' {
  return oid === Oid.countryName || oid === Oid.serialNumber || oid === Oid.jurisdictionCountryName
    ? 'printable'
    : 'utf8';
}
