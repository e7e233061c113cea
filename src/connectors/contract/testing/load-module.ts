import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectorUnderTestOf, type ConnectorUnderTest } from '../under-test.ts';

/** Why a connector module cannot be tested: the caller's mistake, not a contract failure. */
export class ConnectorModuleError extends Error {
  readonly reason: 'not-found' | 'unloadable' | 'wrong-shape';
  constructor(reason: ConnectorModuleError['reason'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectorModuleError';
    this.reason = reason;
  }
}

/**
 * The file URL of a connector module named on the command line: a path (relative to `cwd`) when
 * it looks like one or names an existing file, else a package resolved from `cwd`'s node_modules.
 */
export function resolveConnectorModule(specifier: string, cwd: string): string {
  const asPath = path.resolve(cwd, specifier);
  const looksLikePath = /^(\.{1,2}[\\/]|[\\/])/.test(specifier) || /\.[cm]?[jt]s$/.test(specifier);
  if (fs.existsSync(asPath)) {
    if (fs.statSync(asPath).isFile()) return pathToFileURL(asPath).href;
    if (looksLikePath)
      throw new ConnectorModuleError('not-found', `${specifier} is a directory, not a module`);
  }
  if (looksLikePath) throw new ConnectorModuleError('not-found', `cannot find connector module ${specifier}`);
  try {
    return pathToFileURL(createRequire(path.join(cwd, 'package.json')).resolve(specifier)).href;
  } catch {
    try {
      return import.meta.resolve(specifier);
    } catch {
      throw new ConnectorModuleError(
        'not-found',
        `cannot find connector module ${specifier} (neither a file nor an installed package)`,
      );
    }
  }
}

/** Imports a resolved connector module and checks that it exports a `ConnectorUnderTest`. */
export async function loadConnectorModule(url: string, label = url): Promise<ConnectorUnderTest> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConnectorModuleError('unloadable', `cannot load connector module ${label}: ${message}`, {
      cause: error,
    });
  }
  const found = connectorUnderTestOf(namespace);
  if (!found.ok) {
    throw new ConnectorModuleError(
      'wrong-shape',
      `${label} is not a connector module: ${found.problem} ` +
        '(expected `export default { connector(), fixtures(connector), close?() }`)',
    );
  }
  return found.value;
}
