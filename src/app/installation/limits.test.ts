import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENDPOINTS } from '../../holder/index.ts';
import { limitProblems } from './limits.ts';

const AT = '/brands/0/limits';

/** The one problem `file` has, or a failure listing what was found instead. */
function onlyProblem(file: Parameters<typeof limitProblems>[0]): string {
  const { problems } = limitProblems(file, AT);
  assert.equal(problems.length, 1, problems.join('\n'));
  return problems[0]!;
}

describe('limitProblems: the regulatory minimums', () => {
  it('finds nothing in an empty section (every limit stays the regulatory one)', () => {
    assert.deepEqual(limitProblems({}, AT), { limits: {}, problems: [] });
  });

  it('globalTps: at least 300 (DIGEST §8.4)', () => {
    assert.match(
      onlyProblem({ globalTps: 299 }),
      /^\/brands\/0\/limits\/globalTps: 299 is below the regulatory minimum 300 /,
    );
    assert.deepEqual(limitProblems({ globalTps: 300 }, AT).problems, []);
  });

  const tpm = { MEDIUM_HIGH: 2000, MEDIUM: 1500, LOW: 1000 };
  for (const [klass, minimum] of Object.entries(tpm) as Array<[keyof typeof tpm, number]>) {
    it(`tpm ${klass}: at least ${minimum} per client`, () => {
      assert.match(
        onlyProblem({ tpm: { ...tpm, [klass]: minimum - 1 } }),
        new RegExp(`^${AT}/tpm/${klass}: ${minimum - 1} is below the regulatory minimum ${minimum} `),
      );
      assert.deepEqual(limitProblems({ tpm }, AT).problems, []);
    });
  }

  it('openDataTpmPerIp: at least 500 (DIGEST §8.6)', () => {
    assert.match(
      onlyProblem({ openDataTpmPerIp: 499 }),
      /openDataTpmPerIp: 499 is below the regulatory minimum 500 /,
    );
    assert.deepEqual(limitProblems({ openDataTpmPerIp: 500 }, AT).problems, []);
  });

  it("operational overrides: at least the endpoint table's monthly limit", () => {
    assert.equal(ENDPOINTS['accounts.balances'].monthlyLimit, 420, 'the table this test relies on');
    assert.match(
      onlyProblem({ operationalOverrides: { 'accounts.balances': 419 } }),
      /^\/brands\/0\/limits\/operationalOverrides\/accounts\.balances: 419 is below the regulatory minimum 420 \(DIGEST §8\.5/,
    );
    assert.equal(ENDPOINTS['loans.warranties'].monthlyLimit, 8);
    assert.match(onlyProblem({ operationalOverrides: { 'loans.warranties': 7 } }), /minimum 8 /);
    assert.deepEqual(limitProblems({ operationalOverrides: { 'accounts.balances': 420 } }, AT).problems, []);
  });

  it('an override of an endpoint without a monthly limit is not checked against one', () => {
    assert.equal(ENDPOINTS['resources.list'].monthlyLimit, null);
    assert.deepEqual(limitProblems({ operationalOverrides: { 'resources.list': 1 } }, AT).problems, []);
  });

  it('names an unknown endpoint', () => {
    assert.equal(
      onlyProblem({ operationalOverrides: { 'accounts.everything': 1000 } }),
      `${AT}/operationalOverrides/accounts.everything: unknown endpoint`,
    );
  });

  it('reports every problem at once', () => {
    const { problems } = limitProblems(
      {
        globalTps: 1,
        tpm: { MEDIUM_HIGH: 1, MEDIUM: 1, LOW: 1 },
        openDataTpmPerIp: 1,
        operationalOverrides: { nope: 1 },
      },
      AT,
    );
    assert.equal(problems.length, 6, problems.join('\n'));
  });
});

describe('limitProblems: what it hands on', () => {
  it('accepts null, which turns a limit off (allowing more)', () => {
    const file = {
      globalTps: null,
      tpm: null,
      openDataTpmPerIp: null,
      operationalOverrides: { 'accounts.balances': null },
    };
    assert.deepEqual(limitProblems(file, AT), { limits: file, problems: [] });
  });

  it('passes values above the minimums through unchanged', () => {
    const file = {
      globalTps: 5000,
      tpm: { MEDIUM_HIGH: 9000, MEDIUM: 8000, LOW: 7000 },
      operational: false,
      openDataTpmPerIp: 100_000,
      operationalOverrides: { 'accounts.balances': 10_000 },
    };
    assert.deepEqual(limitProblems(file, AT), { limits: file, problems: [] });
  });

  it('leaves out what the file leaves out, so the regulatory defaults apply', () => {
    assert.deepEqual(limitProblems({ globalTps: 400 }, AT).limits, { globalTps: 400 });
  });

  it('drops an unknown endpoint from the overrides it hands on', () => {
    const { limits } = limitProblems({ operationalOverrides: { nope: 1, 'accounts.balances': 500 } }, AT);
    assert.deepEqual(limits.operationalOverrides, { 'accounts.balances': 500 });
  });
});
