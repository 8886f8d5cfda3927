// The `handsOnCloud.*` settings and their defaults, as the manifest's
// `contributes.configuration` declares them (test/extension/settingsManifest.test.ts checks
// that the two agree). No vscode import, so plain tests can read it.
import type { TargetKind } from '../cloud/target/target';

export interface Settings {
  target: TargetKind;
  'localCloud.port': number;
  'localCloud.autoStart': boolean;
  'localstack.endpoint': string;
  'aws.profile': string;
  'aws.region': string;
  'aws.lambdaRole': string;
  'student.suffix': string;
  templateParameters: Record<string, string>;
  'codeLens.enabled': boolean;
}

export const DEFAULTS: Settings = {
  target: 'local',
  'localCloud.port': 0,
  'localCloud.autoStart': true,
  'localstack.endpoint': 'http://localhost:4566',
  'aws.profile': '',
  'aws.region': 'us-east-1',
  'aws.lambdaRole': '',
  'student.suffix': '',
  templateParameters: {},
  'codeLens.enabled': true,
};
