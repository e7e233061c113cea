import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../platform/config/index.ts';
import { parseRoles, ROLES } from './roles.ts';

describe('parseRoles', () => {
  it('defaults to every role (unset or blank)', () => {
    assert.deepEqual([...parseRoles(undefined)], [...ROLES]);
    assert.deepEqual([...parseRoles('  ')], [...ROLES]);
  });

  it('reads `all` as every role', () => {
    assert.deepEqual([...parseRoles('all')], [...ROLES]);
  });

  it('reads a comma list, trimming spaces and empty entries', () => {
    assert.deepEqual([...parseRoles(' authz, holder,,jobs ')], ['authz', 'holder', 'jobs']);
  });

  it('names an unknown role in a ConfigError, with the known ones', () => {
    assert.throws(
      () => parseRoles('authz,teller'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 1 &&
        error.problems[0] ===
          'unknown role teller (known: authz, holder, payments, receiver, jobs, operator)',
    );
  });

  it('names every unknown role at once', () => {
    assert.throws(
      () => parseRoles('teller,holder,vault'),
      (error: unknown) =>
        error instanceof ConfigError && /unknown roles teller, vault /.test(error.problems[0]!),
    );
  });
});
