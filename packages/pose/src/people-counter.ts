// Counts the people in a frame with MoveNet MultiPose, so that a single-person pipeline can say
// "more than one person" and follow the largest one. Run it on sampled frames, not every frame.

import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { ModelLocator } from './model-locator.ts';
import { PEOPLE_COUNTER_MODEL_FILE } from './models.ts';
import type { RgbFrame } from './pose-source.ts';
import { PoseError } from './errors.ts';

/** A person's box, normalised to 0..1 of the image. */
export interface PersonBox {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly score: number;
}

export interface PeopleCount {
  readonly count: number;
  /** Largest first. */
  readonly boxes: readonly PersonBox[];
}

export interface PeopleCounter {
  count(frame: RgbFrame): Promise<PeopleCount>;
  dispose(): void;
}

/** Below this pose score a MultiPose candidate is not counted as a person. */
const MIN_PERSON_SCORE = 0.3;

export async function createPeopleCounter(locator: ModelLocator): Promise<PeopleCounter> {
  let detector: poseDetection.PoseDetector;
  try {
    detector = await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
      modelType: 'MultiPose.Lightning',
      modelUrl: locator.locate(PEOPLE_COUNTER_MODEL_FILE),
      enableSmoothing: false,
      enableTracking: false,
      minPoseScore: MIN_PERSON_SCORE,
    });
  } catch (err) {
    throw new PoseError(
      'model-files-missing',
      `The people-counting model could not be loaded (${(err as Error).message}); reinstall with npm ci.`,
      { cause: err },
    );
  }
  // The first inference compiles the model's kernels (about a second on wasm); do it now, at set-up,
  // rather than in the middle of a video.
  const warm = tf.zeros([64, 64, 3], 'int32') as tf.Tensor3D;
  try {
    await detector.estimatePoses(warm);
  } finally {
    warm.dispose();
  }
  return {
    async count(frame) {
      const rgb = frame.channels === 3 ? frame.data : dropAlpha(frame.data);
      const tensor = tf.tensor3d(Int32Array.from(rgb), [frame.heightPx, frame.widthPx, 3], 'int32');
      let poses: poseDetection.Pose[];
      try {
        poses = await detector.estimatePoses(tensor);
      } finally {
        tensor.dispose();
      }
      const boxes = poses
        .filter((p) => (p.score ?? 0) >= MIN_PERSON_SCORE)
        .map((p) => boxOf(p, frame.widthPx, frame.heightPx))
        .filter((b): b is PersonBox => b !== null)
        .sort((a, b) => area(b) - area(a));
      return { count: boxes.length, boxes };
    },
    dispose() {
      detector.dispose();
    },
  };
}

function boxOf(pose: poseDetection.Pose, widthPx: number, heightPx: number): PersonBox | null {
  let xMin = Infinity,
    yMin = Infinity,
    xMax = -Infinity,
    yMax = -Infinity;
  for (const k of pose.keypoints) {
    if ((k.score ?? 0) < 0.2) continue;
    xMin = Math.min(xMin, k.x);
    xMax = Math.max(xMax, k.x);
    yMin = Math.min(yMin, k.y);
    yMax = Math.max(yMax, k.y);
  }
  if (!(xMax > xMin && yMax > yMin)) return null;
  return {
    xMin: xMin / widthPx,
    yMin: yMin / heightPx,
    xMax: xMax / widthPx,
    yMax: yMax / heightPx,
    score: pose.score ?? 0,
  };
}

export function area(b: PersonBox): number {
  return (b.xMax - b.xMin) * (b.yMax - b.yMin);
}

function dropAlpha(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    out[j] = rgba[i]!;
    out[j + 1] = rgba[i + 1]!;
    out[j + 2] = rgba[i + 2]!;
  }
  return out;
}

/**
 * Paints over every person but the largest (in place), so a single-person model cannot jump to
 * them. Boxes are padded; the largest person's own box is never painted.
 */
export function maskOtherPeople(frame: RgbFrame, boxes: readonly PersonBox[], padShare = 0.08): void {
  if (boxes.length < 2) return;
  const keep = boxes[0]!;
  const { widthPx: w, heightPx: h, channels: c, data } = frame;
  for (const b of boxes.slice(1)) {
    const padX = (b.xMax - b.xMin) * padShare,
      padY = (b.yMax - b.yMin) * padShare;
    const x0 = Math.max(0, Math.floor((b.xMin - padX) * w)),
      x1 = Math.min(w, Math.ceil((b.xMax + padX) * w));
    const y0 = Math.max(0, Math.floor((b.yMin - padY) * h)),
      y1 = Math.min(h, Math.ceil((b.yMax + padY) * h));
    for (let y = y0; y < y1; y++) {
      const yn = y / h;
      for (let x = x0; x < x1; x++) {
        const xn = x / w;
        if (xn >= keep.xMin && xn <= keep.xMax && yn >= keep.yMin && yn <= keep.yMax) continue;
        const i = (y * w + x) * c;
        data[i] = 128;
        data[i + 1] = 128;
        data[i + 2] = 128;
      }
    }
  }
}
