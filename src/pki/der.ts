/**
 * The little DER this module needs (X.690): reading the subject Name of a certificate, decoding
 * the `#hex` values of RFC 4514 strings, and encoding the ICP-Brasil otherName SANs that
 * @peculiar/x509 cannot express. Single-byte tags only, which is all X.509 names use.
 */

export interface Tlv {
  tag: number;
  /** The value octets. */
  value: Uint8Array;
  /** The whole element (tag, length and value). */
  der: Uint8Array;
}

export const Tag = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export function readTlv(buf: Uint8Array, offset = 0): Tlv & { end: number } {
  if (offset + 2 > buf.length) throw new Error('DER: truncated element');
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > buf.length) throw new Error('DER: bad length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i]!;
    header += count;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error('DER: element longer than its container');
  return { tag, value: buf.subarray(offset + header, end), der: buf.subarray(offset, end), end };
}

/** The elements inside a constructed element (SEQUENCE, SET, [n]). */
export function childrenOf(tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < tlv.value.length) {
    const child = readTlv(tlv.value, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  const value = Buffer.concat(values);
  return Buffer.concat([Uint8Array.of(tag), encodeLength(value.length), value]);
}

export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((n) => !Number.isSafeInteger(n) || n < 0))
    throw new Error(`bad OID ${oid}`);
  const bytes: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encodeTlv(Tag.OID, Uint8Array.from(bytes));
}

export function decodeOid(value: Uint8Array): string {
  const first = value[0] ?? 0;
  const arcs = [first < 80 ? Math.floor(first / 40) : 2, first < 80 ? first % 40 : first - 80];
  let n = 0;
  for (const byte of value.subarray(1)) {
    n = n * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(n);
      n = 0;
    }
  }
  return arcs.join('.');
}

/** Text of a directory string type (X.520 DirectoryString and friends); undefined for other types. */
export function decodeString(tlv: Tlv): string | undefined {
  const bytes = Buffer.from(tlv.value);
  switch (tlv.tag) {
    case 0x0c: // UTF8String
      return bytes.toString('utf8');
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return bytes.toString('latin1');
    case 0x14: // TeletexString: treated as Latin-1, as OpenSSL does
      return bytes.toString('latin1');
    case 0x1e: // BMPString: UTF-16BE
      return bytes.swap16().toString('utf16le');
    case 0x1c: {
      // UniversalString: UTF-32BE
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) out += String.fromCodePoint(bytes.readUInt32BE(i));
      return out;
    }
    default:
      return undefined;
  }
}

export function encodeString(kind: 'utf8' | 'printable', text: string): Uint8Array {
  return kind === 'utf8'
    ? encodeTlv(Tag.UTF8_STRING, Buffer.from(text, 'utf8'))
    : encodeTlv(Tag.PRINTABLE_STRING, Buffer.from(text, 'latin1'));
}
