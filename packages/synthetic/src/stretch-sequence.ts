// Synthetic half-kneeling stretch sessions: set-up, then holds with known hip extension, trunk
// lean and rocking, on either side, imaged from any view; the truth comes back with the frames.

import type { FrameResult } from '@steadyback/core';
import { imageBody, type ImagingOptions } from './body-model.ts';
import { cameraForView, type CameraView } from './camera.ts';
import { ADULT, type Side } from './quadruped.ts';
import { HALF_KNEEL_SETUP, halfKneelingBody, halfKneelingCentre, type HalfKneelingPose } from './half-kneeling.ts';

export interface SyntheticHold {
  readonly kneelingSide: Side;
  readonly setupMs?: number;
  /** Extra hip extension reached in the hold (thigh further behind vertical), degrees. */
  readonly hipExtensionDeg?: number;
  readonly trunkLeanDeg?: number;
  readonly frontKneeDeg?: number;
  readonly shiftMs?: number;
  readonly holdMs?: number;
  /** Rocking in the hold: hip-extension oscillation amplitude (deg, half peak-to-peak) and frequency. */
  readonly rockAmplitudeDeg?: number;
  readonly rockHz?: number;
  /** Time standing up between holds (the person is out of the posture). */
  readonly restMs?: number;
}

export interface SyntheticHoldTruth {
  readonly kneelingSide: Side;
  readonly setupStartMs: number;
  readonly holdStartMs: number;
  readonly holdEndMs: number;
  readonly endMs: number;
}

export interface StretchSequence {
  readonly frames: FrameResult[];
  readonly poses: Array<HalfKneelingPose | null>;
  readonly holds: SyntheticHoldTruth[];
}

const smooth = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

type PlannedHold = { h: Required<SyntheticHold>; t: SyntheticHoldTruth };

/** Each hold with its defaults filled in and its times; `endMs` is after the last rest. */
function holdPlan(holds: readonly SyntheticHold[]): { plan: PlannedHold[]; endMs: number } {
  const plan: PlannedHold[] = [];
  let t = 0;
  for (const hold of holds) {
    const h: Required<SyntheticHold> = {
      setupMs: 2000,
      hipExtensionDeg: 12,
      trunkLeanDeg: 0,
      frontKneeDeg: 90,
      shiftMs: 1500,
      holdMs: 30000,
      rockAmplitudeDeg: 0,
      rockHz: 0.5,
      restMs: 1500,
      ...hold,
    };
    const truth = {
      kneelingSide: h.kneelingSide,
      setupStartMs: t,
      holdStartMs: t + h.setupMs,
      holdEndMs: t + h.setupMs + h.shiftMs + h.holdMs,
      endMs: t + h.setupMs + h.shiftMs + h.holdMs + h.shiftMs,
    };
    plan.push({ h, t: truth });
    t = truth.endMs + h.restMs;
  }
  return { plan, endMs: t };
}

function poseAt(seg: PlannedHold, tMs: number): HalfKneelingPose {
  const { h, t: tr } = seg;
  const inShift =
    tMs < tr.holdStartMs
      ? 0
      : tMs < tr.holdStartMs + h.shiftMs
        ? smooth((tMs - tr.holdStartMs) / h.shiftMs)
        : tMs < tr.holdEndMs
          ? 1
          : smooth(1 - (tMs - tr.holdEndMs) / h.shiftMs);
  const rock =
    tMs >= tr.holdStartMs + h.shiftMs && tMs < tr.holdEndMs
      ? h.rockAmplitudeDeg * Math.sin(2 * Math.PI * h.rockHz * ((tMs - tr.holdStartMs - h.shiftMs) / 1000))
      : 0;
  return {
    kneelingSide: h.kneelingSide,
    backThighFromVerticalDeg: HALF_KNEEL_SETUP.backThighFromVerticalDeg + inShift * h.hipExtensionDeg + rock,
    frontKneeDeg: h.frontKneeDeg,
    trunkLeanDeg: inShift * h.trunkLeanDeg,
  };
}

export function stretchSequence(opts: {
  holds: readonly SyntheticHold[];
  view?: CameraView;
  fps?: number;
  imaging?: ImagingOptions;
}): StretchSequence {
  const fps = opts.fps ?? 30;
  const camera = cameraForView(opts.view ?? 'side-left', { centre: halfKneelingCentre(ADULT), distanceM: 3 });
  const { plan, endMs: t } = holdPlan(opts.holds);
  const frames: FrameResult[] = [];
  const poses: Array<HalfKneelingPose | null> = [];
  const n = Math.floor((t / 1000) * fps);
  for (let i = 0; i < n; i++) {
    const tMs = (i * 1000) / fps;
    const seg = plan.find((p) => tMs >= p.t.setupStartMs && tMs < p.t.endMs);
    if (!seg) {
      // Between holds the person stands aside, out of the picture.
      poses.push(null);
      frames.push({
        tMs,
        landmarks: null,
        imageWidthPx: camera.widthPx,
        imageHeightPx: camera.heightPx,
        peopleCount: 0,
      });
      continue;
    }
    const pose = poseAt(seg, tMs);
    poses.push(pose);
    frames.push(imageBody(halfKneelingBody(pose), camera, tMs, opts.imaging ?? {}));
  }
  return { frames, poses, holds: plan.map((p) => p.t) };
}
