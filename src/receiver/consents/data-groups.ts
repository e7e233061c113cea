import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';

/**
 * Plain data-group names of Ponte's receiver API, each the union of whole permission groups
 * ("agrupamentos") of consents.yaml 3.3.1 info.description (DIGEST §2.4): a receiver must ask
 * for every permission of each group it wants, RESOURCES_READ included. `scopes` are the OAuth
 * scopes of the same table, asked for in the authorisation request.
 */
export const DATA_GROUPS = {
  /** Cadastro: Dados Cadastrais PF + Informações complementares PF. */
  customerData: {
    permissions: ['CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', 'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ'],
    scopes: ['customers'],
  },
  /** Cadastro: Dados Cadastrais PJ + Informações complementares PJ (needs the company's CNPJ). */
  businessCustomerData: {
    permissions: ['CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ', 'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ'],
    scopes: ['customers'],
  },
  /** Contas: Saldos + Limites + Extratos. */
  accounts: {
    permissions: [
      'ACCOUNTS_READ',
      'ACCOUNTS_BALANCES_READ',
      'ACCOUNTS_TRANSACTIONS_READ',
      'ACCOUNTS_OVERDRAFT_LIMITS_READ',
    ],
    scopes: ['accounts'],
  },
  /** Cartão de Crédito: Limites + Transações + Faturas. */
  creditCards: {
    permissions: [
      'CREDIT_CARDS_ACCOUNTS_READ',
      'CREDIT_CARDS_ACCOUNTS_LIMITS_READ',
      'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ',
      'CREDIT_CARDS_ACCOUNTS_BILLS_READ',
      'CREDIT_CARDS_ACCOUNTS_BILLS_TRANSACTIONS_READ',
    ],
    scopes: ['credit-cards-accounts'],
  },
  /**
   * Operações de Crédito: one grouped product ("produtos agrupados"), asked for whole: loans,
   * financings, unarranged overdraft and invoice financings together.
   */
  creditOperations: {
    permissions: [
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
    ],
    scopes: ['loans', 'financings', 'unarranged-accounts-overdraft', 'invoice-financings'],
  },
  /** Investimento: Dados da Operação (grouped product). */
  investments: {
    permissions: [
      'BANK_FIXED_INCOMES_READ',
      'CREDIT_FIXED_INCOMES_READ',
      'FUNDS_READ',
      'VARIABLE_INCOMES_READ',
      'TREASURE_TITLES_READ',
    ],
    scopes: ['bank-fixed-incomes', 'credit-fixed-incomes', 'funds', 'variable-incomes', 'treasure-titles'],
  },
  /** Câmbio: Dados da Operação. */
  exchanges: { permissions: ['EXCHANGES_READ'], scopes: ['exchanges'] },
} as const satisfies Record<string, { permissions: readonly string[]; scopes: readonly string[] }>;

export type DataGroup = keyof typeof DATA_GROUPS;
export const DATA_GROUP_NAMES = Object.keys(DATA_GROUPS) as DataGroup[];

export interface ConsentScope {
  dataGroups: DataGroup[];
  /** consents.yaml CreateConsent.data.permissions, RESOURCES_READ last. */
  permissions: string[];
  /** OAuth scopes of the authorisation request, besides `openid` and `consent:<id>`. */
  scopes: string[];
}

function impossible(message: string): never {
  throw new AppError(ReceiverErrors.RECEIVER_IMPOSSIBLE_PERMISSIONS, message);
}

/**
 * Maps data groups to permissions and refuses the mixes the holder would refuse
 * (consents.yaml 422s, DIGEST §2.4 "Validation rules"): personal and business registration
 * data together (PERMISSAO_PF_PJ_EM_CONJUNTO), business data without the company
 * (INFORMACOES_PJ_NAO_INFORMADAS), personal registration data on a company's consent
 * (PERMISSOES_PJ_INCORRETAS), and nothing functional at all.
 */
export function consentScope(groups: readonly string[], input: { businessEntity: boolean }): ConsentScope {
  const unknown = groups.filter((g) => !(g in DATA_GROUPS));
  if (unknown.length > 0) impossible(`Grupos de dados desconhecidos: ${unknown.join(', ').slice(0, 200)}.`);
  const dataGroups = [...new Set(groups)] as DataGroup[];
  if (dataGroups.length === 0) impossible('Nenhum grupo de dados foi pedido.');
  if (dataGroups.includes('customerData') && dataGroups.includes('businessCustomerData')) {
    impossible('Dados cadastrais de pessoa natural e de pessoa jurídica não podem ser pedidos juntos.');
  }
  if (dataGroups.includes('businessCustomerData') && !input.businessEntity) {
    impossible('Dados cadastrais de pessoa jurídica exigem o CNPJ da empresa (businessEntity).');
  }
  if (dataGroups.includes('customerData') && input.businessEntity) {
    impossible('Num consentimento de pessoa jurídica, peça businessCustomerData, não customerData.');
  }
  const permissions = [...new Set(dataGroups.flatMap((g) => DATA_GROUPS[g].permissions)), 'RESOURCES_READ'];
  const scopes = [...new Set([...dataGroups.flatMap((g) => DATA_GROUPS[g].scopes), 'resources'])];
  return { dataGroups, permissions, scopes };
}
