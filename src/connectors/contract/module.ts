import type pg from 'pg';
import type { Clock } from '../../platform/clock/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { CoreBankConnector } from './connector.ts';
import type { PixConnector } from './pix.ts';

/**
 * A connector module: what an institution points its installation file at
 * (`brands[].connector.module`, a path or a package name). Ponte imports it at start, calls
 * `createConnector` once per brand and checks the result against the contract, naming anything
 * missing.
 *
 * @example
 *   // my-bank-connector.ts
 *   export async function createConnector(context: ConnectorContext): Promise<OpenedConnector> {
 *     const core = new MyCoreClient(context.options);
 *     return { connector: myConnector(core), pix: myPixRail(core), close: () => core.close() };
 *   }
 */
/** What Ponte hands a connector module when it opens one brand's connector. */
export interface ConnectorContext {
  brandId: string;
  brandName: string;
  /** `connector.options` of the brand in the installation file. */
  options: Record<string, unknown>;
  /** Ponte's database: a connector with its own tables there (the sample bank) uses it. */
  db: Database;
  pool: pg.Pool;
  /** A field cipher (envelope encryption + keyed hashes) under the installation's master key. */
  cipher(hashDomain: string): FieldCipher;
  jobs: Jobs;
  clock: Clock;
  logger: Logger;
  /**
   * A Pix rail calls this (after commit) when a transfer ended, so the payment is reconciled at
   * once instead of at its next poll; optional for the rail, polling still reconciles.
   */
  transferFinished(brandId: string, endToEndId: string): void;
}

/** What a connector module gives back for one brand. */
export interface OpenedConnector {
  connector: CoreBankConnector;
  /** The Pix rail, required for a brand with the PAGTO role. */
  pix?: PixConnector;
  /** Starts background work (in processes that run jobs). */
  start?(): Promise<void>;
  close?(): Promise<void>;
}

/** A connector module: `export async function createConnector(context) { … }`. */
export interface ConnectorModule {
  createConnector(context: ConnectorContext): OpenedConnector | Promise<OpenedConnector>;
}
