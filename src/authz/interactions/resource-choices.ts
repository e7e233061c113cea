import type {
  CoreBankConnector,
  CreditOperationType,
  CustomerRef,
  ResourceType,
} from '../../connectors/index.ts';

/**
 * What the customer can choose to share (resources 3.1.0): the resources of the families the
 * consent's products open, as the core lists them, with a label a person recognises.
 */
export interface ResourceChoice {
  type: ResourceType;
  id: string;
  label: string;
  /** Form value of the `resources` checkbox: `<type>:<id>`. */
  value: string;
}

/** Data API (OAuth scope name, consents' "product") → resource family. `customers` has none. */
const PRODUCT_RESOURCE: Readonly<Record<string, ResourceType>> = {
  accounts: 'ACCOUNT',
  'credit-cards-accounts': 'CREDIT_CARD_ACCOUNT',
  loans: 'LOAN',
  financings: 'FINANCING',
  'unarranged-accounts-overdraft': 'UNARRANGED_ACCOUNT_OVERDRAFT',
  'invoice-financings': 'INVOICE_FINANCING',
  'bank-fixed-incomes': 'BANK_FIXED_INCOME',
  'credit-fixed-incomes': 'CREDIT_FIXED_INCOME',
  funds: 'FUND',
  'variable-incomes': 'VARIABLE_INCOME',
  'treasure-titles': 'TREASURE_TITLE',
  exchanges: 'EXCHANGE',
};

export const RESOURCE_FAMILY_LABEL: Readonly<Record<ResourceType, string>> = {
  ACCOUNT: 'Contas',
  CREDIT_CARD_ACCOUNT: 'Cartões de crédito',
  LOAN: 'Empréstimos',
  FINANCING: 'Financiamentos',
  UNARRANGED_ACCOUNT_OVERDRAFT: 'Cheque especial',
  INVOICE_FINANCING: 'Direitos creditórios descontados',
  BANK_FIXED_INCOME: 'Renda fixa bancária',
  CREDIT_FIXED_INCOME: 'Renda fixa de crédito',
  VARIABLE_INCOME: 'Renda variável',
  TREASURE_TITLE: 'Títulos do Tesouro Direto',
  FUND: 'Fundos de investimento',
  EXCHANGE: 'Câmbio',
};

const ACCOUNT_TYPE_LABEL: Readonly<Record<string, string>> = {
  CONTA_DEPOSITO_A_VISTA: 'Conta corrente',
  CONTA_POUPANCA: 'Conta poupança',
  CONTA_PAGAMENTO_PRE_PAGA: 'Conta de pagamento pré-paga',
};

const CREDIT_TYPES = new Set<string>([
  'LOAN',
  'FINANCING',
  'UNARRANGED_ACCOUNT_OVERDRAFT',
  'INVOICE_FINANCING',
]);
const PAGE = { page: 1, pageSize: 1000 } as const;

export function resourceTypesFor(products: readonly string[]): ResourceType[] {
  return [...new Set(products.flatMap((p) => (PRODUCT_RESOURCE[p] ? [PRODUCT_RESOURCE[p]] : [])))];
}

function tail(id: string): string {
  return id.length > 4 ? `final ${id.slice(-4)}` : id;
}

/** Labels from the family APIs; a family that cannot be read keeps generic labels. */
async function labelsOf(
  connector: CoreBankConnector,
  brandId: string,
  customer: CustomerRef,
  types: ReadonlySet<ResourceType>,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const tasks: Promise<void>[] = [];
  if (types.has('ACCOUNT')) {
    tasks.push(
      connector.accounts.listAccounts(brandId, customer, { page: PAGE }).then((page) => {
        for (const a of page.items) {
          const kind = ACCOUNT_TYPE_LABEL[a.type] ?? 'Conta';
          const branch = a.branchCode ? `Ag. ${a.branchCode} · ` : '';
          labels.set(`ACCOUNT:${a.accountId}`, `${kind} · ${branch}nº ${a.number}-${a.checkDigit}`);
        }
      }),
    );
  }
  if (types.has('CREDIT_CARD_ACCOUNT') && connector.creditCards) {
    tasks.push(
      connector.creditCards.listAccounts(brandId, customer, { page: PAGE }).then((page) => {
        for (const c of page.items) {
          labels.set(`CREDIT_CARD_ACCOUNT:${c.creditCardAccountId}`, `${c.name} · ${c.creditCardNetwork}`);
        }
      }),
    );
  }
  const operations = connector.creditOperations;
  for (const type of [...types].filter((t) => CREDIT_TYPES.has(t))) {
    if (!operations) break;
    tasks.push(
      operations
        .listContracts(brandId, customer, type as CreditOperationType, { page: PAGE })
        .then((page) => {
          for (const c of page.items) {
            const product = String(c.productSubType).replaceAll('_', ' ').toLowerCase();
            labels.set(`${type}:${c.contractId}`, `${product} · contrato ${tail(c.contractId)}`);
          }
        }),
    );
  }
  await Promise.allSettled(tasks);
  return labels;
}

/** The customer's resources the consent can link, labelled, in the core's order. */
export async function listResourceChoices(
  connector: CoreBankConnector,
  brandId: string,
  customer: CustomerRef,
  products: readonly string[],
): Promise<ResourceChoice[]> {
  const types = resourceTypesFor(products);
  if (types.length === 0) return [];
  const resources = await connector.resources.listResources(brandId, customer, { types });
  const available = resources.filter((r) => r.status !== 'UNAVAILABLE');
  const labels = await labelsOf(connector, brandId, customer, new Set(available.map((r) => r.type)));
  return available.map((r) => {
    const value = `${r.type}:${r.resourceId}`;
    return {
      type: r.type,
      id: r.resourceId,
      value,
      label: labels.get(value) ?? `${RESOURCE_FAMILY_LABEL[r.type]} · ${tail(r.resourceId)}`,
    };
  });
}

/**
 * The chosen form values among the offered choices; `unknown` counts values that were never
 * offered (a tampered form), which the caller refuses.
 */
export function selectedChoices(
  choices: readonly ResourceChoice[],
  values: readonly string[],
): { selected: ResourceChoice[]; unknown: number } {
  const wanted = new Set(values);
  const selected = choices.filter((c) => wanted.has(c.value));
  return { selected, unknown: wanted.size - selected.length };
}
