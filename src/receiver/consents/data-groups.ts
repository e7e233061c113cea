import { PERMISSION_GROUPS } from '../../consents/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';

/**
 * Plain data-group names of Ponte's receiver API, each the union of whole permission groups
 * ("agrupamentos") of consents.yaml 3.3.1 info.description (DIGEST §2.4): a receiver must ask
 * for every permission of each group it wants, RESOURCES_READ included. `scopes` are the OAuth
 * scopes of the same table, asked for in the authorisation request.
 */
/**
 * The permissions of whole groups of consents' "AGRUPAMENTO" table (one source of truth with
 * the holder side), RESOURCES_READ left out: it is added once for the whole consent.
 */
function fromTable(category: string, names?: readonly string[]): readonly string[] {
  const groups = PERMISSION_GROUPS.filter(
    (g) => g.category === category && (names === undefined || names.includes(g.name)),
  );
  if (groups.length === 0) throw new Error(`no permission group ${category} ${names?.join(', ') ?? ''}`);
  return [...new Set(groups.flatMap((g) => g.permissions))].filter((p) => p !== 'RESOURCES_READ');
}

export const DATA_GROUPS = {
  /** Cadastro: Dados Cadastrais PF + Informações complementares PF. */
  customerData: {
    permissions: fromTable('Cadastro', ['Dados Cadastrais PF', 'Informações complementares PF']),
    scopes: ['customers'],
  },
  /** Cadastro: Dados Cadastrais PJ + Informações complementares PJ (needs the company's CNPJ). */
  businessCustomerData: {
    permissions: fromTable('Cadastro', ['Dados Cadastrais PJ', 'Informações complementares PJ']),
    scopes: ['customers'],
  },
  /** Contas: Saldos + Limites + Extratos. */
  accounts: { permissions: fromTable('Contas'), scopes: ['accounts'] },
  /** Cartão de Crédito: Limites + Transações + Faturas. */
  creditCards: { permissions: fromTable('Cartão de Crédito'), scopes: ['credit-cards-accounts'] },
  /**
   * Operações de Crédito: one grouped product ("produtos agrupados"), asked for whole: loans,
   * financings, unarranged overdraft and invoice financings together.
   */
  creditOperations: {
    permissions: fromTable('Operações de Crédito'),
    scopes: ['loans', 'financings', 'unarranged-accounts-overdraft', 'invoice-financings'],
  },
  /** Investimento: Dados da Operação (grouped product). */
  investments: {
    permissions: fromTable('Investimento'),
    scopes: ['bank-fixed-incomes', 'credit-fixed-incomes', 'funds', 'variable-incomes', 'treasure-titles'],
  },
  /** Câmbio: Dados da Operação. */
  exchanges: { permissions: fromTable('Câmbio'), scopes: ['exchanges'] },
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
