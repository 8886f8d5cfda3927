// The EFS API subset of the local cloud (restJson, signing name `elasticfilesystem`): create,
// describe and delete file systems, access points and mount targets. Lambda asks it where an
// access point's folder is (EfsInternal.folderFor).
import { join, normalize } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { AwsRequest, AwsResponse, CloudContext, LocalService, ServiceFactory } from '../../server/types';
import { json, matchRoute, noContent, parseBody, query, route, type Operation } from '../protocol/http';
import { BadRequest, FileSystemAlreadyExists, FileSystemInUse, MountTargetNotFound } from './errors';
import { EfsModel, newId, type AccessPoint, type EfsEvent, type FileSystem } from './efsModel';

export interface EfsInternal extends LocalService {
  /** The folder backing an access point (or file system) ARN; undefined when unknown. */
  folderFor(arn: string): string | undefined;
}

export const createEfsService: ServiceFactory = (ctx: CloudContext): EfsInternal => {
  const model = new EfsModel((e: EfsEvent) => ctx.journal.append('elasticfilesystem', e));
  const root = join(ctx.stateDir ?? ctx.journal.blobDir, 'efs');
  const arn = (kind: string, id: string) => `arn:aws:elasticfilesystem:${ctx.region}:${ctx.accountId}:${kind}/${id}`;
  const fsShape = (fs: FileSystem) => ({
    OwnerId: ctx.accountId,
    ...fs,
    LifeCycleState: 'available',
    NumberOfMountTargets: [...model.mountTargets.values()].filter((m) => m.FileSystemId === fs.FileSystemId).length,
    SizeInBytes: { Value: 6144, Timestamp: Date.now() / 1000 },
  });
  const apShape = (ap: AccessPoint) => ({ ...ap, OwnerId: ctx.accountId, LifeCycleState: 'available' });
  const folder = (fsId: string, path = '/') => join(root, fsId, normalize(`/${path}`));

  const ops: Record<string, Operation> = {
    CreateFileSystem(req) {
      const input = parseBody(req);
      const token = String(input.CreationToken ?? '');
      if (!token) throw new BadRequest('CreationToken is required.');
      const existing = [...model.fileSystems.values()].find((f) => f.CreationToken === token);
      if (existing) throw new FileSystemAlreadyExists(existing.FileSystemId, token);
      const id = newId('fs');
      const fs: FileSystem = {
        FileSystemId: id,
        FileSystemArn: arn('file-system', id),
        CreationToken: token,
        CreationTime: Math.floor(Date.now() / 1000),
        PerformanceMode: String(input.PerformanceMode ?? 'generalPurpose'),
        ThroughputMode: String(input.ThroughputMode ?? 'bursting'),
        Encrypted: input.Encrypted === true,
        Tags: (input.Tags ?? []) as FileSystem['Tags'],
      };
      model.commit({ t: 'putFs', fs });
      mkdirSync(folder(id), { recursive: true });
      return json(201, fsShape(fs));
    },
    DescribeFileSystems(req) {
      const id = query(req, 'FileSystemId');
      const token = query(req, 'CreationToken');
      if (id) model.fileSystem(id);
      const list = [...model.fileSystems.values()].filter(
        (f) => (!id || f.FileSystemId === id) && (!token || f.CreationToken === token),
      );
      return json(200, { FileSystems: list.map(fsShape) });
    },
    DeleteFileSystem(_req, p) {
      const fs = model.fileSystem(p.FileSystemId!);
      if ([...model.mountTargets.values()].some((m) => m.FileSystemId === fs.FileSystemId))
        throw new FileSystemInUse(fs.FileSystemId);
      model.commit({ t: 'deleteFs', id: fs.FileSystemId });
      return noContent();
    },
    CreateAccessPoint(req) {
      const input = parseBody(req);
      const fs = model.fileSystem(String(input.FileSystemId ?? ''));
      const id = newId('fsap');
      const rootDir = (input.RootDirectory ?? { Path: '/' }) as AccessPoint['RootDirectory'];
      const ap: AccessPoint = {
        AccessPointId: id,
        AccessPointArn: arn('access-point', id),
        FileSystemId: fs.FileSystemId,
        ClientToken: String(input.ClientToken ?? id),
        RootDirectory: { ...rootDir, Path: rootDir.Path ?? '/' },
        ...(input.PosixUser ? { PosixUser: input.PosixUser as Record<string, unknown> } : {}),
        Tags: (input.Tags ?? []) as AccessPoint['Tags'],
      };
      model.commit({ t: 'putAp', ap });
      mkdirSync(folder(fs.FileSystemId, ap.RootDirectory.Path), { recursive: true });
      return json(200, apShape(ap));
    },
    DescribeAccessPoints(req) {
      const id = query(req, 'AccessPointId');
      const fsId = query(req, 'FileSystemId');
      if (id) model.accessPoint(id);
      const list = [...model.accessPoints.values()].filter(
        (a) => (!id || a.AccessPointId === id) && (!fsId || a.FileSystemId === fsId),
      );
      return json(200, { AccessPoints: list.map(apShape) });
    },
    DeleteAccessPoint(_req, p) {
      model.commit({ t: 'deleteAp', id: model.accessPoint(p.AccessPointId!).AccessPointId });
      return noContent();
    },
    CreateMountTarget(req) {
      const input = parseBody(req);
      const fs = model.fileSystem(String(input.FileSystemId ?? ''));
      const mt = {
        MountTargetId: newId('fsmt'),
        FileSystemId: fs.FileSystemId,
        SubnetId: String(input.SubnetId ?? 'subnet-local'),
        IpAddress: String(input.IpAddress ?? '127.0.0.1'),
      };
      model.commit({ t: 'putMt', mt });
      return json(200, { ...mt, OwnerId: ctx.accountId, LifeCycleState: 'available' });
    },
    DescribeMountTargets(req) {
      const fsId = query(req, 'FileSystemId');
      const list = [...model.mountTargets.values()].filter((m) => !fsId || m.FileSystemId === fsId);
      return json(200, {
        MountTargets: list.map((m) => ({ ...m, OwnerId: ctx.accountId, LifeCycleState: 'available' })),
      });
    },
    DeleteMountTarget(_req, p) {
      if (!model.mountTargets.has(p.MountTargetId!)) throw new MountTargetNotFound(p.MountTargetId!);
      model.commit({ t: 'deleteMt', id: p.MountTargetId! });
      return noContent();
    },
  };
  const B = '/2015-02-01';
  const routes = [
    route('POST', `${B}/file-systems`, ops.CreateFileSystem!),
    route('GET', `${B}/file-systems`, ops.DescribeFileSystems!),
    route('DELETE', `${B}/file-systems/{FileSystemId}`, ops.DeleteFileSystem!),
    route('POST', `${B}/access-points`, ops.CreateAccessPoint!),
    route('GET', `${B}/access-points`, ops.DescribeAccessPoints!),
    route('DELETE', `${B}/access-points/{AccessPointId}`, ops.DeleteAccessPoint!),
    route('POST', `${B}/mount-targets`, ops.CreateMountTarget!),
    route('GET', `${B}/mount-targets`, ops.DescribeMountTargets!),
    route('DELETE', `${B}/mount-targets/{MountTargetId}`, ops.DeleteMountTarget!),
  ];

  // Errors thrown here are serialised by the core as restJson (see server/protocolGuess.ts).
  async function handle(req: AwsRequest): Promise<AwsResponse> {
    const found = matchRoute(routes, req.method, req.rawPath);
    if (!found)
      throw new BadRequest(`The local cloud does not implement the EFS operation ${req.method} ${req.rawPath}.`);
    return found.route.op(req, found.params);
  }

  return {
    name: 'elasticfilesystem',
    handle,
    folderFor(resource) {
      const id = /(fsap-[0-9a-f]+|fs-[0-9a-f]+)$/.exec(resource)?.[1];
      if (!id) return undefined;
      if (id.startsWith('fsap-')) {
        const ap = model.accessPoints.get(id);
        return ap ? folder(ap.FileSystemId, ap.RootDirectory.Path) : undefined;
      }
      return model.fileSystems.has(id) ? folder(id) : undefined;
    },
    snapshot: () => model.snapshot(),
    loadSnapshot: (s) => model.load(s),
    applyEvent: (e) => model.apply(e as EfsEvent),
  };
};
