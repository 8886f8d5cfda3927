// Step Functions solution: Resize. Input {"bucket","key"}; writes thumbnails/NAME.png.
import { derivedKey, thumbnailPng } from '../shared/imaging';
import { getBytes, putPng } from '../shared/s3';

export const handler = async (event: { bucket: string; key: string }) => {
  const thumbnailKey = derivedKey(event.key, 'thumbnails');
  await putPng(event.bucket, thumbnailKey, await thumbnailPng(await getBytes(event.bucket, event.key)));
  return { thumbnail: `s3://${event.bucket}/${thumbnailKey}` };
};
