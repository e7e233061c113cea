import path from 'node:path';
import { ConfigError, EnvReader, type Env } from './parse.ts';

export { ConfigError } from './parse.ts';
export type { Env } from './parse.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface DatabaseConfig {
  /** External PostgreSQL; when absent Ponte runs the embedded server. */
  url: string | undefined;
  embeddedPort: number;
  poolMax: number;
  /** Attempts to reach the database at start before giving up (with exponential backoff). */
  connectAttempts: number;
}

export interface Config {
  home: string;
  database: DatabaseConfig;
  http: {
    host: string;
    port: number;
    trustProxy: boolean;
    /** Which of host and port the environment set: they override an installation file's operator listener. */
    fromEnvironment: { host: boolean; port: boolean };
  };
  log: { level: (typeof LOG_LEVELS)[number]; pretty: boolean };
  crypto: {
    masterKeyFile: string;
    /**
     * Master keys replaced by `ponte keys rotate-master`, still accepted to unwrap data keys
     * (`PONTE_PREVIOUS_MASTER_KEY_FILES`, paths separated by commas); never used to wrap.
     */
    previousMasterKeyFiles: string[];
  };
  seed: { customers: number; seed: number };
  jobs: { enabled: boolean };
  /**
   * OpenTelemetry traces. Only whether they are on and the service name are read here; the SDK
   * reads the other standard `OTEL_*` variables itself (endpoint, protocol, headers, sampler).
   */
  telemetry: { enabled: boolean; serviceName: string };
  /** The simulated ecosystem (directory, holder brands, receiver softwares) that `start` runs. */
  sim: {
    enabled: boolean;
    basePort: number;
    host: string;
    /**
     * Origin of the outside clients' redirect and webhook URIs (the manifest's softwares): your
     * own app's, to run it against the simulator. By default a port of the simulator's range
     * where Ponte serves nothing.
     */
    clientOrigin: string | undefined;
    /**
     * Merged into every simulated brand's traffic limits (installation-file field names), so load
     * tests run against `npm start` with the limits still counted; checked like a file's limits.
     */
    limits: Record<string, unknown> | undefined;
  };
  /** The installation file (`--config` wins); none: the simulator or the operator listener alone. */
  installationFile: string | undefined;
  /** Roles of this process as a comma list (`--roles` wins); all by default. */
  roles: string | undefined;
}

/**
 * The only reader of the process environment (immich's config.repository spirit): everything
 * else receives a typed Config. Throws ConfigError listing every problem at once.
 * The configuration table in README.md documents each variable below; keep them in step.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const read = new EnvReader(env);
  const home = path.resolve(cwd, read.string('PONTE_HOME', '.ponte'));
  const config: Config = {
    home,
    database: {
      url: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      embeddedPort: read.int('PONTE_EMBEDDED_PG_PORT', 0, { min: 0, max: 65535 }),
      poolMax: read.int('PONTE_DB_POOL_MAX', 10, { min: 1, max: 500 }),
      connectAttempts: read.int('PONTE_DB_CONNECT_ATTEMPTS', 6, { min: 1, max: 100 }),
    },
    http: {
      host: read.string('PONTE_HTTP_HOST', '127.0.0.1'),
      port: read.int('PONTE_HTTP_PORT', 8080, { min: 0, max: 65535 }),
      trustProxy: read.bool('PONTE_TRUST_PROXY', false),
      fromEnvironment: {
        host: read.optionalString('PONTE_HTTP_HOST') !== undefined,
        port: read.optionalString('PONTE_HTTP_PORT') !== undefined,
      },
    },
    log: {
      level: read.oneOf('PONTE_LOG_LEVEL', 'info', LOG_LEVELS),
      pretty: read.bool('PONTE_LOG_PRETTY', Boolean(process.stdout.isTTY)),
    },
    crypto: {
      masterKeyFile: path.resolve(
        cwd,
        read.string('PONTE_MASTER_KEY_FILE', path.join(home, 'keys', 'master.key')),
      ),
      previousMasterKeyFiles: (read.optionalString('PONTE_PREVIOUS_MASTER_KEY_FILES') ?? '')
        .split(',')
        .map((file) => file.trim())
        .filter((file) => file !== '')
        .map((file) => path.resolve(cwd, file)),
    },
    seed: {
      customers: read.int('PONTE_SEED_CUSTOMERS', 200, { min: 0, max: 10_000_000 }),
      seed: read.int('PONTE_SEED', 42, { min: 0, max: 2 ** 31 - 1 }),
    },
    jobs: { enabled: read.bool('PONTE_JOBS', true) },
    telemetry: {
      // Off unless an OTLP endpoint is configured (standard variables, read by the SDK too).
      enabled:
        !read.bool('OTEL_SDK_DISABLED', false) &&
        read.optionalString('OTEL_TRACES_EXPORTER') !== 'none' &&
        (read.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:']) ??
          read.url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'])) !== undefined,
      serviceName: read.string('OTEL_SERVICE_NAME', 'ponte'),
    },
    sim: {
      enabled: read.bool('PONTE_SIM', true),
      basePort: read.int('PONTE_SIM_PORT', 8440, { min: 0, max: 65_500 }),
      host: read.string('PONTE_SIM_HOST', '127.0.0.1'),
      clientOrigin: read.url('PONTE_SIM_CLIENT_ORIGIN', ['https:'])?.replace(/\/+$/, ''),
      limits: read.jsonObject('PONTE_SIM_LIMITS'),
    },
    installationFile: read.optionalString('PONTE_CONFIG'),
    roles: read.optionalString('PONTE_ROLES'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
