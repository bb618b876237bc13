// BlazePose (lite/full/heavy) and MoveNet (lightning/thunder) through
// @tensorflow-models/pose-detection on the tfjs wasm backend, producing core PoseFrames.

import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { landmarksFromKeypoints, LANDMARK_COUNT, type FrameResult, type WorldLandmark } from '@steadyback/core';
import { PoseError } from './errors.ts';
import type { ModelLocator } from './model-locator.ts';
import { modelFamily, type PoseModelName } from './models.ts';
import { isRgbFrame, type PoseInput, type PoseSource, type RgbFrame } from './pose-source.ts';

export interface TfjsPoseSourceOptions {
  readonly locator: ModelLocator;
  /** Temporal smoothing inside the model (BlazePose's own filter, MoveNet's keypoint filter). */
  readonly enableSmoothing?: boolean;
}

const DEFAULTS = { enableSmoothing: true } as const;

export async function createTfjsPoseSource(model: PoseModelName, options: TfjsPoseSourceOptions): Promise<PoseSource> {
  const enableSmoothing = options.enableSmoothing ?? DEFAULTS.enableSmoothing;
  const detector = await createPoseDetector(model, options.locator, enableSmoothing);
  return new TfjsPoseSource(model, detector);
}

/**
 * The pose-detection detector for a model, its files found through `locator`. Exported so the
 * benchmark's bare loop runs exactly the detector our sources wrap.
 */
export async function createPoseDetector(
  model: PoseModelName,
  locator: ModelLocator,
  enableSmoothing: boolean = DEFAULTS.enableSmoothing,
): Promise<poseDetection.PoseDetector> {
  try {
    if (modelFamily(model) === 'blazepose') {
      const modelType = model.slice('blazepose-'.length) as 'lite' | 'full' | 'heavy';
      return await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
        runtime: 'tfjs',
        modelType,
        enableSmoothing,
        detectorModelUrl: locator.locate('blazepose-detector'),
        landmarkModelUrl: locator.locate(model),
      });
    }
    const modelType = model === 'movenet-lightning' ? 'SinglePose.Lightning' : 'SinglePose.Thunder';
    return await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
      modelType,
      enableSmoothing,
      modelUrl: locator.locate(model),
    });
  } catch (err) {
    if (err instanceof PoseError) throw err;
    throw new PoseError(
      'model-files-missing',
      `The ${model} model could not be loaded (${(err as Error).message}); reinstall with npm ci.`,
      { cause: err },
    );
  }
}

class TfjsPoseSource implements PoseSource {
  private scratch: Int32Array | null = null;
  private disposed = false;

  constructor(
    readonly model: PoseModelName,
    private readonly detector: poseDetection.PoseDetector,
  ) {}

  async estimate(frame: PoseInput, tMs: number): Promise<FrameResult> {
    if (this.disposed) throw new PoseError('bad-config', 'This pose source was disposed; create a new one.');
    let poses: poseDetection.Pose[];
    if (isRgbFrame(frame)) {
      const tensor = this.toTensor(frame);
      try {
        poses = await this.detector.estimatePoses(tensor, undefined, tMs);
      } finally {
        tensor.dispose();
      }
    } else {
      poses = await this.detector.estimatePoses(frame as unknown as poseDetection.PoseDetectorInput, undefined, tMs);
    }
    const widthPx = isRgbFrame(frame) ? frame.widthPx : frame.width;
    const heightPx = isRgbFrame(frame) ? frame.heightPx : frame.height;
    return toFrameResult(poses, tMs, widthPx, heightPx);
  }

  reset(): void {
    this.detector.reset();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.detector.dispose();
    this.scratch = null;
  }

  /** RGB(A) bytes -> int32 [h, w, 3] tensor, reusing one scratch buffer across frames. */
  private toTensor(frame: RgbFrame): tf.Tensor3D {
    const n = frame.widthPx * frame.heightPx * 3;
    if (frame.data.length !== frame.widthPx * frame.heightPx * frame.channels) {
      throw new PoseError(
        'bad-config',
        `Frame data has ${frame.data.length} bytes, expected ${frame.widthPx}x${frame.heightPx}x${frame.channels}.`,
      );
    }
    if (!this.scratch || this.scratch.length !== n) this.scratch = new Int32Array(n);
    const out = this.scratch;
    if (frame.channels === 3) {
      out.set(frame.data);
    } else {
      const src = frame.data;
      for (let i = 0, j = 0; j < n; i += 4, j += 3) {
        out[j] = src[i]!;
        out[j + 1] = src[i + 1]!;
        out[j + 2] = src[i + 2]!;
      }
    }
    return tf.tensor3d(out, [frame.heightPx, frame.widthPx, 3], 'int32');
  }
}

/** Picks the largest person (by keypoint bounding box) and converts to a core frame. */
export function toFrameResult(
  poses: readonly poseDetection.Pose[],
  tMs: number,
  widthPx: number,
  heightPx: number,
): FrameResult {
  if (poses.length === 0) {
    return { tMs, landmarks: null, imageWidthPx: widthPx, imageHeightPx: heightPx, peopleCount: 0 };
  }
  let best = poses[0]!;
  let bestArea = -1;
  for (const pose of poses) {
    const area = keypointBoxArea(pose.keypoints);
    if (area > bestArea) {
      bestArea = area;
      best = pose;
    }
  }
  const landmarks = landmarksFromKeypoints(
    // The models' per-keypoint z is on an undocumented scale; depth comes from the world landmarks.
    best.keypoints.map((k) => ({ name: k.name, xPx: k.x, yPx: k.y, score: k.score })),
    widthPx,
    heightPx,
  );
  let world: Array<WorldLandmark | null> | undefined;
  if (best.keypoints3D && best.keypoints3D.length > 0) {
    world = new Array<WorldLandmark | null>(LANDMARK_COUNT).fill(null);
    best.keypoints3D.forEach((k, i) => {
      if (i < LANDMARK_COUNT) world![i] = { xM: k.x, yM: k.y, zM: k.z ?? 0 };
    });
  }
  return {
    tMs,
    landmarks,
    ...(world ? { world } : {}),
    imageWidthPx: widthPx,
    imageHeightPx: heightPx,
    ...(best.score !== undefined ? { score: best.score } : {}),
    peopleCount: poses.length,
  };
}

function keypointBoxArea(keypoints: readonly poseDetection.Keypoint[]): number {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const k of keypoints) {
    if ((k.score ?? 0) < 0.3) continue;
    minX = Math.min(minX, k.x);
    maxX = Math.max(maxX, k.x);
    minY = Math.min(minY, k.y);
    maxY = Math.max(maxY, k.y);
  }
  return maxX > minX && maxY > minY ? (maxX - minX) * (maxY - minY) : 0;
}
