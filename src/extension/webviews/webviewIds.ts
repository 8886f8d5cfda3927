// Ids of the views' commands and panels: the manifest (package.json) spells the same strings.
export const WebviewCommands = {
  showQueueMessages: 'handsOnCloud.showQueueMessages',
  showInvocationMetrics: 'handsOnCloud.showInvocationMetrics',
  showStateMachineGraph: 'handsOnCloud.showStateMachineGraph',
} as const;

export const WebviewTypes = {
  sqs: 'handsOnCloud.sqsMessages',
  metrics: 'handsOnCloud.invocationMetrics',
  graph: 'handsOnCloud.stateMachineGraph',
} as const;
