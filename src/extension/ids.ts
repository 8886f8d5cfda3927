// Every id the extension shares with package.json: commands, views, context keys and the
// contextValue of tree items. Nobody types one of these strings twice; the manifest test
// checks that package.json declares exactly these.

export const EXTENSION_ID = 'hands-on-cloud.hands-on-cloud';

export const Commands = {
  // targets and the local cloud
  startLocalCloud: 'handsOnCloud.startLocalCloud',
  stopLocalCloud: 'handsOnCloud.stopLocalCloud',
  selectTarget: 'handsOnCloud.selectTarget',
  showLog: 'handsOnCloud.showLog',
  // lessons
  refreshLabs: 'handsOnCloud.refreshLabs',
  openLesson: 'handsOnCloud.openLesson',
  openStep: 'handsOnCloud.openStep',
  deployStep: 'handsOnCloud.deployStep',
  checkStep: 'handsOnCloud.checkStep',
  resetStep: 'handsOnCloud.resetStep',
  resetLesson: 'handsOnCloud.resetLesson',
  runLesson: 'handsOnCloud.runLesson',
  teardownLesson: 'handsOnCloud.teardownLesson',
  runLessonLink: 'handsOnCloud.runLessonLink',
  newLesson: 'handsOnCloud.newLesson',
  exportProgressReport: 'handsOnCloud.exportProgressReport',
  // resources
  refreshResources: 'handsOnCloud.refreshResources',
  invokeFunction: 'handsOnCloud.invokeFunction',
  sendMessage: 'handsOnCloud.sendMessage',
  uploadFile: 'handsOnCloud.uploadFile',
  startExecution: 'handsOnCloud.startExecution',
  openUrl: 'handsOnCloud.openUrl',
  copyArn: 'handsOnCloud.copyArn',
  deleteResource: 'handsOnCloud.deleteResource',
  // invoke & inspect
  invokeHandler: 'handsOnCloud.invokeHandler',
  pickTestEvent: 'handsOnCloud.pickTestEvent',
  saveTestEvent: 'handsOnCloud.saveTestEvent',
  // the resource views
  showQueueMessages: 'handsOnCloud.showQueueMessages',
  showInvocationMetrics: 'handsOnCloud.showInvocationMetrics',
  showStateMachineGraph: 'handsOnCloud.showStateMachineGraph',
  // onboarding
  openWalkthrough: 'handsOnCloud.openWalkthrough',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'handsOnCloud',
  labs: 'handsOnCloud.labs',
  resources: 'handsOnCloud.resources',
} as const;

/** viewType of every webview panel (the manifest's onWebviewPanel activation events). */
export const Panels = {
  stepGuide: 'handsOnCloud.stepGuide',
  invokeResult: 'handsOnCloud.invokeResult',
  sqs: 'handsOnCloud.sqsMessages',
  metrics: 'handsOnCloud.invocationMetrics',
  graph: 'handsOnCloud.stateMachineGraph',
} as const;
export type PanelType = (typeof Panels)[keyof typeof Panels];

/** Keys for `setContext`, used in `when` clauses of the manifest. */
export const ContextKeys = {
  target: 'handsOnCloud.target',
  localCloudState: 'handsOnCloud.localCloudState',
  hasLessons: 'handsOnCloud.hasLessons',
  lessonsLoaded: 'handsOnCloud.lessonsLoaded',
} as const;

/** `contextValue` of tree items, matched by the manifest's `view/item/context` menus. */
export const ItemKinds = {
  lesson: 'lesson',
  step: 'step',
  queue: 'queue',
  bucket: 'bucket',
  object: 'object',
  function: 'function',
  api: 'api',
  apiStage: 'apiStage',
  stateMachine: 'stateMachine',
  execution: 'execution',
  group: 'group',
  message: 'message',
} as const;
export type ItemKind = (typeof ItemKinds)[keyof typeof ItemKinds];

export const WALKTHROUGH_ID = 'gettingStarted';
export const CONFIG_SECTION = 'handsOnCloud';
