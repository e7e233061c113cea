import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CryptoErrorCode } from './errors.ts';
import { loadOrCreateMasterKey } from './master-key-file.ts';

let root: string;
before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-master-key-'));
});
after(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;

describe('master key file', () => {
  it('is created on first start with mode 0600 in a new 0700 directory', async () => {
    const file = path.join(root, 'first', 'keys', 'master.key');
    const loaded = await loadOrCreateMasterKey(file);
    assert.equal(loaded.created, true);
    assert.equal(loaded.key.length, 32);
    assert.equal(await mode(file), 0o600);
    assert.equal(await mode(path.dirname(file)), 0o700);
    assert.deepEqual(
      await fs.readdir(path.dirname(file)),
      ['master.key'],
      'no temporary file is left behind',
    );
  });

  it('is read back unchanged on the next start', async () => {
    const file = path.join(root, 'again', 'master.key');
    const first = await loadOrCreateMasterKey(file);
    const second = await loadOrCreateMasterKey(file);
    assert.equal(second.created, false);
    assert.deepEqual(second.key, first.key);
  });

  it('yields one key when several processes start at the same moment', async () => {
    const file = path.join(root, 'race', 'master.key');
    const loads = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateMasterKey(file)));
    assert.equal(loads.filter((l) => l.created).length, 1);
    for (const l of loads) assert.deepEqual(l.key, loads[0]?.key);
  });

  for (const loose of [0o640, 0o604, 0o660]) {
    it(`refuses to start when the file has mode ${loose.toString(8)}`, async () => {
      const file = path.join(root, `loose-${loose.toString(8)}`, 'master.key');
      await loadOrCreateMasterKey(file);
      await fs.chmod(file, loose);
      await assert.rejects(loadOrCreateMasterKey(file), (error: Error & { code?: string }) => {
        assert.equal(error.code, CryptoErrorCode.KEY_FILE_INSECURE);
        assert.match(error.message, /chmod 600/);
        return true;
      });
    });
  }

  const malformed: Record<string, string> = {
    'random text': 'hello world\n',
    'a truncated key': 'ponte-master-key-v1:AAAAAAAAAAAAAAAA\n',
    'a key without the header': `${Buffer.alloc(32, 7).toString('base64url')}\n`,
    'an empty file': '',
  };
  for (const [name, content] of Object.entries(malformed)) {
    it(`refuses to start on ${name}, without printing the content`, async () => {
      const file = path.join(root, `bad-${name.replaceAll(' ', '-')}`, 'master.key');
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await fs.writeFile(file, content, { mode: 0o600 });
      await assert.rejects(loadOrCreateMasterKey(file), (error: Error & { code?: string }) => {
        assert.equal(error.code, CryptoErrorCode.KEY_FILE_MALFORMED);
        if (content.trim()) assert.ok(!error.message.includes(content.trim()));
        return true;
      });
      assert.equal(await fs.readFile(file, 'utf8'), content, 'the bad file is left for the operator');
    });
  }

  it('refuses a directory in place of the file', async () => {
    const file = path.join(root, 'dir-instead', 'master.key');
    await fs.mkdir(file, { recursive: true, mode: 0o700 });
    await assert.rejects(loadOrCreateMasterKey(file), { code: CryptoErrorCode.KEY_FILE_MALFORMED });
  });
});
