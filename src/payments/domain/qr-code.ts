/**
 * The Pix QR code payload ("Pix Copia e Cola", BR Code: EMV® QRCPS-MPM TLV with the BCB's
 * `BR.GOV.BCB.PIX` merchant account template). Only what the account holder checks is read: the
 * key (static) or location URL (dynamic), the amount, the txid; the CRC must match.
 */
export interface PixQrCode {
  kind: 'static' | 'dynamic';
  key?: string;
  url?: string;
  /** Two-decimal amount when the QR fixes one. */
  amount?: string;
  /** `transactionIdentification` (EMV 62-05); absent for `***`. */
  txid?: string;
  merchantName?: string;
}

function tlv(text: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const length = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || i + 4 + length > text.length) return undefined;
    fields.set(id, text.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as the BR Code manual specifies. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The QR code's content, or undefined when it is not a well-formed Pix BR Code with a valid CRC. */
export function parsePixQrCode(text: string): PixQrCode | undefined {
  const payload = text.replace(/\s+/g, '');
  if (!payload.startsWith('000201') || payload.length < 8) return undefined;
  const body = payload.slice(0, -4);
  if (!body.endsWith('6304') || crc16(body) !== payload.slice(-4).toUpperCase()) return undefined;
  const fields = tlv(body.slice(0, -4));
  if (fields === undefined) return undefined;
  const account = [...fields.entries()].map(([id, value]) => (Number(id) >= 26 && Number(id) <= 51 ? tlv(value) : undefined)).find((t) => t?.get('00')?.toUpperCase() === 'BR.GOV.BCB.PIX'); // prettier-ignore
  if (account === undefined) return undefined;
  const additional = tlv(fields.get('62') ?? '');
  const txid = additional?.get('05');
  const amount = fields.get('54');
  const key = account.get('01');
  const url = account.get('25');
  if (key === undefined && url === undefined) return undefined;
  return {
    kind: url === undefined ? 'static' : 'dynamic',
    ...(key === undefined ? {} : { key }),
    ...(url === undefined ? {} : { url }),
    ...(amount === undefined ? {} : { amount: Number(amount).toFixed(2) }),
    ...(txid === undefined || txid === '***' ? {} : { txid }),
    ...(fields.get('59') === undefined ? {} : { merchantName: fields.get('59')! }),
  };
}

function field(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** A static Pix QR code (tests and the simulator's initiator). */
export function buildStaticQrCode(input: {
  key: string;
  amount?: string;
  txid?: string;
  name: string;
  city: string;
}): string {
  const body = [
    field('00', '01'),
    field('26', field('00', 'BR.GOV.BCB.PIX') + field('01', input.key)),
    field('52', '0000'),
    field('53', '986'),
    input.amount === undefined ? '' : field('54', input.amount),
    field('58', 'BR'),
    field('59', input.name),
    field('60', input.city),
    field('62', field('05', input.txid ?? '***')),
    '6304',
  ].join('');
  return body + crc16(body);
}
