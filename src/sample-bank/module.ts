/**
 * The sample core bank as a connector module (`ConnectorModule`): what an installation config
 * names to run on the demo bank (`connector: { module: <this file> }`), the way an institution
 * names its own (the simulator's brands and `ponte sim enrol`'s do). Its tables live in Ponte's
 * database (`sample_bank.*`). Options:
 * - `seed: { customers, seed?, population? }`: the demo core generates its own synthetic customers
 *   on first start (the core's own data; Ponte itself never seeds an installation);
 * - `pix`: SamplePixOptions (settle delay, PSP timeout, per-transfer limit …).
 */
import type { ConnectorDeps, ConnectorModule, PixRail, PixRailDeps } from '../connectors/index.ts';
import {
  createFieldCipher,
  type Envelope,
  type FieldCipher,
  type KeyedHasher,
} from '../platform/crypto/index.ts';
import { createSampleBankConnector } from './connector/index.ts';
import { sampleBankQueues } from './jobs.ts';
import { createSamplePixRail, type SamplePixOptions } from './pix/index.ts';
import { seedSampleBank } from './seed/pipeline.ts';

/** The keyed-hash domain of the sample bank's personal data: part of the stored data, never change it. */
export const SAMPLE_BANK_HASH_DOMAIN = 'sample-bank.document';

/** The sample bank's personal-data cipher under the installation's master key (`ponte seed`, examples). */
export function sampleBankCipher(crypto: { personalData: Envelope; hasher: KeyedHasher }): FieldCipher {
  return createFieldCipher({
    envelope: crypto.personalData,
    hasher: crypto.hasher,
    hashDomain: SAMPLE_BANK_HASH_DOMAIN,
  });
}

export interface SampleBankModuleOptions {
  seed?: { customers: number; seed?: number; population?: string };
  pix?: SamplePixOptions;
}

export async function createConnector(options: SampleBankModuleOptions, deps: ConnectorDeps) {
  const cipher = deps.fieldCipher(SAMPLE_BANK_HASH_DOMAIN);
  const brand = deps.brand;
  if (options.seed && options.seed.customers > 0 && brand) {
    const { rows } = await deps.pool.query<{ status: string }>(
      'SELECT status FROM sample_bank.brands WHERE brand_id = $1',
      [brand.id],
    );
    // A brand already seeded keeps its data across restarts (`ponte seed` regenerates it).
    if (rows[0]?.status !== 'READY') {
      deps.logger.info({ brandId: brand.id, customers: options.seed.customers }, 'seeding the sample bank');
      await seedSampleBank({
        pool: deps.pool,
        cipher,
        brandId: brand.id,
        customers: options.seed.customers,
        seed: options.seed.seed ?? 42,
        ...(options.seed.population && { population: options.seed.population }),
        institution: { brandName: brand.name },
      });
    }
  }
  return createSampleBankConnector({ db: deps.db, cipher });
}

/**
 * One rail per database in a process: its settlement queue is worked once, whatever the brand
 * (transfers carry their brand). Finished transfers go to the installation's payments, which
 * every brand of the process shares: the latest callback given is the one called.
 */
const rails = new WeakMap<object, { rail: PixRail; finished: PixRailDeps['onTransferFinished'] }>();

export async function createPixRail(options: SampleBankModuleOptions, deps: PixRailDeps): Promise<PixRail> {
  // A connector module brings its own jobs: neither the platform nor the composition root knows them.
  await deps.jobs.declareQueues(sampleBankQueues);
  let shared = rails.get(deps.db);
  if (shared === undefined) {
    const rail = createSamplePixRail(
      {
        db: deps.db,
        cipher: deps.fieldCipher(SAMPLE_BANK_HASH_DOMAIN),
        jobs: deps.jobs,
        clock: deps.clock,
        logger: deps.logger,
      },
      {
        ...options.pix,
        onFinished: (brandId, endToEndId) => {
          options.pix?.onFinished?.(brandId, endToEndId);
          shared?.finished(brandId, endToEndId);
        },
      },
    );
    let started: Promise<void> | undefined;
    shared = {
      finished: () => undefined,
      rail: Object.assign(rail, {
        start: () => (started ??= rail.startWorker()),
        stop: () => rail.stopWorker(),
      }),
    };
    rails.set(deps.db, shared);
  }
  shared.finished = (brandId, endToEndId) => deps.onTransferFinished(brandId, endToEndId);
  return shared.rail;
}

export default { createConnector, createPixRail } satisfies ConnectorModule<SampleBankModuleOptions>;
