// The editor's SDK clients: src/cloud's CloudClients for the resolved target (one retry policy,
// one place), plus where a REST API stage answers on that target.
import { CloudClients } from '../../cloud/target/clients';
import type { ResolvedTarget } from '../targets/targetManager';

export type AwsClients = CloudClients<ResolvedTarget>;

export function makeClients(target: ResolvedTarget): AwsClients {
  return new CloudClients(target);
}

/** Invoke URL of a REST API stage (the local cloud and LocalStack serve it path-style). */
export function stageUrl(target: ResolvedTarget, apiId: string, stage: string): string {
  if (target.endpoint) return `${target.endpoint.replace(/\/$/, '')}/_aws/execute-api/${apiId}/${stage}/`;
  return `https://${apiId}.execute-api.${target.region}.amazonaws.com/${stage}/`;
}
