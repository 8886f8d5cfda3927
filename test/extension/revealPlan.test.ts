// Which view a lesson's `hoc:reveal` link opens, and on which resource — against the course's
// real lesson (labs/05-serverless) and the editor tests' fixture lesson.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { validateLesson } from '../../src/lab/validateLesson';
import { parseLessonLink } from '../../src/shared/lessonLinks';
import { planReveal, revealTarget, type RevealContext, type RevealPlan } from '../../src/extension/labs/revealPlan';

const ROOT = join(import.meta.dirname, '..', '..');

function lessonContext(dir: string) {
  const { lesson, template, diagnostics } = validateLesson(dir);
  assert.ok(lesson && template, `lesson loads: ${diagnostics.map((d) => d.message).join('; ')}`);
  return (stepId: string, extra: Partial<RevealContext> = {}): RevealContext => ({
    steps: lesson.steps,
    stepId,
    typeOf: (id) => template.authored[id] ?? template.resources[id]?.type,
    templateIds: Object.keys(template.authored),
    ...extra,
  });
}

const course = lessonContext(join(ROOT, 'labs', '05-serverless'));
const fixture = lessonContext(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace', 'labs', '01-hello'));

function plan(href: string, ctx: RevealContext): RevealPlan {
  const parsed = parseLessonLink(href);
  assert.ok(parsed.ok && parsed.link.kind === 'reveal', href);
  return planReveal(parsed.link, ctx);
}

function subject(p: RevealPlan): string {
  assert.equal(p.kind, 'resource', JSON.stringify(p));
  return (p as Extract<RevealPlan, { kind: 'resource' }>).logicalId;
}

test('the graph link opens the state machine the step runs', () => {
  assert.deepEqual(plan('hoc:reveal?view=graph', course('step-functions')), {
    kind: 'resource',
    view: 'graph',
    logicalId: 'ImagePipeline',
    resourceKind: 'stateMachine',
  });
  assert.equal(subject(plan('hoc:reveal?view=graph', course('step-functions-map'))), 'ImageBatch');
});

test('the metrics link opens the step function; cost prefers the function the step sweeps', () => {
  assert.equal(subject(plan('hoc:reveal?view=metrics', course('warm-starts'))), 'HelloFunction');
  assert.equal(
    subject(plan('hoc:reveal?view=metrics', course('gallery-lambda'))),
    'GalleryWorkerFunction',
    'a function named only by a check and deploys',
  );
  assert.deepEqual(plan('hoc:reveal?view=cost', course('sizing')), {
    kind: 'resource',
    view: 'metrics',
    logicalId: 'SizingFunction',
    resourceKind: 'function',
    focus: 'cost',
  });
});

test('a step without its own resource uses the lesson: most recently used, then deployed, then the nearest earlier step', () => {
  // The cost step names no function.
  const recent = course('cost', { recent: ['ImagePipeline', 'SizingFunction', 'HelloFunction'] });
  assert.equal(
    subject(plan('hoc:reveal?view=cost', recent)),
    'SizingFunction',
    'the most recent function, skipping a state machine',
  );
  assert.equal(subject(plan('hoc:reveal?view=graph', recent)), 'ImagePipeline');
  const deployed = course('cost', {
    deployed: [
      { logicalId: 'HelloFunction', deployedAt: '2026-11-20T10:00:00.000Z' },
      { logicalId: 'PowFunction', deployedAt: '2026-11-20T11:30:00.000Z' },
      { logicalId: 'OrdersQueue', deployedAt: '2026-11-20T12:00:00.000Z' },
    ],
  });
  assert.equal(subject(plan('hoc:reveal?view=metrics', deployed)), 'PowFunction', 'the latest deployed function');
  assert.equal(
    subject(plan('hoc:reveal?view=metrics', course('cost'))),
    'EfsWriterFunction',
    'the nearest earlier step (efs)',
  );
  assert.equal(subject(plan('hoc:reveal?view=graph', course('efs'))), 'ImageBatch');
  assert.equal(
    subject(plan('hoc:reveal?view=graph', course('queues'))),
    'ImagePipeline',
    'before any step has one: the template first',
  );
});

test('a lesson with nothing to show says so', () => {
  const none = fixture('queue', { templateIds: [], typeOf: () => undefined, steps: [] });
  const p = plan('hoc:reveal?view=graph', none);
  assert.equal(p.kind, 'none');
  assert.match((p as { reason: string }).reason, /no state machine/);
});

test('a resource link opens the resource own view; others go to the Resources tree', () => {
  assert.deepEqual(plan('hoc:reveal?resource=OrdersQueue', course('queues')), {
    kind: 'resource',
    view: 'queue',
    logicalId: 'OrdersQueue',
    resourceKind: 'queue',
  });
  assert.equal((plan('hoc:reveal?resource=HelloFunction', course('queues')) as { view: string }).view, 'metrics');
  assert.equal((plan('hoc:reveal?resource=ImageBatch', course('queues')) as { view: string }).view, 'graph');
  assert.deepEqual(plan('hoc:reveal?resource=ImagesBucket', course('queues')), {
    kind: 'tree',
    logicalId: 'ImagesBucket',
  });
  assert.deepEqual(plan('hoc:reveal?view=logs', course('queues')), { kind: 'view', view: 'logs' });
});

test('the fixture lesson reveals its queue, function and state machine', () => {
  assert.equal(subject(plan('hoc:reveal?view=metrics', fixture('function'))), 'HelloFunction');
  assert.equal(subject(plan('hoc:reveal?view=graph', fixture('workflow'))), 'HelloFlow');
  assert.equal((plan('hoc:reveal?resource=NotesQueue', fixture('queue')) as { view: string }).view, 'queue');
});

test('the views open on the deployed identifiers', () => {
  const queue = { kind: 'resource', view: 'queue', logicalId: 'Q', resourceKind: 'queue' } as const;
  assert.deepEqual(revealTarget(queue, 'http://127.0.0.1:4566/000000000000/01-hello-Q'), {
    kind: 'queue',
    ref: 'http://127.0.0.1:4566/000000000000/01-hello-Q',
  });
  assert.deepEqual(revealTarget(queue, '01-hello-Q'), { kind: 'queue', ref: '01-hello-Q' });
  const cost = { kind: 'resource', view: 'metrics', logicalId: 'F', resourceKind: 'function', focus: 'cost' } as const;
  assert.deepEqual(revealTarget(cost, '01-hello-F'), { kind: 'function', ref: '01-hello-F', focus: 'cost' });
  const graph = { kind: 'resource', view: 'graph', logicalId: 'M', resourceKind: 'stateMachine' } as const;
  const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:01-hello-M';
  assert.deepEqual(revealTarget(graph, machine), { kind: 'stateMachine', ref: machine });
  assert.deepEqual(revealTarget(graph, machine, `${machine.replace(':stateMachine:', ':execution:')}:run-1`), {
    kind: 'stateMachine',
    ref: machine,
    executionArn: 'arn:aws:states:us-east-1:000000000000:execution:01-hello-M:run-1',
  });
});
