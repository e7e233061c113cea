import { Command, InvalidArgumentError } from 'commander';
import type { SimManifest } from '../../sim/manifest.ts';

const ROLES = ['DADOS', 'PAGTO', 'CONTA', 'CCORR'] as const;

function roleList(value: string): Array<(typeof ROLES)[number]> {
  const roles = value.split(',').map((r) => r.trim().toUpperCase());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown role ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
  return roles as Array<(typeof ROLES)[number]>;
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new InvalidArgumentError('must be a port number (1-65535)');
  }
  return Number(value);
}

/**
 * `ponte sim enrol`: a bank's first sandbox day on one machine. The running simulator enrols the
 * institution (directory entry, BRCAC and BRSEAL from its CA) and this writes the files its own
 * Ponte starts from (`ponte start --config <out>/ponte.yaml`).
 */
function enrolCommand(): Command {
  return new Command('enrol')
    .description('enrol your own institution in the running simulator and write its installation')
    .requiredOption('--name <name>', 'institution name, e.g. "Banco X"')
    .requiredOption('--cnpj <cnpj>', 'CNPJ (14 digits)')
    .option('--roles <list>', 'regulatory roles, comma separated', roleList, roleList('DADOS,PAGTO'))
    .requiredOption('--out <dir>', 'folder for ponte.yaml, enrolment.json and the certificates')
    .option('--host <host>', 'where its Ponte will listen', '127.0.0.1')
    .option('--public-port <port>', 'public listener port (default: a free one)', port)
    .option('--mtls-port <port>', 'mTLS listener port (default: a free one)', port)
    .option('--customers <n>', 'synthetic customers of its sample bank', port, 24)
    .option('--manifest <file>', 'the simulator manifest (default: $PONTE_HOME/sim/manifest.json)')
    .action(
      async (options: {
        name: string;
        cnpj: string;
        roles: Array<(typeof ROLES)[number]>;
        out: string;
        host: string;
        publicPort?: number;
        mtlsPort?: number;
        customers: number;
        manifest?: string;
      }) => {
        const fs = await import('node:fs/promises');
        const path = await import('node:path');
        const { loadConfig } = await import('../../platform/config/index.ts');
        const { freePort } = await import('../../platform/db/index.ts');
        const { writeEnrolment } = await import('../../sim/enrol-files.ts');
        const cnpj = options.cnpj.replace(/[./-]/g, '');
        const file = options.manifest ?? path.join(loadConfig().home, 'sim', 'manifest.json');
        const text = await fs.readFile(file, 'utf8').catch(() => {
          throw new Error(`no manifest at ${file}: start the simulator first (npm start)`);
        });
        const manifest = JSON.parse(text) as SimManifest;
        if (!manifest.simulator)
          throw new Error(`${file} names no enrolment endpoint: restart the simulator`);
        const token = (
          await fs.readFile(path.join(path.dirname(file), manifest.simulator.tokenFile), 'utf8')
        ).trim();
        const publicPort = options.publicPort ?? (await freePort());
        let mtlsPort = options.mtlsPort ?? (await freePort());
        // Two free ports asked in a row may be the same one (nothing binds in between).
        while (options.mtlsPort === undefined && mtlsPort === publicPort) mtlsPort = await freePort();
        const response = await fetch(manifest.simulator.enrolmentsUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            name: options.name,
            cnpj,
            roles: options.roles,
            publicBaseUrl: `https://${options.host}:${publicPort}`,
            mtlsBaseUrl: `https://${options.host}:${mtlsPort}`,
          }),
        }).catch((error: unknown) => {
          throw new Error(
            `the simulator at ${manifest.simulator!.enrolmentsUrl} is unreachable: ${String(error)}`,
          );
        });
        const answer = (await response.json()) as Record<string, unknown>;
        if (response.status !== 201) {
          const detail = (answer.errors as Array<{ detail?: string }> | undefined)?.[0]?.detail;
          throw new Error(
            `the simulator refused the enrolment (${response.status}): ${detail ?? JSON.stringify(answer)}`,
          );
        }
        const out = path.resolve(options.out);
        const summary = await writeEnrolment({
          out,
          answer: answer as unknown as Parameters<typeof writeEnrolment>[0]['answer'],
          listen: { host: options.host, publicPort, mtlsPort },
          customers: options.customers,
        });
        process.stdout.write(
          [
            `Enrolled ${summary.name} (organisation ${summary.orgId}, software ${summary.softwareStatementId})`,
            `  issuer      ${summary.issuer}`,
            `  APIs (mTLS) ${summary.apiBaseUrl}`,
            `  wrote       ${summary.installationFile}, ${path.join(out, 'enrolment.json')}, certs/`,
            `Start it:    DATABASE_URL=postgres://… ponte start --config ${summary.installationFile}`,
            '',
          ].join('\n'),
        );
      },
    );
}

export function simCommand(): Command {
  return new Command('sim')
    .description('the simulated ecosystem: enrol your own institution')
    .addCommand(enrolCommand());
}
