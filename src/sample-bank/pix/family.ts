import type { DataFamily } from '../seed/family.ts';
import { sampleBankPixTransfers } from './schema.ts';

/**
 * The Pix rail's per-brand table as a data family with no generated rows: listing it makes a
 * re-seed of a brand clear its transfers together with the accounts they moved money on.
 * (The simulated DICT is national and stays.)
 */
export const pixFamily: DataFamily = {
  name: 'pix',
  tables: [sampleBankPixTransfers],
  generate: () => [],
};
