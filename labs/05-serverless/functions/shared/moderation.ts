// Content moderation with a real image classifier that runs offline: NSFWJS's MobileNetV2
// model (bundled inside the npm package) on TensorFlow.js's pure-JavaScript CPU backend.
import * as tf from '@tensorflow/tfjs';
import { load, type NSFWJS } from 'nsfwjs/core';
import { MobileNetV2Model } from 'nsfwjs/models/mobilenet_v2';
import type { Image } from './imaging';

export interface ModerationLabel {
  name: string;
  confidence: number;
}

export interface ModerationResult {
  labels: ModerationLabel[];
  /** True when an unsafe class (Porn, Hentai, Sexy) reaches the threshold. */
  flagged: boolean;
  threshold: number;
}

const UNSAFE = new Set(['Porn', 'Hentai', 'Sexy']);
const INPUT_SIZE = 224;

// Loaded once per execution environment: the first (cold) invocation pays for it.
let model: Promise<NSFWJS> | undefined;

export function loadModel(): Promise<NSFWJS> {
  model ??= load('MobileNetV2', { modelDefinitions: [MobileNetV2Model], size: INPUT_SIZE });
  return model;
}

export async function moderate(image: Image, threshold = 0.6): Promise<ModerationResult> {
  const classifier = await loadModel();
  const copy = image.clone();
  copy.resize({ w: INPUT_SIZE, h: INPUT_SIZE });
  const { data, width, height } = copy.bitmap;
  const rgb = new Int32Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4) {
    rgb[j++] = data[i]!;
    rgb[j++] = data[i + 1]!;
    rgb[j++] = data[i + 2]!;
  }
  const tensor = tf.tensor3d(rgb, [height, width, 3], 'int32');
  try {
    const predictions = await classifier.classify(tensor);
    const labels = predictions.map((p) => ({ name: p.className, confidence: Math.round(p.probability * 10000) / 100 }));
    const flagged = predictions.some((p) => UNSAFE.has(p.className) && p.probability >= threshold);
    return { labels, flagged, threshold };
  } finally {
    tensor.dispose();
  }
}
