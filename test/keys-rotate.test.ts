import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { systemClock } from '../src/platform/clock/index.ts';
import {
  createDataKeyStore,
  createEnvelope,
  createKeyedHasher,
  createLocalFileKek,
  fieldAad,
  openHashKeys,
} from '../src/platform/crypto/index.ts';
import { createTestDatabase } from '../src/platform/db/testing.ts';
import { runCli } from './support/cli.ts';

const tdb = await createTestDatabase();
const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-keys-'));
after(() => fs.rm(home, { recursive: true, force: true }));
const oldFile = path.join(home, 'keys', 'master.key');
const newFile = path.join(home, 'keys', 'master-2.key');
const store = createDataKeyStore(tdb.db);
const aad = fieldAad('customers', 'cpf', 'c-1');
const env = { DATABASE_URL: tdb.url, PONTE_HOME: home, PONTE_MASTER_KEY_FILE: oldFile };

describe('ponte keys rotate-master', () => {
  it('generates the new key file 0600, re-wraps every data key in batches and says what to do next', async () => {
    const oldKek = await createLocalFileKek({ path: oldFile });
    const personal = createEnvelope({ store, kek: oldKek, clock: systemClock, purpose: 'personal-data' });
    await personal.ready();
    await personal.rotate();
    const ciphertext = personal.encrypt('123.456.789-09', aad);
    const hash = createKeyedHasher(await openHashKeys({ store, kek: oldKek, clock: systemClock })).keyedHash(
      '12345678909',
      'cpf',
    );

    const run = await runCli(
      ['keys', 'rotate-master', '--new-key-file', newFile, '--generate', '--batch-size', '2'],
      env,
    );

    assert.equal(run.code, 0, run.stderr);
    const newKek = await createLocalFileKek({ path: newFile, create: false });
    assert.equal((await fs.stat(newFile)).mode & 0o777, 0o600);
    assert.match(run.stdout, new RegExp(`created new master key ${newKek.id}`));
    assert.match(
      run.stdout,
      /re-wrapped 3 data key\(s\) in 2 batch\(es\); 0 already under the new key; 3 in all; 0 left/,
    );
    assert.match(
      run.stdout,
      new RegExp(`PONTE_MASTER_KEY_FILE=${newFile} and PONTE_PREVIOUS_MASTER_KEY_FILES=${oldFile}`),
    );
    const { rows } = await tdb.pool.query<{ kek_id: string }>('SELECT DISTINCT kek_id FROM data_keys');
    assert.deepEqual(rows, [{ kek_id: newKek.id }]);

    // Restarted on the new key alone: the data and the hashes written before are intact.
    const restarted = createEnvelope({ store, kek: newKek, clock: systemClock, purpose: 'personal-data' });
    await restarted.ready();
    await restarted.loadKeys();
    assert.equal(restarted.decryptString(ciphertext, aad), '123.456.789-09');
    const hasher = createKeyedHasher(await openHashKeys({ store, kek: newKek, clock: systemClock }));
    assert.deepEqual(hasher.keyedHash('12345678909', 'cpf'), hash);
  });

  it('re-wraps nothing on a second run with the new key configured and the old one as previous', async () => {
    const run = await runCli(['keys', 'rotate-master', '--new-key-file', newFile], {
      ...env,
      PONTE_MASTER_KEY_FILE: newFile,
      PONTE_PREVIOUS_MASTER_KEY_FILES: oldFile,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /using new master key/);
    assert.match(run.stdout, /re-wrapped 0 data key\(s\) in 0 batch\(es\); 3 already under the new key/);
  });

  it('refuses a missing new key file without --generate (exit 2) and a missing previous key (exit 1)', async () => {
    const missing = path.join(home, 'keys', 'nope.key');
    const usage = await runCli(['keys', 'rotate-master', '--new-key-file', missing], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /does not exist; pass --generate/);
    await assert.rejects(fs.stat(missing), { code: 'ENOENT' });

    const previous = await runCli(['keys', 'rotate-master', '--new-key-file', newFile], {
      ...env,
      PONTE_MASTER_KEY_FILE: newFile,
      PONTE_PREVIOUS_MASTER_KEY_FILES: missing,
    });
    assert.equal(previous.code, 1);
    assert.match(previous.stderr, /nope\.key does not exist/);
  });

  it('prints help with the order to follow and exits 0', async () => {
    const run = await runCli(['keys', 'rotate-master', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: ponte keys rotate-master/);
    assert.match(run.stdout, /PONTE_PREVIOUS_MASTER_KEY_FILES=OLD/);
  });
});
