// A phone log (the app's sensor CSV) that matches a rendered bird-dog clip: the phone lies on the
// sacrum and the pelvis rolls `rollDeg` toward the lifted leg in each hold, with a phone's noise.
// For demos and end-to-end tests of "camera + phone" analysis; the truth is the clip's own plan.

import { formatSensorCsv } from '@steadyback/core';
import { generatePelvisStream, keyframeTimeline, type TiltKeyframe } from '@steadyback/synthetic';
import type { ClipSegment } from './clips.ts';

export function birdDogPhoneLog(
  segments: readonly ClipSegment[],
  durationMs: number,
  rollDeg: number,
  seed = 4,
): string {
  const keys: TiltKeyframe[] = [{ tMs: 0, rollDeg: 0, pitchDeg: 0, cue: 'settle' }];
  for (const s of segments) {
    const toward = s.side === 'left' ? -rollDeg : rollDeg;
    if (s.phase === 'reach')
      keys.push({
        tMs: s.startMs,
        rollDeg: 0,
        pitchDeg: 0,
        cue: s.side === 'left' ? 'reach:left-leg' : 'reach:right-leg',
      });
    if (s.phase === 'hold')
      keys.push(
        { tMs: s.startMs, rollDeg: toward, pitchDeg: 0, cue: 'hold' },
        { tMs: s.endMs - 1, rollDeg: toward, pitchDeg: 0 },
      );
    if (s.phase === 'return') keys.push({ tMs: s.endMs, rollDeg: 0, pitchDeg: 0, cue: 'settle' });
  }
  const stream = generatePelvisStream({
    timeline: keyframeTimeline(keys),
    durationMs,
    rateHz: 50,
    noiseSdDeg: 0.2,
    seed,
  });
  return formatSensorCsv(stream.samples);
}
