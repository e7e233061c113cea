import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './support/cli.ts';

describe('ponte CLI', () => {
  it('prints help for every command and exits 0', async () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['migrate', '--help'],
      ['seed', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const result = await runCli(args);
      assert.equal(result.code, 0, `ponte ${args.join(' ')}`);
      assert.match(result.stdout, /Usage: ponte/);
    }
  });

  it('rejects an unknown command with exit code 2 and a hint', async () => {
    const result = await runCli(['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
    assert.match(result.stderr, /--help/);
  });

  it('rejects a malformed option value with exit code 2', async () => {
    const result = await runCli(['seed', '--customers', 'lots']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--customers <n>.*must be a whole number/);
  });

  it('refuses a malformed environment with exit code 78 and names every bad variable', async () => {
    const result = await runCli(['migrate'], { PONTE_HTTP_PORT: 'eighty', PONTE_LOG_LEVEL: 'loud' });
    assert.equal(result.code, 78);
    assert.match(result.stderr, /PONTE_HTTP_PORT must be a whole number/);
    assert.match(result.stderr, /PONTE_LOG_LEVEL must be one of/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });

  it('retries a database that is down, then exits 1 with a clear message', async () => {
    const result = await runCli(['migrate'], {
      DATABASE_URL: 'postgres://ponte:secret-pw@127.0.0.1:1/ponte',
      PONTE_DB_CONNECT_ATTEMPTS: '2',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /database not ready \(attempt 1/);
    assert.match(result.stderr, /PostgreSQL is unreachable after 2 attempt\(s\): ECONNREFUSED/);
    assert.doesNotMatch(result.stderr, /secret-pw/, 'the password never reaches the output');
  });
});
