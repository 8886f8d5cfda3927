// What the protocol handlers need from the rest of the Lambda service.
import type { CloudContext } from '../../server/types';
import type { CodeStore } from '../code/codeStore';
import type { LambdaModel } from '../model/lambdaModel';
import type { Invocations } from '../invocations';

export interface LambdaDeps {
  ctx: CloudContext;
  model: LambdaModel;
  code: CodeStore;
  invocations: Invocations;
  /** Public URL of a function URL id. */
  functionUrl(urlId: string): string;
  /** Starts or stops the SQS pollers after mapping changes. */
  mappingsChanged(): void;
}
