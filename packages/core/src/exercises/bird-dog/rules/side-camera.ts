// The camera at the side: R4 the raised leg's line against the horizontal, R5 trunk sag through
// the hold.

import type { LandmarkName } from '../../../pose/landmarks.ts';
import { MIN_VALID_FRAME_SHARE } from '../../../pose/visibility.ts';
import { movingMedian } from '../../../signal/moving-median.ts';
import { median } from '../../../signal/stats.ts';
import type { CameraSignals } from '../camera-signals.ts';
import type { Metric } from '../result.ts';
import { BIRD_DOG_THRESHOLDS as T } from '../thresholds.ts';
import { band } from '../bands.ts';
import { OTHER, indicesIn, nm, round1, round3, visibleInFrame, type RuleCheck, type RuleInput } from './rule-check.ts';

export const checkSideCamera: RuleCheck = (input) => {
  const cam = input.ctx.cam;
  if (!cam || !input.ctx.sideView) return {};
  return { R4: legLine(input, cam), R5: trunkSag(input, cam) };
};

function legLine({ rep: r, ctx, leg, liftedLeg }: RuleInput, cam: CameraSignals): Metric {
  if (!liftedLeg) return nm('No leg was lifted on this rep.', 'camera', 'deg');
  const hold = indicesIn(cam.tMs, r.holdStartMs - 100, r.holdEndMs + 100);
  const valid = hold.filter(
    (i) => visibleInFrame(ctx.frames[i]!, `${leg}_hip`) && visibleInFrame(ctx.frames[i]!, `${leg}_ankle`),
  );
  if (hold.length === 0 || valid.length / hold.length < MIN_VALID_FRAME_SHARE)
    return nm('Your raised foot or hip was not seen in enough frames of the hold.', 'camera', 'deg');
  const series = movingMedian(
    hold.map((i) => cam.legElevationDeg[leg][i] ?? null),
    5,
    'centred',
  );
  const { value, at } = maxWithIndex(series);
  return value === null
    ? nm('The leg line could not be measured.', 'camera', 'deg')
    : {
        value: round1(value),
        unit: 'deg',
        band: band(value, T.R4_AMBER_DEG, T.R4_RED_DEG),
        source: 'camera',
        atMs: cam.tMs[hold[at]!]!,
      };
}

// Sag is a posture held through the hold (rule set B: measured over the hold window): its median
// over the hold, so the landmarks' jitter and the reach's passing shapes do not count.
function trunkSag({ rep: r, ctx, leg }: RuleInput, cam: CameraSignals): Metric {
  const win = indicesIn(cam.tMs, r.holdStartMs, r.holdEndMs + 1);
  const supportKnee = OTHER[leg];
  const needSag: LandmarkName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', `${supportKnee}_knee`];
  const validSag = win.filter((i) => needSag.every((n) => visibleInFrame(ctx.frames[i]!, n)));
  if (win.length === 0 || validSag.length / win.length < MIN_VALID_FRAME_SHARE || cam.restSagRaw === null)
    return nm(
      'Your shoulders, hips or supporting knee were not seen in enough frames.',
      'camera',
      'share of trunk length',
    );
  const sag = win.map((i) => (cam.sagRaw[i] !== null ? cam.restSagRaw! - cam.sagRaw[i]! : null));
  const value = median(sag);
  const at =
    value === null
      ? 0
      : sag.reduce<number>(
          (best, v, k) => (v !== null && Math.abs(v - value) < Math.abs((sag[best] ?? Infinity) - value) ? k : best),
          0,
        );
  return value === null
    ? nm('Trunk sag could not be measured.', 'camera', 'share of trunk length')
    : {
        value: round3(value),
        unit: 'share of trunk length',
        band: band(value, T.R5_AMBER, T.R5_RED),
        source: 'camera',
        atMs: cam.tMs[win[at]!]!,
      };
}

function maxWithIndex(values: ReadonlyArray<number | null>): { value: number | null; at: number } {
  let value: number | null = null,
    at = 0;
  values.forEach((v, i) => {
    if (v !== null && (value === null || v > value)) {
      value = v;
      at = i;
    }
  });
  return { value, at };
}
