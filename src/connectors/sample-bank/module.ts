import type { ConnectorContext, OpenedConnector } from '../contract/index.ts';
import { createSampleBankConnector } from './connector/index.ts';
import { createSamplePixRail, type SamplePixOptions, type SamplePixRail } from './pix/index.ts';
import { seedSampleBank } from './seed/pipeline.ts';

/**
 * The sample core bank as a connector module (`connector.module` in an installation file): the
 * simulator's brands and `ponte sim enrol`'s use it. Options:
 * - `seed`: `{ customers, seed?, population? }`: the core bank generates its own synthetic
 *   customers on first start (a demo core's own data; Ponte itself never seeds production);
 * - `pix`: SamplePixOptions (settlement delays, failure modes).
 */
interface SampleBankOptions {
  seed?: { customers: number; seed?: number; population?: string };
  pix?: SamplePixOptions;
}

/** One rail per database: its settlement queue is worked once per process, whatever the brand. */
const rails = new WeakMap<object, { rail: SamplePixRail; started?: Promise<void> }>();

export async function createConnector(context: ConnectorContext): Promise<OpenedConnector> {
  const options = context.options as SampleBankOptions;
  const cipher = context.cipher('sample-bank.document');
  if (options.seed && options.seed.customers > 0) {
    const { rows } = await context.pool.query<{ status: string }>(
      'SELECT status FROM sample_bank.brands WHERE brand_id = $1',
      [context.brandId],
    );
    if (rows[0]?.status !== 'READY') {
      context.logger.info(
        { brandId: context.brandId, customers: options.seed.customers },
        'seeding the sample bank',
      );
      await seedSampleBank({
        pool: context.pool,
        cipher,
        brandId: context.brandId,
        customers: options.seed.customers,
        seed: options.seed.seed ?? 42,
        ...(options.seed.population && { population: options.seed.population }),
        institution: { brandName: context.brandName },
      });
    }
  }
  let shared = rails.get(context.db);
  if (shared === undefined) {
    shared = {
      rail: createSamplePixRail(
        { db: context.db, cipher, jobs: context.jobs, clock: context.clock, logger: context.logger },
        {
          ...options.pix,
          onFinished: (brandId, endToEndId) => context.transferFinished(brandId, endToEndId),
        },
      ),
    };
    rails.set(context.db, shared);
  }
  const entry = shared;
  return {
    connector: createSampleBankConnector({ db: context.db, cipher }),
    pix: entry.rail,
    async start() {
      if (context.jobs.enabled) entry.started ??= entry.rail.startWorker();
      await entry.started;
    },
    close: () => Promise.resolve(entry.rail.stopWorker()),
  };
}
