import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/index.ts';
import { AppError, isAppError } from '../../platform/errors/index.ts';
import type { PaymentsContext } from '../context.ts';
import { PaymentErrors, paymentErrorBody } from '../errors.ts';
import { paymentIdempotency } from '../schema.ts';

export interface IdempotencyScope {
  brandId: string;
  clientId: string;
  /** The endpoint the key is valid for (`POST /pix/payments`, `PATCH /pix/payments/{id}` …). */
  endpoint: string;
  key: string;
}

export interface Answer {
  status: number;
  body: unknown;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotentSteps<Prepared> {
  /** Validation and reads (may call the connector); a 422 AppError here is stored as the answer. */
  prepare(): Promise<Prepared>;
  /** The state change, in the transaction that also stores the answer; only `tx` may be used. */
  commit(tx: Transaction, prepared: Prepared): Promise<{ status: number; body: unknown }>;
  /** Side effects of a refusal that must be kept with it (a DICT refusal consumes the consent). */
  onRefusal?(tx: Transaction, error: AppError): Promise<void>;
}

/** JSON with keys sorted at every level, so equal `data` claims hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isUnprocessable = (error: unknown): error is AppError =>
  isAppError(error) && (PaymentErrors as Record<string, string>)[error.code] !== undefined && error.code !== 'BAD_SIGNATURE' && error.code !== 'PAYMENTS_INVALID_CLIENT'; // prettier-ignore

/**
 * `x-idempotency-key` (payments 4.0.0; DIGEST §4.3): per brand, client, endpoint and key, for
 * 24 hours. The same `data` claim gets the stored answer again (201 or a 422 business refusal);
 * a different one is 422 ERRO_IDEMPOTENCIA.
 *
 * Concurrency, across processes: the key's row is inserted in the transaction that makes the
 * state change, before it. A duplicate arriving meanwhile blocks on that uncommitted row (unique
 * key), then finds it committed and replays it; if the first rolled back, the duplicate proceeds.
 * Only `tx` is used inside the transaction, so waiting duplicates cannot starve the pool of the
 * connection the first one needs.
 */
export async function runIdempotent<Prepared>(
  ctx: PaymentsContext,
  scope: IdempotencyScope,
  data: unknown,
  steps: IdempotentSteps<Prepared>,
): Promise<Answer> {
  const requestHash = createHash('sha256').update(canonicalJson(data)).digest('hex');
  const stored = await findStored(ctx, scope);
  if (stored) return replay(stored, requestHash);

  let prepared: Prepared | undefined;
  let refusal: AppError | undefined;
  try {
    prepared = await steps.prepare();
  } catch (error) {
    if (!isUnprocessable(error)) throw error;
    refusal = error;
  }

  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const claimed = await tx
      .insert(paymentIdempotency)
      .values({
        ...scope,
        requestHash,
        responseStatus: 0,
        responseBody: {},
        createdAt: now,
        expiresAt: new Date(now.getTime() + ctx.options.idempotencyTtlMs),
      }) // prettier-ignore
      .onConflictDoUpdate({
        target: [
          paymentIdempotency.brandId,
          paymentIdempotency.clientId,
          paymentIdempotency.endpoint,
          paymentIdempotency.key,
        ],
        set: { requestHash, responseStatus: 0, responseBody: {}, createdAt: now, expiresAt: new Date(now.getTime() + ctx.options.idempotencyTtlMs) }, // prettier-ignore
        setWhere: sql`${paymentIdempotency.expiresAt} <= ${now}`,
      })
      .returning({ key: paymentIdempotency.key });
    if (claimed.length === 0) {
      // A request with this key committed while we prepared (we waited for it): its answer wins.
      const winner = await findStored(ctx, scope, tx);
      return replay(winner!, requestHash);
    }
    let answer: { status: number; body: unknown };
    if (refusal) {
      answer = await refused(tx, refusal, now, steps);
    } else {
      try {
        answer = await tx.transaction((savepoint) => steps.commit(savepoint, prepared as Prepared));
      } catch (error) {
        if (!isUnprocessable(error)) throw error;
        answer = await refused(tx, error, now, steps);
      }
    }
    await tx
      .update(paymentIdempotency)
      .set({ responseStatus: answer.status, responseBody: answer.body })
      .where(keyOf(scope));
    return { ...answer, replayed: false };
  });
}

async function refused<P>(tx: Transaction, error: AppError, now: Date, steps: IdempotentSteps<P>) {
  await steps.onRefusal?.(tx, error);
  return { status: 422, body: paymentErrorBody(error.code, error.message, now) };
}

function keyOf(scope: IdempotencyScope) {
  return and(
    eq(paymentIdempotency.brandId, scope.brandId),
    eq(paymentIdempotency.clientId, scope.clientId),
    eq(paymentIdempotency.endpoint, scope.endpoint),
    eq(paymentIdempotency.key, scope.key),
  );
}

async function findStored(ctx: PaymentsContext, scope: IdempotencyScope, tx?: Transaction) {
  const [row] = await (tx ?? ctx.db)
    .select()
    .from(paymentIdempotency)
    .where(and(keyOf(scope), sql`${paymentIdempotency.expiresAt} > ${ctx.clock.now()}`));
  return row;
}

function replay(row: typeof paymentIdempotency.$inferSelect, requestHash: string): Answer {
  if (row.requestHash !== requestHash) {
    throw new AppError(
      PaymentErrors.ERRO_IDEMPOTENCIA,
      'Conteúdo da mensagem (claim data) diverge do conteúdo associado a esta chave de idempotência (x-idempotency-key).',
    );
  }
  return { status: row.responseStatus, body: row.responseBody, replayed: true };
}
