// Test support for the bird-dog: synthetic sessions with a pelvis series built from the same truth.
import {
  birdDogSequence,
  type BirdDogSequence,
  type BirdDogSequenceOptions,
  type SyntheticBirdDogRep,
} from './bird-dog-sequence.ts';
import { seededGaussian } from './test-frames.ts';
import type { PelvisInput } from '@steadyback/core';

export function session(
  reps: readonly SyntheticBirdDogRep[],
  opts: Partial<BirdDogSequenceOptions> = {},
): BirdDogSequence {
  return birdDogSequence({ view: 'side-left', imaging: { noisePx: 1.5, gaussian: seededGaussian(11) }, ...opts, reps });
}

/** The app's pacing cues for the synthetic reps: settle before, reach, hold, return. */
export function truthCues(seq: BirdDogSequence): PelvisInput['cues'] {
  return seq.reps.flatMap((r) => [
    { tMs: Math.max(0, r.startMs - 1000), cue: 'settle' as const },
    { tMs: r.startMs, cue: r.leg === 'left' ? ('reach:left-leg' as const) : ('reach:right-leg' as const) },
    { tMs: r.holdStartMs, cue: 'hold' as const },
    { tMs: r.holdEndMs, cue: 'return' as const },
  ]);
}

/** The pelvis as a perfect phone would report it: the synthetic truth, plus an optional pitch per rep. */
export function truthPelvis(seq: BirdDogSequence, pitchDegByRep: readonly number[] = []): PelvisInput {
  return {
    samples: seq.poses.map((p, i) => {
      const t = seq.frames[i]!.tMs;
      const k = seq.reps.findIndex((r) => t >= r.startMs && t < r.endMs);
      const rep = seq.reps[k];
      const frac =
        rep && rep.rollDeg !== 0
          ? p.pelvisRollDeg / rep.rollDeg
          : rep
            ? Math.min(1, Math.max(0, (t - rep.startMs) / (rep.holdStartMs - rep.startMs))) *
              (t < rep.holdEndMs ? 1 : 0)
            : 0;
      return { tMs: t, rollDeg: p.pelvisRollDeg, pitchDeg: k >= 0 ? (pitchDegByRep[k] ?? 0) * frac : 0 };
    }),
    badIntervals: [],
    cues: [],
  };
}

export const opposite = (leg: 'left' | 'right', extra: Partial<SyntheticBirdDogRep> = {}): SyntheticBirdDogRep => ({
  leg,
  arm: leg === 'left' ? 'right' : 'left',
  ...extra,
});
