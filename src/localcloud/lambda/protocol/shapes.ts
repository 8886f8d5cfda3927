// Output shapes: FunctionConfiguration and URL configs as the Lambda API returns them.
import type { UrlConfig, VersionConfig } from '../model/types';

export interface StateView {
  State?: 'Pending' | 'Active' | 'Inactive' | 'Failed';
  LastUpdateStatus?: 'Successful' | 'InProgress' | 'Failed';
}

export function functionConfiguration(c: VersionConfig, view: StateView = {}): Record<string, unknown> {
  const { code, ...visible } = c;
  const state = view.State ?? 'Active';
  const last = view.LastUpdateStatus ?? 'Successful';
  return {
    ...visible,
    CodeSize: code.size,
    CodeSha256: code.sha256,
    State: state,
    ...(state === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
    LastUpdateStatus: last,
    ...(last === 'InProgress'
      ? { LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' }
      : {}),
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: { RuntimeVersionArn: `arn:aws:lambda:${c.FunctionArn.split(':')[3]}::runtime:local` },
  };
}

export function urlShape(u: UrlConfig, functionUrl: string): Record<string, unknown> {
  return {
    FunctionUrl: functionUrl,
    FunctionArn: u.FunctionArn,
    AuthType: u.AuthType,
    ...(u.Cors ? { Cors: u.Cors } : {}),
    CreationTime: u.CreationTime,
    LastModifiedTime: u.LastModifiedTime,
    InvokeMode: u.InvokeMode,
  };
}

/** Lambda's timestamp format: 2024-01-01T12:00:00.000+0000. */
export function lambdaTime(d = new Date()): string {
  return d.toISOString().replace('Z', '+0000');
}
