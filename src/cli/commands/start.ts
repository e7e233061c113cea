import { Command } from 'commander';

export function startCommand(): Command {
  return new Command('start')
    .description(
      'start Ponte and serve until Ctrl-C: the installation of --config (or PONTE_CONFIG), else the simulated ecosystem (embedded PostgreSQL unless DATABASE_URL is set)',
    )
    .option('--config <file>', 'installation file (YAML, docs/installation.schema.json); also PONTE_CONFIG')
    .option(
      '--roles <list>',
      'roles of this process: authz,holder,payments,receiver,jobs,operator (default all); also PONTE_ROLES',
    )
    .action(async (options: { config?: string; roles?: string }) => {
      // Heavy modules load only when the command runs, so `--help` and usage errors stay instant.
      const { loadConfig } = await import('../../platform/config/index.ts');
      const { parseRoles } = await import('../../app/installation/roles.ts');
      const config = loadConfig();
      const roles = parseRoles(options.roles ?? config.roles);
      // Tracing (when configured) starts before the composition root loads pg, fastify and undici,
      // so their instrumentation is in place when they are first imported.
      const { startTelemetry } = await import('../../platform/telemetry/index.ts');
      const telemetry = await startTelemetry(config.telemetry);
      const file = options.config ?? config.installationFile;
      let server: {
        logger: { info(o: object, m: string): void; warn(m: string): void };
        close(): Promise<void>;
      };
      if (file !== undefined) {
        // An installation without the simulator: brands, listeners and connectors from the file.
        const { readInstallationFile } = await import('../../app/installation/read.ts');
        const { resolveInstallation } = await import('../../app/installation/resolve.ts');
        const { startServer } = await import('../../app/server.ts');
        const installation = await resolveInstallation(await readInstallationFile(file, process.env));
        server = await startServer(config, { installation, roles });
      } else if (config.sim.enabled) {
        // Imported only here: an installation never loads the simulator (src/app knows no sim).
        const { startSimulatedServer } = await import('../../sim/ecosystem.ts');
        server = await startSimulatedServer(config);
      } else {
        const { startServer } = await import('../../app/server.ts');
        server = await startServer(config, { roles });
      }
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
