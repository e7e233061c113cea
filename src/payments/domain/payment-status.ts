/**
 * Pix payment lifecycle (payments 4.0.0 `EnumPaymentStatusType`; DIGEST §4.6): RCVD → ACCP → ACPD
 * → ACSC, with PDNG (held for analysis), SCHD (scheduled), CANC and RJCT. Every transition the
 * module makes is listed here; anything else is a bug, refused before it reaches the database.
 */
export const PAYMENT_STATUSES = ['RCVD', 'CANC', 'ACCP', 'ACPD', 'RJCT', 'ACSC', 'PDNG', 'SCHD'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  RCVD: ['ACCP', 'PDNG', 'SCHD', 'RJCT'],
  SCHD: ['ACCP', 'PDNG', 'RJCT', 'CANC'],
  PDNG: ['ACCP', 'RJCT', 'CANC'],
  ACCP: ['ACPD', 'RJCT'],
  ACPD: ['ACSC', 'RJCT'],
  ACSC: [],
  RJCT: [],
  CANC: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const FINAL_PAYMENT_STATUSES: ReadonlySet<PaymentStatus> = new Set(['ACSC', 'RJCT', 'CANC']);

/** `EnumRejectionReasonTypeGetPix`. */
export const PAYMENT_REJECTION_CODES = [
  'SALDO_INSUFICIENTE',
  'VALOR_ACIMA_LIMITE',
  'VALOR_INVALIDO',
  'COBRANCA_INVALIDA',
  'NAO_INFORMADO',
  'PAGAMENTO_DIVERGENTE_CONSENTIMENTO',
  'DETALHE_PAGAMENTO_INVALIDO',
  'PAGAMENTO_RECUSADO_DETENTORA',
  'PAGAMENTO_RECUSADO_SPI',
  'FALHA_INFRAESTRUTURA',
  'FALHA_INFRAESTRUTURA_SPI',
  'FALHA_INFRAESTRUTURA_DICT',
  'FALHA_INFRAESTRUTURA_ICP',
  'FALHA_INFRAESTRUTURA_PSP_RECEBEDOR',
  'FALHA_INFRAESTRUTURA_DETENTORA',
  'CONTAS_ORIGEM_DESTINO_IGUAIS',
  'FALHA_AGENDAMENTO_PAGAMENTOS',
] as const;
export type PaymentRejectionCode = (typeof PAYMENT_REJECTION_CODES)[number];

/** `EnumPaymentCancellationReasonType` by the status the payment was cancelled from. */
export function cancellationReason(
  from: PaymentStatus,
): 'CANCELADO_PENDENCIA' | 'CANCELADO_AGENDAMENTO' | undefined {
  if (from === 'PDNG') return 'CANCELADO_PENDENCIA';
  if (from === 'SCHD') return 'CANCELADO_AGENDAMENTO';
  return undefined;
}

/**
 * PATCH /pix/payments/{paymentId}: only PDNG and SCHD payments can be cancelled, and a scheduled
 * one only until 23:59 (Brasília) of the day before its settlement date.
 */
export function cancellationRefusal(
  payment: { status: PaymentStatus; scheduledDate: string | null },
  today: string,
): string | undefined {
  if (payment.status !== 'PDNG' && payment.status !== 'SCHD') {
    return `Pagamento em situação ${payment.status} não permite cancelamento.`;
  }
  if (payment.status === 'SCHD' && payment.scheduledDate !== null && payment.scheduledDate <= today) {
    return 'O cancelamento de um agendamento é aceito até as 23:59 (Brasília) do dia anterior à liquidação.';
  }
  return undefined;
}
