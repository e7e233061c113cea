import type { BrandId, CustomerDocument, IsoDate } from '../common.ts';
import type { CoreBankConnector } from '../connector.ts';

/**
 * What the contract tests need to know about the core system under test: test customers that
 * exist in it (an institution points these at its homologation data).
 */
export interface ConnectorContractFixtures {
  readonly brandId: BrandId;
  /** A natural person with at least one account that has transactions inside `transactionWindow`. */
  readonly naturalPerson: { readonly cpf: string };
  /** A legal person; omit when the institution serves natural persons only. */
  readonly legalPerson?: { readonly cnpj: string };
  /** Another customer of the same brand, with at least one account: never visible to `naturalPerson`. */
  readonly otherCustomer: CustomerDocument;
  /** Booking dates holding several transactions on `naturalPerson`'s first listed account. */
  readonly transactionWindow: { readonly fromBookingDate: IsoDate; readonly toBookingDate: IsoDate };
  /** A brand id that `naturalPerson` is not a customer of (another brand, or one that does not exist). */
  readonly foreignBrandId: BrandId;
  /** A valid CPF that is nobody's at this brand (default `00000000191`). */
  readonly unknownCpf?: string;
}

/** What a suite receives: the connector (built once per run) and the fixtures. */
export interface ContractContext {
  readonly connector: CoreBankConnector;
  readonly fixtures: ConnectorContractFixtures;
}

/**
 * A group of contract tests. `register` runs inside a `describe` and declares `it(...)` tests;
 * a family suite (credit cards, credit operations) registers nothing when the connector does not
 * offer that family.
 */
export interface ContractSuite {
  readonly name: string;
  register(context: ContractContext): void;
}
