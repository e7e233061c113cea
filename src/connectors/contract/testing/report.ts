import type { TestEvent } from 'node:test/reporters';
import { familyOf } from './suites.ts';

/** The name `runConnectorContractTests` gives its outer `describe`. */
const ROOT = 'connector contract';

export interface FailedTest {
  /** The test's name, nested `describe` names first (`window › walks ...`). */
  readonly name: string;
  /** The assertion message (first lines), or why the test did not run. */
  readonly message: string;
  readonly durationMs: number;
}

export interface FamilyReport {
  readonly family: string;
  passed: number;
  failed: number;
  durationMs: number;
  readonly failures: FailedTest[];
  /** The family's own set-up failed (its `register` threw) before any test ran. */
  setupError?: string;
}

export interface ContractReport {
  readonly label: string;
  readonly families: FamilyReport[];
  /** Failures outside any family: the connector or fixtures could not be built, the module broke. */
  readonly setupErrors: string[];
  durationMs: number;
  readonly ok: boolean;
}

/** Builds a `ContractReport` from the events of Node's test runner, in the order they arrive. */
export function createReportCollector(label: string, families: readonly string[]) {
  const byName = new Map<string, FamilyReport>(
    families.map((family) => [family, { family, passed: 0, failed: 0, durationMs: 0, failures: [] }]),
  );
  const setupErrors: string[] = [];
  const path: string[] = [];
  const familyReport = (name: string): FamilyReport => {
    let report = byName.get(name);
    if (!report) {
      report = { family: name, passed: 0, failed: 0, durationMs: 0, failures: [] };
      byName.set(name, report);
    }
    return report;
  };

  return {
    add(event: TestEvent): void {
      if (event.type === 'test:start') {
        path.length = event.data.nesting;
        path.push(event.data.name);
        return;
      }
      if (event.type !== 'test:pass' && event.type !== 'test:fail') return;
      const { nesting, name, details } = event.data;
      const at = [...path.slice(0, nesting), name];
      const isSuite = details.type === 'suite';
      const error = event.type === 'test:fail' ? errorOf(event.data.details.error) : undefined;
      if (nesting === 0) {
        // The outer describe failing by itself (not through a failing test) means set-up broke;
        // a file-level failure without it means the test file could not even declare the suites.
        if (error && !error.fromSubtests) setupErrors.push(error.message);
        return;
      }
      if (at[0] !== ROOT) return;
      const family = familyReport(familyOf({ name: at[1]! }));
      if (nesting === 1) {
        family.durationMs = details.duration_ms;
        if (error && !error.fromSubtests) family.setupError = error.message;
        return;
      }
      if (isSuite) {
        if (error && !error.fromSubtests) {
          family.failed += 1;
          family.failures.push({ name: at.slice(2).join(' › '), message: error.message, durationMs: 0 });
        }
        return;
      }
      if (error) {
        family.failed += 1;
        family.failures.push({
          name: at.slice(2).join(' › '),
          message: error.message,
          durationMs: details.duration_ms,
        });
      } else {
        family.passed += 1;
      }
    },
    report(durationMs: number): ContractReport {
      const list = [...byName.values()];
      const ok = setupErrors.length === 0 && list.every((f) => f.failed === 0 && f.setupError === undefined);
      return { label, families: list, setupErrors, durationMs, ok };
    },
  };
}

/** The assertion's message from a runner error (the cause carries it across processes). */
function errorOf(error: unknown): { message: string; fromSubtests: boolean } {
  const e = error as { failureType?: string; cause?: unknown; message?: string } | undefined;
  const fromSubtests = e?.failureType === 'subtestsFailed';
  const cause = e?.cause as { message?: string; code?: string } | undefined;
  const raw =
    (typeof cause?.message === 'string' && cause.message) ||
    (typeof e?.message === 'string' && e.message) ||
    String(error);
  // A connector error's stable code says more than its message; an assertion's code says nothing.
  const code =
    typeof cause?.code === 'string' && cause.code !== 'ERR_ASSERTION' && !raw.includes(cause.code)
      ? ` [${cause.code}]`
      : '';
  return { message: trimMessage(raw) + code, fromSubtests };
}

/** At most eight non-empty lines: enough for an assertion diff, never a wall of text. */
function trimMessage(message: string): string {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  return lines.length <= 8 ? lines.join('\n') : [...lines.slice(0, 8), '…'].join('\n');
}

/** The report as an operator reads it: one line per family, failing tests with their messages. */
export function formatContractReport(report: ContractReport): string {
  const out: string[] = [`connector contract: ${report.label}`, ''];
  const width = Math.max(...report.families.map((f) => f.family.length), 8);
  for (const f of report.families) {
    const none = f.passed + f.failed === 0 && !f.setupError;
    const counts = !none
      ? `${f.passed} passed${f.failed > 0 ? `, ${f.failed} failed` : ''}`
      : report.setupErrors.length > 0
        ? 'not run'
        : 'not offered by this connector';
    const mark = f.failed > 0 || f.setupError ? '✖' : f.passed > 0 ? '✔' : '-';
    const time = none ? '' : ms(f.durationMs).padStart(8);
    out.push(`  ${mark} ${f.family.padEnd(width)}  ${counts.padEnd(30)} ${time}`.trimEnd());
    if (f.setupError) out.push(indent(`set-up failed: ${f.setupError}`, 6));
    for (const failure of f.failures) {
      out.push(`      ✖ ${failure.name}${failure.durationMs > 0 ? ` (${ms(failure.durationMs)})` : ''}`);
      out.push(indent(failure.message, 10));
    }
  }
  for (const error of report.setupErrors) out.push('', indent(`✖ set-up failed: ${error}`, 2));
  const passed = report.families.reduce((n, f) => n + f.passed, 0);
  const failed = report.families.reduce((n, f) => n + f.failed, 0);
  out.push(
    '',
    `${passed + failed} tests: ${passed} passed, ${failed} failed in ${ms(report.durationMs)}`,
    report.ok
      ? 'PASS: the connector meets the contract'
      : `FAIL: the connector does not meet the contract${report.setupErrors.length > 0 ? ' (set-up failed)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}

function ms(durationMs: number): string {
  return durationMs >= 1000 ? `${(durationMs / 1000).toFixed(1)} s` : `${Math.round(durationMs)} ms`;
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((l) => `${' '.repeat(spaces)}${l}`)
    .join('\n');
}
