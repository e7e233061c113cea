import { defineErrors } from '../platform/http/index.ts';

/**
 * The receiver's own error codes (Ponte's receiver API, not an Open Finance wire format, but
 * answered in the same `errors[]` shape). Errors the holder answered keep the holder's own
 * `errors[].code` beside ours (see data/holder-error.ts).
 */
export const RECEIVER_ERROR_DEFINITIONS = {
  RECEIVER_INVALID_DOCUMENT: { status: 422, title: 'CPF inválido' },
  RECEIVER_INVALID_DOCUMENT_CNPJ: { status: 422, title: 'CNPJ inválido' },
  RECEIVER_IMPOSSIBLE_PERMISSIONS: { status: 422, title: 'Combinação de grupos de dados impossível' },
  RECEIVER_UNKNOWN_HOLDER: { status: 404, title: 'Instituição transmissora desconhecida' },
  RECEIVER_HOLDER_NOT_REGISTERED: { status: 409, title: 'Cliente não registrado na transmissora' },
  RECEIVER_CONSENT_NOT_FOUND: { status: 404, title: 'Consentimento não encontrado' },
  RECEIVER_CONSENT_NOT_ACTIVE: { status: 409, title: 'Consentimento não está ativo' },
  RECEIVER_DATA_NOT_CONSENTED: { status: 403, title: 'Dado não coberto pelo consentimento' },
  RECEIVER_CALLBACK_INVALID: { status: 400, title: 'Resposta de autorização inválida' },
  RECEIVER_CALLBACK_STATE_UNKNOWN: { status: 400, title: 'Estado (state) desconhecido' },
  RECEIVER_AUTHORISATION_DENIED: { status: 400, title: 'Autorização negada na transmissora' },
  RECEIVER_REGISTRATION_FAILED: { status: 502, title: 'Registro na transmissora falhou' },
  RECEIVER_REGISTRATION_NOT_FOUND: { status: 404, title: 'Registro não encontrado' },
  RECEIVER_HOLDER_UNAVAILABLE: { status: 502, title: 'Transmissora indisponível' },
  RECEIVER_HOLDER_REJECTED: { status: 502, title: 'A transmissora recusou a requisição' },
  RECEIVER_HOLDER_UNAUTHORISED: { status: 409, title: 'A transmissora não reconhece o acesso' },
  RECEIVER_HOLDER_FORBIDDEN: { status: 403, title: 'A transmissora negou o acesso ao recurso' },
  RECEIVER_HOLDER_NOT_FOUND: { status: 404, title: 'Recurso não encontrado na transmissora' },
  RECEIVER_HOLDER_UNPROCESSABLE: { status: 422, title: 'A transmissora não pôde processar a requisição' },
  RECEIVER_HOLDER_LIMITED: { status: 429, title: 'Limite de tráfego da transmissora atingido' },
  RECEIVER_HOLDER_BAD_SIGNATURE: { status: 502, title: 'Assinatura da detentora inválida' },
  RECEIVER_INVALID_AMOUNT: { status: 422, title: 'Valor inválido' },
  RECEIVER_INVALID_CREDITOR: { status: 422, title: 'Recebedor inválido' },
  RECEIVER_INVALID_PAYMENT_DATE: { status: 422, title: 'Data de pagamento inválida' },
  RECEIVER_NOT_A_PAYMENT_CONSENT: { status: 409, title: 'Não é um consentimento de pagamento' },
  RECEIVER_NOT_A_DATA_CONSENT: { status: 409, title: 'Não é um consentimento de compartilhamento de dados' },
  RECEIVER_PAYMENT_NOT_FOUND: { status: 404, title: 'Pagamento não encontrado' },
  RECEIVER_INITIATOR_UNKNOWN: { status: 500, title: 'CNPJ da iniciadora não configurado' },
  RECEIVER_WEBHOOK_SIGNATURE_MISSING: { status: 400, title: 'Assinatura do webhook ausente ou malformada' },
  RECEIVER_WEBHOOK_SIGNATURE_INVALID: { status: 401, title: 'Assinatura do webhook inválida' },
  RECEIVER_WEBHOOK_UNKNOWN_RESOURCE: { status: 404, title: 'Recurso do webhook desconhecido' },
} as const;

export const ReceiverErrors = defineErrors(RECEIVER_ERROR_DEFINITIONS);
export type ReceiverErrorCode = keyof typeof ReceiverErrors;
