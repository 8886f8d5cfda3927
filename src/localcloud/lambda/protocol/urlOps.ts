// Function URL configurations: Create/Get/Update/Delete/ListFunctionUrlConfigs.
import { randomBytes } from 'node:crypto';
import type { CorsConfig, UrlConfig } from '../model/types';
import type { LambdaDeps } from './deps';
import { json, noContent, paginate, parseBody, query, type Operation } from './http';
import { lambdaTime, urlShape } from './shapes';
import { ResourceConflictException, ResourceNotFoundException, ValidationException } from '../errors';

function authType(v: unknown): 'NONE' | 'AWS_IAM' {
  if (v !== 'NONE' && v !== 'AWS_IAM')
    throw new ValidationException(
      `1 validation error detected: Value '${String(v)}' at 'authType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM]`,
    );
  return v;
}

function cors(v: unknown): CorsConfig | undefined {
  if (v === undefined || v === null) return undefined;
  const c = v as CorsConfig;
  if (c.MaxAge !== undefined && (!Number.isInteger(c.MaxAge) || c.MaxAge < 0 || c.MaxAge > 86400))
    throw new ValidationException(
      `1 validation error detected: Value '${c.MaxAge}' at 'cors.maxAge' failed to satisfy constraint: Member must have value less than or equal to 86400`,
    );
  return c;
}

/** 32 lowercase letters and digits, like AWS's URL ids. */
export function newUrlId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function urlOps(deps: LambdaDeps): Record<string, Operation> {
  const { model } = deps;

  const qualifier = (name: string, q: string | undefined): string => {
    if (q === undefined || q === '') return '';
    if (/^\d+$/.test(q))
      throw new ValidationException(
        `1 validation error detected: Value '${q}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))`,
      );
    if (q !== '$LATEST') model.resolve(name, q);
    return q === '$LATEST' ? '' : q;
  };
  const missing = (arn: string) => new ResourceNotFoundException(`The resource you requested does not exist.`, arn);

  return {
    CreateFunctionUrlConfig(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      const key = qualifier(record.name, query(req, 'Qualifier'));
      const arn = model.arn(record.name, key || undefined);
      if (record.urls[key])
        throw new ResourceConflictException(
          `Failed to create function url config for [functionArn = ${arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
        );
      const now = lambdaTime();
      const url: UrlConfig = {
        urlId: newUrlId(),
        FunctionArn: arn,
        AuthType: authType(input.AuthType),
        Cors: cors(input.Cors),
        InvokeMode: input.InvokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED',
        CreationTime: now,
        LastModifiedTime: now,
      };
      record.urls[key] = url;
      model.save(record);
      const { LastModifiedTime: _l, ...shape } = urlShape(url, deps.functionUrl(url.urlId));
      return json(201, shape);
    },

    GetFunctionUrlConfig(req, p) {
      const record = model.get(p.FunctionName!);
      const key = qualifier(record.name, query(req, 'Qualifier'));
      const url = record.urls[key];
      if (!url) throw missing(model.arn(record.name, key || undefined));
      return json(200, urlShape(url, deps.functionUrl(url.urlId)));
    },

    UpdateFunctionUrlConfig(req, p) {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      const key = qualifier(record.name, query(req, 'Qualifier'));
      const url = record.urls[key];
      if (!url) throw missing(model.arn(record.name, key || undefined));
      if (input.AuthType !== undefined) url.AuthType = authType(input.AuthType);
      if (input.Cors !== undefined) url.Cors = cors(input.Cors);
      if (input.InvokeMode !== undefined)
        url.InvokeMode = input.InvokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED';
      url.LastModifiedTime = lambdaTime();
      model.save(record);
      return json(200, urlShape(url, deps.functionUrl(url.urlId)));
    },

    DeleteFunctionUrlConfig(req, p) {
      const record = model.copy(p.FunctionName!);
      const key = qualifier(record.name, query(req, 'Qualifier'));
      if (!record.urls[key]) throw missing(model.arn(record.name, key || undefined));
      delete record.urls[key];
      model.save(record);
      return noContent();
    },

    ListFunctionUrlConfigs(req, p) {
      const record = model.get(p.FunctionName!);
      const { page, NextMarker } = paginate(Object.values(record.urls), req);
      return json(200, {
        FunctionUrlConfigs: page.map((u) => urlShape(u, deps.functionUrl(u.urlId))),
        ...(NextMarker ? { NextMarker } : {}),
      });
    },
  };
}
