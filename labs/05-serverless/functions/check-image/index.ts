// Step Functions solution, step 1 of 3: CheckImage. Input {"bucket","key"}; output adds the
// image's size and the moderation verdict, which the state machine's Choice state reads.
import { readImage } from '../shared/imaging';
import { moderate } from '../shared/moderation';
import { getBytes } from '../shared/s3';

interface ImageRef {
  bucket: string;
  key: string;
}

export const handler = async (event: ImageRef) => {
  if (!event?.bucket || !event?.key) throw new Error('The input needs "bucket" and "key".');
  const image = await readImage(await getBytes(event.bucket, event.key));
  const moderation = await moderate(image);
  return { bucket: event.bucket, key: event.key, width: image.bitmap.width, height: image.bitmap.height, moderation };
};
