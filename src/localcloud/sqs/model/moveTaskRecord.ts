// The persisted state of one message move task (StartMessageMoveTask).
export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTaskRecord {
  taskId: string;
  taskHandle: string;
  sourceArn: string;
  destinationArn?: string;
  maxPerSecond?: number;
  status: MoveTaskStatus;
  startedAt: number;
  toMove: number;
  moved: number;
  failureReason?: string;
}
