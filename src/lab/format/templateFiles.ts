// Files a template points at: function code folders (and the handler's file in them) and
// state machine definitions, which must be valid Amazon States Language.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateAslDefinition } from '../../asl/validate';
import type { AuthoredResource } from '../../cloud/template/samTransform';
import { handlerFileCandidates, isSupportedRuntime } from '../../cloud/packaging/runtimes';
import { judgeRuntime } from './runtimeSupport';
import { describePathProblem, insideLesson } from './lessonPaths';
import type { Report } from './templateFile';

/** Checks the files and returns the functions' code folders that exist (relative to the lesson), whose code is checked next. */
export function checkTemplateFiles(
  resources: Record<string, AuthoredResource>,
  functionGlobals: Record<string, unknown>,
  lessonDir: string,
  templateDir: string,
  report: Report,
  options: { stateMachines: boolean } = { stateMachines: true },
): string[] {
  const rel = (p: string) => relative(lessonDir, join(templateDir, p)) || '.';
  const globalRuntime = typeof functionGlobals.Runtime === 'string' ? judgeRuntime(functionGlobals.Runtime) : undefined;
  if (globalRuntime?.level === 'error') report(['Globals', 'Function', 'Runtime'], globalRuntime.message);
  const codeFolders: string[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (!r || typeof r !== 'object') continue; // reported with the resource
    const p = {
      ...(r.Type === 'AWS::Serverless::Function' ? functionGlobals : {}),
      ...((r.Properties ?? {}) as Record<string, unknown>),
    };
    const at = ['Resources', id, 'Properties'];
    if (r.Type === 'AWS::Serverless::Function') {
      const own = (r.Properties ?? {}) as Record<string, unknown>;
      const runtime = typeof own.Runtime === 'string' ? judgeRuntime(own.Runtime) : undefined;
      if (runtime?.level === 'error') report([...at, 'Runtime'], runtime.message);
      if (typeof p.CodeUri !== 'string') {
        if (p.CodeUri !== undefined)
          report([...at, 'CodeUri'], `CodeUri must be a folder of this lesson, e.g. functions/${id.toLowerCase()}`);
        continue;
      }
      const problem = describePathProblem(lessonDir, rel(p.CodeUri), 'CodeUri', 'folder');
      if (problem) {
        report([...at, 'CodeUri'], problem);
        continue;
      }
      codeFolders.push(rel(p.CodeUri));
      if (typeof p.Handler === 'string' && typeof p.Runtime === 'string' && isSupportedRuntime(p.Runtime)) {
        const dir = join(templateDir, p.CodeUri);
        const candidates = handlerFileCandidates(p.Runtime, p.Handler);
        if (candidates.length && !candidates.some((c) => existsSync(join(dir, c)))) {
          report([...at, 'Handler'], `handler '${p.Handler}' needs ${candidates.join(' or ')} in ${p.CodeUri}`);
        }
      }
    }
    if (r.Type === 'AWS::Serverless::StateMachine' && typeof p.DefinitionUri === 'string') {
      const problem = describePathProblem(lessonDir, rel(p.DefinitionUri), 'DefinitionUri');
      if (problem) {
        report([...at, 'DefinitionUri'], problem);
        continue;
      }
      checkAsl(
        readFileSync(insideLesson(lessonDir, rel(p.DefinitionUri))!, 'utf8'),
        Object.keys((p.DefinitionSubstitutions ?? {}) as object),
        (m) => report([...at, 'DefinitionUri'], `${p.DefinitionUri}: ${m}`),
        options.stateMachines,
      );
    }
    if (r.Type === 'AWS::Serverless::StateMachine' && p.Definition && typeof p.Definition === 'object') {
      checkAsl(
        JSON.stringify(p.Definition),
        Object.keys((p.DefinitionSubstitutions ?? {}) as object),
        (m) => report([...at, 'Definition'], m),
        options.stateMachines,
      );
    }
  }
  return codeFolders;
}

/** Placeholder substitutions become a plausible ARN so the validator judges the rest. */
function checkAsl(text: string, substitutions: string[], report: (message: string) => void, validate: boolean) {
  let definition: unknown;
  for (const name of substitutions)
    text = text.split(`\${${name}}`).join(`arn:aws:lambda:us-east-1:000000000000:function:${name}`);
  const unknown = [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]);
  if (unknown.length) report(`names \${${unknown[0]}}, which DefinitionSubstitutions does not define`);
  try {
    definition = JSON.parse(text);
  } catch (e) {
    return report(`is not valid JSON (${(e as Error).message})`);
  }
  if (!validate) return;
  const result = validateAslDefinition(definition, { checkPaths: true, checkArn: false });
  for (const e of result.errors.slice(0, 5)) report(`invalid state machine: ${e.Message}`);
}
