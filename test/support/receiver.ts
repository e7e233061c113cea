import fs from 'node:fs/promises';
import path from 'node:path';
import type { SimulatedServer } from '../../src/sim/ecosystem.ts';
import {
  createDirectoryClient,
  type DirectoryClient,
  type DirectoryClientOptions,
} from '../../src/directory/index.ts';
import { systemClock } from '../../src/platform/clock/index.ts';
import { createFieldCipher } from '../../src/platform/crypto/index.ts';
import type { Logger } from '../../src/platform/logger/index.ts';
import { createReceiver, type Receiver, type ReceiverDeps } from '../../src/receiver/index.ts';
import type { SimManifest } from '../../src/sim/manifest.ts';

/**
 * A receiver (src/receiver) for one of the manifest's softwares, built from the manifest and its
 * files as an installation would: its own directory client, its credentials, the server's
 * personal-data envelope. `close()` closes both.
 */
export async function receiverFromManifest(input: {
  server: SimulatedServer;
  simDir: string;
  logger: Logger;
  returnUrl: string;
  softwareIndex?: number;
  directory?: Partial<DirectoryClientOptions>;
  receiver?: Partial<ReceiverDeps>;
}): Promise<{
  receiver: Receiver;
  directory: DirectoryClient;
  software: SimManifest['softwares'][number];
  manifest: SimManifest;
  read(file: string): Promise<string>;
  close(): Promise<void>;
}> {
  const { server } = input;
  const manifest = server.ecosystem.manifest;
  const software = manifest.softwares[input.softwareIndex ?? 0]!;
  const read = (file: string) => fs.readFile(path.join(input.simDir, file), 'utf8');
  const ca = await read(manifest.caCertificateFile);
  const directory = createDirectoryClient({
    participantsUrl: manifest.directory.participantsUrl,
    keystoreJwksUrl: manifest.directory.keystoreJwksUrl,
    tokenUrl: manifest.directory.tokenEndpoint,
    apiBaseUrl: manifest.directory.apiBaseUrl,
    ssaIssuer: manifest.directory.ssaIssuer,
    ca,
    clock: systemClock,
    ...input.directory,
  });
  const receiver = await createReceiver({
    db: server.database.db,
    clock: systemClock,
    logger: input.logger,
    cipher: createFieldCipher({
      envelope: server.crypto.personalData,
      hasher: server.crypto.hasher,
      hashDomain: 'receiver',
    }),
    directory,
    credentials: {
      orgId: software.orgId,
      softwareStatementId: software.softwareStatementId,
      transport: {
        certificatePem: await read(software.transport.certificateFile),
        keyPem: await read(software.transport.keyFile),
      },
      signing: { keyPem: await read(software.signing.keyFile), kid: software.signing.kid },
      encryption: { keyPem: await read(software.encryption.keyFile), kid: software.encryption.kid },
      caPem: ca,
    },
    brandId: 'fintech-alfa',
    returnUrl: input.returnUrl,
    ...input.receiver,
  });
  return {
    receiver,
    directory,
    software,
    manifest,
    read,
    async close() {
      await receiver.close();
      await directory.close();
    },
  };
}
