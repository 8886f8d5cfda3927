// Talking to a target: endpoints and credentials, clients, deploy and teardown, packaging,
// REPORT-line metrics, prices and cost. Used by src/lab, the CLI and the editor.
export {
  resolveTarget,
  targetEnvironment,
  normaliseSuffix,
  TARGET_KINDS,
  LOCALSTACK_ENDPOINT,
  type Target,
  type TargetKind,
  type TargetSettings,
} from './target/target';
export { CloudClients, LOCAL_ACCOUNT_ID } from './target/clients';
export { Deployer, DeployError, type DeployerOptions } from './deploy/deployer';
export type { DeployProgress, DeployPhase } from './deploy/context';
export { statePath, type DeploymentState, type DeployedResource } from './deploy/deploymentState';
export { physicalName, stackName } from './deploy/naming';
export { parseParameterOverrides } from './deploy/parameters';
export { stageInvokeUrl, reachableFunctionUrl, rewriteAwsUrl } from './deploy/invokeUrls';
export { packageFunction, type FunctionPackage } from './packaging/packageFunction';
export { bundle, bundleEngine, type BundleEngine } from './packaging/bundler';
export { parseReportLine, parseReports, type LambdaReport } from './metrics/reportLine';
export { PRICES, type Architecture } from './metrics/prices';
export {
  invocationCost,
  usageCost,
  formatUsd,
  billedMs,
  sqsRequestsFor,
  type CostBreakdown,
  type UsageTally,
} from './metrics/cost';
export { sweepPoints, recommend, type SweepPoint, type SweepRecommendation } from './metrics/sizingSweep';
export type { LessonTemplate, CfnResource } from './template/model';
