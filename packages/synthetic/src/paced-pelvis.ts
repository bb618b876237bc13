// A pelvis that follows the app's spoken pacing (exercises/bird-dog/pacing.ts): still while
// settling, rocking forward and back in the guided rock, rolling toward the lifted leg over the
// reach and holding it through the hold, back to level over the return. Negative roll = the left
// hip lower (core/sensor convention). Feed it to generatePelvisStream for a phone on the sacrum.

import { pacingAt, type PacingSegment } from '@steadyback/core';
import { keyframeTimeline, type TiltTimeline } from './pelvis-generator.ts';

export function pacedPelvisTimeline(
  segments: readonly PacingSegment[],
  o: {
    readonly rollDegByLeg: { readonly left: number; readonly right: number };
    readonly rockAmplitudeDeg?: number;
    readonly rockPeriodMs?: number;
  },
): TiltTimeline {
  const rock = o.rockAmplitudeDeg ?? 8;
  const period = o.rockPeriodMs ?? 2000;
  const base = keyframeTimeline(
    segments.map((seg) => ({
      tMs: seg.startMs,
      rollDeg:
        seg.cue === 'hold' || seg.cue === 'return'
          ? seg.leg === 'left'
            ? -o.rollDegByLeg.left
            : o.rollDegByLeg.right
          : 0,
      pitchDeg: 0,
      cue: seg.cue,
    })),
  );
  return (tMs) => {
    const p = base(tMs);
    const seg = pacingAt(segments, tMs).segment;
    return seg.cue === 'calibrate:rock'
      ? { ...p, pitchDeg: rock * Math.sin((2 * Math.PI * (tMs - seg.startMs)) / period) }
      : p;
  };
}
