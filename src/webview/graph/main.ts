// Step Functions graph view: the machine laid out by ELK, an execution selector, states coloured
// from the execution's history (live while it runs), a state inspector, and Start execution.
import '../common/elements';
import { HostClient } from '../common/rpc';
import { appRoot, h, icon, statusLine } from '../common/dom';
import { t } from '../common/l10n';
import { patchState, vscodeApi } from '../common/vscodeApi';
import { parseDefinition, toGraph, type AslModel, type GraphNode } from '../../asl';
import type {
  ExecutionDetail,
  ExecutionSummary,
  GraphEvent,
  GraphMethods,
  GraphViewState,
  MachineInfo,
} from '../../shared/webviewProtocolGraph';
import { GraphCanvas } from './graphCanvas';
import { canvasMeasure, layoutGraph, layoutKey } from './layout';
import { elkInWorker } from './elkInWorker';
import type { Scene } from './scene';
import { executionView, STATUS_TEXT, type ExecutionView } from './stateDetails';
import { renderInspector } from './stateInspector';
import { ExecutionPicker } from './executionPicker';

const POLL_MS = 1000;
/** How often the execution list is refreshed (executions started elsewhere: a lesson step, the CLI). */
const LIST_MS = 5000;

const host = new HostClient<GraphMethods, GraphEvent>();
const root = appRoot();
const status = statusLine();
const saved = vscodeApi<GraphViewState>().getState();
const header = h('header', { class: 'graph-header' });
const inspector = h('aside', { class: 'inspector', 'aria-label': 'Selected state', 'aria-live': 'polite' });

let machine: MachineInfo | undefined;
let model: AslModel | undefined;
let nodes = new Map<string, GraphNode>();
let execution: ExecutionDetail | undefined;
let view: ExecutionView | undefined;
let selectedState = saved?.selectedStateId;
let pollTimer: ReturnType<typeof setTimeout> | undefined;

const canvas = new GraphCanvas((id) => selectState(id));
const picker = new ExecutionPicker(saved?.input ?? '{}', {
  select: (arn) => void loadExecution(arn),
  refresh: () => void refreshExecutions(),
  start: (input, name) => void startExecution(input, name),
  inputChanged: (input) => patchState<GraphViewState>({ input }),
});
const zoomBar = h(
  'div',
  { class: 'toolbar', role: 'toolbar', 'aria-label': t('Zoom') },
  tool('screen-full', t('Fit (0)'), () => canvas.fit()),
  tool('zoom-in', t('Zoom in (+)'), () => canvas.zoomBy(1.25)),
  tool('zoom-out', t('Zoom out (−)'), () => canvas.zoomBy(0.8)),
);
root.append(
  header,
  picker.el,
  status.el,
  h('div', { class: 'split' }, h('div', { class: 'canvas-wrap' }, zoomBar, canvas.el, legend()), inspector),
);

function tool(codicon: string, label: string, run: () => void): HTMLElement {
  const b = h('vscode-button', { secondary: true, 'aria-label': label, title: label }, icon(codicon));
  b.addEventListener('click', run);
  return b;
}

function legend(): HTMLElement {
  const items = (['notReached', 'running', 'succeeded', 'failed', 'caught'] as const).map(
    (k) => [k, STATUS_TEXT[k]] as const,
  );
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('Colours') },
    ...items.map(([k, text]) => h('li', { class: `status-${k}` }, h('span', { class: 'swatch' }), text)),
  );
}

function selectState(id: string | undefined): void {
  selectedState = id;
  patchState<GraphViewState>({ selectedStateId: id });
  canvas.focusState(id);
  renderSide();
}

function renderSide(): void {
  inspector.replaceChildren(...renderInspector(selectedState ? nodes.get(selectedState) : undefined, execution, view));
}

async function loadMachine(): Promise<void> {
  machine = await host.request('machine', {});
  patchState<GraphViewState>({ stateMachineArn: machine.stateMachineArn });
  header.replaceChildren(
    h('h1', {}, icon('type-hierarchy'), ` ${machine.name} `, h('vscode-badge', {}, machine.type)),
    h('p', { class: 'note' }, machine.target),
  );
  model = parseDefinition(machine.definition);
  const graph = toGraph(model);
  nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  // A hidden view is destroyed; the layout kept in the view state makes showing it again instant.
  const key = layoutKey(machine.definition);
  const cached = vscodeApi<GraphViewState>().getState()?.layout;
  if (cached?.key === key) {
    canvas.render(cached.scene as Scene);
    status.say(t('{0} states.', model.byId.size));
  } else {
    status.say(t('Laying out {0} states…', model.byId.size));
    const started = performance.now();
    const scene = await layoutGraph(elkInWorker(), graph, canvasMeasure());
    canvas.render(scene);
    patchState<GraphViewState>({ layout: { key, scene } });
    status.say(t('{0} states, laid out in {1} ms.', model.byId.size, Math.round(performance.now() - started)));
  }
  canvas.fitReadable();
  known = machine.executions;
  picker.setExecutions(machine.executions);
  const first = saved?.executionArn ?? machine.initialExecution ?? machine.executions[0]?.executionArn;
  if (first) await loadExecution(first);
  else renderSide();
  if (selectedState) canvas.focusState(selectedState);
}

let known: ExecutionSummary[] = [];

async function refreshExecutions(): Promise<ExecutionSummary[]> {
  const list = await host.request('executions', {});
  known = list;
  picker.setExecutions(list, execution?.executionArn);
  return list;
}

/**
 * Keeps the list current. When the student was watching the newest execution and a newer one
 * starts (a lesson step, the CLI), the view follows it.
 */
async function watchExecutions(): Promise<void> {
  try {
    const newestBefore = known[0]?.executionArn;
    const list = await refreshExecutions();
    const newest = list[0]?.executionArn;
    if (newest && newest !== newestBefore && (!execution || execution.executionArn === newestBefore)) {
      status.say(t('Following the new execution {0}.', list[0].name));
      await loadExecution(newest);
    }
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
  setTimeout(() => void watchExecutions(), LIST_MS);
}

async function loadExecution(arn: string): Promise<void> {
  if (pollTimer) clearTimeout(pollTimer);
  pollTimer = undefined;
  patchState<GraphViewState>({ executionArn: arn });
  try {
    const out = await host.request('history', { executionArn: arn });
    const statusChanged = execution?.executionArn === arn && execution.status !== out.execution.status;
    execution = out.execution;
    view = model ? executionView(model, out.events, Date.now()) : undefined;
    canvas.setStatuses(view);
    if (!selectedState && view) {
      // Show where things happen: the running state, else the last failure.
      const busy =
        [...view.states].find(([, d]) => d.status === 'running') ??
        [...view.states].reverse().find(([, d]) => d.status === 'failed');
      if (busy) canvas.reveal(busy[0]);
    }
    picker.showSelected(execution);
    renderSide();
    if (view?.unknownNames.length)
      status.say(
        t(
          'The history names states the definition does not have ({0}): the machine was changed after this execution.',
          view.unknownNames.join(', '),
        ),
      );
    if (execution.status === 'RUNNING') pollTimer = setTimeout(() => void loadExecution(arn), POLL_MS);
    else if (statusChanged) await refreshExecutions();
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
}

async function startExecution(input: string, name?: string): Promise<void> {
  try {
    JSON.parse(input);
  } catch (e) {
    status.say(t('The input is not valid JSON: {0}', (e as Error).message), 'error');
    return;
  }
  try {
    const { executionArn } = await host.request('start', { input, name });
    status.say(t('Started {0}.', executionArn.split(':').pop() ?? executionArn));
    await refreshExecutions();
    await loadExecution(executionArn);
  } catch (e) {
    status.say((e as Error).message, 'error');
  }
}

host.onEvent((e) => {
  if (e.type === 'select') void refreshExecutions().then(() => loadExecution(e.executionArn));
});
host.ready();
loadMachine()
  .catch((e: Error) => status.say(e.message, 'error'))
  .finally(() => setTimeout(() => void watchExecutions(), LIST_MS));
