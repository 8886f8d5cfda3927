// What every action handler gets: the model, the caller and the request's abort signal.
import type { SqsBackend } from '../model/backend';
import type { MoveTasks } from '../model/moveTasks';
import type { Input } from './input';

export interface ActionContext {
  backend: SqsBackend;
  moveTasks: MoveTasks;
  /** SenderId of messages sent by this caller (the access key id, as on AWS for IAM users). */
  senderId: string;
  signal?: AbortSignal;
}

/** One handler per action: JSON-form input in, JSON-form output out (plain data, no HTTP). */
export type ActionHandler = (
  input: Input,
  c: ActionContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>;
