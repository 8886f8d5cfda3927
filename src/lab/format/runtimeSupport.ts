// Lambda runtimes in a lesson judged against AWS's runtime calendar: a runtime AWS no longer lets
// you create functions on is an error (the lesson would fail on AWS), one that AWS deprecates
// within six months is a warning (the lesson will soon need an update).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import {
  isSupportedRuntime,
  recommendedRuntime,
  RUNTIME_CALENDAR_SOURCE,
  runtimeBlocked,
  runtimeLifecycle,
  SUPPORTED_RUNTIMES,
} from '../../cloud/packaging/runtimes';
import { parseYaml } from './yamlSource';

export interface RuntimeFinding {
  level: 'error' | 'warning';
  message: string;
}

const WARN_MONTHS = 6;

const calendar = `AWS Lambda runtimes calendar, read ${RUNTIME_CALENDAR_SOURCE.read}`;

/** What a lesson author should hear about `runtime` on `today`, if anything. */
export function judgeRuntime(runtime: string, today: Date = new Date()): RuntimeFinding | undefined {
  const creatable = SUPPORTED_RUNTIMES.filter((r) => !runtimeBlocked(r, 'create', today));
  if (!isSupportedRuntime(runtime))
    return { level: 'error', message: `runtime '${runtime}' is not supported; use one of ${creatable.join(', ')}` };
  const dates = runtimeLifecycle(runtime)!;
  const instead = recommendedRuntime(runtime, today);
  if (runtimeBlocked(runtime, 'create', today)) {
    return {
      level: 'error',
      message: `runtime '${runtime}' can no longer be used: AWS blocks creating functions on it since ${dates.blockCreate} (${calendar}); use ${instead ?? creatable.join(', ')}`,
    };
  }
  const horizon = new Date(today);
  horizon.setUTCMonth(horizon.getUTCMonth() + WARN_MONTHS);
  if (dates.deprecation <= horizon.toISOString().slice(0, 10)) {
    return {
      level: 'warning',
      message: `runtime '${runtime}' is deprecated by AWS on ${dates.deprecation} and blocked for new functions from ${dates.blockCreate} (${calendar})${instead && instead !== runtime ? `; consider ${instead}` : ''}`,
    };
  }
  return undefined;
}

/**
 * The warnings (not errors: those come with the template's other problems) for every runtime the
 * lesson's template names, as `template.yaml:LINE: warning: …`.
 */
export function runtimeWarnings(lessonDir: string, templateFile: string, today: Date = new Date()): LessonDiagnostic[] {
  let text: string;
  try {
    text = readFileSync(join(lessonDir, templateFile), 'utf8');
  } catch {
    return []; // reported by validation
  }
  const source = parseYaml(text, templateFile);
  const root = (source.value ?? {}) as {
    Globals?: { Function?: { Runtime?: unknown } };
    Resources?: Record<string, { Type?: string; Properties?: { Runtime?: unknown } }>;
  };
  const places: Array<{ path: (string | number)[]; runtime: unknown }> = [
    { path: ['Globals', 'Function', 'Runtime'], runtime: root.Globals?.Function?.Runtime },
  ];
  for (const [id, r] of Object.entries(root.Resources ?? {})) {
    if (r?.Type === 'AWS::Serverless::Function' || r?.Type === 'AWS::Lambda::Function')
      places.push({ path: ['Resources', id, 'Properties', 'Runtime'], runtime: r.Properties?.Runtime });
  }
  const out: LessonDiagnostic[] = [];
  for (const { path, runtime } of places) {
    if (typeof runtime !== 'string') continue;
    const finding = judgeRuntime(runtime, today);
    if (finding?.level === 'warning')
      out.push({ file: templateFile, line: source.lineOf(path), message: `warning: ${finding.message}` });
  }
  return out;
}
