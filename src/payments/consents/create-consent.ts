import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors/index.ts';
import type { BrandRuntime } from '../brand.ts';
import type { PaymentsContext } from '../context.ts';
import { AUTHORISATION_WINDOW_MS } from '../domain/consent-status.ts';
import { brasiliaDate } from '../domain/dates.ts';
import {
  checkConsentDetails,
  checkCreditorAccount,
  RECURRING_INSTRUMENTS,
} from '../domain/local-instrument.ts';
import { toCents } from '../domain/money.ts';
import { immediateDate, scheduleDates } from '../domain/schedule.ts';
import { PaymentErrors, type PaymentErrorCode } from '../errors.ts';
import type { ConsentRequest, PaymentConsent } from './model.ts';

function fail(code: PaymentErrorCode, message: string): never {
  throw new AppError(PaymentErrors[code], message);
}

/**
 * The semantic checks of POST /consents (payments.yaml "Validações" 1.3.2; DIGEST §4.4), after
 * the payload matched its schema. No DICT lookup and nothing about the customer happens here
 * (items 1.1.1–1.1.3): those belong to the payment. Returns the settlement dates.
 */
export function checkConsentRequest(
  data: ConsentRequest,
  today: string,
  localInstruments: readonly string[],
): string[] {
  const { payment } = data;
  if (payment.type !== 'PIX')
    fail('FORMA_PAGAMENTO_INVALIDA', `Forma de pagamento ${payment.type} não suportada.`);
  const instrument = payment.details.localInstrument;
  if (!localInstruments.includes(instrument)) {
    fail('FORMA_PAGAMENTO_INVALIDA', `Forma de pagamento ${instrument} não suportada.`);
  }
  if (payment.currency !== 'BRL') fail('DETALHE_PAGAMENTO_INVALIDO', 'Parâmetro payment.currency não obedece às regras de negócio.'); // prettier-ignore
  if (toCents(payment.amount) === 0n) fail('DETALHE_PAGAMENTO_INVALIDO', 'Parâmetro payment.amount não obedece às regras de negócio.'); // prettier-ignore
  if (data.loggedUser.document.rel !== 'CPF') fail('PAYMENTS_PARAMETRO_INVALIDO', 'Parâmetro loggedUser.document.rel deve ser CPF.'); // prettier-ignore
  if (data.businessEntity !== undefined && data.businessEntity.document.rel !== 'CNPJ') {
    fail('PAYMENTS_PARAMETRO_INVALIDO', 'Parâmetro businessEntity.document.rel deve ser CNPJ.');
  }
  const documentLength = data.creditor.personType === 'PESSOA_NATURAL' ? 11 : 14;
  if (data.creditor.cpfCnpj.length !== documentLength) {
    fail('DETALHE_PAGAMENTO_INVALIDO', 'Parâmetro creditor.cpfCnpj não obedece às regras de negócio.');
  }
  if (data.debtorAccount !== undefined) checkCreditorAccount(data.debtorAccount, 'debtorAccount');

  if (payment.date !== undefined && payment.schedule !== undefined) {
    fail(
      'PAYMENTS_PARAMETRO_INVALIDO',
      'Parâmetros payment.date e payment.schedule são mutuamente excludentes.',
    );
  }
  if (payment.date === undefined && payment.schedule === undefined) {
    fail(
      'PAYMENTS_PARAMETRO_NAO_INFORMADO',
      'Parâmetro payment.date ou payment.schedule obrigatório não informado.',
    );
  }
  const dates =
    payment.schedule === undefined
      ? [immediateDate(payment.date!, today)]
      : scheduleDates(payment.schedule, today);
  const recurring = payment.schedule !== undefined && !('single' in payment.schedule);
  if (recurring && !RECURRING_INSTRUMENTS.has(instrument)) {
    fail(
      'FORMA_PAGAMENTO_INVALIDA',
      `Forma de pagamento ${instrument} não suportada para pagamentos recorrentes.`,
    );
  }
  checkConsentDetails(payment.details, payment.amount);
  return dates;
}

/** A new consent, validated, awaiting authorisation for 5 minutes (not stored yet). */
export function newConsent(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  clientId: string,
  data: ConsentRequest,
): PaymentConsent {
  const now = ctx.clock.now();
  // Creation instants are whole seconds: the wire format has no fraction (maxLength 20).
  const created = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const paymentDates = checkConsentRequest(data, brasiliaDate(now), ctx.options.localInstruments);
  return {
    consentId: `urn:${brand.urnNamespace}:${randomUUID()}`,
    brandId: brand.id,
    clientId,
    status: 'AWAITING_AUTHORISATION',
    creationDateTime: created,
    statusUpdateDateTime: created,
    expirationDateTime: new Date(created.getTime() + AUTHORISATION_WINDOW_MS),
    request: data,
    paymentDates,
    scheduled: data.payment.schedule !== undefined,
    paymentsCreated: 0,
  };
}
