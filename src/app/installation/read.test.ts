import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../platform/config/index.ts';
import { interpolate, schemaProblems, validateInstallation } from './read.ts';

describe('interpolate', () => {
  it('replaces ${VAR} in nested strings and arrays, leaving other values as they are', () => {
    const problems: string[] = [];
    const result = interpolate(
      {
        a: 'key-${SECRET}',
        nested: { list: ['${HOST}:${PORT}', 'plain', 7, true, null] },
        count: 3,
      },
      { SECRET: 's3cr3t', HOST: 'db', PORT: '5432' },
      problems,
    );
    assert.deepEqual(result, {
      a: 'key-s3cr3t',
      nested: { list: ['db:5432', 'plain', 7, true, null] },
      count: 3,
    });
    assert.deepEqual(problems, []);
  });

  it('keeps $${VAR} literally as ${VAR}, without reading the variable', () => {
    const problems: string[] = [];
    const result = interpolate({ template: 'Bearer $${TOKEN}' }, { TOKEN: 'read-by-mistake' }, problems);
    assert.deepEqual(result, { template: 'Bearer ${TOKEN}' });
    assert.deepEqual(problems, []);
  });

  it('reports a missing variable with the path where it is used', () => {
    const problems: string[] = [];
    interpolate({ brands: [{ internalApi: { keys: [{ key: '${NOT_SET}' }] } }] }, {}, problems);
    assert.deepEqual(problems, ['/brands/0/internalApi/keys/0/key: environment variable NOT_SET is not set']);
  });

  it('reports every missing variable, not only the first', () => {
    const problems: string[] = [];
    interpolate({ a: '${ONE}', b: ['${TWO}'] }, {}, problems);
    assert.deepEqual(problems, [
      '/a: environment variable ONE is not set',
      '/b/0: environment variable TWO is not set',
    ]);
  });

  it('does not interpolate keys', () => {
    const problems: string[] = [];
    const result = interpolate({ headers: { '${NAME}': 'value' } }, { NAME: 'x-replaced' }, problems);
    assert.deepEqual(result, { headers: { '${NAME}': 'value' } });
    assert.deepEqual(problems, []);
  });
});

/** The smallest installation the schema accepts. */
const minimal = () => ({ directory: { preset: 'sandbox' } });

describe('schemaProblems', () => {
  it('finds nothing in a valid document', () => {
    assert.deepEqual(schemaProblems(minimal()), []);
  });

  it('names an unknown field with its path', () => {
    const problems = schemaProblems({ ...minimal(), listeners: { mode: 'tls', colour: 'blue' } });
    assert.ok(
      problems.some((p) => p.startsWith('/listeners: ') && p.endsWith('unknown field colour')),
      problems.join('\n'),
    );
  });

  it('names a missing required field', () => {
    const problems = schemaProblems({});
    assert.ok(
      problems.some((p) => p.endsWith('missing directory')),
      problems.join('\n'),
    );
  });

  it('reports all problems at once', () => {
    const problems = schemaProblems({ directory: { preset: 'sandbox', extra: 1 }, receivers: 'none' });
    assert.ok(problems.some((p) => p.startsWith('/directory: ') && p.includes('unknown field extra')));
    assert.ok(problems.some((p) => p.startsWith('/receivers: ')));
  });
});

describe('validateInstallation', () => {
  it('returns the interpolated document and the folder its paths are relative to', () => {
    const source = validateInstallation(
      { directory: { preset: 'sandbox', caFile: '${CA}' } },
      { CA: 'ca.pem' },
      '/etc/ponte',
      '/etc/ponte/ponte.yaml',
    );
    assert.equal(source.file.directory.caFile, 'ca.pem');
    assert.equal(source.baseDir, '/etc/ponte');
    assert.equal(source.origin, '/etc/ponte/ponte.yaml');
  });

  it('throws one ConfigError with every problem, each prefixed by the file', () => {
    assert.throws(
      () =>
        validateInstallation(
          { directory: { caFile: '${MISSING}' }, brands: [{ id: 'x' }], colour: 'blue' },
          {},
          '/etc/ponte',
          '/etc/ponte/ponte.yaml',
        ),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const problems = error.problems;
        assert.ok(
          problems.every((p) => p.startsWith('/etc/ponte/ponte.yaml: ')),
          problems.join('\n'),
        );
        assert.ok(
          problems.some((p) => p.includes('/directory/caFile: environment variable MISSING is not set')),
        );
        assert.ok(problems.some((p) => p.includes('unknown field colour')));
        assert.ok(problems.some((p) => p.includes('/brands/0: ') && p.includes('missing name')));
        return true;
      },
    );
  });
});
