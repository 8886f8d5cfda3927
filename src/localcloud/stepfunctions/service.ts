// The Step Functions service of the local cloud: wires the store, the executor and the
// protocol to the HTTP core. Executions that were running when the cloud stopped come back
// FAILED with a cause that says so.
import type { AwsRequest, AwsResponse, CloudContext, LocalService, ServiceFactory } from '../server/types';
import type { ArnContext } from './model/arns';
import { ExecutionOps } from './model/executions';
import { Executor } from './model/executor';
import { MachineOps } from './model/machines';
import { dispatchStepFunctions, type SfnApi } from './protocol/dispatch';
import { SfnStore, type StoreEvent } from './model/store';

const NAME = 'states';
export const INTERRUPTED_CAUSE = 'The local cloud stopped while the execution was running. Start the execution again.';

export const createStepFunctionsService: ServiceFactory = (ctx: CloudContext) => new StepFunctionsService(ctx);

class StepFunctionsService implements LocalService {
  readonly name = NAME;
  private readonly store: SfnStore;
  private readonly api: SfnApi;

  constructor(ctx: CloudContext) {
    const arns: ArnContext = { region: ctx.region, accountId: ctx.accountId };
    this.store = new SfnStore(ctx, NAME);
    const machines = new MachineOps(arns, this.store);
    let executions: ExecutionOps | undefined;
    const executor = new Executor(ctx, this.store, {
      startNested: async (request) => {
        const e = executions!.start(
          { stateMachineArn: request.stateMachineArn, input: request.input, name: request.name },
          request.parentExecutionArn,
        );
        return { executionArn: e.arn, startDate: new Date(e.startDate) };
      },
    });
    executions = new ExecutionOps(arns, this.store, machines, executor);
    this.api = { arns, machines, executions, executor };
  }

  handle(req: AwsRequest): Promise<AwsResponse> {
    return dispatchStepFunctions(this.api, req);
  }

  loadSnapshot(snapshot: unknown): void {
    this.store.load(snapshot);
  }

  applyEvent(event: unknown): void {
    this.store.apply(event as StoreEvent);
  }

  snapshot(): unknown {
    return this.store.snapshot();
  }

  /** Executions still RUNNING on disk lost their interpreter: fail them, as the docs promise. */
  start(): void {
    for (const e of this.store.executions.values()) {
      if (e.status !== 'RUNNING') continue;
      const last = e.events[e.events.length - 1];
      const event = {
        id: e.events.length + 1,
        previousEventId: last && last.type !== 'ExecutionStarted' ? last.id : 0,
        type: 'ExecutionFailed',
        timestamp: Date.now(),
        key: 'executionFailedEventDetails',
        details: { error: 'States.Runtime', cause: INTERRUPTED_CAUSE },
      };
      this.store.commit({ t: 'historyEvent', arn: e.arn, event });
      this.store.commit({
        t: 'executionEnd',
        arn: e.arn,
        status: 'FAILED',
        stopDate: Date.now(),
        error: 'States.Runtime',
        cause: INTERRUPTED_CAUSE,
      });
    }
  }

  stop(): Promise<void> {
    return this.api.executor.shutdown();
  }
}
