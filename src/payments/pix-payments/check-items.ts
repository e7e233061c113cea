import { AppError } from '../../platform/errors/index.ts';
import type { PaymentConsent } from '../consents/model.ts';
import { checkEndToEndId, parseEndToEndId } from '../domain/end-to-end-id.ts';
import { checkTransactionIdentification, sameAccount } from '../domain/local-instrument.ts';
import { sameAmount } from '../domain/money.ts';
import { parsePixQrCode } from '../domain/qr-code.ts';
import { PaymentErrors, type PaymentErrorCode } from '../errors.ts';
import type { PaymentRequestItem } from './model.ts';

function fail(code: PaymentErrorCode, message: string): never {
  throw new AppError(PaymentErrors[code], message);
}

const diverges = (field: string): never =>
  fail(
    'PAGAMENTO_DIVERGENTE_CONSENTIMENTO',
    `Dados do pagamento divergentes dos dados do consentimento (${field}).`,
  );

/** One item against the consent it spends (payments.yaml item 2.2.2.6 and the field restrictions). */
function checkItem(item: PaymentRequestItem, consent: PaymentConsent): void {
  const { payment } = consent.request;
  if (item.consentId !== undefined && item.consentId !== consent.consentId) diverges('consentId');
  if (item.authorisationFlow === 'CIBA_FLOW' || item.authorisationFlow === 'FIDO_FLOW') {
    fail('DETALHE_PAGAMENTO_INVALIDO', 'Parâmetro authorisationFlow não obedece às regras de negócio.');
  }
  if (item.localInstrument !== payment.details.localInstrument) diverges('localInstrument');
  if (item.payment.currency !== payment.currency) diverges('payment.currency');
  if (!sameAmount(item.payment.amount, payment.amount)) diverges('payment.amount');
  if (!sameAccount(item.creditorAccount, payment.details.creditorAccount)) diverges('creditorAccount');
  if (item.proxy !== payment.details.proxy) diverges('proxy');
  if (item.qrCode !== payment.details.qrCode) diverges('qrCode');
  const qr = item.qrCode === undefined ? undefined : parsePixQrCode(item.qrCode);
  if (qr?.amount !== undefined && !sameAmount(qr.amount, item.payment.amount)) {
    fail('VALOR_INVALIDO', 'O valor enviado não é válido para o QR Code informado.');
  }
  checkTransactionIdentification(item.localInstrument, item.transactionIdentification, qr);
}

/**
 * Matches the items of POST /pix/payments with the consent: one item per occurrence still to pay
 * (in any order), each agreeing with the consent, each with a fresh endToEndId that fits it: an
 * immediate payment's within 12 h of now, a scheduled occurrence's its settlement date at 15:00
 * UTC ("Data de liquidação inválida" otherwise). Returns each item with its settlement date
 * (null for an immediate payment).
 */
export function matchItems(
  items: readonly PaymentRequestItem[],
  consent: PaymentConsent,
  now: Date,
): Array<{ item: PaymentRequestItem; scheduledDate: string | null }> {
  const remaining = consent.paymentDates.length - consent.paymentsCreated;
  if (items.length !== remaining) diverges(`quantidade de pagamentos: esperados ${remaining}`);
  const ids = new Set(items.map((i) => i.endToEndId));
  if (ids.size !== items.length)
    fail('PAYMENTS_PARAMETRO_INVALIDO', 'Parâmetro endToEndId repetido na requisição.');
  for (const item of items) checkItem(item, consent);

  if (!consent.scheduled) {
    const [item] = items as [PaymentRequestItem];
    if (checkEndToEndId(item.endToEndId, { kind: 'immediate', now }) !== undefined) {
      fail(
        'PAYMENTS_PARAMETRO_INVALIDO',
        'Parâmetro endToEndId não obedece às regras de formatação esperadas.',
      );
    }
    return [{ item, scheduledDate: null }];
  }
  const dates = new Set(consent.paymentDates.slice(consent.paymentsCreated));
  return items.map((item) => {
    const parsed = parseEndToEndId(item.endToEndId);
    const date = parsed?.date;
    if (
      date === undefined ||
      !dates.has(date) ||
      checkEndToEndId(item.endToEndId, { kind: 'scheduled', date }) !== undefined
    ) {
      fail('PAYMENTS_PARAMETRO_INVALIDO', 'Data de liquidação inválida');
    }
    dates.delete(date);
    return { item, scheduledDate: date };
  });
}
