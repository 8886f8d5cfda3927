// template.yaml → LessonTemplate, with `template.yaml:LINE: …` for anything outside the
// supported SAM/CloudFormation subset (each message names what is supported). Every check
// runs even when an earlier one found problems, so one run reports them all.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LessonDiagnostic } from '../../shared/lessonTypes';
import type { LessonTemplate, TemplateParameter } from '../../cloud/template/model';
import {
  GLOBALS_FUNCTION_PROPERTIES,
  SUPPORTED_EVENT_TYPES,
  TEMPLATE_RESOURCE_TYPES,
  TOP_LEVEL_SECTIONS,
} from '../../cloud/template/resourceTypes';
import { samTransform, type AuthoredResource } from '../../cloud/template/samTransform';
import { deploymentOrder } from '../../cloud/template/graph';
import { parseYaml, type YamlSource } from './yamlSource';
import { checkTemplateReferences } from './templateReferences';
import { checkTemplateFiles } from './templateFiles';
import { checkTemplateValues } from './templateValues';

export interface TemplateResult {
  /** Set only when the template has no problem. */
  template?: LessonTemplate;
  /** As much of the template as could be read, for the lesson's reference checks. */
  readable?: LessonTemplate;
  /** Functions' code folders, relative to the lesson. */
  codeFolders?: string[];
  source?: YamlSource;
  diagnostics: LessonDiagnostic[];
}

export function loadTemplate(
  path: string,
  file: string,
  lessonDir: string,
  options: { stateMachines: boolean } = { stateMachines: true },
): TemplateResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {
      diagnostics: [
        {
          file,
          line: 0,
          message: `cannot read ${file}; every lesson needs a template (use 'Resources: {}' when it deploys nothing)`,
        },
      ],
    };
  }
  const source = parseYaml(text, file);
  if (source.errors.length) return { source, diagnostics: source.errors };
  const diagnostics: LessonDiagnostic[] = [];
  const report = (path: (string | number)[], message: string) =>
    diagnostics.push({ file, line: source.lineOf(path), message });
  const root = source.value as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    report([], 'a template is a mapping with a Resources section');
    return { source, diagnostics };
  }
  for (const section of Object.keys(root)) {
    if (!(TOP_LEVEL_SECTIONS as readonly string[]).includes(section))
      report(
        [section],
        `section '${section}' is not supported; a lesson template may have ${TOP_LEVEL_SECTIONS.join(', ')}`,
      );
  }
  const resources = asMap(root.Resources) as Record<string, AuthoredResource>;
  if (!root.Resources) report([], `the template has no Resources section`);
  const globals = asMap(root.Globals);
  for (const [k, v] of Object.entries(globals)) {
    if (k !== 'Function') report(['Globals', k], `Globals.${k} is not supported; only Globals.Function is`);
    else
      for (const p of Object.keys(asMap(v)))
        if (!(GLOBALS_FUNCTION_PROPERTIES as readonly string[]).includes(p))
          report(
            ['Globals', k, p],
            `Globals.Function.${p} is not supported; supported: ${GLOBALS_FUNCTION_PROPERTIES.join(', ')}`,
          );
  }

  for (const [id, r] of Object.entries(resources)) {
    checkResource(id, r, resources, asMap(globals.Function), report);
  }
  const parameters = asMap(root.Parameters) as Record<string, TemplateParameter>;
  const outputs = asMap(root.Outputs) as Record<string, { Value: unknown; Description?: string }>;
  for (const [name, o] of Object.entries(outputs))
    if (!o || typeof o !== 'object' || !('Value' in o)) report(['Outputs', name], `output '${name}' needs a Value`);
  checkTemplateValues(resources, asMap(globals.Function), report);

  const authored = Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, String(asMap(r).Type)]));
  const template: LessonTemplate = {
    baseDir: dirname(path),
    authored,
    resources: expandSafely(resources, globals),
    parameters,
    outputs,
  };
  checkTemplateReferences(root, template, report);
  const codeFolders = checkTemplateFiles(resources, asMap(globals.Function), lessonDir, dirname(path), report, options);
  if (diagnostics.length === 0) {
    try {
      deploymentOrder(template.resources);
    } catch (e) {
      report(['Resources'], (e as Error).message);
    }
  }
  return { template: diagnostics.length ? undefined : template, readable: template, codeFolders, source, diagnostics };
}

/** The SAM expansion of a template with problems may fail; its references are then judged on the authored resources only. */
function expandSafely(
  resources: Record<string, AuthoredResource>,
  globals: Record<string, unknown>,
): LessonTemplate['resources'] {
  const wellFormed = Object.fromEntries(
    Object.entries(resources).filter(([, r]) => r && typeof r === 'object' && TEMPLATE_RESOURCE_TYPES[r.Type]),
  );
  try {
    return samTransform(wellFormed, globals);
  } catch {
    return {};
  }
}

export type Report = (path: (string | number)[], message: string) => void;

function checkResource(
  id: string,
  r: AuthoredResource,
  all: Record<string, AuthoredResource>,
  functionGlobals: Record<string, unknown>,
  report: Report,
) {
  const at = ['Resources', id];
  if (!/^[A-Za-z0-9]+$/.test(id)) report(at, `logical ID '${id}' may only contain letters and digits`);
  if (!r || typeof r !== 'object') return report(at, `resource '${id}' needs a Type and Properties`);
  for (const k of Object.keys(r)) {
    if (!['Type', 'Properties', 'DependsOn', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy'].includes(k))
      report([...at, k], `'${k}' on a resource is not supported; use Type, Properties, DependsOn, Metadata`);
  }
  const spec = TEMPLATE_RESOURCE_TYPES[r.Type];
  if (!spec)
    return report(
      [...at, 'Type'],
      `resource type '${r.Type}' is not supported; supported types: ${Object.keys(TEMPLATE_RESOURCE_TYPES).join(', ')}`,
    );
  const props = asMap(r.Properties);
  for (const p of Object.keys(props))
    if (!spec.properties.includes(p))
      report(
        [...at, 'Properties', p],
        `${r.Type} property '${p}' is not supported; supported: ${spec.properties.join(', ')}`,
      );
  const effective = r.Type === 'AWS::Serverless::Function' ? { ...functionGlobals, ...props } : props;
  for (const p of spec.required)
    if (!(p in effective))
      report(r.Properties ? [...at, 'Properties'] : at, `${id} (${r.Type}) needs the property '${p}'`);
  for (const d of r.DependsOn === undefined ? [] : [r.DependsOn].flat())
    if (!(d in all)) report([...at, 'DependsOn'], `DependsOn names '${d}', which is not a resource of this template`);
  if (r.Type === 'AWS::Serverless::Function') checkEvents(id, asMap(props.Events), all, report);
  if (r.Type === 'AWS::Serverless::StateMachine' && !props.DefinitionUri && !props.Definition)
    report([...at, 'Properties'], `${id} needs DefinitionUri (e.g. statemachines/flow.asl.json) or Definition`);
}

function checkEvents(
  fnId: string,
  events: Record<string, unknown>,
  all: Record<string, AuthoredResource>,
  report: Report,
) {
  for (const [name, e] of Object.entries(events)) {
    const at = ['Resources', fnId, 'Properties', 'Events', name];
    const ev = asMap(e) as { Type?: string; Properties?: Record<string, unknown> };
    if (!(SUPPORTED_EVENT_TYPES as readonly string[]).includes(String(ev.Type))) {
      report(
        [...at, 'Type'],
        `event type '${String(ev.Type)}' is not supported; supported: ${SUPPORTED_EVENT_TYPES.join(', ')}`,
      );
      continue;
    }
    const p = asMap(ev.Properties);
    const need = (k: string) => k in p || report([...at, 'Properties'], `${ev.Type} event '${name}' needs '${k}'`);
    if (ev.Type === 'SQS') need('Queue');
    if (ev.Type === 'Api') {
      need('Path');
      need('Method');
      if ('RestApiId' in p)
        report(
          [...at, 'Properties', 'RestApiId'],
          `Api events use the implicit ServerlessRestApi here; remove RestApiId, or wire an AWS::ApiGateway::Method to the function yourself`,
        );
    }
    if (ev.Type === 'S3') {
      need('Bucket');
      need('Events');
      const ref = (p.Bucket as { Ref?: string } | undefined)?.Ref;
      if (p.Bucket !== undefined && (!ref || all[ref]?.Type !== 'AWS::S3::Bucket'))
        report(
          [...at, 'Properties', 'Bucket'],
          `S3 event '${name}' needs Bucket: !Ref to an AWS::S3::Bucket of this template`,
        );
    }
  }
}

export function asMap(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
