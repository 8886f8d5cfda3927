// Step Functions solution: Grayscale. Input {"bucket","key"}; writes grayscale/NAME.png.
import { derivedKey, grayscalePng } from '../shared/imaging';
import { getBytes, putPng } from '../shared/s3';

export const handler = async (event: { bucket: string; key: string }) => {
  const grayscaleKey = derivedKey(event.key, 'grayscale');
  await putPng(event.bucket, grayscaleKey, await grayscalePng(await getBytes(event.bucket, event.key)));
  return { grayscale: `s3://${event.bucket}/${grayscaleKey}` };
};
