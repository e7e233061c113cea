import { accountsSuite } from './accounts-suite.ts';
import { creditCardsSuite } from './credit-cards-suite.ts';
import { creditOperationsSuite } from './credit-operations-suite.ts';
import { customersSuite } from './customers-suite.ts';
import type { ContractSuite } from './fixtures.ts';
import { resourcesSuite } from './resources-suite.ts';

/**
 * The suites every connector must pass. Family suites check their family only when the connector
 * offers it (`creditCards`, `creditOperations`); append new families' suites here.
 */
export const CONTRACT_SUITES: readonly ContractSuite[] = [
  customersSuite,
  accountsSuite,
  resourcesSuite,
  creditCardsSuite,
  creditOperationsSuite,
];

/** A suite's family name as given on the command line: `credit cards` → `credit-cards`. */
export function familyOf(suite: { readonly name: string }): string {
  return suite.name.toLowerCase().replace(/\s+/g, '-');
}

/** The Pix rail's family: run when the module under test offers a rail (`runPixRailContractTests`). */
export const PIX_FAMILY = 'pix';

/** The families `ponte connector-test --family` accepts, in run order. */
export const CONTRACT_FAMILIES: readonly string[] = [...CONTRACT_SUITES.map(familyOf), PIX_FAMILY];

/** The suites of the named families (all when none are named), in run order. */
export function suitesFor(families: readonly string[] = []): readonly ContractSuite[] {
  return families.length === 0
    ? CONTRACT_SUITES
    : CONTRACT_SUITES.filter((s) => families.includes(familyOf(s)));
}
