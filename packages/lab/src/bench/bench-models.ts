// The pose models as the benchmark runs them on still renders. Each still is its own cold frame
// (tracking reset before it, no temporal smoothing), so renders never leak into each other.
// MoveNet goes through the app's own pose source. BlazePose goes through the same pose-detection
// detector and the same frame conversion the source wraps, created here with segmentation turned
// on, because the pose source does not expose the mask and the contour roll method needs it.

import * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { FrameResult } from '@steadyback/core';
import { initWasmBackend, modelFamily, toFrameResult, type PoseModelName, type PoseSource } from '@steadyback/pose';
import { createNodePoseSource, defaultWasmDir, fileModelLocator } from '@steadyback/pose/node';
import type { RgbaImage } from '../render/png.ts';
import type { Mask } from './roll-methods.ts';

export interface StillResult {
  readonly frame: FrameResult;
  /** BlazePose's person mask at image size; null for MoveNet, or when no person was found. */
  readonly mask: Mask | null;
}

export interface StillModel {
  readonly model: PoseModelName;
  estimate(img: RgbaImage): Promise<StillResult>;
  dispose(): void;
}

async function createMovenetStillModel(model: PoseModelName): Promise<StillModel> {
  const source: PoseSource = await createNodePoseSource(model, { enableSmoothing: false });
  return {
    model,
    async estimate(img) {
      source.reset();
      const frame = await source.estimate(
        { data: img.data, widthPx: img.widthPx, heightPx: img.heightPx, channels: 4 },
        0,
      );
      return { frame, mask: null };
    },
    dispose: () => source.dispose(),
  };
}

async function personMask(seg: NonNullable<poseDetection.Pose['segmentation']>): Promise<Mask> {
  const t = await seg.mask.toTensor();
  const [h, w] = t.shape;
  const person = tf.tidy(() => tf.reshape(tf.slice(t, [0, 0, 0], [h, w, 1]), [h * w]));
  const data = (await person.data()) as Float32Array;
  person.dispose();
  t.dispose();
  return { widthPx: w, heightPx: h, data, threshold: 0.5 };
}

export async function createStillModel(model: PoseModelName): Promise<StillModel> {
  if (modelFamily(model) === 'movenet') return createMovenetStillModel(model);
  await initWasmBackend({ wasmPathPrefix: defaultWasmDir() });
  const locator = fileModelLocator();
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: model.slice('blazepose-'.length) as 'lite' | 'full' | 'heavy',
    enableSmoothing: false,
    enableSegmentation: true,
    smoothSegmentation: false,
    detectorModelUrl: locator.locate('blazepose-detector'),
    landmarkModelUrl: locator.locate(model),
  });
  return {
    model,
    async estimate(img) {
      detector.reset();
      const rgb = new Int32Array(img.widthPx * img.heightPx * 3);
      for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
        rgb[j] = img.data[i]!;
        rgb[j + 1] = img.data[i + 1]!;
        rgb[j + 2] = img.data[i + 2]!;
      }
      const input = tf.tensor3d(rgb, [img.heightPx, img.widthPx, 3], 'int32');
      let poses: poseDetection.Pose[];
      try {
        poses = await detector.estimatePoses(input, undefined, 0);
      } finally {
        input.dispose();
      }
      const frame = toFrameResult(poses, 0, img.widthPx, img.heightPx);
      let mask: Mask | null = null;
      const seg = poses[0]?.segmentation;
      if (seg) mask = await personMask(seg);
      return { frame, mask };
    },
    dispose: () => detector.dispose(),
  };
}
