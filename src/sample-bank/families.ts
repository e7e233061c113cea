import { accountsFamily } from './seed/accounts-family.ts';
import { creditCardsFamily } from './credit-cards/family.ts';
import { creditOperationsFamily } from './credit-operations/family.ts';
import { customersFamily } from './seed/customers-family.ts';
import { pixFamily } from './pix/family.ts';
import type { DataFamily } from './seed/family.ts';

/**
 * The data families the sample bank seeds and reads, in order. To add one (credit cards, credit
 * operations …): define its tables in its own `schema.ts` and export them from `./schema.ts`,
 * write a `DataFamily` (see `seed/family.ts`), and append it here. The seed pipeline COPYs its
 * rows, re-seeding deletes them by `brand_id`, and `createSampleBankConnector` mounts what its
 * `connect` returns.
 */
export const DATA_FAMILIES: readonly DataFamily[] = [
  customersFamily,
  accountsFamily,
  creditCardsFamily,
  creditOperationsFamily,
  pixFamily,
];
