import { Type } from 'typebox';
import {
  AMORTIZATION_SCHEDULES,
  FINANCE_CHARGE_TYPES,
  FINANCING_PRODUCT_SUB_TYPES,
  FINANCING_PRODUCT_TYPES,
  INSTALMENT_PERIODICITIES,
  INVOICE_FINANCING_PRODUCT_SUB_TYPES,
  LOAN_PRODUCT_SUB_TYPES,
  LOAN_PRODUCT_SUB_TYPE_CATEGORIES,
  REFERENTIAL_RATE_INDEXER_SUB_TYPES,
  REFERENTIAL_RATE_INDEXER_TYPES,
  WARRANTY_SUB_TYPES,
  WARRANTY_TYPES,
  type CreditOperationType,
} from '../../connectors/index.ts';
import {
  Amount,
  Id,
  IsoDate,
  Meta,
  MetaOnlyRequestDateTime,
  PagedQuery,
  enumOf,
  linksSchema,
  selfLinks,
} from '../shared/schemas.ts';

// loans 2.5.0, financings 2.4.0, unarranged-accounts-overdraft 2.5.0, invoice-financings 2.4.0:
// the same endpoints and almost the same fields (Doc 3040 vocabulary), built here per API.

const Opt = Type.Optional;
const Text = (maxLength: number) => Type.String({ maxLength });
const Decimal = Type.String({ pattern: '^\\d{1,15}\\.\\d{2,4}$', maxLength: 20 });
const SignedDecimal = Type.String({ pattern: '^-?\\d{1,15}\\.\\d{2,4}$', maxLength: 21 });
const Rate = Type.String({ pattern: '^\\d{1,2}\\.\\d{6}$', maxLength: 9 });
const UnitRate = Type.String({ pattern: '^\\d{1}\\.\\d{6}$', maxLength: 8 });
const Currency = Type.String({ pattern: '^(\\w{3}){1}$', maxLength: 3 });
const Cnpj = Type.String({ pattern: '^[0-9A-Z]{12}[0-9]{2}$', maxLength: 14 });
const Ipoc = Type.String({ pattern: '^[\\w\\W]{22,67}$', maxLength: 67 });

const PRODUCT_CODES = {
  LOAN: { types: ['EMPRESTIMOS'], subTypes: LOAN_PRODUCT_SUB_TYPES },
  FINANCING: { types: FINANCING_PRODUCT_TYPES, subTypes: FINANCING_PRODUCT_SUB_TYPES },
  UNARRANGED_ACCOUNT_OVERDRAFT: {
    types: ['ADIANTAMENTO_A_DEPOSITANTES'],
    subTypes: ['ADIANTAMENTO_A_DEPOSITANTES'],
  },
  INVOICE_FINANCING: {
    types: ['DIREITOS_CREDITORIOS_DESCONTADOS'],
    subTypes: INVOICE_FINANCING_PRODUCT_SUB_TYPES,
  },
} as const satisfies Record<CreditOperationType, { types: readonly string[]; subTypes: readonly string[] }>;

export const ContractParams = Type.Object({ contractId: Id });

function product(type: CreditOperationType) {
  const codes = PRODUCT_CODES[type];
  return {
    productType: enumOf(codes.types),
    productSubType: enumOf(codes.subTypes),
    ...(type === 'LOAN' ? { productSubTypeCategory: enumOf(LOAN_PRODUCT_SUB_TYPE_CATEGORIES) } : {}),
  };
}

const InterestRate = Type.Object({
  taxType: enumOf(['NOMINAL', 'EFETIVA'] as const),
  interestRateType: enumOf(['SIMPLES', 'COMPOSTO'] as const),
  taxPeriodicity: enumOf(['AM', 'AA'] as const),
  calculation: enumOf(['21/252', '30/360', '30/365'] as const),
  referentialRateIndexerType: enumOf(REFERENTIAL_RATE_INDEXER_TYPES),
  referentialRateIndexerSubType: Opt(enumOf(REFERENTIAL_RATE_INDEXER_SUB_TYPES)),
  referentialRateIndexerAdditionalInfo: Opt(Text(140)),
  preFixedRate: Opt(Rate),
  postFixedRate: Opt(Rate),
  additionalInfo: Opt(Text(1200)),
});

const ContractedFee = Type.Object({
  feeName: Text(140),
  feeCode: Text(140),
  feeChargeType: enumOf(['UNICA', 'POR_PARCELA'] as const),
  feeCharge: enumOf(['MINIMO', 'MAXIMO', 'FIXO', 'PERCENTUAL'] as const),
  feeAmount: Opt(Decimal),
  feeRate: Opt(UnitRate),
});

const FinanceCharge = Type.Object({
  chargeType: enumOf(FINANCE_CHARGE_TYPES),
  chargeAdditionalInfo: Opt(Text(140)),
  chargeRate: Opt(UnitRate),
});

function contractDetail(type: CreditOperationType) {
  const cet = Type.String({ pattern: '^\\d{1,6}\\.\\d{6}$', maxLength: 13 });
  return Type.Object({
    contractNumber: Type.String({ pattern: '^[\\w\\W]{1,100}$', maxLength: 100 }),
    ipocCode: Ipoc,
    productName: Text(140),
    ...product(type),
    contractDate: IsoDate,
    disbursementDates: Opt(Type.Array(IsoDate, { minItems: 1 })),
    settlementDate: Opt(IsoDate),
    contractAmount: Decimal,
    currency: Opt(Currency),
    dueDate: Opt(IsoDate),
    instalmentPeriodicity: enumOf(INSTALMENT_PERIODICITIES),
    instalmentPeriodicityAdditionalInfo: Opt(Text(50)),
    firstInstalmentDueDate: Opt(IsoDate),
    // unarranged-accounts-overdraft 2.5.0 is the one API where CET is optional.
    CET: type === 'UNARRANGED_ACCOUNT_OVERDRAFT' ? Opt(cet) : cet,
    hasInsuranceContracted: Opt(Type.Boolean()),
    amortizationScheduled: enumOf(AMORTIZATION_SCHEDULES),
    amortizationScheduledAdditionalInfo: Opt(Text(200)),
    ...(type === 'LOAN' ? { cnpjConsignee: Opt(Cnpj) } : {}),
    interestRates: Type.Array(InterestRate),
    contractedFees: Type.Array(ContractedFee),
    contractedFinanceCharges: Type.Array(FinanceCharge),
  });
}

const Instalments = Type.Object({
  typeNumberOfInstalments: enumOf(['DIA', 'SEMANA', 'MES', 'ANO', 'SEM_PRAZO_TOTAL'] as const),
  totalNumberOfInstalments: Opt(Type.Integer({ maximum: 999999999 })),
  typeContractRemaining: enumOf(['DIA', 'SEMANA', 'MES', 'ANO', 'SEM_PRAZO_REMANESCENTE'] as const),
  contractRemainingNumber: Opt(Type.Integer({ maximum: 999999999 })),
  paidInstalments: Type.Integer({ maximum: 999999 }),
  dueInstalments: Type.Integer({ maximum: 999999 }),
  pastDueInstalments: Type.Integer({ maximum: 999999 }),
  balloonPayments: Opt(Type.Array(Type.Object({ dueDate: IsoDate, amount: Amount }), { minItems: 1 })),
});

function payments(type: CreditOperationType) {
  return Type.Object({
    paidInstalments: Opt(Type.Integer({ maximum: 2147483647 })),
    contractOutstandingBalance: type === 'UNARRANGED_ACCOUNT_OVERDRAFT' ? SignedDecimal : Decimal,
    ...(type === 'LOAN' ? { totalRemainingAmount: Opt(Decimal) } : {}),
    releases: Type.Array(
      Type.Object({
        paymentId: Id,
        isOverParcelPayment: Type.Boolean(),
        instalmentId: Opt(Id),
        paidDate: IsoDate,
        currency: Currency,
        paidAmount: SignedDecimal,
        overParcel: Opt(
          Type.Object({
            fees: Type.Array(
              Type.Object({ feeName: Text(140), feeCode: Text(140), feeAmount: SignedDecimal }),
            ),
            charges: Type.Array(
              Type.Object({
                chargeType: enumOf(FINANCE_CHARGE_TYPES),
                chargeAdditionalInfo: Opt(Text(140)),
                chargeAmount: SignedDecimal,
              }),
            ),
          }),
        ),
      }),
    ),
  });
}

/** The five endpoints' schemas of one credit operation API. */
export function creditOperationSchemas(type: CreditOperationType) {
  // loans.yaml caps links at 4048 characters (LinksNonPaginated / Links); so do the three others.
  const single = selfLinks(4048);
  return {
    contracts: {
      querystring: PagedQuery,
      response: {
        200: Type.Object({
          data: Type.Array(
            Type.Object({
              contractId: Id,
              brandName: Text(80),
              companyCnpj: Cnpj,
              ...product(type),
              ipocCode: Ipoc,
            }),
          ),
          links: linksSchema(4048),
          meta: Meta,
        }),
      },
    },
    contract: {
      params: ContractParams,
      response: {
        200: Type.Object({ data: contractDetail(type), links: single, meta: MetaOnlyRequestDateTime }),
      },
    },
    warranties: {
      params: ContractParams,
      querystring: PagedQuery,
      response: {
        200: Type.Object({
          data: Type.Array(
            Type.Object({
              currency: Currency,
              warrantyType: enumOf(WARRANTY_TYPES),
              warrantySubType: enumOf(WARRANTY_SUB_TYPES),
              warrantyAmount: Decimal,
            }),
          ),
          links: linksSchema(4048),
          meta: Meta,
        }),
      },
    },
    instalments: {
      params: ContractParams,
      response: { 200: Type.Object({ data: Instalments, links: single, meta: MetaOnlyRequestDateTime }) },
    },
    payments: {
      params: ContractParams,
      response: { 200: Type.Object({ data: payments(type), links: single, meta: MetaOnlyRequestDateTime }) },
    },
  };
}
