import type { SimulationReport, StepResult } from './simulate.ts';

/** `  ✔ data at Banco Ponte › accounts fetched (123 ms): 2 account(s)` */
export function formatStep(step: StepResult): string {
  const mark = step.ok ? '✔' : '✖';
  return `  ${mark} ${step.journey} › ${step.step} (${Math.round(step.ms)} ms): ${step.detail}`;
}

export function formatSummary(report: SimulationReport): string {
  const failed = report.steps.filter((s) => !s.ok);
  const journeys = new Set(report.steps.map((s) => s.journey));
  const failedJourneys = new Set(failed.map((s) => s.journey));
  const verdict = report.ok ? 'PASS' : 'FAIL';
  return `${verdict}: ${journeys.size - failedJourneys.size}/${journeys.size} journeys, ${report.steps.length - failed.length}/${report.steps.length} steps passed in ${(report.ms / 1000).toFixed(1)} s`;
}
