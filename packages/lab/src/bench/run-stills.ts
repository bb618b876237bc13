// Runs the pose models on every still and records, per still and model, what the camera pipeline
// would see: was a person found, how far each limb joint is from the truth, the rules' angles and
// the three pelvic-roll readings. Also records each still's truth (and the contour method's
// upper bound on the exact silhouette). Differences from the baseline poses are taken later.

import { readFileSync } from 'node:fs';
import {
  BLAZEPOSE_LANDMARKS,
  landmarkIndex,
  type FrameResult,
  type Landmark,
  type LandmarkName,
} from '@steadyback/core';
import type { PoseModelName } from '@steadyback/pose';
import { decodePng } from '../render/png.ts';
import type { FrameTruth } from '../render/truth.ts';
import type { StillCase } from './cases.ts';
import { createStillModel, type StillModel } from './bench-models.ts';
import { keypointErrors } from './metrics.ts';
import type { RenderQueue } from './render-queue.ts';
import {
  contourRoll,
  hipLineRoll2d,
  maskFromRgba,
  supportingSide,
  worldRoll3d,
  type ContourSide,
} from './roll-methods.ts';
import {
  measuredBirdDog,
  measuredKneel,
  trueBirdDog,
  trueKneel,
  type BirdDogAngles,
  type KneelAngles,
  type Side,
} from './still-angles.ts';

export interface RollReadings {
  readonly hipLine2d: number | null;
  readonly world3d: number | null;
  /** Contour tilt on each side of the midline (the analysis picks the supporting leg's side). */
  readonly contour: Record<ContourSide, number | null> | null;
  /** The supporting side the model's ankles suggest. */
  readonly supporting: ContourSide | null;
}

export interface StillRecord {
  readonly caseId: string;
  readonly model: PoseModelName;
  readonly found: boolean;
  /** Limb-joint errors as a share of torso length (metrics.LIMB_JOINTS order). */
  readonly keypointErrors: Array<number | null>;
  readonly kneel: KneelAngles | null;
  readonly birdDog: BirdDogAngles | null;
  readonly roll: RollReadings | null;
}

export interface StillTruth {
  readonly caseId: string;
  readonly kneel: KneelAngles | null;
  readonly birdDog: BirdDogAngles | null;
  readonly rollDeg: number | null;
  /** The contour method on the exact silhouette with exact hips: what the geometry allows at best. */
  readonly trueContour: Record<ContourSide, number | null> | null;
}

export interface StillsRun {
  readonly records: StillRecord[];
  readonly truths: Map<string, StillTruth>;
}

const liftedLegOf = (c: StillCase): Side | null =>
  c.pose.kind === 'bird-dog' ? c.pose.liftedLeg : c.family === 'bird-dog' ? 'left' : null;

/** A pose frame made of the true 2D joints, so the contour code can run on the truth. */
function truthFrame(t: FrameTruth): FrameResult {
  const landmarks: Array<Landmark | null> = BLAZEPOSE_LANDMARKS.map((n: LandmarkName) => {
    const p = t.joints2dPx[n];
    return p ? { xNorm: p.x / t.camera.widthPx, yNorm: p.y / t.camera.heightPx, visibility: 1 } : null;
  });
  return { tMs: 0, landmarks, imageWidthPx: t.camera.widthPx, imageHeightPx: t.camera.heightPx };
}

function truthOf(c: StillCase, t: FrameTruth, maskPng: string | null): StillTruth {
  const lifted = liftedLegOf(c);
  let trueContour: StillTruth['trueContour'] = null;
  if (maskPng) {
    const mask = maskFromRgba(decodePng(readFileSync(maskPng)));
    const f = truthFrame(t);
    trueContour = { left: contourRoll(mask, f, 'left'), right: contourRoll(mask, f, 'right') };
  }
  return {
    caseId: c.id,
    kneel:
      c.family === 'half-kneel' ? trueKneel(t, c.pose.kind === 'half-kneeling' ? c.pose.kneelingSide : 'left') : null,
    birdDog: c.family === 'bird-dog' && lifted ? trueBirdDog(t, lifted) : null,
    rollDeg: c.family === 'bird-dog' ? t.angles.pelvisRollDeg : null,
    trueContour,
  };
}

export async function runStills(
  stills: readonly StillCase[],
  queue: RenderQueue,
  onProgress: (done: number, total: number) => void,
): Promise<StillsRun> {
  const models = new Map<PoseModelName, StillModel>();
  const modelFor = async (m: PoseModelName) => {
    let s = models.get(m);
    if (!s) {
      s = await createStillModel(m);
      models.set(m, s);
    }
    return s;
  };
  const records: StillRecord[] = [];
  const truths = new Map<string, StillTruth>();
  const total = stills.reduce((n, c) => n + c.models.length, 0);
  let done = 0;
  try {
    for (const c of stills) {
      const files = await queue.still(c);
      const truth = JSON.parse(readFileSync(files.color.truth, 'utf8')) as FrameTruth;
      truths.set(c.id, truthOf(c, truth, files.mask?.png ?? null));
      const img = decodePng(readFileSync(files.color.png));
      const lifted = liftedLegOf(c);
      for (const m of c.models) {
        const { frame, mask } = await (await modelFor(m)).estimate(img);
        const found = frame.landmarks !== null;
        const px = (n: LandmarkName) => {
          const lm = frame.landmarks?.[landmarkIndex(n)];
          return lm ? { x: lm.xNorm * frame.imageWidthPx, y: lm.yNorm * frame.imageHeightPx } : null;
        };
        records.push({
          caseId: c.id,
          model: m,
          found,
          keypointErrors: found ? keypointErrors(px, truth) : [],
          kneel: found && c.family === 'half-kneel' ? measuredKneel(frame) : null,
          birdDog: found && lifted ? measuredBirdDog(frame, lifted) : null,
          roll:
            found && c.family === 'bird-dog'
              ? {
                  hipLine2d: hipLineRoll2d(frame),
                  world3d: worldRoll3d(frame),
                  contour: mask
                    ? { left: contourRoll(mask, frame, 'left'), right: contourRoll(mask, frame, 'right') }
                    : null,
                  supporting: supportingSide(frame),
                }
              : null,
        });
        onProgress(++done, total);
      }
    }
  } finally {
    for (const s of models.values()) s.dispose();
  }
  return { records, truths };
}
