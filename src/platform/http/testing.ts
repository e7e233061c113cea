import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { fixedClock } from '../clock/index.ts';
import { createLogger } from '../logger/index.ts';
import { createHttpApp } from './app.ts';
import type { HttpAppDeps } from './app.ts';
import type { PonteApp } from './types.ts';

export const TEST_NOW = '2025-05-21T08:30:00.123Z';

export interface TestHttpApp {
  app: PonteApp;
  registry: Registry;
  /** Every log line written so far, parsed. */
  logLines: () => Array<Record<string, unknown>>;
}

/**
 * An HTTP app for `app.inject` tests: fixed clock at TEST_NOW, fresh registry, logs captured.
 * Closed with the test.
 */
export function createTestHttpApp(
  t: { after(fn: () => Promise<void>): void },
  overrides: Partial<HttpAppDeps> = {},
): TestHttpApp {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const registry = overrides.metrics ?? new Registry();
  const app = createHttpApp({
    logger: createLogger({ level: 'info', destination }),
    metrics: registry,
    readinessChecks: [],
    clock: fixedClock(TEST_NOW),
    ...overrides,
    options: { defaultMetrics: false, ...overrides.options },
  });
  t.after(() => app.close());
  return { app, registry, logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
