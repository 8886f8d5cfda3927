// AWS::S3::Bucket — create if missing; delete empties it first (objects and versions).
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { ifExists } from '../awsErrors';
import type { ResourceHandler } from '../context';
import type { S3Client } from '@aws-sdk/client-s3';

export const s3Bucket: ResourceHandler = {
  async deploy(resource, _props, ctx) {
    const name = ctx.physicalName(resource);
    const s3 = ctx.clients.s3;
    const exists = await ifExists(() => s3.send(new HeadBucketCommand({ Bucket: name })));
    if (!exists) {
      await s3.send(
        new CreateBucketCommand({
          Bucket: name,
          ...(ctx.region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: ctx.region as never } }),
        }),
      );
    }
    return {
      ref: name,
      attributes: {
        Arn: `arn:aws:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${ctx.region}.amazonaws.com`,
        Name: name,
      },
      outcome: exists ? 'unchanged' : 'created',
    };
  },

  async remove(resource, ctx) {
    const name = ctx.physicalName(resource);
    const s3 = ctx.clients.s3;
    if (!(await ifExists(() => s3.send(new HeadBucketCommand({ Bucket: name }))))) return false;
    await emptyBucket(s3, name);
    await ifExists(() => s3.send(new DeleteBucketCommand({ Bucket: name })));
    return true;
  },
};

export async function emptyBucket(s3: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
    const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (!keys.length) break;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
  }
  // Versioned buckets keep old versions and delete markers; an emulator may not support listing them.
  const versions = await ifExists(() => s3.send(new ListObjectVersionsCommand({ Bucket: bucket }))).catch(
    () => undefined,
  );
  const objects = [...(versions?.Versions ?? []), ...(versions?.DeleteMarkers ?? [])].map((v) => ({
    Key: v.Key!,
    VersionId: v.VersionId,
  }));
  if (objects.length)
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
}
