import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/index.ts';
import { CryptoErrorCode } from './errors.ts';

export const MASTER_KEY_BYTES = 32;

// A text header makes the file recognisable (and a truncated or foreign file detectable) without
// printing it; base64url of 32 bytes is exactly 43 characters.
const HEADER = 'ponte-master-key-v1:';
const FORMAT = /^ponte-master-key-v1:([A-Za-z0-9_-]{43})\n?$/;
const MAX_FILE_BYTES = 256;

export interface MasterKeyFile {
  readonly path: string;
  /** True when this call created the file (first start). */
  readonly created: boolean;
  readonly key: Buffer;
}

/**
 * Reads the 32-byte master key from `file`, creating it on first start (file 0600, directory
 * 0700). Refuses to continue when an existing file is accessible by group or others, or is not
 * a Ponte master key: a silently regenerated key would make every stored ciphertext unreadable.
 */
export async function loadOrCreateMasterKey(
  file: string,
  options: { create?: boolean } = {},
): Promise<MasterKeyFile> {
  const absolute = path.resolve(file);
  let created = false;
  if (!(await exists(absolute))) {
    if (options.create === false) {
      throw new AppError(CryptoErrorCode.KEY_FILE_MISSING, `Master key file ${absolute} does not exist`, {
        detail: { path: absolute },
      });
    }
    created = await createKeyFile(absolute);
  }
  const key = await readKeyFile(absolute);
  return { path: absolute, created, key };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Writes a fresh key to a private temporary file, then hard-links it into place: `link` fails if
 * the target exists, so two processes starting together never overwrite each other's key, and a
 * reader never sees a half-written file. Returns false when another process won the race.
 */
async function createKeyFile(file: string): Promise<boolean> {
  const dir = path.dirname(file);
  if (!(await exists(dir))) {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.chmod(dir, 0o700);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const key = randomBytes(MASTER_KEY_BYTES);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(`${HEADER}${key.toString('base64url')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
    key.fill(0);
  }
  try {
    await fs.link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function readKeyFile(file: string): Promise<Buffer> {
  const stat = await fs.stat(file);
  if (!stat.isFile()) malformed(file, 'not a regular file');
  // POSIX permission bits mean nothing on Windows; there the ACLs of the folder must protect it.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    throw new AppError(
      CryptoErrorCode.KEY_FILE_INSECURE,
      `Master key file ${file} is accessible by group or others (mode ${mode}); ` +
        `restrict it with \`chmod 600 ${file}\` and check who could have read it.`,
      { detail: { path: file, mode } },
    );
  }
  if (stat.size > MAX_FILE_BYTES) malformed(file, 'unexpected size');
  const match = FORMAT.exec(await fs.readFile(file, 'utf8'));
  const key = match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64url');
  if (key?.length !== MASTER_KEY_BYTES) malformed(file, `expected "${HEADER}" and ${MASTER_KEY_BYTES} bytes`);
  return key;
}

function malformed(file: string, why: string): never {
  throw new AppError(
    CryptoErrorCode.KEY_FILE_MALFORMED,
    `Master key file ${file} is malformed (${why}). Restore it from backup: ` +
      'data encrypted under the original key cannot be read without it.',
    { detail: { path: file } },
  );
}
