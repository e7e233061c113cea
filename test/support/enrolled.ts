import type { ChildProcess } from 'node:child_process';
import { Agent, fetch as undiciFetch } from 'undici';
import { openCrypto } from '../../src/app/crypto.ts';
import type { Participant as DirectoryParticipant } from '../../src/directory/index.ts';
import { loadConfig } from '../../src/platform/config/index.ts';
import { createFieldCipher } from '../../src/platform/crypto/index.ts';
import { openDatabase } from '../../src/platform/db/bootstrap.ts';
import { createSampleBankConnector } from '../../src/sample-bank/index.ts';
import { SAMPLE_BANK_HASH_DOMAIN } from '../../src/sample-bank/module.ts';
import { spawnCli } from './cli.ts';
import type { AuthorisationServerRef, Participant } from './participant.ts';
import { payingCustomerOf } from './sim.ts';

/**
 * `ponte start --config <file>` as a process of its own, started and awaited until `readyUrl`
 * (its brand's discovery document, over TLS trusting `ca`) answers 200. Its output is kept for
 * the failure message; `stop()` sends SIGTERM, then SIGKILL if it does not leave in time.
 */
export async function startPonteProcess(input: {
  args: string[];
  env: Record<string, string>;
  readyUrl: string;
  ca: string;
  timeoutMs?: number;
}): Promise<{ child: ChildProcess; output(): string; stop(): Promise<void> }> {
  const child = spawnCli(input.args, input.env);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const agent = new Agent({ connect: { ca: input.ca } });
  const deadline = Date.now() + (input.timeoutMs ?? 90_000);
  try {
    for (;;) {
      if (gone) throw new Error(`ponte ${input.args.join(' ')} exited before serving:\n${output}`);
      const status = await undiciFetch(input.readyUrl, { dispatcher: agent }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`${input.readyUrl} not answering in time:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await agent.close();
  }
  return { child, output: () => output, stop };
}

/** A holder as an outside client finds it in the participants list: by CNPJ, then its server. */
export interface ListedHolder {
  organisation: DirectoryParticipant;
  /** Its authorisation server's `OpenIDDiscoveryDocument`. */
  discoveryUrl: string;
  /** The endpoint the authorisation server publishes for an API family (`ApiFamilyType`). */
  endpoint(family: string): string;
}

export async function holderInDirectory(
  p: Participant,
  participantsUrl: string,
  cnpj: string,
): Promise<ListedHolder> {
  const participants = (await (await p.fetch(participantsUrl)).json()) as DirectoryParticipant[];
  const organisation = participants.find((o) => o.RegistrationNumber === cnpj);
  if (organisation === undefined) throw new Error(`no participant with CNPJ ${cnpj}`);
  const [server] = organisation.AuthorisationServers;
  if (server === undefined) throw new Error(`${organisation.OrganisationName} has no authorisation server`);
  return {
    organisation,
    discoveryUrl: server.OpenIDDiscoveryDocument,
    endpoint(family) {
      const resource = server.ApiResources.find((r) => r.ApiFamilyType === family);
      const url = resource?.ApiDiscoveryEndpoints[0]?.ApiEndpoint;
      if (url === undefined) throw new Error(`${organisation.OrganisationName} publishes no ${family} API`);
      return url;
    },
  };
}

/** The issuer the discovery document names, with its URL: where openid-client starts. */
export async function authorisationServerAt(
  p: Participant,
  discoveryUrl: string,
): Promise<AuthorisationServerRef> {
  const discovery = (await (await p.fetch(discoveryUrl)).json()) as { issuer: string };
  return { issuer: discovery.issuer, discoveryUrl };
}

/**
 * A demo customer who can pay at a brand served by another process: its sample bank read
 * directly from that process's database, with the master key of its PONTE_HOME.
 */
export async function payingCustomerAt<C extends { type: string; cpf: string }>(input: {
  home: string;
  databaseUrl: string;
  brandId: string;
  customers: C[];
  atLeast: number;
}): Promise<C> {
  const config = loadConfig({ PONTE_HOME: input.home, DATABASE_URL: input.databaseUrl });
  const database = await openDatabase(config.database, config.home, undefined, { migrate: false });
  try {
    const crypto = await openCrypto(config, database.db);
    const cipher = createFieldCipher({
      envelope: crypto.personalData,
      hasher: crypto.hasher,
      hashDomain: SAMPLE_BANK_HASH_DOMAIN,
    });
    const connector = createSampleBankConnector({ db: database.db, cipher });
    return await payingCustomerOf(connector, input.brandId, input.customers, input.atLeast);
  } finally {
    await database.close();
  }
}
