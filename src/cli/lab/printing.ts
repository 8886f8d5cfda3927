// How `hoc lab` prints: one progress line per step, then a summary of checks and cost.
import type { StepRun } from '../../lab';
import type { CostBreakdown, DeployProgress } from '../../cloud';
import { formatUsd } from '../../cloud';

export const out = (line: string) => process.stdout.write(line + '\n');

export function stepLine(run: StepRun, index: number, total: number): string {
  const passedChecks = run.checks.filter((c) => c.passed).length;
  const failedActions = run.actions.filter((a) => !a.ok).length;
  const mark = run.passed ? 'ok' : 'FAILED';
  const parts = [
    `${run.actions.length} action${run.actions.length === 1 ? '' : 's'}${failedActions ? ` (${failedActions} failed)` : ''}`,
  ];
  if (run.checks.length) parts.push(`${passedChecks}/${run.checks.length} checks`);
  return `[${index}/${total}] ${run.step.id} — ${run.step.title}: ${mark} (${parts.join(', ')})`;
}

export function deployLine(p: DeployProgress): string | undefined {
  if (!['created', 'updated', 'unchanged', 'deleted', 'failed'].includes(p.phase)) return undefined;
  return `      ${p.phase.padEnd(9)} ${p.logicalId} (${p.type})${p.message ? `: ${p.message}` : ''}`;
}

export function summary(runs: StepRun[], cost: CostBreakdown): string[] {
  const lines = ['', 'Checks:'];
  for (const r of runs) {
    for (const a of r.actions.filter((x) => !x.ok)) lines.push(`  ✗ ${r.step.id} action ${a.actionId}: ${a.summary}`);
    for (const c of r.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${r.step.id}: ${c.title} — ${c.message}`);
  }
  const total = runs.flatMap((r) => r.checks);
  lines.push(`${total.filter((c) => c.passed).length}/${total.length} checks passed.`);
  lines.push(
    '',
    `Estimated cost on AWS (us-east-1): ${formatUsd(cost.total)} — Lambda ${formatUsd(cost.lambda)}, SQS ${formatUsd(cost.sqs)}, Step Functions ${formatUsd(cost.stepFunctions)}, API Gateway ${formatUsd(cost.apiGateway)}`,
  );
  lines.push(
    "  (Lambda: every invocation in the functions' logs; Step Functions: every execution; SQS and API Gateway: the requests the lesson's actions sent.)",
  );
  return lines;
}
