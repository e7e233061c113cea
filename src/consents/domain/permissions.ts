/**
 * Permission codes and the permission groups ("agrupamentos") of the consents API 3.3.1: one
 * policy table, as the regulator publishes it (consents.yaml info.description; DIGEST §2.3, §2.4).
 * A receiver must ask for every permission of each group it wants; a change of the table by the
 * regulator is a change of this file only.
 */

/** consents.yaml CreateConsent.data.permissions enum (36 codes; `ADITTIONALINFO` is the spec's spelling). */
export const PERMISSIONS = [
  'ACCOUNTS_READ',
  'ACCOUNTS_BALANCES_READ',
  'ACCOUNTS_TRANSACTIONS_READ',
  'ACCOUNTS_OVERDRAFT_LIMITS_READ',
  'CREDIT_CARDS_ACCOUNTS_READ',
  'CREDIT_CARDS_ACCOUNTS_BILLS_READ',
  'CREDIT_CARDS_ACCOUNTS_BILLS_TRANSACTIONS_READ',
  'CREDIT_CARDS_ACCOUNTS_LIMITS_READ',
  'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ',
  'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ',
  'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
  'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ',
  'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
  'FINANCINGS_READ',
  'FINANCINGS_SCHEDULED_INSTALMENTS_READ',
  'FINANCINGS_PAYMENTS_READ',
  'FINANCINGS_WARRANTIES_READ',
  'INVOICE_FINANCINGS_READ',
  'INVOICE_FINANCINGS_SCHEDULED_INSTALMENTS_READ',
  'INVOICE_FINANCINGS_PAYMENTS_READ',
  'INVOICE_FINANCINGS_WARRANTIES_READ',
  'LOANS_READ',
  'LOANS_SCHEDULED_INSTALMENTS_READ',
  'LOANS_PAYMENTS_READ',
  'LOANS_WARRANTIES_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_SCHEDULED_INSTALMENTS_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_PAYMENTS_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_WARRANTIES_READ',
  'RESOURCES_READ',
  'BANK_FIXED_INCOMES_READ',
  'CREDIT_FIXED_INCOMES_READ',
  'FUNDS_READ',
  'VARIABLE_INCOMES_READ',
  'TREASURE_TITLES_READ',
  'EXCHANGES_READ',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PERMISSION_SET: ReadonlySet<string> = new Set(PERMISSIONS);
export function isPermission(value: string): value is Permission {
  return PERMISSION_SET.has(value);
}

/**
 * The data API (product) each permission opens. `resources` is not a product of its own: it is
 * part of every group and never "functional" (consents.yaml: "Caso não restem permissões
 * funcionais ... 422").
 */
export const PRODUCTS = [
  'customers',
  'accounts',
  'credit-cards-accounts',
  'loans',
  'financings',
  'unarranged-accounts-overdraft',
  'invoice-financings',
  'bank-fixed-incomes',
  'credit-fixed-incomes',
  'funds',
  'variable-incomes',
  'treasure-titles',
  'exchanges',
] as const;
export type Product = (typeof PRODUCTS)[number];

export function productOf(permission: Permission): Product | 'resources' {
  if (permission === 'RESOURCES_READ') return 'resources';
  if (permission.startsWith('CUSTOMERS_')) return 'customers';
  if (permission.startsWith('ACCOUNTS_')) return 'accounts';
  if (permission.startsWith('CREDIT_CARDS_')) return 'credit-cards-accounts';
  if (permission.startsWith('LOANS_')) return 'loans';
  if (permission.startsWith('FINANCINGS_')) return 'financings';
  if (permission.startsWith('UNARRANGED_')) return 'unarranged-accounts-overdraft';
  if (permission.startsWith('INVOICE_FINANCINGS_')) return 'invoice-financings';
  if (permission === 'BANK_FIXED_INCOMES_READ') return 'bank-fixed-incomes';
  if (permission === 'CREDIT_FIXED_INCOMES_READ') return 'credit-fixed-incomes';
  if (permission === 'FUNDS_READ') return 'funds';
  if (permission === 'VARIABLE_INCOMES_READ') return 'variable-incomes';
  if (permission === 'TREASURE_TITLES_READ') return 'treasure-titles';
  return 'exchanges';
}

export function isFunctional(permission: Permission): boolean {
  return permission !== 'RESOURCES_READ';
}

export interface PermissionGroup {
  /** Category and group as the table names them ("Contas" / "Saldos"). */
  readonly category: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  /**
   * A grouped product ("produtos agrupados": Operações de Crédito, Investimento, Câmbio): the
   * group is kept whole even when the institution offers only some of its products.
   */
  readonly bundled: boolean;
}

const CREDIT_OPERATIONS: readonly Permission[] = [
  'LOANS_READ',
  'LOANS_WARRANTIES_READ',
  'LOANS_SCHEDULED_INSTALMENTS_READ',
  'LOANS_PAYMENTS_READ',
  'FINANCINGS_READ',
  'FINANCINGS_WARRANTIES_READ',
  'FINANCINGS_SCHEDULED_INSTALMENTS_READ',
  'FINANCINGS_PAYMENTS_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_WARRANTIES_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_SCHEDULED_INSTALMENTS_READ',
  'UNARRANGED_ACCOUNTS_OVERDRAFT_PAYMENTS_READ',
  'INVOICE_FINANCINGS_READ',
  'INVOICE_FINANCINGS_WARRANTIES_READ',
  'INVOICE_FINANCINGS_SCHEDULED_INSTALMENTS_READ',
  'INVOICE_FINANCINGS_PAYMENTS_READ',
  'RESOURCES_READ',
];

const group = (
  category: string,
  name: string,
  permissions: readonly Permission[],
  bundled = false,
): PermissionGroup => ({ category, name, permissions, bundled });

/** DIGEST §2.4 (consents.yaml info.description, "AGRUPAMENTO" table). */
export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  group('Cadastro', 'Dados Cadastrais PF', ['CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', 'RESOURCES_READ']),
  group('Cadastro', 'Informações complementares PF', [
    'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
    'RESOURCES_READ',
  ]),
  group('Cadastro', 'Dados Cadastrais PJ', ['CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ', 'RESOURCES_READ']),
  group('Cadastro', 'Informações complementares PJ', [
    'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
    'RESOURCES_READ',
  ]),
  group('Contas', 'Saldos', ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ']),
  group('Contas', 'Limites', ['ACCOUNTS_READ', 'ACCOUNTS_OVERDRAFT_LIMITS_READ', 'RESOURCES_READ']),
  group('Contas', 'Extratos', ['ACCOUNTS_READ', 'ACCOUNTS_TRANSACTIONS_READ', 'RESOURCES_READ']),
  group('Cartão de Crédito', 'Limites', [
    'CREDIT_CARDS_ACCOUNTS_READ',
    'CREDIT_CARDS_ACCOUNTS_LIMITS_READ',
    'RESOURCES_READ',
  ]),
  group('Cartão de Crédito', 'Transações', [
    'CREDIT_CARDS_ACCOUNTS_READ',
    'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ',
    'RESOURCES_READ',
  ]),
  group('Cartão de Crédito', 'Faturas', [
    'CREDIT_CARDS_ACCOUNTS_READ',
    'CREDIT_CARDS_ACCOUNTS_BILLS_READ',
    'CREDIT_CARDS_ACCOUNTS_BILLS_TRANSACTIONS_READ',
    'RESOURCES_READ',
  ]),
  group('Operações de Crédito', 'Dados do Contrato', CREDIT_OPERATIONS, true),
  group(
    'Investimento',
    'Dados da Operação',
    [
      'BANK_FIXED_INCOMES_READ',
      'CREDIT_FIXED_INCOMES_READ',
      'FUNDS_READ',
      'VARIABLE_INCOMES_READ',
      'TREASURE_TITLES_READ',
      'RESOURCES_READ',
    ],
    true,
  ),
  group('Câmbio', 'Dados da Operação', ['EXCHANGES_READ', 'RESOURCES_READ'], true),
];

export const PERSONAL_REGISTRATION: ReadonlySet<Permission> = new Set([
  'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ',
  'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
]);
export const BUSINESS_REGISTRATION: ReadonlySet<Permission> = new Set([
  'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ',
  'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
]);
