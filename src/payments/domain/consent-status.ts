/**
 * Payment consent lifecycle (payments 4.0.0 `EnumAuthorisationStatusType`, `ResponsePaymentConsent`
 * `expirationDateTime`; DIGEST §4.4).
 */
export const CONSENT_STATUSES = [
  'AWAITING_AUTHORISATION',
  'PARTIALLY_ACCEPTED',
  'AUTHORISED',
  'REJECTED',
  'CONSUMED',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** `EnumConsentRejectionReasonType`. */
export const CONSENT_REJECTION_CODES = [
  'VALOR_INVALIDO',
  'NAO_INFORMADO',
  'FALHA_INFRAESTRUTURA',
  'TEMPO_EXPIRADO_AUTORIZACAO',
  'TEMPO_EXPIRADO_CONSUMO',
  'REJEITADO_USUARIO',
  'CONTAS_ORIGEM_DESTINO_IGUAIS',
  'CONTA_NAO_PERMITE_PAGAMENTO',
  'SALDO_INSUFICIENTE',
  'VALOR_ACIMA_LIMITE',
  'QRCODE_INVALIDO',
] as const;
export type ConsentRejectionCode = (typeof CONSENT_REJECTION_CODES)[number];

/** `ConsentRejectionReason.detail` texts, as the spec words them. */
export const CONSENT_REJECTION_DETAIL: Readonly<Partial<Record<ConsentRejectionCode, string>>> = {
  TEMPO_EXPIRADO_AUTORIZACAO: 'Consentimento expirou antes que o usuário pudesse confirmá-lo.',
  TEMPO_EXPIRADO_CONSUMO: 'O usuário não finalizou o fluxo de pagamento e o consentimento expirou.',
  REJEITADO_USUARIO: 'O usuário rejeitou a autorização do consentimento.',
  CONTAS_ORIGEM_DESTINO_IGUAIS:
    'A conta selecionada é igual à conta destino e não permite realizar esse pagamento.',
  CONTA_NAO_PERMITE_PAGAMENTO: 'A conta selecionada não permite realizar esse pagamento.',
  NAO_INFORMADO: 'Não informada pela detentora de conta.',
};

/** Awaiting authorisation expires at creation + 5 minutes. */
export const AUTHORISATION_WINDOW_MS = 5 * 60_000;
/** Once authorised, the consent must be consumed within statusUpdate + 60 minutes. */
export const CONSUMPTION_WINDOW_MS = 60 * 60_000;

/** Statuses in which a consent can still end by time. */
export const OPEN_CONSENT_STATUSES: ReadonlySet<ConsentStatus> = new Set([
  'AWAITING_AUTHORISATION',
  'PARTIALLY_ACCEPTED',
  'AUTHORISED',
]);

export interface TimedConsent {
  status: ConsentStatus;
  expirationDateTime: Date;
}

/**
 * The rejection a consent is due at `now`, if its time ran out: awaiting (or partially accepted)
 * past its deadline → TEMPO_EXPIRADO_AUTORIZACAO; authorised and not consumed in 60 minutes →
 * TEMPO_EXPIRADO_CONSUMO.
 */
export function dueExpiry(consent: TimedConsent, now: Date): ConsentRejectionCode | undefined {
  if (!OPEN_CONSENT_STATUSES.has(consent.status)) return undefined;
  if (now.getTime() < consent.expirationDateTime.getTime()) return undefined;
  return consent.status === 'AUTHORISED' ? 'TEMPO_EXPIRADO_CONSUMO' : 'TEMPO_EXPIRADO_AUTORIZACAO';
}
