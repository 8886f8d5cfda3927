// A lesson opened against one target: the deployer, the clients, template expansion against
// what is deployed, and the usage tally for the cost estimate. Actions and checks get one.
import type { Lesson } from '../shared/lessonTypes';
import { CloudClients } from '../cloud/target/clients';
import type { Target } from '../cloud/target/target';
import { Deployer } from '../cloud/deploy/deployer';
import type { DeployProgress } from '../cloud/deploy/context';
import type { DeploymentState } from '../cloud/deploy/deploymentState';
import type { LessonTemplate } from '../cloud/template/model';
import type { LambdaReport } from '../cloud/metrics/reportLine';
import { expandTemplate, type TemplateVariable } from './urlTemplate';
import type { LoadedLesson } from './validateLesson';

export interface Usage {
  lambda: LambdaReport[];
  sqsRequests: { standard: number; fifo: number };
  apiRequests: { rest: number; http: number };
}

export interface LabSessionOptions {
  onProgress?: (p: DeployProgress) => void;
  /** Line-by-line output of scripts (the CLI prints it; the editor shows a terminal). */
  onOutput?: (text: string) => void;
  /** Cancels deploys (between resources), scripts, waits and sweeps. */
  signal?: AbortSignal;
  /**
   * The tally to add this session's usage to. The editor opens a session per click and keeps one
   * tally per lesson and target, so the lesson's cost counts every invoke, message and request.
   */
  usage?: Usage;
  /**
   * Other folders of this lesson whose prebuilt bundles may stand in for npm packages that are
   * not installed (the editor passes its bundled copy of a lesson the student copied).
   */
  prebuiltCopies?: readonly string[];
}

export function emptyUsage(): Usage {
  return { lambda: [], sqsRequests: { standard: 0, fifo: 0 }, apiRequests: { rest: 0, http: 0 } };
}

export class LabSession {
  readonly dir: string;
  readonly lesson: Lesson;
  readonly template: LessonTemplate;
  readonly clients: CloudClients;
  readonly deployer: Deployer;
  readonly usage: Usage;

  constructor(
    loaded: LoadedLesson,
    readonly target: Target,
    readonly options: LabSessionOptions = {},
  ) {
    this.dir = loaded.dir;
    this.lesson = loaded.lesson;
    this.template = loaded.template;
    this.usage = options.usage ?? emptyUsage();
    this.clients = new CloudClients(target);
    this.deployer = new Deployer({
      lessonId: loaded.lesson.id,
      lessonDir: loaded.dir,
      template: loaded.template,
      clients: this.clients,
      onProgress: options.onProgress,
      signal: options.signal,
      prebuiltCopies: options.prebuiltCopies,
    });
  }

  state(): DeploymentState {
    return this.deployer.state();
  }

  /** Physical name of a logical ID (deployed or not). */
  physicalName(logicalId: string): string {
    return this.deployer.physicalName(logicalId);
  }

  /** Ref of a deployed resource, with a sentence when it is not deployed. */
  ref(logicalId: string, state = this.state()): string {
    const d = state.resources[logicalId];
    if (!d) throw new NotDeployedError(logicalId, this.target.kind);
    return d.ref;
  }

  /** `${Id}`, `${Id.Attr}`, `${Outputs.Name}`, `${AWS::Region}` against what is deployed. */
  expand(text: string, state = this.state()): string {
    return expandTemplate(text, (v: TemplateVariable) => {
      switch (v.kind) {
        case 'pseudo':
          return v.name === 'AWS::Region'
            ? this.target.region
            : v.name === 'AWS::StackName'
              ? this.lesson.id
              : v.name === 'AWS::Partition'
                ? 'aws'
                : v.name === 'AWS::URLSuffix'
                  ? 'amazonaws.com'
                  : '000000000000';
        case 'output': {
          const o = state.outputs[v.name];
          if (o === undefined)
            throw new Error(
              `output ${v.name} has no value on ${this.target.kind} yet; deploy the step that creates it first`,
            );
          return o;
        }
        case 'ref':
          return this.ref(v.id, state);
        case 'attr': {
          // A SAM function's URL lives on its generated `<Id>Url` resource.
          const holder =
            v.attribute === 'FunctionUrl' && this.template.authored[v.id] === 'AWS::Serverless::Function'
              ? `${v.id}Url`
              : v.id;
          const d = state.resources[holder];
          if (!d) throw new NotDeployedError(holder, this.target.kind);
          const value = d.attributes[v.attribute];
          if (value === undefined || value === '')
            throw new Error(`${v.id} has no ${v.attribute} on ${this.target.kind}`);
          return value;
        }
      }
    });
  }

  /** Deep-expands templates in every string of a JSON-like value (the state file is read once). */
  expandDeep<T>(value: T, state = this.state()): T {
    if (typeof value === 'string') return this.expand(value, state) as T;
    if (Array.isArray(value)) return value.map((v) => this.expandDeep(v, state)) as T;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.expandDeep(v, state)])) as T;
    return value;
  }

  dispose(): void {
    this.clients.destroy();
  }
}

export class NotDeployedError extends Error {
  constructor(
    readonly logicalId: string,
    target: string,
  ) {
    super(`${logicalId} is not deployed on ${target}; deploy the step that creates it first`);
  }
}
