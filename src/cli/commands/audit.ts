import { Command } from 'commander';

export function auditCommand(): Command {
  const audit = new Command('audit').description('tamper-evident audit log');
  audit
    .command('verify')
    .description('re-derive every hash of the audit chain; exit 1 at the first broken link')
    .action(async () => {
      const { formatAuditVerification, verifyAuditChain } = await import('../../platform/audit/index.ts');
      const { withDatabase } = await import('../context.ts');
      await withDatabase(async ({ database }) => {
        const result = await verifyAuditChain(database.db);
        process.stdout.write(`${formatAuditVerification(result)}\n`);
        if (!result.ok) process.exitCode = 1;
      });
    });
  return audit;
}
