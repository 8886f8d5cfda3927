// Runs one action of a step. Editor-only actions (open, reveal) return data for the editor.
import type { LessonAction, LessonStep } from '../../shared/lessonTypes';
import type { ActionResult } from '../../shared/lessonResults';
import type { LabSession } from '../session';
import { startExecutionAction } from './execution';
import { httpAction } from './http';
import { invokeAction } from './invoke';
import { lessonFile } from './lessonFiles';
import { sendMessageAction, uploadAction } from './messaging';
import { runScriptAction } from './runScript';
import { sizingSweepAction } from './sweep';

/** Every action type the engine runs (the schema and docs/authoring.md are tested against it). */
export const ACTION_TYPES = [
  'deploy',
  'invoke',
  'sendMessage',
  'upload',
  'startExecution',
  'http',
  'runScript',
  'sizingSweep',
  'open',
  'reveal',
] as const satisfies readonly LessonAction['type'][];
// Compile-time: a new action type must be added to ACTION_TYPES.
type Missing = Exclude<LessonAction['type'], (typeof ACTION_TYPES)[number]>;
const everyActionListed: [Missing] extends [never] ? true : Missing = true;
void everyActionListed;

export async function runAction(session: LabSession, step: LessonStep, action: LessonAction): Promise<ActionResult> {
  try {
    switch (action.type) {
      case 'deploy': {
        const ids = action.resources ?? step.deploys;
        const outcomes: Array<{ logicalId: string; outcome: string }> = [];
        const warnings: string[] = [];
        const state = await session.deployer.deploy(ids, (p) => {
          if (p.phase === 'created' || p.phase === 'updated' || p.phase === 'unchanged')
            outcomes.push({ logicalId: p.logicalId, outcome: p.phase });
          for (const w of p.warnings ?? []) warnings.push(`${p.logicalId} ${w}`);
        });
        const changed = outcomes.filter((o) => o.outcome !== 'unchanged').length;
        const said = warnings.length ? ` — warning: ${warnings.join('; ')}` : '';
        return {
          actionId: action.id,
          ok: true,
          summary: `deployed ${ids.join(', ')}: ${outcomes.length} resources, ${changed} changed${said}`,
          outcome: { kind: 'deployed', resources: outcomes, outputs: state.outputs },
        };
      }
      case 'invoke':
        return await invokeAction(session, action);
      case 'sendMessage':
        return await sendMessageAction(session, action);
      case 'upload':
        return await uploadAction(session, action);
      case 'startExecution':
        return await startExecutionAction(session, action);
      case 'http':
        return await httpAction(session, action);
      case 'runScript':
        return await runScriptAction(session, action);
      case 'sizingSweep':
        return await sizingSweepAction(session, action);
      case 'open':
        return {
          actionId: action.id,
          ok: true,
          summary: `open ${action.file}`,
          outcome: { kind: 'open', file: lessonFile(session, action.file), line: action.line, match: action.match },
        };
      case 'reveal':
        return {
          actionId: action.id,
          ok: true,
          summary: `reveal ${action.view ?? action.resource}`,
          outcome: { kind: 'reveal', view: action.view, resource: action.resource },
        };
    }
  } catch (e) {
    return { actionId: action.id, ok: false, summary: (e as Error).message };
  }
}
