import type {
  Amount,
  BrandId,
  CustomerRef,
  IsoDate,
  IsoDateTimeMillis,
  Page,
  PageRequest,
} from './common.ts';

// Credit operations: loans 2.5.0, financings 2.4.0, unarranged-accounts-overdraft 2.5.0 and
// invoice-financings 2.4.0. The four APIs share their endpoints and almost every field (the
// SCR Doc 3040 vocabulary), so the contract models them once; what differs per product (type and
// subtype codes, a few loan-only fields, optional CET for overdraft) is typed per operation type.

export const CREDIT_OPERATION_TYPES = [
  'LOAN',
  'FINANCING',
  'UNARRANGED_ACCOUNT_OVERDRAFT',
  'INVOICE_FINANCING',
] as const;
/** Which of the four APIs; the codes are the resources API's `type` for their contracts. */
export type CreditOperationType = (typeof CREDIT_OPERATION_TYPES)[number];

export const LOAN_PRODUCT_SUB_TYPES = [
  'HOME_EQUITY', 'CHEQUE_ESPECIAL', 'CONTA_GARANTIDA', 'CAPITAL_GIRO_TETO_ROTATIVO',
  'CREDITO_PESSOAL_SEM_CONSIGNACAO', 'CREDITO_PESSOAL_COM_CONSIGNACAO', 'MICROCREDITO_PRODUTIVO_ORIENTADO',
  'CAPITAL_GIRO_PRAZO_VENCIMENTO_ATE_365_DIAS', 'CAPITAL_GIRO_PRAZO_VENCIMENTO_SUPERIOR_365_DIAS',
] as const; // prettier-ignore
export const FINANCING_PRODUCT_TYPES = [
  'FINANCIAMENTOS',
  'FINANCIAMENTOS_RURAIS',
  'FINANCIAMENTOS_IMOBILIARIOS',
] as const;
export const FINANCING_PRODUCT_SUB_TYPES = [
  'AQUISICAO_BENS_VEICULOS_AUTOMOTORES', 'AQUISICAO_BENS_OUTROS_BENS', 'MICROCREDITO', 'CUSTEIO',
  'INVESTIMENTO', 'INDUSTRIALIZACAO', 'COMERCIALIZACAO', 'FINANCIAMENTO_HABITACIONAL_SFH',
  'FINANCIAMENTO_HABITACIONAL_EXCETO_SFH',
] as const; // prettier-ignore
export const INVOICE_FINANCING_PRODUCT_SUB_TYPES = [
  'DESCONTO_DUPLICATAS', 'DESCONTO_CHEQUES', 'ANTECIPACAO_FATURA_CARTAO_CREDITO',
  'OUTROS_DIREITOS_CREDITORIOS_DESCONTADOS', 'OUTROS_TITULOS_DESCONTADOS',
] as const; // prettier-ignore
export const LOAN_PRODUCT_SUB_TYPE_CATEGORIES = [
  'CREDITO_PESSOAL_CLEAN',
  'CONSIGNADO_SIAPE',
  'OUTRO',
] as const;
export type LoanProductSubTypeCategory = (typeof LOAN_PRODUCT_SUB_TYPE_CATEGORIES)[number];

/** Product type and subtype codes per operation type (circular 4.015 / Doc 3040 modalities). */
export interface CreditProductCodes {
  readonly LOAN: { productType: 'EMPRESTIMOS'; productSubType: (typeof LOAN_PRODUCT_SUB_TYPES)[number] };
  readonly FINANCING: {
    productType: (typeof FINANCING_PRODUCT_TYPES)[number];
    productSubType: (typeof FINANCING_PRODUCT_SUB_TYPES)[number];
  };
  readonly UNARRANGED_ACCOUNT_OVERDRAFT: {
    productType: 'ADIANTAMENTO_A_DEPOSITANTES';
    productSubType: 'ADIANTAMENTO_A_DEPOSITANTES';
  };
  readonly INVOICE_FINANCING: {
    productType: 'DIREITOS_CREDITORIOS_DESCONTADOS';
    productSubType: (typeof INVOICE_FINANCING_PRODUCT_SUB_TYPES)[number];
  };
}
export type ProductTypeOf<T extends CreditOperationType> = CreditProductCodes[T]['productType'];
export type ProductSubTypeOf<T extends CreditOperationType> = CreditProductCodes[T]['productSubType'];

export const INSTALMENT_PERIODICITIES = [
  'SEM_PERIODICIDADE_REGULAR', 'SEMANAL', 'QUINZENAL', 'MENSAL', 'BIMESTRAL', 'TRIMESTRAL', 'SEMESTRAL', 'ANUAL', 'OUTROS',
] as const; // prettier-ignore
export type InstalmentPeriodicity = (typeof INSTALMENT_PERIODICITIES)[number];

export const AMORTIZATION_SCHEDULES = ['SAC', 'PRICE', 'SAM', 'SEM_SISTEMA_AMORTIZACAO', 'OUTROS'] as const;
/** `EnumContractAmortizationScheduled`; `OUTROS` needs `amortizationScheduledAdditionalInfo`. */
export type AmortizationScheduled = (typeof AMORTIZATION_SCHEDULES)[number];

export const REFERENTIAL_RATE_INDEXER_TYPES = [
  'SEM_TIPO_INDEXADOR', 'PRE_FIXADO', 'POS_FIXADO', 'FLUTUANTES', 'INDICES_PRECOS', 'CREDITO_RURAL', 'OUTROS_INDEXADORES',
] as const; // prettier-ignore
export const REFERENTIAL_RATE_INDEXER_SUB_TYPES = [
  'SEM_SUB_TIPO_INDEXADOR', 'PRE_FIXADO', 'TR_TBF', 'TJLP', 'LIBOR', 'TLP', 'OUTRAS_TAXAS_POS_FIXADAS', 'CDI',
  'SELIC', 'OUTRAS_TAXAS_FLUTUANTES', 'IGPM', 'IPCA', 'IPCC', 'OUTROS_INDICES_PRECO', 'TCR_PRE', 'TCR_POS',
  'TRFC_PRE', 'TRFC_POS', 'OUTROS_INDEXADORES',
] as const; // prettier-ignore

/**
 * `LoansContractInterestRate` and its three twins. Rates are decimal fractions with 6 places
 * (`0.015000` = 1.5 %); `preFixedRate` or `postFixedRate` (with its indexer subtype) is present.
 */
export interface ContractInterestRate {
  readonly taxType: 'NOMINAL' | 'EFETIVA';
  readonly interestRateType: 'SIMPLES' | 'COMPOSTO';
  /** AM: per month; AA: per year. */
  readonly taxPeriodicity: 'AM' | 'AA';
  /** Day-count base. */
  readonly calculation: '21/252' | '30/360' | '30/365';
  readonly referentialRateIndexerType: (typeof REFERENTIAL_RATE_INDEXER_TYPES)[number];
  readonly referentialRateIndexerSubType?: (typeof REFERENTIAL_RATE_INDEXER_SUB_TYPES)[number];
  readonly referentialRateIndexerAdditionalInfo?: string;
  readonly preFixedRate?: string;
  readonly postFixedRate?: string;
  readonly additionalInfo?: string;
}

/** `LoansContractedFee`: `feeAmount` unless `feeCharge` is PERCENTUAL, then `feeRate` (`0.062000`). */
export interface ContractedFee {
  readonly feeName: string;
  readonly feeCode: string;
  readonly feeChargeType: 'UNICA' | 'POR_PARCELA';
  readonly feeCharge: 'MINIMO' | 'MAXIMO' | 'FIXO' | 'PERCENTUAL';
  readonly feeAmount?: string;
  readonly feeRate?: string;
}

export const FINANCE_CHARGE_TYPES = [
  'JUROS_REMUNERATORIOS_POR_ATRASO', 'MULTA_ATRASO_PAGAMENTO', 'JUROS_MORA_ATRASO', 'IOF_CONTRATACAO',
  'IOF_POR_ATRASO', 'SEM_ENCARGO', 'OUTROS',
] as const; // prettier-ignore
export type FinanceChargeType = (typeof FINANCE_CHARGE_TYPES)[number];

/** `LoansFinanceCharge`: a charge agreed in the contract, `chargeRate` a 6-place fraction. */
export interface ContractedFinanceCharge {
  readonly chargeType: FinanceChargeType;
  /** Required for `OUTROS`. */
  readonly chargeAdditionalInfo?: string;
  readonly chargeRate?: string;
}

/** Fields every contract detail has (`LoansContract` and twins), money as bare decimal strings in `currency`. */
export interface CreditContractCommon<T extends CreditOperationType> {
  readonly contractNumber: string;
  /** IPOC (Doc 3040): lender CNPJ root + modality + customer type + customer document + contract code. */
  readonly ipocCode: string;
  readonly productName: string;
  readonly productType: ProductTypeOf<T>;
  readonly productSubType: ProductSubTypeOf<T>;
  readonly contractDate: IsoDate;
  readonly disbursementDates?: readonly IsoDate[];
  /** Present once the contract is settled (or cancelled with nothing left to pay). */
  readonly settlementDate?: IsoDate;
  /** Amount contracted, without fees, charges or insurance; `0.00` when the product has none. */
  readonly contractAmount: string;
  readonly currency?: string;
  /** Last due date of the operation (for revolving products: end of the current renewal). */
  readonly dueDate?: IsoDate;
  readonly instalmentPeriodicity: InstalmentPeriodicity;
  readonly instalmentPeriodicityAdditionalInfo?: string;
  readonly firstInstalmentDueDate?: IsoDate;
  /** Insurance contracted with the operation (required for loans' CREDITO_PESSOAL_CLEAN). */
  readonly hasInsuranceContracted?: boolean;
  readonly amortizationScheduled: AmortizationScheduled;
  readonly amortizationScheduledAdditionalInfo?: string;
  /** Empty when the contract has no interest; an explicit `0.000000` rate when it is zero. */
  readonly interestRates: readonly ContractInterestRate[];
  readonly contractedFees: readonly ContractedFee[];
  readonly contractedFinanceCharges: readonly ContractedFinanceCharge[];
}

/** What one operation type adds to the common detail. */
export interface CreditContractExtras {
  readonly LOAN: {
    /** CREDITO_PESSOAL_CLEAN for open personal credit contracts (loans 2.5.0), CONSIGNADO_SIAPE for SIAPE payroll loans. */
    readonly productSubTypeCategory: LoanProductSubTypeCategory;
    /** CET, annual, 6-place fraction (`0.290000` = 29 % a.a.); CMN 3.517 / 3.909. */
    readonly CET: string;
    /** Paying employer's CNPJ, for CREDITO_PESSOAL_COM_CONSIGNACAO. */
    readonly cnpjConsignee?: string;
    /** Face value of the next instalment; `0.00` once settled (required for CREDITO_PESSOAL_CLEAN). */
    readonly nextInstalmentAmount?: string;
  };
  readonly FINANCING: { readonly CET: string };
  /** unarranged-accounts-overdraft 2.5.0 is the one API where CET is optional. */
  readonly UNARRANGED_ACCOUNT_OVERDRAFT: { readonly CET?: string };
  readonly INVOICE_FINANCING: { readonly CET: string };
}

/** `GET /contracts/{contractId}` of the operation type `T` (a union when `T` is). */
export type CreditContract<T extends CreditOperationType = CreditOperationType> = {
  [K in T]: CreditContractCommon<K> & CreditContractExtras[K];
}[T];

/** `LoansListContract` and twins: a contract as `GET /contracts` lists it. */
export type CreditContractSummary<T extends CreditOperationType = CreditOperationType> = {
  [K in T]: {
    readonly contractId: string;
    readonly brandName: string;
    /** CNPJ of the lending institution (alphanumeric-ready: `^[0-9A-Z]{12}[0-9]{2}$`). */
    readonly companyCnpj: string;
    readonly productType: ProductTypeOf<K>;
    readonly productSubType: ProductSubTypeOf<K>;
    readonly ipocCode: string;
  } & (K extends 'LOAN' ? { readonly productSubTypeCategory: LoanProductSubTypeCategory } : unknown);
}[T];

export const WARRANTY_TYPES = [
  'CESSAO_DIREITOS_CREDITORIOS', 'CAUCAO', 'PENHOR', 'ALIENACAO_FIDUCIARIA', 'HIPOTECA',
  'OPERACOES_GARANTIDAS_PELO_GOVERNO', 'OUTRAS_GARANTIAS_NAO_FIDEJUSSORIAS', 'SEGUROS_ASSEMELHADOS',
  'GARANTIA_FIDEJUSSORIA', 'BENS_ARRENDADOS', 'GARANTIAS_INTERNACIONAIS', 'OPERACOES_GARANTIDAS_OUTRAS_ENTIDADES',
  'ACORDOS_COMPENSACAO',
] as const; // prettier-ignore
export type WarrantyType = (typeof WARRANTY_TYPES)[number];

/** `EnumWarrantySubType` (Doc 3040, annex 12), verbatim, including the spec's `EXPORTAÇÃO`. */
export const WARRANTY_SUB_TYPES = [
  'ACOES_DEBENTURES', 'ACORDOS_COMPENSACAO_LIQUIDACAO_OBRIGACOES', 'APLICACOES_FINANCEIRAS_RENDA_FIXA',
  'APLICACOES_FINANCEIRAS_RENDA_VARIAVEL', 'APOLICES_CREDITO_EXPORTACAO', 'CCR_CONVENIO_CREDITOS_RECIPROCOS',
  'CHEQUES', 'CIVIL', 'DIREITOS_SOBRE_ALUGUEIS', 'DEPOSITOS_A_VISTA_A_PRAZO_POUPANCA_OURO_TITULOS_PUBLICOS_FEDERAIS_ART_36',
  'DEPOSITO_TITULOS_EMITIDOS_ENTIDADES_ART_23', 'DUPLICATAS', 'EMD_ENTIDADES_MULTILATERAIS_DESENVOLVIMENTO_ART_37',
  'EQUIPAMENTOS', 'ESTADUAL_OU_DISTRITAL', 'FATURA_CARTAO_CREDITO', 'FEDERAL', 'FCVS_FUNDO_COMPENSACAO_VARIACOES_SALARIAIS',
  'FGI_FUNDO_GARANTIDOR_INVESTIMENTOS', 'FGPC_FUNDO_GARANTIA_PROMOCAO_COMPETIT', 'FGTS_FUNDO_GARANTIA_TEMPO_SERVICO',
  'FUNDO_GARANTIDOR_AVAL', 'GARANTIA_PRESTADA_FGPC_LEI_9531_ART_37',
  'GARANTIA_PRESTADA_FUNDOS_QUAISQUER_OUTROS_MECANISMOS_COBERTURA_RISCO_CREDITO_ART_37',
  'GARANTIA_PRESTADA_TESOURO_NACIONAL_OU_BACEN_ART_37_BENS_DIREITOS_INTEGRANTES_PATRIMONIO_AFETACAO', 'IMOVEIS',
  'IMOVEIS_RESIDENCIAIS', 'MITIGADORAS', 'MUNICIPAL', 'NAO_MITIGADORAS', 'NOTAS_PROMISSORIAS_OUTROS_DIREITOS_CREDITO',
  'OUTRAS', 'OUTROS', 'OUTROS_BENS', 'OUTROS_GRAUS', 'OUTROS_IMOVEIS', 'OUTROS_SEGUROS_ASSEMELHADOS', 'PESSOA_FISICA',
  'PESSOA_FISICA_EXTERIOR', 'PESSOA_JURIDICA', 'PESSOA_JURIDICA_EXTERIOR',
  'PRIMEIRO_GRAU_BENS_DIREITOS_INTEGRANTES_PATRIMONIO_AFETACAO', 'PRIMEIRO_GRAU_IMOVEIS_RESIDENCIAIS',
  'PRIMEIRO_GRAU_OUTROS', 'PROAGRO', 'PRODUTOS_AGROPECUARIOS_COM_WARRANT', 'PRODUTOS_AGROPECUARIOS_SEM_WARRANT',
  'SBCE_SOCIEDADE_BRASILEIRA_CREDITO_EXPORTAÇÃO', 'SEGURO_RURAL', 'SEM_SUB_TIPO_GARANTIA',
  'TRIBUTOS_RECEITAS_ORCAMENTARIAS', 'VEICULOS', 'VEICULOS_AUTOMOTORES',
] as const; // prettier-ignore
export type WarrantySubType = (typeof WARRANTY_SUB_TYPES)[number];

/** `LoansWarranties`: for GARANTIA_FIDEJUSSORIA without a monetary value, `0.00`. */
export interface ContractWarranty {
  readonly currency: string;
  readonly warrantyType: WarrantyType;
  readonly warrantySubType: WarrantySubType;
  readonly warrantyAmount: string;
}

/** `LoansBalloonPayment`: a non-regular instalment still to fall due. */
export interface BalloonPayment {
  readonly dueDate: IsoDate;
  readonly amount: Amount;
}

/**
 * `LoansInstalments` (`GET /contracts/{contractId}/scheduled-instalments`): total and remaining
 * term, and instalments paid, to fall due (`dueInstalments`) and overdue (`pastDueInstalments`);
 * all three counts are 0 for products without instalments.
 */
export interface ScheduledInstalments {
  readonly typeNumberOfInstalments: 'DIA' | 'SEMANA' | 'MES' | 'ANO' | 'SEM_PRAZO_TOTAL';
  /** Required unless SEM_PRAZO_TOTAL. */
  readonly totalNumberOfInstalments?: number;
  readonly typeContractRemaining: 'DIA' | 'SEMANA' | 'MES' | 'ANO' | 'SEM_PRAZO_REMANESCENTE';
  /** Required unless SEM_PRAZO_REMANESCENTE. */
  readonly contractRemainingNumber?: number;
  readonly paidInstalments: number;
  readonly dueInstalments: number;
  readonly pastDueInstalments: number;
  /** Absent when there is none (spec minItems 1). */
  readonly balloonPayments?: readonly BalloonPayment[];
}

/** `LoansFeeOverParcel` / `LoansChargeOverParcel`: what an over-parcel payment paid. */
export interface OverParcelPayment {
  readonly fees: readonly {
    readonly feeName: string;
    readonly feeCode: string;
    readonly feeAmount: string;
  }[];
  readonly charges: readonly {
    readonly chargeType: FinanceChargeType;
    readonly chargeAdditionalInfo?: string;
    readonly chargeAmount: string;
  }[];
}

/**
 * `LoansReleases`: one payment. An agreed instalment (`isOverParcelPayment` false, with
 * `instalmentId`; late charges paid with it are included in `paidAmount`) or an over-parcel
 * payment (true) whose fees and charges are in `overParcel`.
 */
export interface ContractRelease {
  readonly paymentId: string;
  readonly isOverParcelPayment: boolean;
  readonly instalmentId?: string;
  readonly paidDate: IsoDate;
  readonly currency: string;
  readonly paidAmount: string;
  readonly overParcel?: OverParcelPayment;
}

/** `LoansPayments` and twins (`GET /contracts/{contractId}/payments`). */
export type ContractPayments<T extends CreditOperationType = CreditOperationType> = {
  readonly paidInstalments?: number;
  /** Amount that settles the debt today (DDC); may be negative for overdraft advances only. */
  readonly contractOutstandingBalance: string;
  /** Payments, oldest first. */
  readonly releases: readonly ContractRelease[];
} & (T extends 'LOAN'
  ? {
      /** Required for CREDITO_PESSOAL_CLEAN (portability). */
      readonly lastUpdatedContractOutstandingBalance?: IsoDateTimeMillis;
      /** Sum of every instalment still unpaid (due and overdue), with their fees and charges. */
      readonly totalRemainingAmount?: string;
    }
  : unknown);

/**
 * Credit operations of a customer: loans, financings, unarranged overdraft and invoice
 * financings. Every method names the operation type; a contract of another type, another
 * customer or another brand is `CONNECTOR_RESOURCE_NOT_FOUND`, invalid paging
 * `CONNECTOR_INVALID_QUERY`.
 *
 * @example
 *   const ops = connector.creditOperations!;
 *   const loans = await ops.listContracts(brandId, ref, 'LOAN', { page: { page: 1, pageSize: 25 } });
 *   const schedule = await ops.getScheduledInstalments(brandId, ref, 'LOAN', loans.items[0]!.contractId);
 */
export interface CreditOperationsConnector {
  /** Contracts of the type, settled ones included, ordered by `contractId`. */
  listContracts<T extends CreditOperationType>(
    brandId: BrandId,
    customer: CustomerRef,
    type: T,
    query: { readonly page: PageRequest },
  ): Promise<Page<CreditContractSummary<T>>>;
  getContract<T extends CreditOperationType>(
    brandId: BrandId,
    customer: CustomerRef,
    type: T,
    contractId: string,
  ): Promise<CreditContract<T>>;
  /** Warranties; an empty page for a contract without any. */
  listWarranties(
    brandId: BrandId,
    customer: CustomerRef,
    type: CreditOperationType,
    contractId: string,
    query: { readonly page: PageRequest },
  ): Promise<Page<ContractWarranty>>;
  getScheduledInstalments(
    brandId: BrandId,
    customer: CustomerRef,
    type: CreditOperationType,
    contractId: string,
  ): Promise<ScheduledInstalments>;
  getPayments<T extends CreditOperationType>(
    brandId: BrandId,
    customer: CustomerRef,
    type: T,
    contractId: string,
  ): Promise<ContractPayments<T>>;
}
