// A lesson template after parsing and the SAM transform: plain CloudFormation-style
// resources the deployer understands, each remembering which authored resource it came from.

export interface CfnResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  /** Explicit DependsOn (implicit ones come from Ref/GetAtt/Sub). */
  dependsOn: string[];
  /** The authored logical ID this resource was generated from (itself when authored). */
  origin: string;
}

export interface TemplateParameter {
  Type?: string;
  Default?: unknown;
  Description?: string;
  AllowedValues?: unknown[];
}

export interface LessonTemplate {
  /** Folder holding template.yaml; CodeUri and DefinitionUri are relative to it. */
  baseDir: string;
  /** Authored logical ID → authored type (what lesson.yaml refers to). */
  authored: Record<string, string>;
  resources: Record<string, CfnResource>;
  parameters: Record<string, TemplateParameter>;
  outputs: Record<string, { Value: unknown; Description?: string }>;
}
