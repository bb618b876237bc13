// One rep through the rule groups: which limbs moved, how much of the rep the camera saw, the
// metrics from the phone, the side camera and the pain scores, and the rep's classification.

import type { LandmarkName } from '../../pose/landmarks.ts';
import type { TrackedForRules } from './camera-reading.ts';
import type { Limb, TrackedRep } from './phases.ts';
import type { BirdDogRep, BodySide, Metric, MovementPattern, RuleId } from './result.ts';
import { BIRD_DOG_PHASES } from './thresholds.ts';
import { unmeasuredRep } from './rules/not-measurable.ts';
import { checkPain } from './rules/pain.ts';
import { checkPhone } from './rules/phone.ts';
import { OTHER, indicesIn, visibleInFrame, type RepContext, type RuleCheck } from './rules/rule-check.ts';
import { checkSideCamera } from './rules/side-camera.ts';
import { classify } from './verdicts.ts';

const RULE_CHECKS: readonly RuleCheck[] = [checkPhone, checkSideCamera, checkPain];

export function measureRep(index: number, r: TrackedForRules, ctx: RepContext): BirdDogRep {
  // The pacing cues name the leg; the picture's change shows it (the arm is assumed opposite).
  const limbs = r.foundBy === 'camera' ? limbsOf(r) : { leg: r.cueLeg!, arm: OTHER[r.cueLeg!] };
  const pattern = patternOf(limbs);
  const leg: BodySide = limbs.leg ?? OTHER[limbs.arm ?? 'left'];
  const arm: BodySide = limbs.arm ?? OTHER[leg];
  const cameraValidShare = cameraShare(r, ctx, leg, arm);
  const input = { rep: r, ctx, leg, liftedLeg: limbs.leg };
  const metrics: Record<RuleId, Metric> = Object.assign(
    unmeasuredRep(ctx.cam !== null, ctx.view),
    ...RULE_CHECKS.map((check) => check(input)),
  );
  const { classification, reason } = classify(metrics, cameraValidShare, !!ctx.pelvis, pattern);
  return {
    index,
    leg,
    arm,
    pattern,
    startMs: r.startMs,
    holdStartMs: r.holdStartMs,
    holdEndMs: r.holdEndMs,
    endMs: r.endMs,
    holdMs: Math.max(0, r.holdEndMs - r.holdStartMs),
    classification,
    classificationReason: reason,
    foundBy: r.foundBy,
    metrics,
    cameraValidShare,
  };
}

function patternOf(limbs: { leg: BodySide | null; arm: BodySide | null }): MovementPattern {
  if (limbs.leg && limbs.arm) return limbs.leg !== limbs.arm ? 'opposite-arm-and-leg' : 'same-side-arm-and-leg';
  return limbs.leg ? 'leg-only' : 'arm-only';
}

/** The share of a camera-found rep's frames that show the landmarks rep finding needs; null otherwise. */
function cameraShare(r: TrackedForRules, ctx: RepContext, leg: BodySide, arm: BodySide): number | null {
  const idx = ctx.cam ? indicesIn(ctx.cam.tMs, r.startMs, r.endMs) : [];
  if (!ctx.cam || idx.length === 0 || r.foundBy !== 'camera') return null;
  const need: LandmarkName[] = [`${leg}_hip`, `${leg}_knee`, `${leg}_ankle`, `${arm}_shoulder`, `${arm}_wrist`];
  return idx.filter((i) => need.every((n) => visibleInFrame(ctx.frames[i]!, n))).length / idx.length;
}

function limbsOf(r: TrackedRep): { leg: BodySide | null; arm: BodySide | null } {
  const lifted = (a: Limb, b: Limb): BodySide | null => {
    const pa = r.peakRise[a],
      pb = r.peakRise[b];
    if (Math.max(pa, pb) < BIRD_DOG_PHASES.LIMB_LIFTED_RISE) return null;
    return pa >= pb ? 'left' : 'right';
  };
  return { leg: lifted('leftLeg', 'rightLeg'), arm: lifted('leftArm', 'rightArm') };
}
