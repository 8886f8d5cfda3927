// The Lambda service of the local cloud: wires the model (functions, versions, policies), the
// protocol (restJson1 routes), the runtime (execution environments speaking the Runtime API)
// and the triggers (function URLs, SQS event source mappings). Implements LambdaInternal.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaInternal, LogsInternal } from '../server/internal';
import type { AwsRequest, AwsResponse, CloudContext, ServiceFactory } from '../server/types';
import { CodeStore } from './code/codeStore';
import type { EfsInternal } from './efs/efsService';
import { Invocations } from './invocations';
import { LambdaModel } from './model/lambdaModel';
import type { LambdaEvent } from './model/types';
import type { LambdaDeps } from './protocol/deps';
import { matchRoute } from './protocol/http';
import { lambdaRoutes } from './protocol/routes';
import { EnvironmentPool } from './runtime/environmentPool';
import { Invoker } from './runtime/invoker';
import { createScratchRoot } from './runtime/scratchRoot';
import { LogShipper } from './runtime/logShipper';
import { FunctionUrls } from './triggers/functionUrls';
import { SqsPollers } from './triggers/sqsPollers';
import { UnknownOperationException } from './errors';

const CODE_ROUTE = /^\/_localcloud\/lambda\/code\/([^/]+)\/([^/]+)$/;

export const createLambdaService: ServiceFactory = (ctx: CloudContext): LambdaInternal => {
  const shipper = new LogShipper(
    () => ctx.services.get<LogsInternal>('logs'),
    (fn) => ctx.journal.outsideRequests(fn),
  );
  const scratchRoot = createScratchRoot();
  const efsRoot = join(ctx.stateDir ?? ctx.journal.blobDir, 'efs');
  const pool = new EnvironmentPool(
    {
      region: ctx.region,
      endpoint: ctx.endpoint,
      credentials: ctx.credentials,
      efsRoot,
      efsFolderFor: (arn) => ctx.services.get<EfsInternal>('elasticfilesystem')?.folderFor(arn),
      scratchRoot,
    },
    (config, stream) => (line, ts) => shipper.write(config.LoggingConfig.LogGroup, stream(), line, ts),
  );
  const model: LambdaModel = new LambdaModel(
    ctx.region,
    ctx.accountId,
    (e: LambdaEvent) => ctx.journal.append('lambda', e),
    (name) => pool.retire(name, (version) => currentConfig(name, version)),
  );
  const currentConfig = (name: string, version: string) => {
    const f = model.functions.get(name);
    return f && (version === '$LATEST' ? f.latest : f.versions[version]);
  };
  const code = new CodeStore(ctx.journal);
  const invoker = new Invoker(pool, shipper, (r) => code.ensureExtracted(r.config.code), currentConfig);
  const invocations = new Invocations(ctx, model, invoker);
  const pollers = new SqsPollers(ctx, model, invocations);
  const deps: LambdaDeps = {
    ctx,
    model,
    code,
    invocations,
    functionUrl: (urlId) => `http://${urlId}.lambda-url.${ctx.region}.localhost:${ctx.port}/`,
    mappingsChanged: () => pollers.sync(),
  };
  const routes = lambdaRoutes(deps);
  const urls = new FunctionUrls(ctx, model, invocations);

  async function handle(req: AwsRequest): Promise<AwsResponse> {
    const url = urls.match(req);
    if (url) return urls.serve(req, url, true);
    // GetFunction's Code.Location: a presigned URL, verified like any signed request.
    const m = CODE_ROUTE.exec(req.path);
    if (req.method === 'GET' && m) {
      const r = model.resolve(m[1]!, m[2]!);
      return { status: 200, headers: { 'content-type': 'application/zip' }, body: code.read(r.config.code) };
    }
    const found = matchRoute(routes, req.method, req.rawPath);
    if (!found) throw new UnknownOperationException(req.method, req.rawPath);
    return found.route.op(req, found.params);
  }

  async function handleUnsigned(req: AwsRequest): Promise<AwsResponse | undefined> {
    const url = urls.match(req);
    if (url) return urls.serve(req, url, false);
    return undefined;
  }

  return {
    name: 'lambda',
    handle,
    handleUnsigned,
    invokeInternal: (functionRef, payload, options) => invocations.invoke(functionRef, payload, options),
    functionArn(functionRef) {
      try {
        const r = model.resolve(functionRef);
        return model.arn(r.record.name, r.qualifier);
      } catch {
        return undefined;
      }
    },
    snapshot: () => model.snapshot(),
    loadSnapshot: (s) => model.load(s),
    applyEvent: (e) => model.apply(e as LambdaEvent),
    start() {
      invocations.resumePending();
      pollers.sync();
    },
    async stop() {
      pollers.stop();
      invocations.stop();
      shipper.flush();
      pool.stop();
      rmSync(scratchRoot, { recursive: true, force: true });
    },
  };
};
