// What lesson.yaml names must exist: logical IDs of the right type, files inside the lesson
// folder, template variables in URLs, solution files.
import type { Lesson, LessonDiagnostic } from '../../shared/lessonTypes';
import type { LessonTemplate } from '../../cloud/template/model';
import {
  LESSON_EXTRA_ATTRIBUTES,
  PSEUDO_PARAMETERS,
  TEMPLATE_RESOURCE_TYPES,
} from '../../cloud/template/resourceTypes';
import { templateVariables } from '../urlTemplate';
import { describePathProblem } from './lessonPaths';
import { describeOpenTarget } from './openTarget';
import { specOf } from './templateReferences';
import { LESSON_FILE } from './lessonFile';
import { ACTION_TYPES, CHECK_TYPES } from './lessonSchema';
import type { YamlSource } from './yamlSource';

const KIND_TYPES = {
  function: ['AWS::Serverless::Function'],
  queue: ['AWS::SQS::Queue'],
  bucket: ['AWS::S3::Bucket'],
  stateMachine: ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'],
} as const;
type Kind = keyof typeof KIND_TYPES;

const FILE_FIELDS = ['event', 'file', 'inputFile', 'script'] as const;
/** Fields whose strings may hold `${…}` templates. */
export const TEMPLATED_FIELDS = ['url', 'args', 'payload', 'input', 'body', 'key', 'prefix', 'headers'] as const;

function forEachString(v: unknown, f: (s: string) => void): void {
  if (typeof v === 'string') f(v);
  else if (Array.isArray(v)) v.forEach((x) => forEachString(x, f));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => forEachString(x, f));
}

/** `content`: judge `open` actions' line and match against the files as they are now (see openTarget.ts). */
export function checkLessonReferences(
  lesson: Lesson,
  template: LessonTemplate | undefined,
  dir: string,
  source: YamlSource,
  content = false,
): LessonDiagnostic[] {
  const out: LessonDiagnostic[] = [];
  const report = (path: (string | number)[], message: string) =>
    out.push({ file: LESSON_FILE, line: source.lineOf(path), message });
  const authored = template?.authored ?? {};
  const ids = Object.keys(authored);
  const checkId = (id: string, path: (string | number)[], kind?: Kind) => {
    if (!template) return;
    const type = authored[id];
    if (!type)
      return report(
        path,
        `'${id}' is not a resource of ${lesson.template}; its resources are ${ids.join(', ') || 'none'}`,
      );
    // A type the template does not support is reported there; judging its kind here would only repeat it.
    if (kind && TEMPLATE_RESOURCE_TYPES[type] && !(KIND_TYPES[kind] as readonly string[]).includes(type)) {
      const fitting = ids.filter((i) => (KIND_TYPES[kind] as readonly string[]).includes(authored[i]));
      report(
        path,
        `'${id}' is a ${type}, not a ${kind}; ${fitting.length ? `${kind}s here: ${fitting.join(', ')}` : `the template has no ${kind}`}`,
      );
    }
  };
  const checkFile = (rel: string, path: (string | number)[], what: string) => {
    if (!rel) return; // a missing path is the schema's to report
    const problem = describePathProblem(dir, rel, what);
    if (problem) report(path, problem);
  };
  const checkUrl = (text: string, path: (string | number)[], local: string[] = []) => {
    for (const v of templateVariables(text)) {
      if (v.kind === 'ref' && local.includes(v.id)) continue;
      if (v.kind === 'pseudo' && !(PSEUDO_PARAMETERS as readonly string[]).includes(v.name))
        report(path, `unknown pseudo parameter '${v.name}'`);
      if (v.kind === 'output' && template && !(v.name in template.outputs))
        report(path, `'\${Outputs.${v.name}}' names no output of ${lesson.template}`);
      if (v.kind === 'ref') checkId(v.id, path);
      if (v.kind === 'attr' && template) {
        const s = specOf(template, v.id);
        if (!s) {
          report(path, `'\${${v.id}.${v.attribute}}' names no resource of ${lesson.template}`);
          continue;
        }
        if (!s.spec) continue; // an unsupported type, reported in the template
        const attrs = [...(s.spec?.attributes ?? []), ...(LESSON_EXTRA_ATTRIBUTES[s.type] ?? [])];
        if (!attrs.includes(v.attribute))
          report(path, `${s.type} '${v.id}' has no attribute '${v.attribute}'; it has ${attrs.join(', ')}`);
      }
    }
  };

  checkFile(lesson.template, ['template'], 'template');
  lesson.steps.forEach((step, i) => {
    const at = ['steps', i];
    checkFile(step.instructions, [...at, 'instructions'], 'instructions');
    step.deploys.forEach((id, j) => checkId(id, [...at, 'deploys', j]));
    for (const [student, solution] of Object.entries(step.solution ?? {})) {
      checkFile(student, [...at, 'solution', student], 'solution target');
      checkFile(solution, [...at, 'solution', student], 'solution file');
    }
    // Items of an unknown type are the schema's to report; their fields mean nothing yet.
    const items = [
      ...step.actions.map((a, j) => ({
        item: a as unknown as Record<string, unknown>,
        path: [...at, 'actions', j],
        known: ACTION_TYPES.includes(a.type),
      })),
      ...step.checks.map((c, j) => ({
        item: c as unknown as Record<string, unknown>,
        path: [...at, 'checks', j],
        known: CHECK_TYPES.includes(c.type),
      })),
    ].filter((x) => x.known);
    for (const { item, path } of items) {
      for (const kind of Object.keys(KIND_TYPES) as Kind[])
        if (typeof item[kind] === 'string') checkId(item[kind] as string, [...path, kind], kind);
      if (typeof item.resource === 'string') checkId(item.resource, [...path, 'resource']);
      if (Array.isArray(item.resources))
        for (const r of item.resources) if (typeof r === 'string') checkId(r, [...path, 'resources']);
      for (const f of FILE_FIELDS) {
        if (typeof item[f] !== 'string') continue;
        const kind = item.type === 'upload' && f === 'file' ? 'any' : 'file';
        const problem = describePathProblem(dir, item[f] as string, f, kind);
        if (problem) report([...path, f], problem);
        else if (item.type === 'open') {
          const at = {
            line: typeof item.line === 'number' ? item.line : undefined,
            match: typeof item.match === 'string' ? item.match : undefined,
          };
          const landing = describeOpenTarget(dir, item[f] as string, f, at, content);
          if (landing) report([...path, at.match !== undefined ? 'match' : 'line'], landing);
        }
      }
      for (const f of TEMPLATED_FIELDS)
        if (item[f] !== undefined)
          forEachString(item[f], (text) => checkUrl(text, [...path, f], item.type === 'sendMessage' ? ['n'] : []));
      for (const re of ['match', 'bodyMatches', 'matches'] as const) {
        if (typeof item[re] !== 'string') continue;
        try {
          new RegExp(item[re] as string);
        } catch (e) {
          report([...path, re], `${re} is not a valid regular expression: ${(e as Error).message}`);
        }
      }
    }
  });
  return out;
}
