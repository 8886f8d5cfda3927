// AWS::StepFunctions::StateMachine (and SAM's): the definition from DefinitionUri,
// DefinitionString or Definition, with DefinitionSubstitutions applied; Ref is the ARN.
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ifExists } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';
import type { CfnResource } from '../../template/model';

function definitionOf(props: Record<string, unknown>, ctx: DeployContext): string {
  let text: string;
  if (typeof props.DefinitionUri === 'string')
    text = readFileSync(join(ctx.template.baseDir, props.DefinitionUri), 'utf8');
  else if (typeof props.DefinitionString === 'string') text = props.DefinitionString;
  else if (props.Definition) text = JSON.stringify(props.Definition, null, 2);
  else throw new Error('the state machine has no definition (DefinitionUri, DefinitionString or Definition)');
  for (const [k, v] of Object.entries((props.DefinitionSubstitutions ?? {}) as Record<string, unknown>))
    text = text.split(`\${${k}}`).join(String(v));
  return text;
}

function arnOf(resource: CfnResource, ctx: DeployContext): string {
  return `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${ctx.physicalName(resource)}`;
}

export const stateMachine: ResourceHandler = {
  async deploy(resource, props, ctx) {
    const name = ctx.physicalName(resource);
    const arn = arnOf(resource, ctx);
    const definition = definitionOf(props, ctx);
    const roleArn = props.RoleArn
      ? String(props.RoleArn)
      : await ctx.roles.arn('states', resource.logicalId, props.Policies, {}, (m) => ctx.warn(m));
    const sfn = ctx.clients.sfn;
    const current = await ifExists(() => sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn })));
    if (!current) {
      const created = await sfn.send(
        new CreateStateMachineCommand({
          name,
          definition,
          roleArn,
          type: String(props.StateMachineType ?? 'STANDARD') as never,
        }),
      );
      return {
        ref: created.stateMachineArn!,
        attributes: { Arn: created.stateMachineArn!, Name: name },
        outcome: 'created',
      };
    }
    const same = normalise(current.definition) === normalise(definition) && current.roleArn === roleArn;
    if (!same) await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition, roleArn }));
    return { ref: arn, attributes: { Arn: arn, Name: name }, outcome: same ? 'unchanged' : 'updated' };
  },

  async remove(resource, ctx) {
    const arn = arnOf(resource, ctx);
    if (!(await ifExists(() => ctx.clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn })))))
      return false;
    await ifExists(() => ctx.clients.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn })));
    return true;
  },
};

function normalise(definition: string | undefined): string {
  try {
    return JSON.stringify(JSON.parse(definition ?? ''));
  } catch {
    return definition ?? '';
  }
}
