// Amazon EFS, as far as "Lambda + EFS" needs it: file systems and access points, each backed
// by a folder under the state dir (<state>/efs/<fs-id>/<root path>), plus mount targets as
// records. Every change is one event, applied the same way live and on journal replay.
import { randomBytes } from 'node:crypto';
import { AccessPointNotFound, FileSystemNotFound } from './errors';

export interface FileSystem {
  FileSystemId: string;
  FileSystemArn: string;
  CreationToken: string;
  CreationTime: number;
  PerformanceMode: string;
  ThroughputMode: string;
  Encrypted: boolean;
  Tags: Array<{ Key: string; Value: string }>;
}

export interface AccessPoint {
  AccessPointId: string;
  AccessPointArn: string;
  FileSystemId: string;
  ClientToken: string;
  RootDirectory: { Path: string; CreationInfo?: Record<string, unknown> };
  PosixUser?: Record<string, unknown>;
  Tags: Array<{ Key: string; Value: string }>;
}

export interface MountTarget {
  MountTargetId: string;
  FileSystemId: string;
  SubnetId: string;
  IpAddress: string;
}

export type EfsEvent =
  | { t: 'putFs'; fs: FileSystem }
  | { t: 'deleteFs'; id: string }
  | { t: 'putAp'; ap: AccessPoint }
  | { t: 'deleteAp'; id: string }
  | { t: 'putMt'; mt: MountTarget }
  | { t: 'deleteMt'; id: string };

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;

export class EfsModel {
  readonly fileSystems = new Map<string, FileSystem>();
  readonly accessPoints = new Map<string, AccessPoint>();
  readonly mountTargets = new Map<string, MountTarget>();

  constructor(private readonly record: (e: EfsEvent) => void) {}

  commit(e: EfsEvent): void {
    this.apply(e);
    this.record(e);
  }

  apply(e: EfsEvent): void {
    switch (e.t) {
      case 'putFs':
        this.fileSystems.set(e.fs.FileSystemId, e.fs);
        break;
      case 'deleteFs':
        this.fileSystems.delete(e.id);
        break;
      case 'putAp':
        this.accessPoints.set(e.ap.AccessPointId, e.ap);
        break;
      case 'deleteAp':
        this.accessPoints.delete(e.id);
        break;
      case 'putMt':
        this.mountTargets.set(e.mt.MountTargetId, e.mt);
        break;
      case 'deleteMt':
        this.mountTargets.delete(e.id);
        break;
    }
  }

  fileSystem(id: string): FileSystem {
    const fs = this.fileSystems.get(id);
    if (!fs) throw new FileSystemNotFound(id);
    return fs;
  }

  accessPoint(id: string): AccessPoint {
    const ap = this.accessPoints.get(id);
    if (!ap) throw new AccessPointNotFound(id);
    return ap;
  }

  snapshot(): unknown {
    return {
      fs: [...this.fileSystems.values()],
      ap: [...this.accessPoints.values()],
      mt: [...this.mountTargets.values()],
    };
  }

  load(s: unknown): void {
    const snap = s as { fs: FileSystem[]; ap: AccessPoint[]; mt: MountTarget[] };
    for (const fs of snap.fs) this.fileSystems.set(fs.FileSystemId, fs);
    for (const ap of snap.ap) this.accessPoints.set(ap.AccessPointId, ap);
    for (const mt of snap.mt) this.mountTargets.set(mt.MountTargetId, mt);
  }
}
