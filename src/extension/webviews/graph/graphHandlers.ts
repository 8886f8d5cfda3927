// What the graph view can ask, answered with the Step Functions SDK client (no vscode).
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { GraphMethods } from '../../../shared/webviewProtocolGraph';
import type { Handlers } from '../handlers';
import { describeMachine, executionWithHistory, listExecutions, startFromView } from './graphData';

export function graphHandlers(
  client: SFNClient,
  arn: string,
  target: string,
  initialExecution?: string,
): Handlers<GraphMethods> {
  return {
    machine: async () => {
      const [m, executions] = await Promise.all([describeMachine(client, arn), listExecutions(client, arn)]);
      return { stateMachineArn: arn, ...m, executions, target, initialExecution };
    },
    executions: () => listExecutions(client, arn),
    history: ({ executionArn }) => executionWithHistory(client, executionArn),
    start: async ({ input, name }) => ({ executionArn: await startFromView(client, arn, input, name) }),
  };
}
