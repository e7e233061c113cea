import { and, asc, eq } from 'drizzle-orm';
import type {
  BrandId,
  ProductServiceType,
  RelationAccount,
  ResourceType,
  ResourcesConnector,
} from '../../connectors/index.ts';
import { sampleBankAccounts } from '../schema/accounts.ts';
import { sampleBankBrands } from '../schema/brands.ts';
import { sampleBankProcurators, type sampleBankCustomers } from '../schema/customers.ts';
import { PROCURATORS_TABLE } from '../seed/customers-family.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { isoSeconds, opener } from './shared.ts';

/** How resource families appear among the products of a financial relation (`EnumProductServiceType`). */
const PRODUCT_OF: Partial<Record<ResourceType, ProductServiceType>> = {
  CREDIT_CARD_ACCOUNT: 'CARTAO_CREDITO',
  LOAN: 'OPERACAO_CREDITO',
  FINANCING: 'OPERACAO_CREDITO',
  UNARRANGED_ACCOUNT_OVERDRAFT: 'OPERACAO_CREDITO',
  INVOICE_FINANCING: 'OPERACAO_CREDITO',
  BANK_FIXED_INCOME: 'INVESTIMENTO',
  CREDIT_FIXED_INCOME: 'INVESTIMENTO',
  VARIABLE_INCOME: 'INVESTIMENTO',
  TREASURE_TITLE: 'INVESTIMENTO',
  FUND: 'INVESTIMENTO',
  EXCHANGE: 'OPERACOES_CAMBIO',
};

export interface DecryptedProcurator {
  type: 'REPRESENTANTE_LEGAL' | 'PROCURADOR';
  document: string;
  civilName: string;
}

/**
 * What personal and business financial relations share: the relationship dates, the products
 * (accounts by type, other families through their resources), procurators and accounts.
 */
export async function financialRelation(
  deps: SampleBankDeps,
  resources: ResourcesConnector,
  brandId: BrandId,
  customer: typeof sampleBankCustomers.$inferSelect,
) {
  const { db, cipher } = deps;
  const [accounts, procurators, others] = await Promise.all([
    db
      .select({
        compeCode: sampleBankBrands.compeCode,
        branchCode: sampleBankAccounts.branchCode,
        number: sampleBankAccounts.number,
        checkDigit: sampleBankAccounts.checkDigit,
        type: sampleBankAccounts.type,
        subtype: sampleBankAccounts.subtype,
      })
      .from(sampleBankAccounts)
      .innerJoin(sampleBankBrands, eq(sampleBankBrands.brandId, sampleBankAccounts.brandId))
      .where(and(eq(sampleBankAccounts.brandId, brandId), eq(sampleBankAccounts.customerId, customer.id)))
      .orderBy(asc(sampleBankAccounts.openedOn), asc(sampleBankAccounts.id)),
    db
      .select()
      .from(sampleBankProcurators)
      .where(
        and(eq(sampleBankProcurators.brandId, brandId), eq(sampleBankProcurators.customerId, customer.id)),
      )
      .orderBy(asc(sampleBankProcurators.position)),
    resources.listResources(brandId, { customerId: customer.id, personType: customer.personType }),
  ]);
  const products = new Set<ProductServiceType>(accounts.map((a) => a.type));
  for (const r of others) {
    const product = PRODUCT_OF[r.type];
    if (product) products.add(product);
  }
  if (products.size === 0) products.add('OUTROS');
  return {
    updateDateTime: isoSeconds(customer.updatedAt),
    startDate: isoSeconds(customer.relationshipStartedAt),
    productsServicesType: [...products],
    procurators: procurators.map((p): DecryptedProcurator => {
      const open = opener(cipher, PROCURATORS_TABLE, `${p.customerId}:${p.position}`);
      return {
        type: p.type,
        document: open.text('document_enc', p.documentEnc),
        civilName: open.text('civil_name_enc', p.civilNameEnc),
      };
    }),
    accounts: accounts satisfies RelationAccount[],
  };
}
