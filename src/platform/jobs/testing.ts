/**
 * Test helper: resolves once `condition` holds, polling every few milliseconds; rejects with
 * `description` after `timeoutMs`. Tests wait for conditions, never for fixed durations.
 *
 * @example
 *   await waitFor(() => seen.length === 3, 'three events published');
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  description: string,
  { timeoutMs = 10_000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A promise with its resolver exposed, to hold a handler open until the test releases it. */
export function gate(): { promise: Promise<void>; open(): void } {
  const { promise, resolve } = Promise.withResolvers<void>();
  return { promise, open: () => resolve() };
}
