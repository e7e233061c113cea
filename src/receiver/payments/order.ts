import { normaliseCnpj, normaliseCpf } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';

/** The app's request for one Pix payment, in plain terms (no JWS, no spec enums to pick). */
export interface StartPaymentInput {
  /** The payer's CPF (the holder's `loggedUser`). */
  document: string;
  /** The payer company's CNPJ, when it pays from a business account (`businessEntity`). */
  businessEntity?: string;
  /** The holder: its AuthorisationServerId (a brand) or OrganisationId, from the directory. */
  holder: string;
  /** In reais: "7.89", "7,89", "1500" (at most two decimals, more than zero). */
  amount: string;
  creditor: {
    name: string;
    /** CPF (PESSOA_NATURAL) or CNPJ (PESSOA_JURIDICA). */
    document: string;
    /** payments.yaml `CreditorAccount`; `issuer` (branch) is required for CACC and SVGS. */
    account: { ispb: string; issuer?: string; number: string; accountType?: 'CACC' | 'SVGS' | 'TRAN' };
    /** A Pix key (DICT); the holder checks it names the account. */
    pixKey?: string;
    /** A static Pix QR code ("Pix Copia e Cola"); its key goes in `pixKey`. */
    qrCode?: string;
  };
  /** Settlement day (YYYY-MM-DD, Brasília); today by default, a later day schedules it. */
  date?: string;
  /** Message to the creditor (≤ 140 characters). */
  remittanceInformation?: string;
  /** Send the payment as soon as the callback authorises the consent. */
  autoInitiate?: boolean;
  /** One of the registered redirect URIs; the first by default. */
  redirectUri?: string;
}

/** What the receiver keeps (encrypted) to build the consent and, later, the payment from. */
export interface PaymentOrder {
  /** The `data` claim of POST /consents (payments.yaml `CreatePaymentConsent`). */
  consent: ConsentData;
  remittanceInformation?: string;
}

export interface CreditorAccount {
  ispb: string;
  issuer?: string;
  number: string;
  accountType: 'CACC' | 'SVGS' | 'TRAN';
}

export interface ConsentData {
  loggedUser: { document: { identification: string; rel: 'CPF' } };
  businessEntity?: { document: { identification: string; rel: 'CNPJ' } };
  creditor: { personType: 'PESSOA_NATURAL' | 'PESSOA_JURIDICA'; cpfCnpj: string; name: string };
  payment: {
    type: 'PIX';
    date?: string;
    schedule?: { single: { date: string } };
    currency: 'BRL';
    amount: string;
    details: {
      localInstrument: 'MANU' | 'DICT' | 'QRES';
      proxy?: string;
      qrCode?: string;
      creditorAccount: CreditorAccount;
    };
  };
}

const invalid = (code: keyof typeof ReceiverErrors, message: string): never => {
  throw new AppError(ReceiverErrors[code], message);
};

/** payments.yaml `Amount`: `^((\d{1,16}\.\d{2}))$`; zero or less is no payment. */
export function normaliseAmount(value: string): string | null {
  const match = /^(\d{1,16})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  const reais = BigInt(match[1]!);
  const cents = (match[2] ?? '').padEnd(2, '0');
  if (reais === 0n && cents === '00') return null;
  return `${reais}.${cents}`;
}

/** payments.yaml `Identification.name` pattern. */
const NAME = /^([A-Za-zÀ-ÖØ-öø-ÿ,.@:&*+_<>()!?/\\$%\d' -]+)$/;
/** Schedules reach D+730 at most (payments.yaml "Schedule"). */
const MAX_DAYS_AHEAD = 730;

/** Today in Brasília (payments.yaml dates are Brasília calendar days). */
export const brasiliaDate = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(now);

function paymentDate(requested: string | undefined, now: Date): { date: string } | { scheduled: string } {
  const today = brasiliaDate(now);
  if (requested === undefined || requested === today) return { date: today };
  const day = /^\d{4}-\d{2}-\d{2}$/.test(requested) ? new Date(`${requested}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== requested) {
    return invalid('RECEIVER_INVALID_PAYMENT_DATE', 'A data deve ser um dia válido no formato AAAA-MM-DD.');
  }
  const ahead = (day.getTime() - new Date(`${today}T00:00:00Z`).getTime()) / 86_400_000;
  if (ahead < 0) return invalid('RECEIVER_INVALID_PAYMENT_DATE', 'A data do pagamento já passou.');
  if (ahead > MAX_DAYS_AHEAD) {
    return invalid('RECEIVER_INVALID_PAYMENT_DATE', 'O pagamento pode ser agendado até 730 dias à frente.');
  }
  return { scheduled: requested };
}

function creditorAccount(account: StartPaymentInput['creditor']['account']): CreditorAccount {
  const accountType = account.accountType ?? 'CACC';
  const ok =
    /^\d{8}$/.test(account.ispb) &&
    /^\d{1,20}$/.test(account.number) &&
    (account.issuer === undefined ? accountType === 'TRAN' : /^\d{1,4}$/.test(account.issuer));
  if (!ok) {
    invalid(
      'RECEIVER_INVALID_CREDITOR',
      'Conta do recebedor inválida: ispb (8 dígitos), issuer (agência, até 4 dígitos; obrigatória exceto em TRAN), number (até 20 dígitos).',
    );
  }
  return {
    ispb: account.ispb,
    ...(account.issuer && { issuer: account.issuer }),
    number: account.number,
    accountType,
  };
}

/**
 * Validates the plain request and writes it as the spec's consent (payments.yaml 4.0.0
 * `CreatePaymentConsent.data`, DIGEST §4.4): person type from the document, the local
 * instrument from what identifies the creditor (QR code → QRES, Pix key → DICT, account only →
 * MANU), `date` for today or `schedule.single` for a later day. Nothing is sent on a bad input.
 */
export function paymentOrder(input: StartPaymentInput, now: Date): { cpf: string; order: PaymentOrder } {
  const cpf = normaliseCpf(input.document);
  if (cpf === null) return invalid('RECEIVER_INVALID_DOCUMENT', 'O CPF informado não é válido.');
  const cnpj = input.businessEntity === undefined ? undefined : normaliseCnpj(input.businessEntity);
  if (cnpj === null) return invalid('RECEIVER_INVALID_DOCUMENT_CNPJ', 'O CNPJ informado não é válido.');
  const amount = normaliseAmount(input.amount);
  if (amount === null) {
    return invalid(
      'RECEIVER_INVALID_AMOUNT',
      'O valor deve ser positivo, em reais, com até duas casas decimais.',
    );
  }
  const { creditor } = input;
  const creditorCpf = normaliseCpf(creditor.document);
  const creditorCnpj = creditorCpf === null ? normaliseCnpj(creditor.document) : null;
  if (creditorCpf === null && creditorCnpj === null) {
    invalid('RECEIVER_INVALID_CREDITOR', 'O documento do recebedor deve ser um CPF ou CNPJ válido.');
  }
  const name = creditor.name.trim();
  if (name.length === 0 || name.length > 120 || !NAME.test(name)) {
    invalid('RECEIVER_INVALID_CREDITOR', 'Nome do recebedor inválido (até 120 caracteres).');
  }
  if (input.remittanceInformation !== undefined && input.remittanceInformation.length > 140) {
    invalid('RECEIVER_INVALID_CREDITOR', 'remittanceInformation tem no máximo 140 caracteres.');
  }
  const when = paymentDate(input.date, now);
  const localInstrument = creditor.qrCode ? 'QRES' : creditor.pixKey ? 'DICT' : 'MANU';
  const consent: ConsentData = {
    loggedUser: { document: { identification: cpf, rel: 'CPF' } },
    ...(cnpj && { businessEntity: { document: { identification: cnpj, rel: 'CNPJ' } } }),
    creditor: {
      personType: creditorCpf ? 'PESSOA_NATURAL' : 'PESSOA_JURIDICA',
      cpfCnpj: (creditorCpf ?? creditorCnpj)!,
      name,
    },
    payment: {
      type: 'PIX',
      ...('date' in when ? { date: when.date } : { schedule: { single: { date: when.scheduled } } }),
      currency: 'BRL',
      amount,
      details: {
        localInstrument,
        ...(creditor.pixKey && { proxy: creditor.pixKey }),
        ...(creditor.qrCode && { qrCode: creditor.qrCode }),
        creditorAccount: creditorAccount(creditor.account),
      },
    },
  };
  return {
    cpf,
    order: {
      consent,
      ...(input.remittanceInformation && { remittanceInformation: input.remittanceInformation }),
    },
  };
}
