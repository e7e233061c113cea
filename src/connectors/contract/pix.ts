import type { BrandId, CustomerRef, IsoDateTime } from './common.ts';

/**
 * The Pix rail: how Ponte moves money out of a customer's account when a payment initiated in
 * Open Finance (payments 4.0.0) is settled. Vocabulary is the payments spec's (`endToEndId`,
 * `ispb`, `issuer`, `accountType` CACC/SVGS/TRAN, rejection codes of `EnumRejectionReasonTypeGetPix`),
 * money is a decimal string with exactly two places (`^\d{1,16}\.\d{2}$`).
 *
 * Rules every implementation follows (the contract's reason to exist):
 * - `submitTransfer` is idempotent by `endToEndId` within a brand: the same order submitted again
 *   (a retried job, a process killed after the call) returns the transfer it already created and
 *   never debits twice; the same `endToEndId` with different data is `CONNECTOR_PIX_CONFLICT`;
 * - a transfer ends exactly once, `SETTLED` or `REJECTED`; a rejected transfer leaves the debtor's
 *   balance as it was (anything reserved is given back in the same step);
 * - balance checks belong to the core: an order the account cannot pay ends `REJECTED` with
 *   `SALDO_INSUFICIENTE`, immediately or when it settles.
 *
 * @example
 *   const transfer = await pix.submitTransfer('bank-a', { endToEndId, debtor: { customer, accountId }, amount: '10.00', creditor });
 *   // later: (await pix.getTransfer('bank-a', endToEndId))?.status === 'SETTLED'
 */
export interface PixConnector {
  /** The customer's accounts that can be the payer of a Pix (what the authorisation page offers). */
  listDebtorAccounts(brandId: BrandId, customer: CustomerRef): Promise<readonly PixDebtorAccount[]>;
  /** One of them; another customer's or brand's account is `CONNECTOR_RESOURCE_NOT_FOUND`. */
  getDebtorAccount(brandId: BrandId, customer: CustomerRef, accountId: string): Promise<PixDebtorAccount>;
  /** DICT lookup of a Pix key (proxy); undefined when no account is registered under it. */
  resolveKey(brandId: BrandId, key: string): Promise<PixKeyEntry | undefined>;
  /** Accepts an order for settlement (or refuses it at once); see the idempotency rule above. */
  submitTransfer(brandId: BrandId, order: PixTransferOrder): Promise<PixTransfer>;
  /** The transfer as the core sees it now; undefined when it was never submitted. */
  getTransfer(brandId: BrandId, endToEndId: string): Promise<PixTransfer | undefined>;
}

/** payments.yaml `EnumAccountPaymentsType`: current, savings, prepaid payment account. */
export const PIX_ACCOUNT_TYPES = ['CACC', 'SVGS', 'TRAN'] as const;
export type PixAccountType = (typeof PIX_ACCOUNT_TYPES)[number];

/** An account as the Pix arrangement identifies it (payments.yaml `CreditorAccount`/`DebtorAccount`). */
export interface PixAccount {
  /** ISPB of the SPI participant, 8 digits. */
  readonly ispb: string;
  /** Branch without check digit, up to 4 digits; present for CACC and SVGS. */
  readonly issuer?: string;
  /** Account number with its check digit, digits only. */
  readonly number: string;
  readonly accountType: PixAccountType;
}

/** A customer's account that may pay: the core's id plus its Pix identification. */
export interface PixDebtorAccount extends PixAccount {
  /** The core's account id (the `accountId` of the accounts API). */
  readonly accountId: string;
  /** False for accounts the core does not let pay (blocked, salary-only …): CONTA_NAO_PERMITE_PAGAMENTO. */
  readonly allowsPayments: boolean;
}

/** A DICT entry: the account a Pix key points to and its owner. */
export interface PixKeyEntry {
  readonly key: string;
  readonly account: PixAccount;
  readonly ownerName: string;
  /** CPF (11) or CNPJ (14), digits only. */
  readonly ownerDocument: string;
}

/** What to settle. `amount` is BRL with two decimals. */
export interface PixTransferOrder {
  readonly endToEndId: string;
  readonly debtor: { readonly customer: CustomerRef; readonly accountId: string };
  readonly amount: string;
  readonly creditor: PixAccount & { readonly name?: string; readonly cpfCnpj?: string };
  readonly proxy?: string;
  readonly remittanceInformation?: string;
  readonly transactionIdentification?: string;
}

export type PixTransferStatus = 'PENDING' | 'SETTLED' | 'REJECTED';

/** Why the core or the SPI refused a transfer (payments.yaml `EnumRejectionReasonTypeGetPix` subset). */
export const PIX_REJECTION_CODES = [
  'SALDO_INSUFICIENTE',
  'VALOR_ACIMA_LIMITE',
  'PAGAMENTO_RECUSADO_DETENTORA',
  'PAGAMENTO_RECUSADO_SPI',
  'CONTAS_ORIGEM_DESTINO_IGUAIS',
  'FALHA_INFRAESTRUTURA_SPI',
  'FALHA_INFRAESTRUTURA_PSP_RECEBEDOR',
  'FALHA_INFRAESTRUTURA_DETENTORA',
] as const;
export type PixRejectionCode = (typeof PIX_REJECTION_CODES)[number];

export interface PixTransfer {
  readonly endToEndId: string;
  readonly status: PixTransferStatus;
  readonly amount: string;
  readonly submittedAt: IsoDateTime;
  /** When it ended (settled or rejected). */
  readonly finishedAt?: IsoDateTime;
  /** Present exactly when `REJECTED`; `detail` carries the pacs.002 reason for SPI refusals. */
  readonly rejection?: { readonly code: PixRejectionCode; readonly detail: string };
}

/** Thrown by `submitTransfer` when an `endToEndId` is reused for a different order. */
export const PIX_CONFLICT = 'CONNECTOR_PIX_CONFLICT';
