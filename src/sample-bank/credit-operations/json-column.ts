/**
 * A JSON array bound for a `jsonb` column written by the seed pipeline's COPY. `copyField`
 * writes JavaScript arrays as PostgreSQL array literals (right for `text[]` and `date[]`), so a
 * JSON array must travel as its JSON text; the column type stays the array's for the readers.
 */
export function jsonArray<T>(items: readonly T[]): T[] {
  return JSON.stringify(items) as unknown as T[];
}
