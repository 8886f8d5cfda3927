// The Step Functions wire protocol (JSON 1.0, `X-Amz-Target: AWSStepFunctions.<Operation>`):
// one thin handler per operation that reads the request, calls the model, shapes the answer.
// Timestamps go out as epoch seconds, as the SDK expects.
import type { AwsRequest, AwsResponse } from '../../server/types';
import { SerializationException, UnknownOperationException } from '../errors';
import type { ExecutionOps } from '../model/executions';
import type { Executor } from '../model/executor';
import type { MachineOps } from '../model/machines';
import { describeExecution, describeMachine, executionSummary, machineSummary, page, seconds } from './shapes';
import { testState } from '../model/testState';
import type { ArnContext } from '../model/arns';
import { jsonTooDeep, MAX_JSON_NESTING } from '../../server/jsonNesting';

export interface SfnApi {
  arns: ArnContext;
  machines: MachineOps;
  executions: ExecutionOps;
  executor: Executor;
}

export type Body = Record<string, unknown>;
type Handler = (api: SfnApi, body: Body, signal?: AbortSignal) => unknown | Promise<unknown>;

const HANDLERS: Record<string, Handler> = {
  CreateStateMachine: ({ machines }, b) => {
    const m = machines.create(b);
    return { stateMachineArn: m.arn, creationDate: seconds(m.creationDate) };
  },
  DescribeStateMachine: ({ machines }, b) => describeMachine(machines.get(b.stateMachineArn)),
  UpdateStateMachine: ({ machines }, b) => {
    const m = machines.update(b);
    return { updateDate: seconds(m.updateDate), revisionId: m.revisionId };
  },
  DeleteStateMachine: ({ machines }, b) => (machines.delete(b.stateMachineArn), {}),
  ListStateMachines: ({ machines }, b) => page(machines.list().map(machineSummary), b, 'stateMachines'),
  // The local cloud does not publish versions, so every machine has none. AWS names no
  // StateMachineDoesNotExist for this operation, only ValidationException/InvalidArn/
  // InvalidToken (botocore 1.43.11 data/stepfunctions/2016-11-23, read 2026-12-03).
  ListStateMachineVersions: (_api, b) => page([], b, 'stateMachineVersions'),
  ValidateStateMachineDefinition: ({ machines }, b) => {
    const diagnostics = machines.validate(b.definition, b.type);
    const errors = diagnostics.filter((d) => d.severity === 'ERROR');
    return { result: errors.length ? 'FAIL' : 'OK', diagnostics, truncated: false };
  },
  TagResource: ({ machines }, b) => (machines.tag(b.resourceArn, b.tags), {}),
  UntagResource: ({ machines }, b) => (machines.untag(b.resourceArn, b.tagKeys), {}),
  ListTagsForResource: ({ machines }, b) => ({
    tags: Object.entries(machines.getForTags(b.resourceArn).tags).map(([key, value]) => ({ key, value })),
  }),

  StartExecution: ({ executions }, b) => {
    const e = executions.start(b);
    return { executionArn: e.arn, startDate: seconds(e.startDate) };
  },
  StartSyncExecution: async ({ executions }, b, signal) => {
    const e = await executions.startSync(b, signal);
    return {
      ...describeExecution(e),
      redriveCount: undefined,
      redriveStatus: undefined,
      billingDetails: {
        billedMemoryUsedInMB: 64,
        billedDurationInMilliseconds: Math.max(100, Math.ceil(((e.stopDate ?? Date.now()) - e.startDate) / 100) * 100),
      },
    };
  },
  DescribeExecution: ({ executions }, b) => describeExecution(executions.get(b.executionArn)),
  ListExecutions: ({ executions }, b) => page(executions.list(b).map(executionSummary), b, 'executions'),
  StopExecution: ({ executions }, b) => ({ stopDate: seconds(executions.stop(b).stopDate ?? Date.now()) }),
  GetExecutionHistory: ({ executions }, b) => {
    const { events, nextToken } = executions.history(b);
    return {
      events: events.map((e) => ({
        id: e.id,
        previousEventId: e.previousEventId,
        type: e.type,
        timestamp: seconds(e.timestamp),
        ...(e.key ? { [e.key]: e.details } : {}),
      })),
      nextToken,
    };
  },
  DescribeStateMachineForExecution: ({ executions, machines }, b) => {
    const e = executions.get(b.executionArn);
    // The machine may have been deleted since; the execution keeps what it ran with.
    const current = machines.find(e.stateMachineArn);
    return {
      stateMachineArn: e.stateMachineArn,
      name: e.stateMachineName,
      definition: e.definition,
      roleArn: e.roleArn,
      updateDate: seconds(current ? (current.updateDate ?? current.creationDate) : e.startDate),
      loggingConfiguration: current?.loggingConfiguration ?? { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: current?.tracingConfiguration ?? { enabled: false },
      revisionId: e.revisionId,
    };
  },
  SendTaskSuccess: ({ executions }, b) => (executions.sendSuccess(b), {}),
  SendTaskFailure: ({ executions }, b) => (executions.sendFailure(b), {}),
  SendTaskHeartbeat: ({ executions }, b) => (executions.sendHeartbeat(b), {}),
  TestState: ({ arns, executor }, b) => testState(arns, executor, b),
};

export async function dispatchStepFunctions(api: SfnApi, req: AwsRequest): Promise<AwsResponse> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const [prefix, operation = ''] = target.split('.');
  if (prefix !== 'AWSStepFunctions') throw new UnknownOperationException(target || `${req.method} ${req.path}`);
  const handler = Object.hasOwn(HANDLERS, operation) ? HANDLERS[operation] : undefined;
  if (!handler) throw new UnknownOperationException(operation);
  let body: Body = {};
  if (req.body.length) {
    const text = req.body.toString('utf8');
    if (jsonTooDeep(text))
      throw new SerializationException(`The request body nests JSON deeper than ${MAX_JSON_NESTING} levels.`);
    try {
      body = JSON.parse(text) as Body;
    } catch {
      throw new SerializationException('The request body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new SerializationException('The request body must be a JSON object.');
  }
  const result = await handler(api, body, req.signal);
  return {
    status: 200,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': req.requestId },
    body: JSON.stringify(result),
  };
}
