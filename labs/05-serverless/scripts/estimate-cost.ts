// Estimates a month of this lesson's Lambda functions at a request rate you choose, from the
// REPORT lines of the invocations you made (CloudWatch Logs) — the arithmetic of step 17.
//   tsx estimate-cost.ts --prefix 05-serverless- [--requests 100000]
// The editor's cost estimator does the same for every service, from the extension's dated
// price table; this script shows the Lambda part by hand, with the prices of step 17.
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { numberOption, option, run } from './lib/args';

// us-east-1, x86 (as step 17 lists them).
const PER_REQUEST = 0.2 / 1_000_000;
const PER_GB_SECOND = 0.0000166667;

interface Report {
  billedMs: number;
  memoryMb: number;
}

const REPORT = /Billed Duration: (\d+) ms\s+Memory Size: (\d+) MB/;

run(async () => {
  const logs = new CloudWatchLogsClient({});
  const prefix = option('prefix', undefined, '05-serverless-');
  const monthly = numberOption('requests', 100_000);
  const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/lambda/${prefix}` }));
  let total = 0;
  let measured = 0;
  const functions: Array<{ name: string; invocations: number; gbSecondsEach: number; monthlyUsd: number }> = [];
  for (const group of groups.logGroups ?? []) {
    const events = await logs.send(
      new FilterLogEventsCommand({ logGroupName: group.logGroupName!, filterPattern: 'REPORT' }),
    );
    const reports: Report[] = (events.events ?? [])
      .map((e) => REPORT.exec(e.message ?? ''))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ billedMs: Number(m[1]), memoryMb: Number(m[2]) }));
    if (reports.length === 0) continue;
    measured += reports.length;
    const gbSeconds = reports.reduce((s, r) => s + (r.memoryMb / 1024) * (r.billedMs / 1000), 0) / reports.length;
    const cost = monthly * (PER_REQUEST + gbSeconds * PER_GB_SECOND);
    total += cost;
    const name = group.logGroupName!.replace('/aws/lambda/', '');
    functions.push({ name, invocations: reports.length, gbSecondsEach: gbSeconds, monthlyUsd: cost });
    console.log(
      `${name.padEnd(44)} ${reports.length.toString().padStart(4)} invocations  ${(gbSeconds * 1000).toFixed(2).padStart(9)} GB-ms each  $${cost.toFixed(4)} / month`,
    );
  }
  if (measured === 0) {
    console.error("No REPORT lines found: invoke some of the lesson's functions first.");
    process.exit(1);
  }
  // Kept for you (and the step's check) in out/: compare it with what calculator.aws says.
  mkdirSync('out', { recursive: true });
  writeFileSync(
    'out/cost-estimate.json',
    `${JSON.stringify({ requestsPerMonth: monthly, prices: { perRequest: PER_REQUEST, perGbSecond: PER_GB_SECOND }, functions, lambdaMonthlyUsd: total, writtenAt: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(
    `\nAt ${monthly.toLocaleString('en-US')} requests a month to each function: $${total.toFixed(2)} for Lambda (free tier left out).`,
  );
});
