/**
 * The sample core bank as a connector module (`ConnectorModule`): what an installation config
 * names to run on the demo bank (`connector: { module: <this file> }`), the way an institution
 * names its own. Its tables live in Ponte's database (`sample_bank.*`), seeded by `ponte seed`.
 */
import type { ConnectorDeps, ConnectorModule, PixRail, PixRailDeps } from '../connectors/index.ts';
import { createSampleBankConnector } from './connector/index.ts';
import { createSamplePixRail, type SamplePixOptions } from './pix/index.ts';

/** The keyed-hash domain of the sample bank's personal data: part of the stored data, never change it. */
export const SAMPLE_BANK_HASH_DOMAIN = 'sample-bank.document';

export function createConnector(_options: unknown, deps: ConnectorDeps) {
  return createSampleBankConnector({ db: deps.db, cipher: deps.fieldCipher(SAMPLE_BANK_HASH_DOMAIN) });
}

/** `options` are `SamplePixOptions` (settle delay, PSP timeout, per-transfer limit …). */
export function createPixRail(options: SamplePixOptions, deps: PixRailDeps): PixRail {
  const rail = createSamplePixRail(
    {
      db: deps.db,
      cipher: deps.fieldCipher(SAMPLE_BANK_HASH_DOMAIN),
      jobs: deps.jobs,
      clock: deps.clock,
      logger: deps.logger,
    },
    {
      ...options,
      onFinished: (brandId, endToEndId) => {
        options.onFinished?.(brandId, endToEndId);
        deps.onTransferFinished(brandId, endToEndId);
      },
    },
  );
  return Object.assign(rail, { start: () => rail.startWorker(), stop: () => rail.stopWorker() });
}

export default { createConnector, createPixRail } satisfies ConnectorModule<SamplePixOptions>;
