// Step Functions solution, step 1 of 3: CheckImage. Input {"bucket","key"}; output adds the
// image's size and the moderation verdict, which the state machine's Choice state reads.
// An image smaller than MIN_SIDE pixels on a side is rejected without asking the classifier:
// it has too few pixels to judge (the model looks at 224 × 224), and nothing useful to show.
import { readImage } from '../shared/imaging';
import { moderate, type ModerationResult } from '../shared/moderation';
import { getBytes } from '../shared/s3';

const MIN_SIDE = 32;

interface ImageRef {
  bucket: string;
  key: string;
}

export const handler = async (event: ImageRef) => {
  if (!event?.bucket || !event?.key) throw new Error('The input needs "bucket" and "key".');
  const image = await readImage(await getBytes(event.bucket, event.key));
  const { width, height } = image.bitmap;
  const moderation: ModerationResult & { reason?: string } =
    width < MIN_SIDE || height < MIN_SIDE
      ? {
          labels: [],
          flagged: true,
          threshold: 0,
          reason: `The image is ${width} × ${height} pixels; images smaller than ${MIN_SIDE} pixels on a side are rejected.`,
        }
      : await moderate(image);
  return { bucket: event.bucket, key: event.key, width, height, moderation };
};
