import type { ProductEndpoint } from './apis.ts';

type Json = Record<string, unknown>;

// Sample products-services data for a simulated brand, one product per modality where the spec
// asks for one. products-services 3.0.0 has a few required names without a definition
// (`cnpjNumbers`, `interestRate`, `customers`, `fees`): they are filled so the data validates.

const money = (value: string) => ({ value, currency: 'BRL' });
const TIERS = ['1_FAIXA', '2_FAIXA', '3_FAIXA', '4_FAIXA'];

/** Prices by customer quartile (the four `*_FAIXA` bands). */
function prices(values: readonly string[], rates: readonly string[]) {
  return TIERS.map((interval, i) => ({ interval, ...money(values[i]!), customers: { rate: rates[i]! } }));
}

function applications(rates: readonly string[]) {
  return TIERS.map((interval, i) => ({
    interval,
    indexer: { rate: '0.0000' },
    customers: { rate: rates[i]! },
  }));
}

const SHARES = ['0.2500', '0.2500', '0.2500', '0.2500'];

function rate(value: string, minimum: string, maximum: string) {
  return {
    referentialRateIndexer: 'SEM_INDEXADOR_TAXA',
    rate: value,
    applications: applications(SHARES),
    minimumRate: minimum,
    maximumRate: maximum,
    customers: {},
  };
}

function fee(name: string, code: string, trigger: string) {
  return {
    name,
    code,
    chargingTriggerInfo: trigger,
    prices: prices(['150.00', '180.00', '200.00', '250.00'], SHARES),
    minimum: money('100.00'),
    maximum: money('300.00'),
    customers: {},
  };
}

export function sampleProducts(input: {
  brandName: string;
  companyName: string;
  cnpj: string;
  website: string;
}): Record<ProductEndpoint, Json> {
  const company = { name: input.companyName, cnpjNumber: input.cnpj };
  const terms = (path: string) => `${input.website}/${path}`;
  const brand = (extra: Json = {}) => ({
    brand: { name: input.brandName, companies: [{ ...company, ...extra }] },
  });
  const loan = (type: string) => ({
    type,
    fees: {},
    interestRate: [rate('0.0250', '0.0150', '0.0450')],
    requiredWarranties: ['CESSAO_DIREITOS_CREDITORIOS'],
    termsConditions: terms('emprestimos'),
  });
  const financing = (type: string) => ({
    type,
    fees: { services: [fee('Avaliação de bem recebido em garantia', 'AVALIACAO_BEM', 'Por contrato')] },
    interestRates: [rate('0.02', '0.0120', '0.0300')],
    requiredWarranties: ['ALIENACAO_FIDUCIARIA'],
    termsConditions: terms('financiamentos'),
  });
  const invoice = (kind: 'personal' | 'business') => ({
    type: 'DESCONTO_DUPLICATAS',
    fees: { services: [fee('Custódia de duplicatas', 'CUSTODIA', 'Por título descontado')] },
    interestRates: [{ ...rate('0.02', '0.0150', '0.0400'), ...(kind === 'business' ? { fees: {} } : {}) }],
    requiredWarranties: ['CESSAO_DIREITOS_CREDITORIOS'],
    termsConditions: terms('antecipacao-recebiveis'),
  });
  const overdraft = (list: 'priorityServices' | 'services') => {
    const service = fee(
      'CONCESSAO_ADIANTAMENTO_DEPOSITANTE',
      'ADIANT_DEPOSITANTE',
      'Por adiantamento concedido',
    );
    return {
      fees: { [list]: [{ ...service, customers: undefined }] },
      interestRate: [],
      termsConditions: terms('adiantamento-depositante'),
    };
  };
  const creditCard = {
    name: 'Cartão Aurora Clássico',
    identification: {
      product: { type: 'CLASSIC_NACIONAL', additionalInfo: 'NA' },
      creditCard: { network: 'VISA', additionalInfo: 'NA' },
    },
    rewardsProgram: { hasRewardProgram: false },
    fees: {
      services: [
        {
          name: 'ANUIDADE_CARTAO_BASICO_NACIONAL',
          code: 'ANUIDADE_NACIONAL',
          chargingTriggerInfo: 'Cobrada uma vez a cada doze meses, admitido o parcelamento',
          prices: prices(['120.00', '120.00', '96.00', '0.00'], SHARES),
          minimum: money('0.00'),
          maximum: money('120.00'),
        },
      ],
    },
    interest: {
      rates: [{ ...rate('0.12', '0.0800', '0.1500'), customers: undefined }],
      instalmentRates: [{ ...rate('0.06', '0.0400', '0.0900'), customers: undefined }],
      otherCredits: [{ code: 'SAQUE_A_CREDITO', additionalInfo: 'NA' }],
    },
    termsConditions: {
      minimumFeeRate: '0.15',
      elegibilityCriteriaInfo: terms('cartoes/elegibilidade'),
      closingProcessInfo: terms('cartoes/encerramento'),
    },
  };
  return {
    'personal-accounts': brand({ cnpjNumbers: [input.cnpj] }),
    'business-accounts': brand(),
    'personal-loans': brand({ personalLoans: [loan('EMPRESTIMO_CREDITO_PESSOAL_CONSIGNADO')] }),
    'business-loans': brand({ businessLoans: [loan('EMPRESTIMO_MICROCREDITO_PRODUTIVO_ORIENTADO')] }),
    'personal-credit-cards': brand({ personalCreditCards: [creditCard] }),
    'business-credit-cards': brand(),
    'personal-financings': brand({
      personalFinancings: [financing('FINANCIAMENTO_AQUISICAO_BENS_VEICULOS_AUTOMOTORES')],
    }),
    'business-financings': brand({
      businessFinancings: [financing('FINANCIAMENTO_AQUISICAO_BENS_VEICULOS_AUTOMOTORES')],
    }),
    'personal-invoice-financings': brand({ personalInvoiceFinancings: [invoice('personal')] }),
    'business-invoice-financings': brand({ businessInvoiceFinancings: [invoice('business')] }),
    'personal-unarranged-account-overdraft': brand({
      personalUnarrangedAccountOverdraft: [overdraft('priorityServices')],
    }),
    'business-unarranged-account-overdraft': brand({
      businessUnarrangedAccountOverdraft: [overdraft('services')],
    }),
  };
}
