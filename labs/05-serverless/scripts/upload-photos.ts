// Uploads the lesson's sample photos to the gallery bucket under pending/.
//   tsx upload-photos.ts --bucket gallery [--prefix pending/]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { option, run } from './lib/args';

const s3 = new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL) });
const imagesDir = join(__dirname, '..', 'images');

run(async () => {
  const bucket = option('bucket', 'BUCKET');
  const prefix = option('prefix', undefined, 'pending/');
  const photos = readdirSync(imagesDir).filter((f) => /\.(png|jpe?g)$/i.test(f));
  for (const name of photos) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}${name}`, Body: readFileSync(join(imagesDir, name)), ContentType: name.endsWith('.png') ? 'image/png' : 'image/jpeg' }));
    console.log(`uploaded s3://${bucket}/${prefix}${name}`);
  }
});
