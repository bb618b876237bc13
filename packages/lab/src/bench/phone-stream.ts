// A phone's orientation stream for a rendered clip: the phone lies on the rendered pelvis, so its
// truth is the clip's own per-frame pelvic roll (and, in the waistband, a stated pelvic tilt),
// labelled with the pacing cues the app would have spoken. Noise and drift are a phone's.

import { type PacingCue, type SensorSample } from '@steadyback/core';
import { generatePelvisStream, keyframeTimeline, type TiltKeyframe } from '@steadyback/synthetic';
import type { ClipTruthFile } from '../render/fixture-cache.ts';

/** Typical phone orientation noise and drift (alpha is the compass and drifts most). */
export const PHONE_NOISE = {
  noiseSdDeg: 0.3,
  alphaDriftDegPerMin: 3,
  betaDriftDegPerMin: 0.5,
  gammaDriftDegPerMin: 0.5,
} as const;

function cueAt(truth: ClipTruthFile, tMs: number): PacingCue {
  const seg = truth.segments.find((s) => tMs >= s.startMs && tMs < s.endMs);
  if (!seg || seg.phase === 'settle' || seg.phase === 'rest') return 'settle';
  if (seg.phase === 'reach') return seg.side === 'right' ? 'reach:right-leg' : 'reach:left-leg';
  return seg.phase === 'hold' ? 'hold' : 'return';
}

/** The phone flat on the sacrum during a rendered bird-dog clip. */
export function sacrumStreamForClip(truth: ClipTruthFile, seed: number): SensorSample[] {
  const base = truth.frames[0]?.truth.angles.pelvisRollDeg ?? 0;
  const keys: TiltKeyframe[] = truth.frames.map((f) => ({
    tMs: f.tMs,
    rollDeg: f.truth.angles.pelvisRollDeg - base,
    pitchDeg: 0,
    cue: cueAt(truth, f.tMs),
  }));
  return generatePelvisStream({
    timeline: keyframeTimeline(keys),
    durationMs: truth.durationMs,
    rateHz: 50,
    seed,
    ...PHONE_NOISE,
  }).samples;
}

/**
 * The phone upright in the waistband during a rendered stretch clip, the pelvis tipping forward
 * by `anteriorTiltDeg` in each hold (the clip's lean, stated: the render has no separate lumbar
 * truth). Upright, the pelvis's long axis is vertical: pitch -90, anterior tilt raises it.
 */
export function waistbandStreamForClip(truth: ClipTruthFile, anteriorTiltDeg: number, seed: number): SensorSample[] {
  const keys: TiltKeyframe[] = [{ tMs: 0, rollDeg: 0, pitchDeg: -90, cue: 'settle' }];
  for (const s of truth.segments) {
    if (s.phase === 'reach')
      keys.push(
        { tMs: s.startMs, rollDeg: 0, pitchDeg: -90, cue: 'hold' },
        { tMs: s.endMs, rollDeg: 0, pitchDeg: -90 + anteriorTiltDeg },
      );
    if (s.phase === 'return')
      keys.push(
        { tMs: s.startMs, rollDeg: 0, pitchDeg: -90 + anteriorTiltDeg, cue: 'return' },
        { tMs: s.endMs, rollDeg: 0, pitchDeg: -90, cue: 'settle' },
      );
  }
  const sorted = keys.filter((k, i) => i === 0 || k.tMs > keys[i - 1]!.tMs);
  return generatePelvisStream({
    timeline: keyframeTimeline(sorted),
    durationMs: truth.durationMs,
    rateHz: 50,
    mount: 'waistband-backward',
    seed,
    ...PHONE_NOISE,
  }).samples;
}
