// Amazon States Language as JSON, typed loosely enough to hold any definition a user writes.
// Pure: no node, no vscode — the webview draws graphs from this model too.

export type QueryLanguage = 'JSONPath' | 'JSONata';

export const STATE_KINDS = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AslRetrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

export interface AslCatcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: JsonObject;
  Comment?: string;
}

/** A Choice rule: either a leaf comparison (Variable + operator, or Condition) or And/Or/Not. */
export interface AslChoiceRule {
  Next?: string;
  Variable?: string;
  Condition?: string | boolean;
  And?: AslChoiceRule[];
  Or?: AslChoiceRule[];
  Not?: AslChoiceRule;
  Comment?: string;
  Assign?: JsonObject;
  Output?: JsonValue;
  [operator: string]: unknown;
}

export interface AslStateMachine {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
}

/** Every field any state kind may carry; which ones apply depends on Type. */
export interface AslState {
  Type: StateKind;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  Next?: string;
  End?: boolean;
  InputPath?: string | null;
  OutputPath?: string | null;
  ResultPath?: string | null;
  Parameters?: JsonValue;
  ResultSelector?: JsonObject;
  Result?: JsonValue;
  Arguments?: JsonValue;
  Output?: JsonValue;
  Assign?: JsonObject;
  Retry?: AslRetrier[];
  Catch?: AslCatcher[];
  // Task
  Resource?: string;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: JsonValue;
  // Choice
  Choices?: AslChoiceRule[];
  Default?: string;
  // Wait
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
  // Fail
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
  // Parallel
  Branches?: AslStateMachine[];
  // Map
  ItemProcessor?: AslStateMachine & { ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: string } };
  Iterator?: AslStateMachine;
  ItemsPath?: string;
  Items?: JsonValue;
  ItemSelector?: JsonValue;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  Label?: string;
  ItemReader?: JsonValue;
  ItemBatcher?: JsonValue;
  ResultWriter?: JsonValue;
}
