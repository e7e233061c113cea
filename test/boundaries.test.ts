import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { allQueues } from '../src/app/queues.ts';
import { consentsEvents } from '../src/consents/events.ts';
import { paymentsEvents } from '../src/payments/events.ts';
import type { Transaction } from '../src/platform/db/index.ts';
import { recordEvent } from '../src/platform/events/index.ts';
import type { Jobs } from '../src/platform/jobs/index.ts';
import { receiverEvents } from '../src/receiver/events.ts';
import { sampleBankQueues } from '../src/sample-bank/jobs.ts';

// The module boundaries of DESIGN §2 are enforced by `npm run check` (eslint.config.js,
// scripts/eslint-boundaries.js). These tests lint small sources placed, by name, in the folders
// the rules talk about, with the project's own rule options, and check that a back-import fails.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULE = 'ponte/module-boundaries';
// eslint.config.js is plain JavaScript (no declarations): imported by a computed specifier.
const configUrl = new URL('../eslint.config.js', import.meta.url).href;
const projectConfig = ((await import(configUrl)) as { default: Linter.Config[] }).default;
const block = projectConfig.find((c) => c.rules?.[RULE] !== undefined);
assert.ok(block, `eslint.config.js configures ${RULE}`);

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: block.plugins ?? {},
      rules: { [RULE]: block.rules![RULE]! },
    },
  ],
});

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries (npm run check)', () => {
  it('fails the platform importing a module', async () => {
    const found = await problems(
      'src/platform/jobs/queues.ts',
      `import type { PaymentsModule } from '../../payments/index.ts';\nexport type X = PaymentsModule;\n`,
    );
    assert.deepEqual(found, [
      `${RULE}: platform/jobs must not import ../../payments/index.ts: platform imports only platform (DESIGN §2)`,
    ]);
  });

  it("fails a deep import into another module, and passes the module's index.ts", async () => {
    const deep = await problems(
      'src/holder/x.ts',
      `export { createConsentModule } from '../consents/service/index.ts';\n`,
    );
    assert.match(deep.join(), /import consents's public face \(index\.ts\), not a file inside it/);
    assert.deepEqual(await problems('src/holder/x.ts', `export * from '../consents/index.ts';\n`), []);
    assert.deepEqual(
      await problems('src/holder/x.ts', `export * from './guard/index.ts';\n`),
      [],
      'own files',
    );
  });

  it('fails a module other than cli importing the simulator', async () => {
    const found = await problems(
      'src/holder/x.ts',
      `const sim = await import('../sim/ecosystem.ts');\nexport { sim };\n`,
    );
    assert.match(found.join(), /sim is imported only by cli and tests/);
    assert.deepEqual(await problems('src/cli/x.ts', `import '../sim/ecosystem.ts';\n`), []);
  });

  it('keeps the sample bank out of production modules, and lets tests and testing helpers use it', async () => {
    const source = `import { seedSampleBank } from '../../sample-bank/index.ts';\nexport { seedSampleBank };\n`;
    assert.match(
      (await problems('src/payments/settlement/x.ts', source)).join(),
      /sample-bank is imported only by sim, cli and tests/,
    );
    assert.deepEqual(await problems('src/payments/settlement/x.test.ts', source), []);
    assert.deepEqual(await problems('src/payments/testing/x.ts', source), []);
  });

  it('lets pki and directory import only the platform', async () => {
    const found = await problems('src/pki/x.ts', `import '../consents/index.ts';\n`);
    assert.match(found.join(), /pki imports only platform/);
    assert.deepEqual(await problems('src/directory/x.ts', `import '../pki/index.ts';\n`), []);
  });
});

describe('the platform knows no module (DESIGN §2: modules contribute their jobs and events)', () => {
  // Every job and event a module declares, from the maps the modules export.
  const jobNames = Object.keys({ ...allQueues, ...sampleBankQueues });
  const eventNames = Object.keys({ ...consentsEvents, ...paymentsEvents, ...receiverEvents });

  it('names no job or event of a module anywhere in src/platform (tests aside)', () => {
    assert.ok(
      jobNames.includes('payments.settle') && eventNames.includes('consent.revoked'),
      'names collected',
    );
    const files = globSync('src/platform/**/*.ts', { cwd: root }).filter(
      (file) => !file.endsWith('.test.ts'),
    );
    assert.ok(files.length > 50, `platform sources found (${files.length})`);
    const found = files.flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return [...jobNames, ...eventNames]
        .filter((name) => source.includes(name))
        .map((name) => `${file}: ${name}`);
    });
    assert.deepEqual(found, []);
  });

  it('declares each module job and event once, named <module or aggregate>.<what>', () => {
    for (const name of [...jobNames, ...eventNames]) assert.match(name, /^[a-z-]+\.[a-z.-]+$/, name);
    assert.equal(new Set(jobNames).size, jobNames.length);
  });
});

// Compile-time half of the contract (checked by `npm run check:types`, never called): a job or
// event no module declared does not type-check.
export function _undeclaredNamesDoNotCompile(jobs: Jobs, tx: Transaction): void {
  // @ts-expect-error no module declares this job
  void jobs.send('platform.nothing', {});
  // @ts-expect-error no module declares this job
  void jobs.work('platform.nothing', () => undefined);
  // @ts-expect-error no module declares this event
  void recordEvent(tx, { type: 'nothing.happened', brandId: 'b', aggregateId: 'a', payload: {} });
}
