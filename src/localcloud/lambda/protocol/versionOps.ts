// PublishVersion, ListVersionsByFunction and aliases (Create/Get/Update/Delete/ListAliases).
import { randomUUID } from 'node:crypto';
import type { AliasConfig, VersionConfig } from '../model/types';
import type { LambdaDeps } from './deps';
import { json, noContent, paginate, parseBody, type Operation } from './http';
import { functionConfiguration, lambdaTime } from './shapes';
import {
  InvalidParameterValueException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  ValidationException,
} from '../errors';

/** What makes two versions the same (AWS returns the existing version when nothing changed). */
function fingerprint(c: VersionConfig): string {
  const { Version: _v, FunctionArn: _a, RevisionId: _r, LastModified: _l, Description: _d, ...rest } = c;
  return JSON.stringify(rest);
}

export function publishVersion(
  deps: LambdaDeps,
  name: string,
  codeSha256: string | undefined,
  description: string,
  revisionId?: string,
): VersionConfig {
  const record = deps.model.copy(name);
  const latest = record.latest;
  if (codeSha256 !== undefined && codeSha256 !== latest.code.sha256) {
    throw new InvalidParameterValueException(
      `CodeSHA256 (${codeSha256}) is different from current CodeSHA256 in $LATEST (${latest.code.sha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  if (revisionId !== undefined && revisionId !== latest.RevisionId) throw new PreconditionFailedException();
  const previous = record.versions[String(record.lastVersion)];
  if (previous && fingerprint(previous) === fingerprint(latest)) return previous;
  const version = String(record.lastVersion + 1);
  const config: VersionConfig = {
    ...structuredClone(latest),
    Version: version,
    FunctionArn: deps.model.arn(name, version),
    Description: description || latest.Description,
    RevisionId: randomUUID(),
    LastModified: lambdaTime(),
  };
  record.versions[version] = config;
  record.lastVersion += 1;
  deps.model.save(record);
  return config;
}

function aliasName(value: unknown): string {
  if (typeof value !== 'string' || !/^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/.test(value) || value.length > 128) {
    throw new ValidationException(
      `1 validation error detected: Value '${String(value)}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)`,
    );
  }
  return value;
}

export function versionOps(deps: LambdaDeps): Record<string, Operation> {
  const { model } = deps;

  const checkVersion = (name: string, version: unknown): string => {
    const record = model.get(name);
    if (typeof version !== 'string' || (version !== '$LATEST' && !record.versions[version])) {
      throw model.notFound(record.name, String(version));
    }
    return version;
  };

  return {
    PublishVersion(req, p) {
      const input = parseBody(req);
      const config = publishVersion(
        deps,
        p.FunctionName!,
        input.CodeSha256 as string | undefined,
        String(input.Description ?? ''),
        input.RevisionId as string | undefined,
      );
      return json(201, functionConfiguration(config));
    },

    ListVersionsByFunction(req, p) {
      const record = model.get(p.FunctionName!);
      const configs = [
        record.latest,
        ...Object.values(record.versions).sort((a, b) => Number(a.Version) - Number(b.Version)),
      ];
      const { page, NextMarker } = paginate(configs, req);
      return json(200, { Versions: page.map((c) => functionConfiguration(c)), ...(NextMarker ? { NextMarker } : {}) });
    },

    CreateAlias(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      const name = aliasName(input.Name);
      if (record.aliases[name])
        throw new ResourceConflictException(`Alias already exists: ${model.arn(record.name, name)}`);
      const alias: AliasConfig = {
        AliasArn: model.arn(record.name, name),
        Name: name,
        FunctionVersion: checkVersion(record.name, input.FunctionVersion),
        Description: String(input.Description ?? ''),
        RevisionId: randomUUID(),
        ...(input.RoutingConfig ? { RoutingConfig: input.RoutingConfig as AliasConfig['RoutingConfig'] } : {}),
      };
      record.aliases[name] = alias;
      model.save(record);
      return json(201, alias);
    },

    GetAlias(_req, p) {
      const record = model.get(p.FunctionName!);
      const alias = record.aliases[p.Name!];
      if (!alias) throw new ResourceNotFoundException(`Cannot find alias arn: ${model.arn(record.name, p.Name)}`);
      return json(200, alias);
    },

    UpdateAlias(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      const alias = record.aliases[p.Name!];
      if (!alias) throw new ResourceNotFoundException(`Cannot find alias arn: ${model.arn(record.name, p.Name)}`);
      if (input.RevisionId !== undefined && input.RevisionId !== alias.RevisionId)
        throw new PreconditionFailedException();
      if (input.FunctionVersion !== undefined) alias.FunctionVersion = checkVersion(record.name, input.FunctionVersion);
      if (input.Description !== undefined) alias.Description = String(input.Description);
      if (input.RoutingConfig !== undefined) alias.RoutingConfig = input.RoutingConfig as AliasConfig['RoutingConfig'];
      alias.RevisionId = randomUUID();
      model.save(record);
      return json(200, alias);
    },

    DeleteAlias(_req, p) {
      const record = model.copy(p.FunctionName!);
      delete record.aliases[p.Name!];
      delete record.urls[p.Name!];
      model.save(record);
      return noContent();
    },

    ListAliases(req, p) {
      const record = model.get(p.FunctionName!);
      const version = req.query.FunctionVersion;
      const aliases = Object.values(record.aliases).filter((a) => !version || a.FunctionVersion === version);
      const { page, NextMarker } = paginate(aliases, req);
      return json(200, { Aliases: page, ...(NextMarker ? { NextMarker } : {}) });
    },
  };
}
