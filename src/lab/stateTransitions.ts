// State transitions a state machine has been billed for: every state entered in every
// execution, as Step Functions counts them for STANDARD workflows (EXPRESS bills otherwise: 0).
import { DescribeStateMachineCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import type { LabSession } from './session';
import { executionHistory } from './actions/execution';

export async function standardTransitions(session: LabSession, stateMachineArn: string): Promise<number> {
  const sfn = session.clients.sfn;
  const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
  if (machine.type === 'EXPRESS') return 0;
  let total = 0;
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1000, nextToken }));
    for (const e of page.executions ?? []) {
      const history = await executionHistory(session, e.executionArn!);
      total += history.filter((h) => h.type?.endsWith('StateEntered')).length;
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return total;
}
