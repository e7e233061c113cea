import {
  buildConnector,
  buildPixRail,
  ConnectorModuleError,
  loadConnectorModule,
  type ConnectorDeps,
  type CoreBankConnector,
  type PixRail,
} from '../../connectors/index.ts';
import { ConfigError } from '../../platform/config/index.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import type { PlatformCrypto } from '../crypto.ts';

/** A brand's core bank, opened from the connector module its installation file names. */
export interface OpenedConnector {
  connector: CoreBankConnector;
  pix: PixRail | undefined;
}

/** The platform services a connector module's factories receive. */
export function connectorDeps(
  base: Omit<ConnectorDeps, 'fieldCipher'> & { crypto: PlatformCrypto },
): ConnectorDeps {
  const { crypto, ...rest } = base;
  return {
    ...rest,
    fieldCipher: (hashDomain) =>
      createFieldCipher({ envelope: crypto.personalData, hasher: crypto.hasher, hashDomain }),
  };
}

/**
 * Loads a brand's connector module, builds its connector (and its Pix rail for a PAGTO brand) and
 * checks both against the contract. A module that is missing or of the wrong shape is a
 * ConfigError naming the brand's field and what is wrong, before anything listens.
 */
export async function openConnector(input: {
  where: string;
  spec: string;
  baseDir: string;
  options: Readonly<Record<string, unknown>>;
  pix: boolean;
  deps: ConnectorDeps;
  onTransferFinished: (brandId: string, endToEndId: string) => void;
}): Promise<OpenedConnector> {
  try {
    const module = await loadConnectorModule(input.spec, { baseDir: input.baseDir, pix: input.pix });
    const connector = await buildConnector(module, input.options, input.deps);
    const pix = input.pix
      ? await buildPixRail(module, input.options, {
          ...input.deps,
          onTransferFinished: input.onTransferFinished,
        })
      : undefined;
    return { connector, pix };
  } catch (error) {
    if (error instanceof ConnectorModuleError) throw new ConfigError([`${input.where}: ${error.message}`]);
    throw error;
  }
}
