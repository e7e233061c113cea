import { sql } from 'drizzle-orm';
import { holderServers } from '../holders/holders.ts';
import { errorText } from './error-text.ts';
import { deleteAtHolder, putAtHolder } from './manage.ts';
import { currentFingerprint, freshSoftwareStatement, registerAt, type RegistrationDeps } from './register.ts';
import { viewOf, type RegistrationView } from './store.ts';
import { needsSoftwareStatement, planSync, type SyncAction } from './sync-plan.ts';

/** What one sync did, and every registration of the software afterwards. */
export interface SyncSummary {
  /** New DCRs that succeeded (new holders, earlier failures, holders that came back). */
  registered: number;
  /** DCM PUTs that succeeded (the fingerprint changed). */
  updated: number;
  /** Registrations whose server left the participants list (DCM DELETE, best effort). */
  deleted: number;
  /** DCRs or DCM PUTs that failed (`lastError`); tried again on the next sync. */
  failed: number;
  unchanged: number;
  syncedAt: Date;
  registrations: RegistrationView[];
}

/** Holders are called a few at a time: the real participants list has hundreds of servers. */
const CONCURRENCY = 8;

async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Keeps the software's registrations in step with the directory (issue #6 item 1; DCR/DCM,
 * DIGEST §6.2, §6.3): DCR at new holders, DCM PUT where what the registration was made from
 * changed (fingerprint.ts), DCM DELETE where the server left the participants list; see
 * `planSync`. One fresh SSA for the run. Failures are per holder and recorded on its row;
 * only the directory being unreachable fails the whole sync.
 *
 * One sync at a time per software across processes (the start-up call, the scheduled job, an
 * operator): a transaction-scoped advisory lock, so a second caller waits and then finds
 * the work done instead of registering twice.
 */
export async function syncRegistrations(deps: RegistrationDeps): Promise<SyncSummary> {
  const lockKey = `receiver-registrations-sync:${deps.ctx.identity.softwareStatementId}`;
  return deps.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
    return runSync(deps);
  });
}

async function runSync(deps: RegistrationDeps): Promise<SyncSummary> {
  const { ctx, store } = deps;
  const { softwareStatementId, orgId: ownOrgId } = ctx.identity;
  const syncedAt = ctx.clock.now();
  const listed = holderServers(await ctx.directory.participants());
  const rows = await store.list(ctx.db, softwareStatementId);
  let basis: { ssa: string; fingerprint: string } | undefined;
  if (needsSoftwareStatement({ rows, listed, ownOrgId })) {
    const ssa = await freshSoftwareStatement(deps);
    basis = { ssa, fingerprint: await currentFingerprint(deps, ssa) };
  }
  const actions = planSync({ rows, listed, ownOrgId, fingerprint: basis?.fingerprint });
  const counts = { registered: 0, updated: 0, deleted: 0, failed: 0, unchanged: 0 };
  const untouched: string[] = [];

  const apply = async (action: SyncAction): Promise<void> => {
    switch (action.kind) {
      case 'register': {
        const row = await registerAt(deps, action.server, { ...basis!, syncedAt });
        counts[row.status === 'REGISTERED' ? 'registered' : 'failed'] += 1;
        return;
      }
      case 'update': {
        const { row, server } = action;
        try {
          await putAtHolder(deps, row, { ...basis!, syncedAt });
          if (row.holderName !== server.name || row.discoveryUrl !== server.discoveryUrl) {
            await store.relist(ctx.db, row.id, {
              holderName: server.name,
              discoveryUrl: server.discoveryUrl,
            });
          }
          counts.updated += 1;
        } catch (error) {
          // The client is still registered as it was: it stays REGISTERED with its old
          // fingerprint, so the next sync tries the PUT again.
          const lastError = errorText(error);
          await store.recordError(ctx.db, row.id, lastError, syncedAt);
          ctx.logger.warn(
            { authorisationServerId: row.authorisationServerId, lastError },
            'DCM update failed',
          );
          counts.failed += 1;
        }
        return;
      }
      case 'delete': {
        const saved = await deleteAtHolder(deps, action.row, {
          reason: action.reason,
          bestEffort: true,
          syncedAt,
        });
        ctx.logger.info(
          { authorisationServerId: saved.authorisationServerId, lastError: saved.lastError },
          'registration deleted: the holder left the directory',
        );
        counts.deleted += 1;
        return;
      }
      case 'unchanged': {
        const { row, server } = action;
        if (row.holderName !== server.name || row.discoveryUrl !== server.discoveryUrl) {
          await store.relist(ctx.db, row.id, { holderName: server.name, discoveryUrl: server.discoveryUrl });
        }
        untouched.push(row.id);
        counts.unchanged += 1;
      }
    }
  };

  await eachLimited(actions, CONCURRENCY, apply);
  await store.touch(ctx.db, untouched, syncedAt);
  if (counts.registered + counts.updated + counts.deleted + counts.failed > 0) {
    ctx.logger.info(counts, 'receiver registrations synchronised with the directory');
  }
  const registrations = (await store.list(ctx.db, softwareStatementId)).map(viewOf);
  return { ...counts, syncedAt, registrations };
}
