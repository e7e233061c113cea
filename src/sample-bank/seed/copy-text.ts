import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL COPY text format: tab-separated, `\N` for NULL, backslash escapes
 * (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2).
 */
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One value as a COPY text field. Buffers become bytea hex (`\x…`, its backslash escaped). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  if (Array.isArray(value)) {
    // A PostgreSQL array literal of text elements, each double-quoted.
    const items = value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`));
    return escapeText(`{${items.join(',')}}`);
  }
  return escapeText(JSON.stringify(value));
}

/** How rows of one table are written: its qualified name, and its columns as keys and SQL names. */
export interface CopyTable {
  readonly table: PgTable;
  readonly qualifiedName: string;
  readonly keys: readonly string[];
  readonly copySql: string;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Every column of the table, in declaration order (COPY writes them all; absent keys are NULL). */
export function describeCopyTable(table: PgTable): CopyTable {
  const config = getTableConfig(table);
  const qualifiedName =
    config.schema === undefined ? quote(config.name) : `${quote(config.schema)}.${quote(config.name)}`;
  const columns = Object.entries(getTableColumns(table));
  const keys = columns.map(([key]) => key);
  const list = columns.map(([, column]) => quote(column.name)).join(', ');
  return { table, qualifiedName, keys, copySql: `COPY ${qualifiedName} (${list}) FROM STDIN` };
}

/** A row object (drizzle insert shape) as one COPY line, newline included. */
export function copyLine(table: CopyTable, row: Readonly<Record<string, unknown>>): string {
  let line = '';
  const { keys } = table;
  for (let i = 0; i < keys.length; i += 1) {
    if (i > 0) line += '\t';
    line += copyField(row[keys[i]!]);
  }
  return `${line}\n`;
}
