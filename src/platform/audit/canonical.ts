import { createHash } from 'node:crypto';
import { AppError } from '../errors/index.ts';

export const AuditErrorCode = {
  /** The entry's data cannot be stored reproducibly (non-finite number, NUL character, cycle ...). */
  INVALID_ENTRY: 'AUDIT_INVALID_ENTRY',
} as const;

export const HASH_BYTES = 32;
/** The `prev_hash` of the first entry. */
export const GENESIS_HASH: Buffer = Buffer.alloc(HASH_BYTES);

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers as JavaScript
 * prints them, `undefined` members dropped (as JSON.stringify does), `toJSON()` honoured (Dates).
 * The same value serialises to the same bytes whether it comes from the caller or back from a
 * jsonb column (jsonb reorders keys and rewrites numbers, which this undoes), so a hash computed
 * at append time can be recomputed by anyone reading the table.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, new Set<object>());
}

function serialise(value: unknown, seen: Set<object>): string {
  if (
    value !== null &&
    typeof value === 'object' &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  ) {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      // jsonb cannot store U+0000; refusing it here keeps append and verify in agreement.
      if (value.includes('\u0000')) invalid('strings cannot contain U+0000');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) invalid(`${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (seen.has(value)) invalid('circular structure');
      seen.add(value);
      let out: string;
      if (Array.isArray(value)) {
        out = `[${value.map((item: unknown) => (isOmitted(item) ? 'null' : serialise(item, seen))).join(',')}]`;
      } else {
        const record = value as Record<string, unknown>;
        const members = Object.keys(record)
          .filter((key) => !isOmitted(record[key]))
          .sort()
          .map((key) => `${serialise(key, seen)}:${serialise(record[key], seen)}`);
        out = `{${members.join(',')}}`;
      }
      seen.delete(value);
      return out;
    }
    default:
      return invalid(`${typeof value} is not a JSON value`);
  }
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function invalid(why: string): never {
  throw new AppError(AuditErrorCode.INVALID_ENTRY, `Audit entry data is not storable: ${why}`);
}

/** The fields a hash covers: everything in the row except the hash itself. */
export interface HashedAuditFields {
  seq: number;
  occurredAt: Date;
  brandId: string | null;
  actor: string;
  action: string;
  subject: string;
  data: unknown;
}

/**
 * `hash = SHA-256(prev_hash || canonical JSON of the row's fields)`, with `v` naming this layout
 * so it can evolve. `seq` is a string (a bigint in the table) and `occurredAt` ISO 8601 in UTC
 * with milliseconds (what a JavaScript Date holds).
 */
export function auditEntryHash(prevHash: Buffer, fields: HashedAuditFields): Buffer {
  const body = canonicalJson({
    v: 1,
    seq: String(fields.seq),
    occurredAt: fields.occurredAt.toISOString(),
    brandId: fields.brandId,
    actor: fields.actor,
    action: fields.action,
    subject: fields.subject,
    data: fields.data,
  });
  return createHash('sha256').update(prevHash).update(body, 'utf8').digest();
}
