import { Command } from 'commander';

export function startCommand(): Command {
  return new Command('start')
    .description('start Ponte (embedded PostgreSQL unless DATABASE_URL is set) and serve until Ctrl-C')
    .action(async () => {
      // Heavy modules load only when the command runs, so `--help` and usage errors stay instant.
      const { loadConfig } = await import('../../platform/config/index.ts');
      const { startServer } = await import('../../app/server.ts');
      const config = loadConfig();
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
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
