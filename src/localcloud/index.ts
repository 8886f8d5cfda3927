// Public entry of the local cloud, shared by `hoc cloud`, the extension and the tests.
export { startLocalCloud, ACCOUNT_ID, type LocalCloud, type LocalCloudOptions } from './server/localCloud';
export { AwsError } from './server/errors';
export { LocalCloudStartError } from './server/startError';
export type { AwsRequest, AwsResponse, CloudContext, LocalService, ServiceFactory } from './server/types';
