import { Command } from 'commander';
import type { SimManifest } from '../../sim/manifest.ts';

/**
 * `ponte simulate`: runs the quick simulator's journeys against a running `ponte start` (read from
 * its manifest) and prints a pass/fail report with timings; exit 1 when any step fails.
 */
export function simulateCommand(): Command {
  return new Command('simulate')
    .description('drive full journeys headlessly against the running demo ecosystem and report')
    .option('--manifest <file>', 'the ecosystem manifest (default: $PONTE_HOME/sim/manifest.json)')
    .action(async (options: { manifest?: string }) => {
      const fs = await import('node:fs/promises');
      const path = await import('node:path');
      const { loadConfig } = await import('../../platform/config/index.ts');
      const { runSimulation } = await import('../../sim/simulate.ts');
      const { formatStep, formatSummary } = await import('../../sim/simulate-report.ts');
      const file = options.manifest ?? path.join(loadConfig().home, 'sim', 'manifest.json');
      const text = await fs.readFile(file, 'utf8').catch(() => {
        throw new Error(`no manifest at ${file}: start the ecosystem first (npm start)`);
      });
      const manifest = JSON.parse(text) as SimManifest;
      const ca = await fs.readFile(path.join(path.dirname(file), manifest.caCertificateFile), 'utf8');
      process.stdout.write(`Ponte simulate: ${manifest.receiver?.apiBaseUrl ?? '(no receiver)'}\n`);
      const report = await runSimulation({
        manifest,
        ca,
        onStep: (step) => process.stdout.write(`${formatStep(step)}\n`),
      });
      process.stdout.write(`${formatSummary(report)}\n`);
      if (!report.ok) process.exitCode = 1;
    });
}
