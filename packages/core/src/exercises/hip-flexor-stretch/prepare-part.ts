// The camera input of one part of a stretch recording, made ready for the rules: smoothed
// landmarks, the view, per-frame angles through a 5-frame median, and the kneeling side by majority.

import { detectCameraView, type CameraViewKind } from '../../camera/view.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { DEFAULT_POSE_CUTOFF_HZ, estimateSampleRateHz, smoothPoseFrames } from '../../signal/butterworth.ts';
import { movingMedian } from '../../signal/moving-median.ts';
import { ANGLE_KEYS, stretchAngles, type AngleKey, type FrameAngles } from './frame-angles.ts';
import type { KneelingSide } from './result.ts';

export interface PreparedPart {
  readonly rate: number;
  readonly view: CameraViewKind;
  /** Only a side view measures the knees, the trunk and the hip angle. */
  readonly formMeasured: boolean;
  readonly angles: FrameAngles[];
  readonly kneeling: Array<KneelingSide | null>;
}

export function preparePart(partFrames: readonly FrameResult[], recorded: boolean): PreparedPart {
  const rate = partFrames.length >= 2 ? estimateSampleRateHz(partFrames.map((f) => f.tMs)) : 30;
  const frames = recorded
    ? smoothPoseFrames(partFrames, { cutoffHz: Math.min(DEFAULT_POSE_CUTOFF_HZ, 0.4 * rate) })
    : partFrames;
  const view: CameraViewKind = detectCameraView(frames.filter(hasPerson), 'half-kneeling').kind;
  const raw = frames.map(stretchAngles);
  // Single frames can be tens of degrees off: a centred 5-frame median before any rule fires.
  const med = (key: AngleKey) =>
    movingMedian(
      raw.map((a) => a[key]),
      5,
      recorded ? 'centred' : 'trailing',
    );
  const sm = Object.fromEntries(ANGLE_KEYS.map((k) => [k, med(k)])) as Record<AngleKey, Array<number | null>>;
  const angles: FrameAngles[] = raw.map((a, i) => ({
    ...a,
    ...Object.fromEntries(ANGLE_KEYS.map((k) => [k, sm[k][i]!])),
  }));
  // Kneeling side by majority over a short window, so a flicker of one frame does not switch sides.
  const kneeling = angles.map((_, i) => {
    const win = angles.slice(Math.max(0, i - 4), i + 5).map((a) => a.kneeling);
    const l = win.filter((k) => k === 'left').length,
      r = win.filter((k) => k === 'right').length;
    return l === 0 && r === 0 ? null : l >= r ? ('left' as const) : ('right' as const);
  });
  return { rate, view, formMeasured: view === 'side', angles, kneeling };
}
