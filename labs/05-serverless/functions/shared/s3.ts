// S3 helpers for the lesson's functions. The client picks up the endpoint, region and
// credentials from the Lambda environment (AWS_ENDPOINT_URL on the local cloud).
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL) });

export async function getBytes(bucket: string, key: string): Promise<Uint8Array> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return res.Body!.transformToByteArray();
}

export async function putPng(bucket: string, key: string, body: Buffer): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' }));
}

/** Image bytes from an http(s) URL or an s3://bucket/key location. */
export async function fetchImage(url: string): Promise<Uint8Array> {
  const s3Url = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (s3Url) return getBytes(s3Url[1]!, decodeURIComponent(s3Url[2]!));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not download ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
