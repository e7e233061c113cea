import { Command } from 'commander';
import { auditCommand } from './commands/audit.ts';
import { connectorTestCommand } from './commands/connector-test.ts';
import { keysCommand } from './commands/keys.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedCommand } from './commands/seed.ts';
import { simCommand } from './commands/sim.ts';
import { simulateCommand } from './commands/simulate.ts';
import { startCommand } from './commands/start.ts';

export function buildProgram(): Command {
  const program = new Command('ponte')
    .description('Ponte: Open Finance Brasil platform')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const command of [
    startCommand(),
    migrateCommand(),
    seedCommand(),
    auditCommand(),
    simulateCommand(),
    simCommand(),
    connectorTestCommand(),
    keysCommand(),
  ]) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}
