import type { PgTable } from 'drizzle-orm/pg-core';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type {
  BrandId,
  CoreResource,
  CreditCardsConnector,
  CreditOperationsConnector,
  CustomerRef,
  IsoDate,
} from '../../connectors/index.ts';
import type { GeneratedAccounts } from '../generator/accounts.ts';
import type { CounterpartyPool } from '../generator/counterparties.ts';
import type { SampleCustomer, SampleInstitution } from '../generator/model.ts';
import type { Random } from '../generator/random.ts';

/** Rows for one table: drizzle insert objects (every column written; an absent key is NULL). */
export interface FamilyRows {
  readonly table: PgTable;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** Typed helper: `rowsFor(sampleBankAccounts, [{ id, brandId, … }])` checks rows against the table. */
export function rowsFor<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): FamilyRows {
  return { table, rows: rows };
}

/** What a family's generator may use besides its own random stream. */
export interface SeedContext {
  readonly brandId: BrandId;
  readonly seed: number;
  /** Histories end on this day (Brasília). */
  readonly asOf: IsoDate;
  readonly historyMonths: number;
  readonly institution: SampleInstitution;
  readonly cipher: FieldCipher;
  readonly counterparties: CounterpartyPool;
  /** The AAD binding a ciphertext to its table, column and row (`fieldAad`). */
  aad(table: string, column: string, rowKey: string | number): string;
  /** The customer's deposit accounts and their transactions (generated once per customer, memoised). */
  accountsOf(customer: SampleCustomer): GeneratedAccounts;
}

/** What a family's reader needs: the database (drizzle over pg) and the field cipher. */
export interface SampleBankDeps {
  readonly db: Database;
  readonly cipher: FieldCipher;
}

/** The part of the connector a family provides, plus its entries in `listResources`. */
export interface FamilyConnector {
  readonly creditCards?: CreditCardsConnector;
  readonly creditOperations?: CreditOperationsConnector;
  listResources?(brandId: BrandId, customer: CustomerRef): Promise<readonly CoreResource[]>;
}

/**
 * A data family of the sample bank: its tables, how to fill them, and how to read them back.
 * Families run in the order of `DATA_FAMILIES`; each customer's rows come from a random stream
 * of its own (`seed`, brand, customer index, family name), so adding a family changes no other
 * family's data.
 *
 * @example
 *   export const creditCardsFamily: DataFamily = {
 *     name: 'credit-cards',
 *     tables: [sampleBankCreditCardAccounts, sampleBankCreditCardTransactions],
 *     generate(random, customer, ctx) {
 *       if (!random.chance(0.4)) return [];
 *       const card = { id: random.uuid(), brandId: ctx.brandId, customerId: customer.customerId, … };
 *       return [rowsFor(sampleBankCreditCardAccounts, [card]), rowsFor(sampleBankCreditCardTransactions, txs)];
 *     },
 *     connect: (deps) => ({ creditCards: createCreditCardsReader(deps), listResources: … }),
 *   };
 */
export interface DataFamily {
  readonly name: string;
  /** Every table the family writes, parents first; each has a `brand_id` column (re-seeding deletes by it). */
  readonly tables: readonly PgTable[];
  /** Tables of ~10⁵ rows and more, written over several COPY connections at once. */
  readonly bulkTables?: readonly PgTable[];
  /** Rows written once per brand, before any customer (reference data such as counterparties). */
  generateBrand?(random: Random, ctx: SeedContext): readonly FamilyRows[];
  /** Rows for one customer. */
  generate(random: Random, customer: SampleCustomer, ctx: SeedContext): readonly FamilyRows[];
  /** The connector capabilities that read this family's tables. */
  connect?(deps: SampleBankDeps): FamilyConnector;
}
