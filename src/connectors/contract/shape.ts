import type { AccountsConnector } from './accounts.ts';
import type { CreditCardsConnector } from './credit-cards.ts';
import type { CreditOperationsConnector } from './credit-operations.ts';
import type { CustomersConnector } from './customers.ts';
import type { PixConnector } from './pix.ts';
import type { ResourcesConnector } from './resources.ts';

type Methods<T> = { readonly [K in keyof T]-?: true };

// `satisfies` keeps each list equal to its interface: a method added to the contract without
// being listed here (or listed and removed) fails the type check.
const CUSTOMERS = {
  findCustomer: true,
  getPersonalIdentifications: true,
  getPersonalQualification: true,
  getPersonalFinancialRelation: true,
  getBusinessIdentifications: true,
  getBusinessQualification: true,
  getBusinessFinancialRelation: true,
} as const satisfies Methods<CustomersConnector>;
const ACCOUNTS = {
  listAccounts: true,
  getAccount: true,
  getBalances: true,
  listTransactions: true,
  getOverdraftLimits: true,
} as const satisfies Methods<AccountsConnector>;
const RESOURCES = { listResources: true } as const satisfies Methods<ResourcesConnector>;
const CREDIT_CARDS = {
  listAccounts: true,
  getAccount: true,
  getLimits: true,
  listBills: true,
  listBillTransactions: true,
  listTransactions: true,
} as const satisfies Methods<CreditCardsConnector>;
const CREDIT_OPERATIONS = {
  listContracts: true,
  getContract: true,
  listWarranties: true,
  getScheduledInstalments: true,
  getPayments: true,
} as const satisfies Methods<CreditOperationsConnector>;
const PIX = {
  listDebtorAccounts: true,
  getDebtorAccount: true,
  resolveKey: true,
  submitTransfer: true,
  getTransfer: true,
} as const satisfies Methods<PixConnector>;

/** Every family of `CoreBankConnector`, its methods, and whether a connector may leave it out. */
const CONNECTOR_FAMILIES: ReadonlyArray<{ name: string; methods: readonly string[]; optional: boolean }> = [
  { name: 'customers', methods: Object.keys(CUSTOMERS), optional: false },
  { name: 'accounts', methods: Object.keys(ACCOUNTS), optional: false },
  { name: 'resources', methods: Object.keys(RESOURCES), optional: false },
  { name: 'creditCards', methods: Object.keys(CREDIT_CARDS), optional: true },
  { name: 'creditOperations', methods: Object.keys(CREDIT_OPERATIONS), optional: true },
];

/**
 * What an object lacks to be a `CoreBankConnector`, one entry per problem
 * (`accounts.getBalances is missing`, `creditCards is a string, not an object`); empty when it
 * has every required family and method (optional families are checked only when present).
 */
export function connectorShapeProblems(value: unknown): string[] {
  if (!isObject(value)) return [wrong('the connector', value, 'an object')];
  const problems: string[] = [];
  for (const family of CONNECTOR_FAMILIES) {
    const part = value[family.name];
    if (part === undefined && family.optional) continue;
    if (!isObject(part)) {
      problems.push(wrong(family.name, part, 'an object'));
      continue;
    }
    problems.push(...methodProblems(part, family.methods, family.name));
  }
  return problems;
}

/** What an object lacks to be a `PixConnector` (`submitTransfer is missing`); empty when nothing. */
export function pixRailShapeProblems(value: unknown): string[] {
  if (!isObject(value)) return [wrong('the Pix rail', value, 'an object')];
  const problems = methodProblems(value, Object.keys(PIX), 'pix');
  for (const hook of ['start', 'stop']) {
    if (value[hook] !== undefined && typeof value[hook] !== 'function') {
      problems.push(wrong(`pix.${hook}`, value[hook], 'a function'));
    }
  }
  return problems;
}

function methodProblems(part: Record<string, unknown>, methods: readonly string[], prefix: string): string[] {
  return methods.flatMap((m) =>
    typeof part[m] === 'function' ? [] : [wrong(`${prefix}.${m}`, part[m], 'a function')],
  );
}

/** `accounts.getBalances is missing`, `creditCards is a string, not an object`. */
export function wrong(name: string, value: unknown, expected: string): string {
  return value === undefined ? `${name} is missing` : `${name} is ${describeValue(value)}, not ${expected}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `missing`, `null`, `a string` …: how a shape message names a value of the wrong kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return `a ${typeof value}`;
}
