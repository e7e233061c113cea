import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { ConnectorContext, ConnectorModule, OpenedConnector } from '../../connectors/index.ts';
import { ConfigError } from '../../platform/config/index.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import type { PlatformCrypto } from '../crypto.ts';

const CONNECTOR_PARTS = ['customers', 'accounts', 'resources'] as const;
const PIX_FUNCTIONS = [
  'listDebtorAccounts',
  'getDebtorAccount',
  'resolveKey',
  'submitTransfer',
  'getTransfer',
] as const;

/** Imports a connector module by path (relative to the installation file) or package name. */
export async function importConnectorModule(
  spec: string,
  baseDir: string,
  where: string,
): Promise<ConnectorModule> {
  const target =
    spec.startsWith('.') || path.isAbsolute(spec) ? pathToFileURL(path.resolve(baseDir, spec)).href : spec;
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(target)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([
      `${where}: connector module ${spec} could not be loaded: ${(error as Error).message}`,
    ]);
  }
  const create =
    loaded.createConnector ?? (loaded.default as Record<string, unknown> | undefined)?.createConnector;
  if (typeof create !== 'function') {
    throw new ConfigError([
      `${where}: connector module ${spec} does not export a createConnector(context) function`,
    ]);
  }
  return { createConnector: create as ConnectorModule['createConnector'] };
}

/** Names every missing part of an opened connector (the contract: src/connectors/contract). */
export function connectorShapeProblems(opened: OpenedConnector, needsPix: boolean): string[] {
  const problems: string[] = [];
  const connector = opened.connector as unknown as Record<string, unknown> | undefined;
  if (connector === undefined || typeof connector !== 'object')
    return ['createConnector returned no connector'];
  for (const part of CONNECTOR_PARTS) {
    if (typeof connector[part] !== 'object' || connector[part] === null)
      problems.push(`connector.${part} is missing`);
  }
  if (needsPix) {
    const pix = opened.pix as unknown as Record<string, unknown> | undefined;
    if (pix === undefined) problems.push('pix (the Pix rail) is missing, and the brand has the PAGTO role');
    else
      for (const fn of PIX_FUNCTIONS)
        if (typeof pix[fn] !== 'function') problems.push(`pix.${fn} is not a function`);
  }
  return problems;
}

/** Opens a brand's connector and checks it against the contract; a wrong shape is a ConfigError. */
export async function openConnector(
  module: ConnectorModule,
  context: ConnectorContext,
  where: string,
  needsPix: boolean,
): Promise<OpenedConnector> {
  const opened = await module.createConnector(context);
  const problems = connectorShapeProblems(opened, needsPix);
  if (problems.length > 0) {
    await opened.close?.().catch(() => {});
    throw new ConfigError(problems.map((p) => `${where}: ${p}`));
  }
  return opened;
}

export function connectorContext(
  base: Omit<ConnectorContext, 'cipher' | 'brandId' | 'brandName' | 'options'> & { crypto: PlatformCrypto },
  brand: { id: string; name: string; options: Record<string, unknown> },
): ConnectorContext {
  const { crypto, ...rest } = base;
  return {
    ...rest,
    brandId: brand.id,
    brandName: brand.name,
    options: brand.options,
    cipher: (hashDomain) =>
      createFieldCipher({ envelope: crypto.personalData, hasher: crypto.hasher, hashDomain }),
  };
}
