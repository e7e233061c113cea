export interface TelemetryConfig {
  /** On only when an OTLP endpoint is configured and `OTEL_SDK_DISABLED` is not true (config module). */
  enabled: boolean;
  /** `OTEL_SERVICE_NAME`, `ponte` by default. */
  serviceName: string;
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Flushes pending spans and stops exporting; call once, after the servers closed. */
  shutdown(): Promise<void>;
}

const disabled: Telemetry = { enabled: false, shutdown: () => Promise.resolve() };

/**
 * Starts OpenTelemetry tracing (the official Node SDK, OTLP exporter). Call it before the modules
 * it instruments are imported (`pg`, `fastify`, `undici`): `ponte start` does so before it loads
 * the composition root. Off unless configured, and then nothing is loaded at all.
 *
 * The SDK reads the rest of the standard variables itself (`OTEL_EXPORTER_OTLP_*` endpoint,
 * protocol, headers and timeout, `OTEL_TRACES_SAMPLER`, `OTEL_RESOURCE_ATTRIBUTES`,
 * `OTEL_BSP_*` ...): https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 *
 * @example
 *   const telemetry = await startTelemetry(config.telemetry);
 *   const { startServer } = await import('../../app/server.ts'); // instrumented from here on
 */
export async function startTelemetry(config: TelemetryConfig): Promise<Telemetry> {
  if (!config.enabled) return disabled;
  // No ESM loader hook (import-in-the-middle) is needed: pg's ESM entry re-exports its CommonJS
  // build and fastify is CommonJS, so require-in-the-middle patches both when they first load
  // (after this call); undici and fetch report through diagnostics_channel. telemetry.test.ts
  // proves each kind of span arrives.
  const [{ NodeSDK }, { HttpInstrumentation }, { UndiciInstrumentation }, { PgInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-undici'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    instrumentations: [
      new HttpInstrumentation(),
      new UndiciInstrumentation(),
      // requireParentSpan: no root spans for pool housekeeping and pg-boss polling, only for SQL
      // run on behalf of a request or a job.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
    // Traces only: metrics stay on /metrics (prom-client) and logs on stdout (pino).
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown() {
      stopped ??= sdk.shutdown();
      return stopped;
    },
  };
}
