import { AppError } from '../../platform/errors/index.ts';
import { PaymentErrors, type PaymentErrorCode } from '../errors.ts';
import { sameAmount } from './money.ts';
import { parsePixQrCode, type PixQrCode } from './qr-code.ts';

/** payments.yaml `EnumLocalInstrument`. */
export const LOCAL_INSTRUMENTS = ['MANU', 'DICT', 'QRDN', 'QRES', 'INIC'] as const;
export type LocalInstrument = (typeof LOCAL_INSTRUMENTS)[number];

/** Recurring schedules admit only these ("Se schedule ≠ single, apenas MANU, DICT ou QRES"). */
export const RECURRING_INSTRUMENTS: ReadonlySet<string> = new Set(['MANU', 'DICT', 'QRES']);

export interface CreditorAccount {
  ispb: string;
  issuer?: string;
  number: string;
  accountType: 'CACC' | 'SVGS' | 'TRAN';
}

export interface PaymentDetails {
  localInstrument: LocalInstrument;
  qrCode?: string;
  proxy?: string;
  creditorAccount: CreditorAccount;
}

function fail(code: PaymentErrorCode, message: string): never {
  throw new AppError(PaymentErrors[code], message);
}
const missing = (field: string): never =>
  fail('PAYMENTS_PARAMETRO_NAO_INFORMADO', `Parâmetro ${field} obrigatório não informado.`);
const breaksRules = (field: string): never =>
  fail('DETALHE_PAGAMENTO_INVALIDO', `Parâmetro ${field} não obedece às regras de negócio.`);

/**
 * A Pix key as the DICT accepts it (payments.yaml `proxy`): E.164 phone, e-mail (≤ 77), CPF (11
 * digits), CNPJ (14 digits) or random key (UUID, RFC 4122).
 */
export function isPixKey(value: string): boolean {
  return (
    /^\+[1-9]\d{7,14}$/.test(value) ||
    /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i.test(
      value,
    ) ||
    /^\d{11}$/.test(value) ||
    /^\d{14}$/.test(value) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
  );
}

/** `CreditorAccount.issuer`: mandatory for CACC and SVGS. */
export function checkCreditorAccount(account: CreditorAccount, field = 'creditorAccount'): void {
  if (account.accountType !== 'TRAN' && account.issuer === undefined) missing(`${field}.issuer`);
}

/**
 * The rules of `localInstrument` on a consent's payment details (payments.yaml `Details`,
 * `proxy`, `qrCode`): MANU carries neither key nor QR; DICT and INIC carry the key; QRES and QRDN
 * carry the key and the QR, the QR must be a valid BR Code of the right kind whose key and amount
 * agree with the consent. Returns the parsed QR code when there is one.
 */
export function checkConsentDetails(details: PaymentDetails, amount: string): PixQrCode | undefined {
  const { localInstrument: instrument, proxy, qrCode } = details;
  checkCreditorAccount(details.creditorAccount, 'payment.details.creditorAccount');
  if (instrument === 'MANU') {
    if (proxy !== undefined) breaksRules('payment.details.proxy');
    if (qrCode !== undefined) breaksRules('payment.details.qrCode');
    return undefined;
  }
  if (proxy === undefined) return missing('payment.details.proxy');
  if (!isPixKey(proxy)) breaksRules('payment.details.proxy');
  if (instrument === 'DICT' || instrument === 'INIC') {
    if (qrCode !== undefined) breaksRules('payment.details.qrCode');
    return undefined;
  }
  if (qrCode === undefined) return missing('payment.details.qrCode');
  const qr = parsePixQrCode(qrCode);
  if (qr === undefined || qr.kind !== (instrument === 'QRES' ? 'static' : 'dynamic')) {
    return breaksRules('payment.details.qrCode');
  }
  if (qr.key !== undefined && qr.key !== proxy) breaksRules('payment.details.proxy');
  if (qr.amount !== undefined && !sameAmount(qr.amount, amount)) breaksRules('payment.amount');
  return qr;
}

/**
 * `transactionIdentification` by local instrument (payments.yaml CreatePixPayment): absent for
 * MANU and DICT; mandatory, up to 25 characters, for INIC; for QRES the static QR's txid when it
 * has one (else absent); for QRDN mandatory, 26 to 35 characters, the dynamic QR's txid.
 */
export function checkTransactionIdentification(
  instrument: LocalInstrument,
  txid: string | undefined,
  qr: PixQrCode | undefined,
): void {
  const field = 'transactionIdentification';
  switch (instrument) {
    case 'MANU':
    case 'DICT':
      if (txid !== undefined) breaksRules(field);
      return;
    case 'INIC':
      if (txid === undefined) missing(field);
      if (txid!.length > 25) breaksRules(field);
      return;
    case 'QRES':
      if (qr?.txid !== txid) breaksRules(field);
      if (txid !== undefined && txid.length > 25) breaksRules(field);
      return;
    case 'QRDN':
      if (txid === undefined) missing(field);
      if (txid!.length < 26 || (qr?.txid !== undefined && qr.txid !== txid)) breaksRules(field);
      return;
  }
}

/** Two Pix accounts are the same account (issuer compared only when both sides give it). */
export function sameAccount(a: CreditorAccount, b: CreditorAccount): boolean {
  return (
    a.ispb === b.ispb &&
    a.number === b.number &&
    a.accountType === b.accountType &&
    (a.issuer ?? '') === (b.issuer ?? '')
  );
}
