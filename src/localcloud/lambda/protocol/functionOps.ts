// CreateFunction, GetFunction, ListFunctions, DeleteFunction, GetFunctionConfiguration,
// UpdateFunctionCode, UpdateFunctionConfiguration, GetAccountSettings.
import { randomUUID } from 'node:crypto';
import type { FunctionRecord, VersionConfig } from '../model/types';
import { accountConcurrency } from '../runtime/environmentPool';
import { codeLocation } from './codeLocation';
import { applyConfigInput, checkFunctionName, refuseBlockedRuntime } from './configInput';
import type { LambdaDeps } from './deps';
import { json, noContent, paginate, parseBody, query, type Operation } from './http';
import { publishVersion } from './versionOps';
import { functionConfiguration, lambdaTime } from './shapes';
import { InvalidParameterValueException, PreconditionFailedException, ResourceConflictException } from '../errors';

async function codeFrom(deps: LambdaDeps, input: Record<string, unknown>) {
  const zip = input.ZipFile;
  if (typeof zip === 'string' && zip.length > 0) return deps.code.store(Buffer.from(zip, 'base64'));
  if (input.S3Bucket || input.ImageUri) {
    throw new InvalidParameterValueException(
      'The local cloud deploys code from ZipFile (the zip bytes in the request); S3Bucket/S3Key and ImageUri are not supported. Upload the zip directly, e.g. `aws lambda create-function --zip-file fileb://function.zip`.',
    );
  }
  throw new InvalidParameterValueException('Please provide a source for function code.');
}

export function functionOps(deps: LambdaDeps): Record<string, Operation> {
  const { model, ctx } = deps;

  return {
    async CreateFunction(req) {
      const input = parseBody(req);
      const name = checkFunctionName(input.FunctionName);
      if (model.functions.has(name)) throw new ResourceConflictException(`Function already exist: ${name}`);
      if (input.PackageType === 'Image')
        throw new InvalidParameterValueException(
          'Container image functions (PackageType Image) are not supported by the local cloud; package the code as a zip.',
        );
      const code = await codeFrom(deps, (input.Code ?? {}) as Record<string, unknown>);
      const config: VersionConfig = {
        FunctionName: name,
        FunctionArn: model.arn(name),
        Role: '',
        Description: '',
        Timeout: 3,
        MemorySize: 128,
        LastModified: lambdaTime(),
        Version: '$LATEST',
        TracingConfig: { Mode: 'PassThrough' },
        RevisionId: randomUUID(),
        PackageType: 'Zip',
        Architectures: ['x86_64'],
        EphemeralStorage: { Size: 512 },
        LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
        code,
      };
      applyConfigInput(config, input, true);
      const record: FunctionRecord = {
        name,
        latest: config,
        versions: {},
        lastVersion: 0,
        aliases: {},
        policies: {},
        urls: {},
        tags: (input.Tags ?? {}) as Record<string, string>,
      };
      model.save(record);
      let shown = config;
      if (input.Publish === true) shown = publishVersion(deps, name, undefined, '');
      return json(201, functionConfiguration(shown, { State: 'Pending', LastUpdateStatus: 'InProgress' }));
    },

    async GetFunction(req, p) {
      const r = model.resolve(p.FunctionName!, query(req, 'Qualifier'));
      const body: Record<string, unknown> = {
        Configuration: functionConfiguration(r.config),
        Code: { RepositoryType: 'S3', Location: await codeLocation(ctx, r.record.name, r.version) },
      };
      if (Object.keys(r.record.tags).length) body.Tags = r.record.tags;
      if (r.record.reservedConcurrency !== undefined)
        body.Concurrency = { ReservedConcurrentExecutions: r.record.reservedConcurrency };
      return json(200, body);
    },

    GetFunctionConfiguration(req, p) {
      return json(200, functionConfiguration(model.resolve(p.FunctionName!, query(req, 'Qualifier')).config));
    },

    ListFunctions(req) {
      const all = query(req, 'FunctionVersion') === 'ALL';
      const configs = [...model.functions.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((f) => (all ? [f.latest, ...Object.values(f.versions)] : [f.latest]));
      const { page, NextMarker } = paginate(configs, req);
      return json(200, { Functions: page.map((c) => functionConfiguration(c)), ...(NextMarker ? { NextMarker } : {}) });
    },

    DeleteFunction(req, p) {
      const q = query(req, 'Qualifier');
      const record = model.copy(p.FunctionName!);
      if (q === undefined || q === '$LATEST') {
        if (q === '$LATEST')
          throw new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.');
        model.commit({ t: 'deleteFunction', name: record.name });
        for (const m of [...model.mappings.values()])
          if (m.FunctionArn.split(':')[6] === record.name) model.commit({ t: 'deleteEsm', uuid: m.UUID });
        deps.mappingsChanged();
        return noContent();
      }
      if (!record.versions[q]) throw model.notFound(record.name, q);
      const usedBy = Object.values(record.aliases).find((a) => a.FunctionVersion === q);
      if (usedBy)
        throw new ResourceConflictException(
          `Unable to delete version because the following aliases reference it: [${usedBy.Name}]`,
        );
      delete record.versions[q];
      model.save(record);
      return noContent();
    },

    async UpdateFunctionCode(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      if (input.RevisionId !== undefined && input.RevisionId !== record.latest.RevisionId)
        throw new PreconditionFailedException();
      refuseBlockedRuntime(record.latest.Runtime, 'update');
      record.latest.code = await codeFrom(deps, input);
      if (input.Architectures) applyConfigInput(record.latest, { Architectures: input.Architectures }, false);
      touch(record.latest);
      model.save(record);
      let shown = record.latest;
      if (input.Publish === true) shown = publishVersion(deps, record.name, undefined, '');
      return json(200, functionConfiguration(shown, { LastUpdateStatus: 'InProgress' }));
    },

    UpdateFunctionConfiguration(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      if (input.RevisionId !== undefined && input.RevisionId !== record.latest.RevisionId)
        throw new PreconditionFailedException();
      applyConfigInput(record.latest, input, false);
      touch(record.latest);
      model.save(record);
      return json(200, functionConfiguration(record.latest, { LastUpdateStatus: 'InProgress' }));
    },

    GetAccountSettings() {
      const reserved = [...model.functions.values()].reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
      return json(200, {
        AccountLimit: {
          TotalCodeSize: 80_530_636_800,
          CodeSizeUnzipped: 262_144_000,
          CodeSizeZipped: 52_428_800,
          ConcurrentExecutions: accountConcurrency(),
          UnreservedConcurrentExecutions: accountConcurrency() - reserved,
        },
        AccountUsage: {
          TotalCodeSize: [...model.functions.values()].reduce((n, f) => n + f.latest.code.size, 0),
          FunctionCount: model.functions.size,
        },
      });
    },
  };
}

function touch(c: VersionConfig): void {
  c.LastModified = lambdaTime();
  c.RevisionId = randomUUID();
}
