// Image work shared by the gallery worker and the image-processing functions: pure JavaScript
// (jimp), so it runs on any Lambda runtime without native modules.
import { Jimp } from 'jimp';

export const THUMBNAIL_WIDTH = 128;

export type Image = Awaited<ReturnType<typeof Jimp.read>>;

export async function readImage(bytes: Uint8Array): Promise<Image> {
  return Jimp.read(Buffer.from(bytes));
}

/** A thumbnail THUMBNAIL_WIDTH pixels wide, aspect ratio kept, as PNG. */
export async function thumbnailPng(bytes: Uint8Array): Promise<Buffer> {
  const image = await readImage(bytes);
  image.resize({ w: THUMBNAIL_WIDTH });
  return image.getBuffer('image/png');
}

/** The same image in shades of grey, as PNG. */
export async function grayscalePng(bytes: Uint8Array): Promise<Buffer> {
  const image = await readImage(bytes);
  image.greyscale();
  return image.getBuffer('image/png');
}

/** Key of a derived image: pending/cat.png → thumbnails/cat.png */
export function derivedKey(key: string, folder: string): string {
  const name = key.split('/').pop() ?? key;
  return `${folder}/${name.replace(/\.[^.]+$/, '')}.png`;
}
