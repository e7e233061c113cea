/**
 * The consent's permissions as the customer reads them: the permission groups of the consents
 * API 3.3.1 (DIGEST §2.4, "agrupamentos"), in plain Portuguese. `*_READ` base permissions
 * (ACCOUNTS_READ, CREDIT_CARDS_ACCOUNTS_READ, RESOURCES_READ) belong to every group of their
 * family and are not listed on their own.
 */
export interface DataGroup {
  category: string;
  label: string;
}

const GROUPS: ReadonlyArray<{ permission: string; category: string; label: string }> = [
  { permission: 'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', category: 'Cadastro', label: 'Dados cadastrais' },
  {
    permission: 'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
    category: 'Cadastro',
    label: 'Informações complementares',
  },
  {
    permission: 'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ',
    category: 'Cadastro',
    label: 'Dados cadastrais da empresa',
  },
  {
    permission: 'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
    category: 'Cadastro',
    label: 'Informações complementares da empresa',
  },
  { permission: 'ACCOUNTS_BALANCES_READ', category: 'Contas', label: 'Saldos' },
  { permission: 'ACCOUNTS_OVERDRAFT_LIMITS_READ', category: 'Contas', label: 'Limites' },
  { permission: 'ACCOUNTS_TRANSACTIONS_READ', category: 'Contas', label: 'Extratos' },
  { permission: 'CREDIT_CARDS_ACCOUNTS_LIMITS_READ', category: 'Cartão de crédito', label: 'Limites' },
  {
    permission: 'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ',
    category: 'Cartão de crédito',
    label: 'Transações',
  },
  { permission: 'CREDIT_CARDS_ACCOUNTS_BILLS_READ', category: 'Cartão de crédito', label: 'Faturas' },
  { permission: 'LOANS_READ', category: 'Operações de crédito', label: 'Dados do contrato' },
  { permission: 'FINANCINGS_READ', category: 'Operações de crédito', label: 'Dados do contrato' },
  {
    permission: 'UNARRANGED_ACCOUNTS_OVERDRAFT_READ',
    category: 'Operações de crédito',
    label: 'Dados do contrato',
  },
  { permission: 'INVOICE_FINANCINGS_READ', category: 'Operações de crédito', label: 'Dados do contrato' },
  { permission: 'BANK_FIXED_INCOMES_READ', category: 'Investimentos', label: 'Dados da operação' },
  { permission: 'CREDIT_FIXED_INCOMES_READ', category: 'Investimentos', label: 'Dados da operação' },
  { permission: 'FUNDS_READ', category: 'Investimentos', label: 'Dados da operação' },
  { permission: 'VARIABLE_INCOMES_READ', category: 'Investimentos', label: 'Dados da operação' },
  { permission: 'TREASURE_TITLES_READ', category: 'Investimentos', label: 'Dados da operação' },
  { permission: 'EXCHANGES_READ', category: 'Câmbio', label: 'Dados da operação' },
];

/** The groups the permissions open, in the table's order, each once. */
export function dataGroupsOf(permissions: readonly string[]): DataGroup[] {
  const granted = new Set(permissions);
  const seen = new Set<string>();
  const groups: DataGroup[] = [];
  for (const { permission, category, label } of GROUPS) {
    const key = `${category}|${label}`;
    if (!granted.has(permission) || seen.has(key)) continue;
    seen.add(key);
    groups.push({ category, label });
  }
  return groups;
}
