import { AppError } from '../../platform/errors/index.ts';
import type { PaymentConsent } from '../consents/model.ts';
import type { PaymentsContext } from '../context.ts';
import { sameAccount } from '../domain/local-instrument.ts';
import { PaymentErrors } from '../errors.ts';

/**
 * A refusal of POST /pix/payments after which the consent is spent anyway: payments.yaml item 2.3
 * ("validações síncronas no DICT: o pagamento não é criado, porém o consentimento deve ser
 * alterado para o status CONSUMED").
 */
export class ConsumingRefusal extends AppError {}

/**
 * Synchronous DICT validation (payments.yaml `proxy`: mandatory for DICT, QRDN and QRES, optional
 * for INIC, which we skip): the key exists, points at the consent's creditor account, and belongs
 * to the consent's creditor. The DICT being unreachable is our failure (500, retried by the
 * initiator with the same key), not a refusal.
 */
export async function checkCreditorKey(
  ctx: PaymentsContext,
  brandId: string,
  consent: PaymentConsent,
): Promise<void> {
  const { details } = consent.request.payment;
  if (details.proxy === undefined || details.localInstrument === 'INIC' || details.localInstrument === 'MANU')
    return;
  const entry = await ctx.pix.resolveKey(brandId, details.proxy);
  if (entry === undefined) {
    throw new ConsumingRefusal(PaymentErrors.PAGAMENTO_RECUSADO_DETENTORA, 'Chave Pix inválida.');
  }
  if (!sameAccount(entry.account, details.creditorAccount)) {
    throw new ConsumingRefusal(
      PaymentErrors.DETALHE_PAGAMENTO_INVALIDO,
      'Parâmetro creditorAccount não obedece às regras de negócio.',
    );
  }
  if (entry.ownerDocument !== consent.request.creditor.cpfCnpj) {
    throw new ConsumingRefusal(
      PaymentErrors.DETALHE_PAGAMENTO_INVALIDO,
      'Parâmetro creditor.cpfCnpj não obedece às regras de negócio.',
    );
  }
}
