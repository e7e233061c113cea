import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { fromDrizzle, type Db } from 'pg-boss';
import type { Transaction } from '../db/index.ts';

/**
 * An open transaction a job can be sent in, so the job exists if and only if the caller's state
 * change commits: a drizzle transaction (`db.transaction(async (tx) => ...)`) or a checked-out
 * node-postgres client on which the caller ran BEGIN.
 */
export type JobsTransaction = Transaction | pg.ClientBase;

/** pg-boss runs its statements through `executeSql`; point it at the caller's transaction. */
export function transactionDb(tx: JobsTransaction): Db {
  if (isDrizzleTransaction(tx)) return fromDrizzle(tx, sql);
  return { executeSql: (text, values) => tx.query(text, values) };
}

/**
 * pg-boss on a pool the process already owns (one pool, one connection budget). pg-boss then has
 * no dedicated LISTEN connection, so workers poll; give a connection string instead where
 * wake-up latency matters.
 */
export function poolDb(pool: pg.Pool): Db {
  return {
    executeSql: (text, values) => pool.query(text, values),
    poolCounts: () => ({
      max: pool.options.max ?? 10,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}

function isDrizzleTransaction(tx: JobsTransaction): tx is Transaction {
  return typeof (tx as { execute?: unknown }).execute === 'function';
}
