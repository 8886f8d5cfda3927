// One invocation as the result view shows it: Invoke with LogType Tail, the payload
// pretty-printed, the log tail decoded and its REPORT line as numbers.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeResultView } from '../../shared/protocolInvokeResult';
import type { ResolvedTarget } from '../targets/targetManager';
import { parseReports } from '../../cloud/metrics/reportLine';

export async function invokeFunction(target: ResolvedTarget, functionName: string, eventName: string, payload: string, signal?: AbortSignal): Promise<InvokeResultView> {
  try {
    JSON.parse(payload);
  } catch (e) {
    throw new Error(`The test event “${eventName}” is not valid JSON (${(e as Error).message}). Fix it in its file and invoke again.`);
  }
  const client = new LambdaClient({ region: target.region, endpoint: target.endpoint, credentials: target.credentials, maxAttempts: 1 });
  try {
    const out = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(payload), LogType: 'Tail' }), { abortSignal: signal });
    const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    const logs = out.LogResult ? Buffer.from(out.LogResult, 'base64').toString('utf8') : '';
    return {
      functionName,
      eventName,
      target: target.label,
      statusCode: out.StatusCode ?? 0,
      functionError: out.FunctionError,
      payload: pretty(text),
      logs,
      report: parseReports(logs).at(-1),
      at: new Date().toISOString(),
    };
  } finally {
    client.destroy();
  }
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
