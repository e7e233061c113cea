import { attributeOid } from './attributes.ts';

/** `rfc4514`: least significant RDN first (CN first); `asn1`: most significant first. */
export type DnStringOrder = 'rfc4514' | 'asn1';

export type RawAttribute =
  { type: string; value: string; der?: undefined } | { type: string; value?: undefined; der: Uint8Array };

const SEPARATORS = new Set([',', ';', '+']);

function fail(text: string, reason: string): never {
  throw new Error(`not a distinguished name (${reason}): ${text.slice(0, 200)}`);
}

class Reader {
  pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }
}

function readType(r: Reader): string {
  const start = r.pos;
  while (r.pos < r.text.length && r.peek() !== '=') {
    if (SEPARATORS.has(r.peek()!)) fail(r.text, 'attribute without "="');
    r.pos++;
  }
  if (r.peek() !== '=') fail(r.text, 'attribute without "="');
  const name = r.text.slice(start, r.pos).trim();
  r.pos++;
  const oid = attributeOid(name);
  if (oid === undefined) fail(r.text, `unknown attribute type "${name}"`);
  return oid;
}

function readHex(r: Reader): Uint8Array {
  r.pos++; // '#'
  const start = r.pos;
  while (/[0-9a-fA-F]/.test(r.peek() ?? '')) r.pos++;
  const hex = r.text.slice(start, r.pos);
  if (hex.length === 0 || hex.length % 2 !== 0) fail(r.text, 'odd or empty #hex value');
  return Buffer.from(hex, 'hex');
}

/** A string value: `\XX` escapes are UTF-8 octets, `\c` a literal c; unescaped trailing spaces dropped. */
function readString(r: Reader): string {
  const bytes: number[] = [];
  let keep = 0; // length of `bytes` up to the last significant (non-space or escaped) octet
  const quoted = r.peek() === '"';
  if (quoted) r.pos++;
  for (;;) {
    const c = r.peek();
    if (c === undefined) {
      if (quoted) fail(r.text, 'unterminated quoted value');
      break;
    }
    if (quoted ? c === '"' : SEPARATORS.has(c)) break;
    r.pos++;
    if (c === '\\') {
      const pair = r.text.slice(r.pos, r.pos + 2);
      if (/^[0-9a-fA-F]{2}$/.test(pair)) {
        bytes.push(parseInt(pair, 16));
        r.pos += 2;
      } else if (r.peek() !== undefined) {
        bytes.push(...Buffer.from(r.peek()!, 'utf8'));
        r.pos++;
      } else {
        fail(r.text, 'dangling escape');
      }
      keep = bytes.length;
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
    if (c !== ' ' || quoted) keep = bytes.length;
  }
  if (quoted) r.pos++;
  return Buffer.from(bytes.slice(0, keep)).toString('utf8');
}

function parseLine(text: string): RawAttribute[][] {
  const r = new Reader(text);
  const rdns: RawAttribute[][] = [];
  let rdn: RawAttribute[] = [];
  for (;;) {
    r.skipSpaces();
    const type = readType(r);
    r.skipSpaces();
    rdn.push(r.peek() === '#' ? { type, der: readHex(r) } : { type, value: readString(r) });
    r.skipSpaces();
    const sep = r.peek();
    if (sep === undefined) break;
    if (!SEPARATORS.has(sep)) fail(text, `unexpected "${sep}"`);
    r.pos++;
    if (sep !== '+') {
      rdns.push(rdn);
      rdn = [];
    }
  }
  rdns.push(rdn);
  return rdns;
}

/**
 * Splits a DN string into RDNs in ASN.1 order. A leading `subject=` / `issuer=` (OpenSSL output)
 * is ignored. Node's `X509Certificate.subject` has one RDN per line, in ASN.1 order.
 */
export function parseDnString(input: string, order: DnStringOrder): RawAttribute[][] {
  const text = input.trim().replace(/^(subject|issuer)\s*=\s*/i, '');
  if (text.length === 0) return [];
  if (text.includes('\n')) {
    return text
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => parseLine(line.trim()).flat());
  }
  const rdns = parseLine(text);
  return order === 'rfc4514' ? rdns.reverse() : rdns;
}
