import { Type } from 'typebox';
import type { PonteApp } from './types.ts';

/** Something the process needs to serve traffic (the database, the keystore ...). */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects (or exceeds the timeout) when not. */
  check(): Promise<void>;
}

type CheckStatus = 'ok' | 'failed' | 'timeout';

const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Record(
    Type.String(),
    Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('timeout')]),
  ),
});

/** Never rejects: a check that fails after its timeout must not become an unhandled rejection. */
async function runCheck(
  check: ReadinessCheck,
  timeoutMs: number,
  onFailure: (error: unknown) => void,
): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckStatus>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = Promise.resolve()
    .then(() => check.check())
    .then(
      (): CheckStatus => 'ok',
      (error: unknown): CheckStatus => {
        onFailure(error);
        return 'failed';
      },
    );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health/live` (the process answers) and `GET /health/ready` (its dependencies answer,
 * each within `timeoutMs`). Failures are logged; the body names the check, never the error.
 * While the app closes, Fastify answers 503 to new requests (`return503OnClosing`), so a load
 * balancer stops routing here before the in-flight requests end.
 */
export function registerHealthRoutes(
  app: PonteApp,
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): void {
  const quiet = { logLevel: 'warn' } as const; // probes run every few seconds
  app.get(
    '/health/live',
    { ...quiet, schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/health/ready',
    { ...quiet, schema: { response: { 200: Readiness, 503: Readiness } } },
    async (request, reply) => {
      const results = await Promise.all(
        checks.map(async (check) => {
          const status = await runCheck(check, timeoutMs, (error) => {
            request.log.warn({ check: check.name, err: error }, 'readiness check failed');
          });
          if (status === 'timeout')
            request.log.warn({ check: check.name, timeoutMs }, 'readiness check timed out');
          return [check.name, status] as const;
        }),
      );
      const ready = results.every(([, status]) => status === 'ok');
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
    },
  );
}
