import { rfc4514Descriptor, stringKindFor } from './attributes.ts';
import { certificateDer } from './certificate-input.ts';
import type { CertificateInput } from './certificate-input.ts';
import { childrenOf, decodeOid, decodeString, encodeString, readTlv } from './der.ts';
import { parseDnString } from './dn-string.ts';
import type { DnStringOrder } from './dn-string.ts';

export interface DnAttribute {
  /** Dotted OID of the attribute type. */
  type: string;
  /** The value as text; undefined when the value is not a string type. */
  value: string | undefined;
  /** DER of the value (tag, length, octets), as in the certificate or as `#hex` gave it. */
  der: Uint8Array;
}

export type Rdn = readonly DnAttribute[];

/**
 * A distinguished name in ASN.1 order (RFC 5280 §4.1.2.4): the first RDN is the most
 * significant one. RFC 4514 strings list them the other way round (CN first).
 */
export type DistinguishedName = readonly Rdn[];

export function textAttribute(type: string, value: string): DnAttribute {
  return { type, value, der: encodeString(stringKindFor(type), value) };
}

export function attributeFromDer(type: string, der: Uint8Array): DnAttribute {
  const tlv = readTlv(der);
  if (tlv.end !== der.length) throw new Error('DER: trailing bytes after the attribute value');
  return { type, value: decodeString(tlv), der };
}

/** X.501 Name (SEQUENCE OF SET OF AttributeTypeAndValue) to a DistinguishedName. */
export function nameFromDer(name: Uint8Array): DistinguishedName {
  return childrenOf(readTlv(name)).map((set) =>
    childrenOf(set).map((pair) => {
      const [type, value] = childrenOf(pair);
      if (!type || !value) throw new Error('DER: AttributeTypeAndValue without type or value');
      return { type: decodeOid(type.value), value: decodeString(value), der: value.der };
    }),
  );
}

function namesOf(certificate: CertificateInput): { issuer: DistinguishedName; subject: DistinguishedName } {
  const tbs = childrenOf(readTlv(certificateDer(certificate)))[0];
  if (!tbs) throw new Error('DER: certificate without tbsCertificate');
  const fields = childrenOf(tbs);
  // RFC 5280 §4.1: [0] version (optional), serialNumber, signature, issuer, validity, subject.
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (!issuer || !subject) throw new Error('DER: tbsCertificate without issuer or subject');
  return { issuer: nameFromDer(issuer.der), subject: nameFromDer(subject.der) };
}

/** The subject of a certificate, read from its DER (never from a printed form). */
export function certificateSubject(certificate: CertificateInput): DistinguishedName {
  return namesOf(certificate).subject;
}

export function certificateIssuer(certificate: CertificateInput): DistinguishedName {
  return namesOf(certificate).issuer;
}

/**
 * Parses a DN string: RFC 4514 (`CN=x,UID=y,2.5.4.97=#0c2a...`, CN first) by default; Node's
 * `X509Certificate.subject` (one attribute per line, ASN.1 order) is recognised by its newlines;
 * `order: 'asn1'` reads comma-separated strings written most significant first, as
 * `openssl x509 -subject` prints them.
 */
export function parseDistinguishedName(
  text: string,
  options: { order?: DnStringOrder } = {},
): DistinguishedName {
  return parseDnString(text, options.order ?? 'rfc4514').map((rdn) =>
    rdn.map((a) => (a.der === undefined ? textAttribute(a.type, a.value) : attributeFromDer(a.type, a.der))),
  );
}

function escapeValue(value: string): string {
  let out = value.replace(/["+,;<>\\]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (/^[ #]/.test(out)) out = `\\${out}`;
  if (out.endsWith(' ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/**
 * RFC 4514 string in the Open Finance Brasil form (DCR 1 ID3 "Certificate Distinguished Name
 * Parsing"; certificate standard "Subject DN em RDN"): the RFC 4514 descriptors by name with
 * readable values, every other type (serialNumber, organizationIdentifier, businessCategory,
 * jurisdictionCountryName...) as `OID=#hex` of its DER value.
 *
 * @example
 *   formatDistinguishedName(certificateSubject(cert))
 *   // 'CN=web.example.com.br,UID=bc97...,2.5.4.97=#0c2a4f46...,L=Sao Paulo,...,2.5.4.15=#0c14...'
 */
export function formatDistinguishedName(dn: DistinguishedName): string {
  return [...dn]
    .reverse()
    .map((rdn) =>
      rdn
        .map((a) => {
          const descriptor = rfc4514Descriptor(a.type);
          return descriptor !== undefined && a.value !== undefined
            ? `${descriptor}=${escapeValue(a.value)}`
            : `${a.type}=#${Buffer.from(a.der).toString('hex')}`;
        })
        .join('+'),
    )
    .join(',');
}

/** RFC 4518-style preparation for caseIgnoreMatch: compatibility form, case folded, spaces collapsed. */
function prepare(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function attributeKey(a: DnAttribute): string {
  const value = a.value === undefined ? `#${Buffer.from(a.der).toString('hex')}` : `=${prepare(a.value)}`;
  return `${a.type}${value}`;
}

function toDn(input: string | DistinguishedName): DistinguishedName {
  return typeof input === 'string' ? parseDistinguishedName(input) : input;
}

/**
 * RFC 4517 §4.2.15 distinguishedNameMatch: same number of RDNs, pairwise equal in order; an RDN
 * equals another with the same set of types and values. Types compare by OID (so `UID` equals
 * `0.9.2342.19200300.100.1.1`), string values by caseIgnoreMatch whatever their ASN.1 string
 * type (so `2.5.4.97=#132a...` equals `organizationIdentifier=OFBBR-...`). Strings are RFC 4514.
 * An unparsable string matches nothing.
 */
export function distinguishedNameMatch(
  a: string | DistinguishedName,
  b: string | DistinguishedName,
): boolean {
  let left: DistinguishedName;
  let right: DistinguishedName;
  try {
    left = toDn(a);
    right = toDn(b);
  } catch {
    return false;
  }
  if (left.length !== right.length) return false;
  return left.every((rdn, i) => {
    const other = right[i]!;
    if (rdn.length !== other.length) return false;
    const keys = rdn.map(attributeKey).sort();
    const otherKeys = other.map(attributeKey).sort();
    return keys.every((key, j) => key === otherKeys[j]);
  });
}

/** Values of one attribute type, in ASN.1 order. */
export function attributeValues(dn: DistinguishedName, type: string): DnAttribute[] {
  return dn.flatMap((rdn) => rdn.filter((a) => a.type === type));
}
