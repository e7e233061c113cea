import { defineErrors, type ErrorDefinition } from '../platform/http/index.ts';

/**
 * The payments module's error codes (payments.yaml 4.0.0). Wire codes are the spec's, verbatim.
 * - 400 `BAD_SIGNATURE`: the JWS of a request does not verify against the directory keys
 *   (FAPI-BR 1.0 ID3 "Message Content Signing Considerations"; description items 1.2.3, 2.1.3);
 * - 403 `INVALID_CLIENT`: aud, iss, iat or jti of a signed request are not acceptable, or the jti
 *   was used before (items 1.2.4, 2.1.4);
 * - 422: `422ResponseErrorCreateConsent`, `422ResponseErrorCreatePixPayments`,
 *   `422ResponseErrorCreatePixPayment` (PATCH), answered signed (application/jwt).
 * PARAMETRO_INVALIDO and PARAMETRO_NAO_INFORMADO are 422 here (payload syntax, items 1.3.1 and
 * 2.2.1) while the platform declares them 400 for headers and paths: payments declares its own
 * under internal names with the spec code as `wireCode`.
 */
const DEFINITIONS = {
  BAD_SIGNATURE: { status: 400, title: 'Assinatura inválida' },
  PAYMENTS_INVALID_CLIENT: { status: 403, title: 'Cliente inválido', wireCode: 'INVALID_CLIENT' },
  // POST /consents
  FORMA_PAGAMENTO_INVALIDA: { status: 422, title: 'Forma de pagamento inválida.' },
  DATA_PAGAMENTO_INVALIDA: { status: 422, title: 'Data de pagamento inválida.' },
  DETALHE_PAGAMENTO_INVALIDO: { status: 422, title: 'Detalhe do pagamento inválido.' },
  PAYMENTS_PARAMETRO_NAO_INFORMADO: {
    status: 422,
    title: 'Parâmetro não informado.',
    wireCode: 'PARAMETRO_NAO_INFORMADO',
  },
  PAYMENTS_PARAMETRO_INVALIDO: { status: 422, title: 'Parâmetro inválido.', wireCode: 'PARAMETRO_INVALIDO' },
  ERRO_IDEMPOTENCIA: { status: 422, title: 'Erro idempotência.' },
  NAO_INFORMADO: { status: 422, title: 'Não informado.' },
  // POST /pix/payments
  SALDO_INSUFICIENTE: { status: 422, title: 'Saldo insuficiente.' },
  VALOR_ACIMA_LIMITE: { status: 422, title: 'Acima do limite estabelecido.' },
  VALOR_INVALIDO: { status: 422, title: 'Valor inválido.' },
  COBRANCA_INVALIDA: { status: 422, title: 'Cobrança inválida.' },
  CONSENTIMENTO_INVALIDO: { status: 422, title: 'Consentimento inválido (em status final).' },
  PAGAMENTO_DIVERGENTE_CONSENTIMENTO: { status: 422, title: 'Divergência entre pagamento e consentimento.' },
  PAGAMENTO_RECUSADO_DETENTORA: { status: 422, title: 'Pagamento recusado pela detentora de conta.' },
  PAGAMENTO_RECUSADO_SPI: {
    status: 422,
    title: 'Pagamento recusado no Sistema de Pagamentos Instantâneos (SPI).',
  },
  CONSENTIMENTO_PENDENTE_AUTORIZACAO: {
    status: 422,
    title: 'Consentimento pendente autorização de múltiplas alçadas.',
  },
  // PATCH /pix/payments/{paymentId}
  PAGAMENTO_NAO_PERMITE_CANCELAMENTO: { status: 422, title: 'Pagamento não permite cancelamento.' },
  /** Internal (authorisation seam): the customer's choice cannot authorise the consent. */
  PAYMENT_CONSENT_NOT_AUTHORISABLE: { status: 422, title: 'Consentimento não pode ser autorizado' },
} as const satisfies Record<string, ErrorDefinition>;

export const PaymentErrors = defineErrors(DEFINITIONS);
export type PaymentErrorCode = keyof typeof PaymentErrors;

/** The spec error body of one of this module's codes (the mapper's shape), for stored answers. */
export function paymentErrorBody(code: string, detail: string, now: Date) {
  const definition = (DEFINITIONS as Record<string, ErrorDefinition>)[code];
  if (definition === undefined) throw new Error(`not a payments error code: ${code}`);
  return {
    errors: [{ code: definition.wireCode ?? code, title: definition.title, detail: detail.slice(0, 2048) }],
    meta: { requestDateTime: `${now.toISOString().slice(0, 19)}Z` },
  };
}
