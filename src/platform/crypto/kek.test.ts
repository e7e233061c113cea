import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { CryptoErrorCode } from './errors.ts';
import { createLocalFileKek, kekFromMasterKey } from './kek.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

describe('local file KEK', () => {
  it('wraps and unwraps a data key', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-kek-'));
    dirs.push(dir);
    const kek = await createLocalFileKek({ path: path.join(dir, 'master.key') });
    const dek = randomBytes(32);
    const wrapped = await kek.wrap(dek);
    assert.ok(!wrapped.includes(dek), 'the wrapped form does not contain the key');
    assert.deepEqual(await kek.unwrap(wrapped), dek);
  });

  it('keeps its id across restarts, and the id reveals nothing of the key', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ponte-kek-'));
    dirs.push(dir);
    const file = path.join(dir, 'master.key');
    const first = await createLocalFileKek({ path: file });
    const second = await createLocalFileKek({ path: file });
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);
    assert.match(first.id, /^local:[0-9a-f]{16}$/);
    const dek = randomBytes(32);
    assert.deepEqual(await second.unwrap(await first.wrap(dek)), dek);
    const encoded = (await fs.readFile(file, 'utf8')).split(':')[1]?.trim() ?? '';
    assert.ok(encoded.length > 40);
    assert.ok(
      !inspect(first, { depth: 5, showHidden: true }).includes(encoded),
      'inspect does not show the key',
    );
    assert.ok(!JSON.stringify(first).includes(encoded));
  });

  it('refuses to unwrap what another master key wrapped', async () => {
    const a = kekFromMasterKey(randomBytes(32));
    const b = kekFromMasterKey(randomBytes(32));
    assert.notEqual(a.id, b.id);
    await assert.rejects(b.unwrap(await a.wrap(randomBytes(32))), { code: CryptoErrorCode.UNWRAP_FAILED });
  });

  it('refuses a tampered wrapped key', async () => {
    const kek = kekFromMasterKey(randomBytes(32));
    const wrapped = await kek.wrap(randomBytes(32));
    for (const offset of [0, 5, 20, wrapped.length - 1]) {
      const bad = Buffer.from(wrapped);
      bad[offset] = (bad[offset] ?? 0) ^ 0x01;
      await assert.rejects(kek.unwrap(bad), { code: CryptoErrorCode.UNWRAP_FAILED }, `byte ${offset}`);
    }
    await assert.rejects(kek.unwrap(wrapped.subarray(0, 20)), { code: CryptoErrorCode.UNWRAP_FAILED });
  });

  it('still derives hash keys after the caller wipes its copy of the master key', () => {
    const master = randomBytes(32);
    const expected = kekFromMasterKey(Buffer.from(master)).deriveHashKey('cpf');
    const kek = kekFromMasterKey(master);
    master.fill(0);
    assert.deepEqual(kek.deriveHashKey('cpf'), expected);
  });
});
