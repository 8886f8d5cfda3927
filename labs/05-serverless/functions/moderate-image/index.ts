// Serverless image processing, solution 1: one function does everything.
// Input: {"imageUrl": "https://…" or "s3://bucket/key", "bucket": "where results go"}.
// It checks the image with a moderation classifier; a safe image gets a thumbnail and a
// grayscale version written to the bucket, an unsafe one is rejected.
import { derivedKey, grayscalePng, readImage, thumbnailPng } from '../shared/imaging';
import { moderate } from '../shared/moderation';
import { fetchImage, putPng } from '../shared/s3';

interface ModerateEvent {
  imageUrl?: string;
  bucket?: string;
}

export const handler = async (event: ModerateEvent) => {
  if (!event?.imageUrl) throw new Error('The event needs "imageUrl" (an http(s) URL or s3://bucket/key).');
  const bucket = event.bucket ?? process.env.RESULTS_BUCKET;
  if (!bucket) throw new Error('The event needs "bucket" (or set RESULTS_BUCKET) for the results.');
  const bytes = await fetchImage(event.imageUrl);
  const image = await readImage(bytes);
  const moderation = await moderate(image);
  if (moderation.flagged) return { imageUrl: event.imageUrl, status: 'REJECTED', moderation };
  const name = event.imageUrl.split('?')[0]!;
  const thumbnailKey = derivedKey(name, 'thumbnails');
  const grayscaleKey = derivedKey(name, 'grayscale');
  await putPng(bucket, thumbnailKey, await thumbnailPng(bytes));
  await putPng(bucket, grayscaleKey, await grayscalePng(bytes));
  return {
    imageUrl: event.imageUrl,
    status: 'PROCESSED',
    width: image.bitmap.width,
    height: image.bitmap.height,
    moderation,
    thumbnail: `s3://${bucket}/${thumbnailKey}`,
    grayscale: `s3://${bucket}/${grayscaleKey}`,
  };
};
