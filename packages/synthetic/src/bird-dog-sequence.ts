// Synthetic bird-dog sessions: a settled quadruped, then reps with known limbs, heights, timing,
// pelvic roll and trunk sag, imaged from any camera view; optionally standing before and after, as
// a phone video starts and ends. The truth comes back with the frames.

import type { FrameResult } from '@steadyback/core';
import { imageBody, type ImagingOptions } from './body-model.ts';
import { cameraForView, type CameraView } from './camera.ts';
import {
  ADULT,
  blendBodies,
  QUADRUPED,
  quadrupedBody,
  quadrupedCentre,
  standingBody,
  type QuadrupedPose,
  type Side,
} from './quadruped.ts';

export interface SyntheticBirdDogRep {
  /** The lifted leg, or null for an arm-only rep. */
  readonly leg: Side | null;
  /** The reached arm, or null for a leg-only rep. */
  readonly arm: Side | null;
  readonly legElevationDeg?: number;
  readonly armElevationDeg?: number;
  /** Peak pelvic roll during the hold (positive = right hip lower). */
  readonly rollDeg?: number;
  /** How far the roll leads the leg: 0 = roll follows the leg's lift; 1 = roll is complete before the leg starts. */
  readonly rollLead?: number;
  readonly sagM?: number;
  readonly reachMs?: number;
  readonly holdMs?: number;
  readonly returnMs?: number;
  readonly restMs?: number;
  /** The lifted leg's knee kept bent this much from straight (90: a donkey kick, not a reach); default 0. */
  readonly kneeFlexDeg?: number;
}

export interface SyntheticRepTruth {
  readonly leg: Side | null;
  readonly arm: Side | null;
  readonly startMs: number;
  readonly holdStartMs: number;
  readonly holdEndMs: number;
  readonly endMs: number;
  readonly rollDeg: number;
  readonly legElevationDeg: number;
  readonly sagM: number;
}

export interface BirdDogSequenceOptions {
  readonly reps: readonly SyntheticBirdDogRep[];
  readonly view: CameraView;
  readonly fps?: number;
  readonly settleMs?: number;
  readonly imaging?: ImagingOptions;
  /** Camera distance (m); closer cuts the body off. */
  readonly distanceM?: number;
  /** The picture's size in pixels (default 640x480, landscape); 480x640 is a phone held upright. */
  readonly camera?: { readonly widthPx: number; readonly heightPx: number };
  /** Landmarks given visibility 0 in this share of frames at random (needs imaging.gaussian's seed via `random`). */
  readonly dropoutShare?: number;
  readonly random?: () => number;
  /** Standing this long before the session and after it, getting down and up over `transitionMs` (default 2500). 0 = none. */
  readonly standMs?: number;
  readonly transitionMs?: number;
}

export interface BirdDogSequence {
  readonly frames: FrameResult[];
  /** The quadruped's pose per frame (the rest posture while standing or getting down and up). */
  readonly poses: QuadrupedPose[];
  readonly reps: SyntheticRepTruth[];
  readonly durationMs: number;
  /** When the person was on all fours: from the end of getting down to the start of getting up. */
  readonly onAllFours: { readonly startMs: number; readonly endMs: number };
}

const smooth = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

type TimedRep = { rep: Required<SyntheticBirdDogRep>; truth: SyntheticRepTruth };

/** Each rep with its defaults filled in and its times, from startMs on; `endMs` is after the last rest. */
function repTimeline(reps: readonly SyntheticBirdDogRep[], startMs: number): { timeline: TimedRep[]; endMs: number } {
  const timeline: TimedRep[] = [];
  let t = startMs;
  for (const r of reps) {
    const rep: Required<SyntheticBirdDogRep> = {
      legElevationDeg: 0,
      armElevationDeg: 0,
      rollDeg: 0,
      rollLead: 0,
      sagM: 0,
      kneeFlexDeg: 0,
      reachMs: 2000,
      holdMs: 5000,
      returnMs: 2000,
      restMs: 1500,
      ...r,
    };
    const truth: SyntheticRepTruth = {
      leg: rep.leg,
      arm: rep.arm,
      startMs: t,
      holdStartMs: t + rep.reachMs,
      holdEndMs: t + rep.reachMs + rep.holdMs,
      endMs: t + rep.reachMs + rep.holdMs + rep.returnMs,
      rollDeg: rep.rollDeg,
      legElevationDeg: rep.legElevationDeg,
      sagM: rep.sagM,
    };
    timeline.push({ rep, truth });
    t = truth.endMs + rep.restMs;
  }
  return { timeline, endMs: t };
}

export function birdDogSequence(opts: BirdDogSequenceOptions): BirdDogSequence {
  const fps = opts.fps ?? 30;
  const settleMs = opts.settleMs ?? 1500;
  const standMs = opts.standMs ?? 0;
  const transitionMs = standMs > 0 ? (opts.transitionMs ?? 2500) : 0;
  const downMs = standMs + transitionMs;
  const { timeline, endMs: t } = repTimeline(opts.reps, downMs + settleMs);
  const upMs = t;
  const durationMs = t + transitionMs + standMs;
  const standing = standingBody(ADULT),
    rest = quadrupedBody(QUADRUPED);
  const bodyAt = (tMs: number, pose: QuadrupedPose) =>
    tMs < standMs
      ? standing
      : tMs < downMs
        ? blendBodies(standing, rest, smooth((tMs - standMs) / transitionMs))
        : tMs < upMs
          ? quadrupedBody(pose)
          : tMs < upMs + transitionMs
            ? blendBodies(rest, standing, smooth((tMs - upMs) / transitionMs))
            : standing;
  const camera = cameraForView(opts.view, {
    centre: quadrupedCentre(ADULT),
    ...(opts.distanceM ? { distanceM: opts.distanceM } : {}),
    ...opts.camera,
  });
  const frames: FrameResult[] = [];
  const poses: QuadrupedPose[] = [];
  const n = Math.floor((durationMs / 1000) * fps);
  for (let i = 0; i < n; i++) {
    const tMs = (i * 1000) / fps;
    const pose = poseAt(tMs, timeline);
    poses.push(pose);
    let frame = imageBody(bodyAt(tMs, pose), camera, tMs, opts.imaging ?? {});
    if (opts.dropoutShare && opts.random && frame.landmarks && opts.random() < opts.dropoutShare) {
      frame = { ...frame, landmarks: frame.landmarks.map((lm) => (lm ? { ...lm, visibility: 0.1 } : lm)) };
    }
    frames.push(frame);
  }
  return {
    frames,
    poses,
    reps: timeline.map((x) => x.truth),
    durationMs,
    onAllFours: { startMs: downMs, endMs: upMs },
  };
}

function poseAt(
  tMs: number,
  timeline: ReadonlyArray<{ rep: Required<SyntheticBirdDogRep>; truth: SyntheticRepTruth }>,
): QuadrupedPose {
  for (const { rep, truth } of timeline) {
    if (tMs < truth.startMs || tMs >= truth.endMs) continue;
    // Lift fraction: 0..1 through the reach, 1 in the hold, 1..0 through the return.
    const lift =
      tMs < truth.holdStartMs
        ? smooth((tMs - truth.startMs) / rep.reachMs)
        : tMs < truth.holdEndMs
          ? 1
          : smooth(1 - (tMs - truth.holdEndMs) / rep.returnMs);
    // A leading roll runs ahead of the limbs during the reach.
    const rollFrac =
      tMs < truth.holdStartMs ? smooth((tMs - truth.startMs) / (rep.reachMs * (1 - rep.rollLead) + 1e-6)) : lift;
    const leg = { left: 0, right: 0 };
    const legEl = { left: 0, right: 0 };
    const arm = { left: 0, right: 0 };
    const armEl = { left: 0, right: 0 };
    const flex = { left: 0, right: 0 };
    if (rep.leg) {
      leg[rep.leg] = lift;
      legEl[rep.leg] = rep.legElevationDeg;
      flex[rep.leg] = rep.kneeFlexDeg;
    }
    if (rep.arm) {
      arm[rep.arm] = lift;
      armEl[rep.arm] = rep.armElevationDeg;
    }
    return {
      legReach: leg,
      legElevationDeg: legEl,
      armReach: arm,
      armElevationDeg: armEl,
      pelvisRollDeg: rep.rollDeg * rollFrac,
      sagM: rep.sagM * lift,
      pelvisShiftM: 0,
      legKneeFlexDeg: flex,
    };
  }
  return QUADRUPED;
}
