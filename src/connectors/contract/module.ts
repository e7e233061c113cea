import type pg from 'pg';
import type { Clock } from '../../platform/clock/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { BrandId } from './common.ts';
import type { CoreBankConnector } from './connector.ts';
import type { PixConnector } from './pix.ts';

/**
 * What Ponte hands a connector module's factories: the platform services of the installation.
 * A connector to a remote core usually needs only `logger` and `clock`; one that keeps its own
 * tables in Ponte's database (the sample bank) uses `db`, `pool`, `fieldCipher` and `jobs`.
 */
export interface ConnectorDeps {
  readonly db: Database;
  readonly pool: pg.Pool;
  /** A personal-data cipher for the connector's own columns; `hashDomain` keys its searchable hashes. */
  fieldCipher(hashDomain: string): FieldCipher;
  readonly jobs: Jobs;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The brand the factory builds for (Ponte calls the factories once per brand of the installation). */
  readonly brand?: { readonly id: string; readonly name: string };
}

/** The Pix rail as Ponte runs it: the contract plus an optional worker lifecycle. */
export interface PixRail extends PixConnector {
  /** Starts whatever settles transfers in this process (a poller, a queue worker); optional. */
  start?(): Promise<void>;
  /** Stops it; Ponte calls it on shutdown before the database closes. */
  stop?(): void | Promise<void>;
}

/** What `createPixRail` receives besides the platform services. */
export interface PixRailDeps extends ConnectorDeps {
  /**
   * Call it when a transfer ends (settled or rejected), after the core has recorded it: payments
   * then reconciles the payment at once instead of at its next poll.
   */
  onTransferFinished(brandId: BrandId, endToEndId: string): void;
}

/**
 * An institution's connector module: what the installation config's `connector.module` points at
 * (a path relative to the config file, or a package name), loaded and checked at start by
 * `loadConnectorModule`. `options` is the config's `connector.options`, passed through untouched.
 *
 * @example
 *   // my-core/connector.ts, with `connector: { module: ./my-core/connector.ts, options: { baseUrl: … } }`
 *   import type { ConnectorModule } from 'ponte/connectors';
 *   export function createConnector(options: { baseUrl: string }, deps: ConnectorDeps) {
 *     return createMyCoreConnector(options.baseUrl, deps.logger);
 *   }
 *   export function createPixRail(options: { baseUrl: string }, deps: PixRailDeps) {
 *     return createMyPixRail(options.baseUrl, deps.onTransferFinished);
 *   }
 *   // (or `export default { createConnector, createPixRail } satisfies ConnectorModule`)
 */
export interface ConnectorModule<Options = Readonly<Record<string, unknown>>> {
  /** Builds the connector to the core (data APIs, consent page, aggregator); called once at start. */
  createConnector(options: Options, deps: ConnectorDeps): CoreBankConnector | Promise<CoreBankConnector>;
  /** Builds the Pix rail; required when a brand of the installation has the payments (PAGTO) role. */
  createPixRail?(options: Options, deps: PixRailDeps): PixRail | Promise<PixRail>;
}
