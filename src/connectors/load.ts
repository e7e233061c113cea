import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoreBankConnector } from './contract/connector.ts';
import type { ConnectorDeps, ConnectorModule, PixRail, PixRailDeps } from './contract/module.ts';
import { connectorShapeProblems, pixRailShapeProblems, wrong } from './contract/shape.ts';
import { resolvePonteToSelf } from './self-resolve.ts';

/** Why a connector module cannot be used: the operator's mistake, said in one clear line. */
export class ConnectorModuleError extends Error {
  readonly reason: 'not-found' | 'unloadable' | 'wrong-shape';
  constructor(reason: ConnectorModuleError['reason'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectorModuleError';
    this.reason = reason;
  }
}

/**
 * The file URL of a connector module: a path (relative to `baseDir`, the config file's folder or
 * the working directory) when it looks like one or names an existing file, else a package
 * resolved from `baseDir`'s node_modules.
 */
export function resolveConnectorModule(specifier: string, baseDir: string): string {
  const asPath = path.resolve(baseDir, specifier);
  const looksLikePath = /^(\.{1,2}[\\/]|[\\/])/.test(specifier) || /\.[cm]?[jt]s$/.test(specifier);
  if (fs.existsSync(asPath)) {
    if (fs.statSync(asPath).isFile()) return pathToFileURL(asPath).href;
    if (looksLikePath)
      throw new ConnectorModuleError('not-found', `${specifier} is a directory, not a module`);
  }
  if (looksLikePath) throw new ConnectorModuleError('not-found', `cannot find connector module ${specifier}`);
  try {
    return pathToFileURL(createRequire(path.join(baseDir, 'package.json')).resolve(specifier)).href;
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

/**
 * Imports a resolved module (with `ponte/…` resolving to this Ponte, see `resolvePonteToSelf`);
 * a module that throws or does not parse is `unloadable`, with its first line of error.
 */
export async function importConnectorModule(url: string, label = url): Promise<Record<string, unknown>> {
  resolvePonteToSelf();
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConnectorModuleError('unloadable', `cannot load connector module ${label}: ${message}`, {
      cause: error,
    });
  }
}

export interface LoadConnectorOptions {
  /** Where a relative path is taken from: the installation config file's folder. */
  readonly baseDir: string;
  /** A brand of the installation has the payments role (PAGTO): the module must offer `createPixRail`. */
  readonly pix?: boolean;
}

/** A connector module as loaded and checked: its factories, and what to call it in messages. */
export interface LoadedConnectorModule extends ConnectorModule {
  readonly label: string;
  readonly url: string;
}

/**
 * Loads the institution's connector module named by the installation config (a path or a package
 * name) and checks its exports against the contract: `createConnector` (and `createPixRail` when
 * `pix` is asked) as named exports or on the default export. Throws `ConnectorModuleError` naming
 * the module and exactly what is missing or of the wrong type.
 *
 * @example
 *   const mod = await loadConnectorModule(config.connector.module, { baseDir: path.dirname(configFile), pix: true });
 *   const connector = await buildConnector(mod, config.connector.options, deps);
 */
export async function loadConnectorModule(
  spec: string,
  options: LoadConnectorOptions,
): Promise<LoadedConnectorModule> {
  const url = resolveConnectorModule(spec, options.baseDir);
  const namespace = await importConnectorModule(url, spec);
  const exports = exportsOf(namespace);
  if (exports === undefined) {
    throw shapeError(spec, [wrong('its default export', namespace.default, 'an object')]);
  }
  const problems: string[] = [];
  if (typeof exports.createConnector !== 'function') {
    problems.push(wrong('createConnector', exports.createConnector, 'a function'));
  }
  if (exports.createPixRail !== undefined && typeof exports.createPixRail !== 'function') {
    problems.push(wrong('createPixRail', exports.createPixRail, 'a function'));
  } else if (options.pix && exports.createPixRail === undefined) {
    problems.push('createPixRail is missing (a brand has the payments role, PAGTO)');
  }
  if (problems.length > 0) throw shapeError(spec, problems);
  const module = exports as unknown as ConnectorModule;
  return {
    label: spec,
    url,
    createConnector: (o, d) => module.createConnector(o, d),
    ...(module.createPixRail && {
      createPixRail: (o: Readonly<Record<string, unknown>>, d: PixRailDeps) => module.createPixRail!(o, d),
    }),
  };
}

/** Calls the module's `createConnector` and checks that what it built has every contract method. */
export async function buildConnector(
  mod: LoadedConnectorModule,
  options: Readonly<Record<string, unknown>>,
  deps: ConnectorDeps,
): Promise<CoreBankConnector> {
  const connector: unknown = await mod.createConnector(options, deps);
  const problems = connectorShapeProblems(connector);
  if (problems.length > 0)
    throw shapeError(mod.label, problems, 'createConnector() returned a connector where ');
  return connector as CoreBankConnector;
}

/** Calls the module's `createPixRail` and checks that the rail has every contract method. */
export async function buildPixRail(
  mod: LoadedConnectorModule,
  options: Readonly<Record<string, unknown>>,
  deps: PixRailDeps,
): Promise<PixRail> {
  if (!mod.createPixRail) throw shapeError(mod.label, ['createPixRail is missing']);
  const rail: unknown = await mod.createPixRail(options, deps);
  const problems = pixRailShapeProblems(rail);
  if (problems.length > 0) throw shapeError(mod.label, problems, 'createPixRail() returned a rail where ');
  return rail as PixRail;
}

/** The named exports, else the default export when it is an object (a `satisfies ConnectorModule` literal). */
function exportsOf(namespace: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof namespace.createConnector === 'function') return namespace;
  const fallback = namespace.default;
  if (fallback === undefined) return namespace;
  return typeof fallback === 'object' && fallback !== null
    ? (fallback as Record<string, unknown>)
    : undefined;
}

function shapeError(label: string, problems: readonly string[], lead = ''): ConnectorModuleError {
  return new ConnectorModuleError(
    'wrong-shape',
    `${label} is not a Ponte connector module: ${lead}${problems.join('; ')} ` +
      '(expected `export function createConnector(options, deps)`, and `createPixRail(options, deps)` ' +
      'for payments; see docs/connectors.md)',
  );
}
