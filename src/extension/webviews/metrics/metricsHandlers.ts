// What the metrics view can ask, answered from the function's configuration and its REPORT
// lines in CloudWatch Logs (no vscode).
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { PRICES } from '../../../cloud/metrics/prices';
import type { FunctionSummary, MetricsMethods } from '../../../shared/webviewProtocolMetrics';
import type { Handlers } from '../handlers';
import { InvocationLog } from './invocationLog';
import { projectMonthlyCost } from './costProjection';

export function metricsHandlers(
  lambda: LambdaClient,
  logs: CloudWatchLogsClient,
  functionName: string,
  target: string,
): Handlers<MetricsMethods> {
  let log: InvocationLog | undefined;
  const summary = async (): Promise<FunctionSummary> => {
    const c = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    return {
      functionName,
      memorySizeMb: c.MemorySize ?? 128,
      architecture: c.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
      runtime: c.Runtime,
      target,
    };
  };
  return {
    load: async () => {
      const fn = await summary();
      log = new InvocationLog(logs, functionName, fn.architecture);
      await log.refresh();
      return { fn, ...log.rows(), prices: { asOf: PRICES.checked, region: PRICES.region }, sizing: log.sizing() };
    },
    invocations: async () => {
      if (!log) throw new Error('The view asked for invocations before loading; reopen it.');
      // Most polls find nothing new: answer in a few bytes instead of every row again.
      if (!(await log.refresh())) return { changed: false as const };
      return { changed: true as const, ...log.rows(), sizing: log.sizing() };
    },
    estimate: async (p) => projectMonthlyCost(p),
  };
}
