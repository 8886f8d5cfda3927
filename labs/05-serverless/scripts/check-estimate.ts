// Check for the cost step, from your own output: out/cost-estimate.json, which "Estimate
// Lambda's monthly cost" writes. It must rest on measured invocations, and its total must be
// the sum of its lines. The check does not estimate anything itself.
import { existsSync, readFileSync } from 'node:fs';
import { run } from './lib/args';

const FILE = 'out/cost-estimate.json';

interface Estimate {
  requestsPerMonth: number;
  functions: Array<{ name: string; invocations: number; monthlyUsd: number }>;
  lambdaMonthlyUsd: number;
}

run(async () => {
  if (!existsSync(FILE)) {
    console.error(`${FILE} does not exist yet: run "Estimate Lambda's monthly cost".`);
    process.exit(1);
  }
  const e = JSON.parse(readFileSync(FILE, 'utf8')) as Estimate;
  const measured = e.functions.filter((f) => f.invocations > 0);
  if (measured.length === 0) {
    console.error(
      `${FILE} rests on no measured invocation: invoke some of the lesson's functions, then estimate again.`,
    );
    process.exit(1);
  }
  const sum = measured.reduce((s, f) => s + f.monthlyUsd, 0);
  if (Math.abs(sum - e.lambdaMonthlyUsd) > 0.005) {
    console.error(
      `${FILE} says $${e.lambdaMonthlyUsd.toFixed(2)} in total but its lines add up to $${sum.toFixed(2)}; estimate again.`,
    );
    process.exit(1);
  }
  console.log(
    `Your estimate: $${e.lambdaMonthlyUsd.toFixed(2)} a month for Lambda at ${e.requestsPerMonth.toLocaleString('en-US')} requests, from ${measured.length} measured function(s).`,
  );
});
