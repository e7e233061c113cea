import type pg from 'pg';
import type { PgTable } from 'drizzle-orm/pg-core';
import { systemClock, type Clock } from '../../platform/clock/index.ts';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import { generateCnpj } from '../../platform/documents/index.ts';
import type { IsoDate } from '../../connectors/index.ts';
import { DATA_FAMILIES } from '../families.ts';
import { generateAccounts, type GeneratedAccounts } from '../generator/accounts.ts';
import { generateCounterpartyPool } from '../generator/counterparties.ts';
import { generateCustomer } from '../generator/customers.ts';
import type { SampleCustomer, SampleInstitution } from '../generator/model.ts';
import { createRandom } from '../generator/random.ts';
import { isAlreadySeeded, markReady, resetBrand, type SeedParameters } from './brand-state.ts';
import { copyLine, describeCopyTable, type CopyTable } from './copy-text.ts';
import { openCopySink, type CopySink } from './copy-sink.ts';
import type { DataFamily, FamilyRows, SeedContext } from './family.ts';

export interface SeedProgress {
  readonly customers: number;
  readonly totalCustomers: number;
  /** Rows generated so far, by table (`"sample_bank"."transactions"` …). */
  readonly rows: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
}

export interface SeedOptions {
  readonly pool: pg.Pool;
  readonly cipher: FieldCipher;
  readonly brandId: string;
  readonly customers: number;
  readonly seed: number;
  /** Histories end on this day; part of the seed (default: today, Brasília, from `clock`). */
  readonly asOf?: IsoDate;
  /** Brands of the same population share their customers (see CustomerGeneration.population). */
  readonly population?: string;
  readonly historyMonths?: number;
  readonly institution?: Partial<SampleInstitution>;
  readonly families?: readonly DataFamily[];
  readonly clock?: Clock;
  /** Customers generated between two flushes and progress reports (default 250). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  /** True when the brand already held exactly this data and nothing was written. */
  readonly skipped: boolean;
  readonly customers: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly seconds: number;
}

const FLUSH_BYTES = 1 << 20;
/** COPY connections per bulk table: PostgreSQL parses and indexes each on its own backend. */
const BULK_LANES = 2;

/** The institution of a brand: given fields win, the rest is derived from the seed. */
export function sampleInstitution(
  seed: number,
  brandId: string,
  given: Partial<SampleInstitution> = {},
): SampleInstitution {
  const companyCnpj = given.companyCnpj ?? generateCnpj(createRandom(seed, brandId, 'institution'));
  return {
    brandName: given.brandName ?? 'Banco Ponte Exemplo',
    companyCnpj,
    compeCode: given.compeCode ?? '999',
    ispb: given.ispb ?? companyCnpj.slice(0, 8),
  };
}

interface TableWriter {
  readonly copy: CopyTable;
  /** More than one for tables big enough that PostgreSQL should ingest them on several backends. */
  readonly sinks: readonly CopySink[];
  next: number;
  buffer: string;
  rows: number;
}

/**
 * Seeds a brand of the sample core bank: generates `customers` customers and every data
 * family's rows deterministically from `seed`, and streams them into PostgreSQL with COPY, one
 * connection per table so PostgreSQL ingests the tables in parallel while the generator runs.
 *
 * Idempotent by replacement: a brand already seeded with the same parameters is skipped; with
 * different ones (or after an interrupted run) its rows are deleted first. A session advisory
 * lock keeps two seeds of one brand from interleaving.
 */
export async function seedSampleBank(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const clock = options.clock ?? systemClock;
  const families = options.families ?? DATA_FAMILIES;
  const params: SeedParameters = {
    brandId: options.brandId,
    seed: options.seed,
    population: options.population ?? options.brandId,
    customers: options.customers,
    asOf: options.asOf ?? new Date(clock.now().getTime() - 3 * 3_600_000).toISOString().slice(0, 10),
    historyMonths: options.historyMonths ?? 12,
    families: families.map((f) => f.name),
  };
  const institution = sampleInstitution(params.seed, params.brandId, options.institution);
  const lock = await options.pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`ponte.sample-bank.seed:${params.brandId}`]);
    if (await isAlreadySeeded(lock, params)) {
      return {
        skipped: true,
        customers: params.customers,
        rows: {},
        seconds: (performance.now() - started) / 1000,
      };
    }
    await resetBrand(lock, params, institution, families, clock.now());
    const rows = await writeAll(options, params, institution, families, started);
    await markReady(lock, params.brandId, clock.now());
    return {
      skipped: false,
      customers: params.customers,
      rows,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`ponte.sample-bank.seed:${params.brandId}`])
      .catch(() => {});
    lock.release();
  }
}

async function writeAll(
  options: SeedOptions,
  params: SeedParameters,
  institution: SampleInstitution,
  families: readonly DataFamily[],
  started: number,
): Promise<Record<string, number>> {
  const memo = new WeakMap<SampleCustomer, GeneratedAccounts>();
  const counterparties = generateCounterpartyPool(params.seed, params.brandId);
  const ctx: SeedContext = {
    brandId: params.brandId,
    seed: params.seed,
    asOf: params.asOf,
    historyMonths: params.historyMonths,
    institution,
    cipher: options.cipher,
    counterparties,
    aad: fieldAad,
    accountsOf(customer) {
      let generated = memo.get(customer);
      if (!generated) memo.set(customer, (generated = generateAccounts(params, customer, counterparties)));
      return generated;
    },
  };
  const writers = new Map<PgTable, TableWriter>();
  const tables = families.flatMap((f) => f.tables);
  const config = options.pool.options as pg.ClientConfig;
  try {
    for (const table of tables) {
      const copy = describeCopyTable(table);
      const lanes = families.some((f) => f.bulkTables?.includes(table)) ? BULK_LANES : 1;
      const sinks = await Promise.all(
        Array.from({ length: lanes }, () => openCopySink(config, copy.copySql)),
      );
      writers.set(table, { copy, sinks, next: 0, buffer: '', rows: 0 });
    }
    const append = async (output: readonly FamilyRows[]) => {
      for (const { table, rows } of output) {
        const writer = writers.get(table);
        if (!writer)
          throw new Error(
            `a family wrote to ${describeCopyTable(table).qualifiedName}, which it does not declare`,
          );
        for (const row of rows) writer.buffer += copyLine(writer.copy, row);
        writer.rows += rows.length;
        if (writer.buffer.length >= FLUSH_BYTES) await flush(writer);
      }
    };
    for (const family of families) {
      if (family.generateBrand)
        await append(
          family.generateBrand(createRandom(params.seed, params.brandId, 'brand', family.name), ctx),
        );
    }
    const batch = options.batchSize ?? 250;
    for (let index = 0; index < params.customers; index += 1) {
      const customer = generateCustomer(params, index);
      for (const family of families) {
        const random = createRandom(params.seed, params.brandId, 'customer', index, 'family', family.name);
        await append(family.generate(random, customer, ctx));
      }
      if ((index + 1) % batch === 0 || index + 1 === params.customers) {
        for (const writer of writers.values()) await flush(writer);
        options.onProgress?.({
          customers: index + 1,
          totalCustomers: params.customers,
          rows: countRows(writers),
          elapsedMs: performance.now() - started,
        });
      }
    }
    await Promise.all(
      [...writers.values()].map(async (w) => {
        await flush(w);
        await Promise.all(w.sinks.map((sink) => sink.end()));
      }),
    );
    return countRows(writers);
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    for (const writer of writers.values()) for (const sink of writer.sinks) sink.abort(reason);
    throw error;
  }
}

async function flush(writer: TableWriter): Promise<void> {
  if (writer.buffer.length === 0) return;
  const chunk = writer.buffer;
  writer.buffer = '';
  const sink = writer.sinks[writer.next % writer.sinks.length]!;
  writer.next += 1;
  await sink.write(chunk);
}

function countRows(writers: Map<PgTable, TableWriter>): Record<string, number> {
  return Object.fromEntries([...writers.values()].map((w) => [w.copy.qualifiedName, w.rows]));
}
