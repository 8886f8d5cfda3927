// What running an action or a check returns: plain data, shown by the CLI and the editor.
import type { LessonView } from './lessonTypes';

/** The figures of one Lambda REPORT log line (parsed by src/cloud/metrics/reportLine.ts). */
export interface LambdaReportData {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present only on a cold start. */
  initDurationMs?: number;
}

/** One memory size of a sizing sweep (computed by src/cloud/metrics/sizingSweep.ts). */
export interface SweepPointData {
  memoryMb: number;
  runs: number;
  /** Warm runs only when there are any (cold starts distort a size's steady speed). */
  medianDurationMs: number;
  meanCostUsd: number;
  coldStarts: number;
}

/** The sizes a sweep recommends, in MB. */
export interface SweepRecommendationData {
  cost: number;
  speed: number;
  balanced: number;
  /** One sentence a student can read. */
  summary: string;
}

export type ActionOutcome =
  | { kind: 'deployed'; resources: Array<{ logicalId: string; outcome: string }>; outputs: Record<string, string> }
  | {
      kind: 'invoked';
      function: string;
      statusCode: number;
      functionError?: string;
      payload: string;
      logs: string;
      report?: LambdaReportData;
      costUsd?: number;
    }
  | { kind: 'sent'; queue: string; messageIds: string[] }
  | { kind: 'uploaded'; bucket: string; keys: string[] }
  | { kind: 'execution'; executionArn: string; status: string; output?: string; error?: string; cause?: string }
  | {
      kind: 'http';
      url: string;
      method: string;
      status: number;
      headers: Record<string, string>;
      body: string;
      durationMs: number;
    }
  | { kind: 'script'; command: string; exitCode: number; stdout: string; stderr: string }
  | { kind: 'sweep'; function: string; points: SweepPointData[]; recommendation?: SweepRecommendationData }
  | { kind: 'open'; file: string; line?: number; match?: string }
  | { kind: 'reveal'; view?: LessonView; resource?: string };

export interface ActionResult {
  actionId: string;
  ok: boolean;
  /** One sentence for a progress line or a notification. */
  summary: string;
  outcome?: ActionOutcome;
}

export interface CheckResult {
  checkId: string;
  title: string;
  passed: boolean;
  /** "ok" detail when passed; otherwise what is missing and what to do. */
  message: string;
  /** ISO time the check was asked (reports show when the evidence was seen). */
  checkedAt?: string;
  /** How long the check took. */
  durationMs?: number;
}
