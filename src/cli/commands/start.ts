import { Command } from 'commander';

export function startCommand(): Command {
  return new Command('start')
    .description('start Ponte (embedded PostgreSQL unless DATABASE_URL is set) and serve until Ctrl-C')
    .action(async () => {
      // Heavy modules load only when the command runs, so `--help` and usage errors stay instant.
      const { loadConfig } = await import('../../platform/config/index.ts');
      const config = loadConfig();
      // Tracing (when configured) starts before the composition root loads pg, fastify and undici,
      // so their instrumentation is in place when they are first imported.
      const { startTelemetry } = await import('../../platform/telemetry/index.ts');
      const telemetry = await startTelemetry(config.telemetry);
      const { startServer } = await import('../../app/server.ts');
      const server = await startServer(config);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            // A second Ctrl-C while draining: give up waiting.
            server.logger.warn('forced exit');
            process.exit(130);
          }
          stopping = true;
          server.logger.info({ signal }, 'shutting down');
          void server
            .close()
            // A last export that fails must not turn a clean stop into a crash.
            .then(() => telemetry.shutdown().catch(() => undefined))
            .then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
