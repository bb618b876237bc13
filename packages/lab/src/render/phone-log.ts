// A phone log (the app's sensor CSV) that matches a rendered bird-dog clip: the phone lies on the
// sacrum and the pelvis rolls `rollDeg` toward the lifted leg in each hold, with a phone's noise.
// For demos and end-to-end tests of "camera + phone" analysis; the truth is the clip's own plan.
// As in the app, the phone starts first and guides the rock that tells how it lies on the back:
// its log begins ROCK_LEAD_MS before the clip (negative times), so the clip's times stay as they are.

import { formatSensorCsv } from '@steadyback/core';
import { generatePelvisStream, keyframeTimeline, type TiltKeyframe } from '@steadyback/synthetic';
import type { ClipSegment } from './clips.ts';

/** Settle 1 s, the guided rock 4 s (pitch +-8 degrees at 0.5 Hz), settle 1.5 s: then the clip. */
const ROCK_LEAD_MS = 6500;

function guidedRock(): TiltKeyframe[] {
  const keys: TiltKeyframe[] = [
    { tMs: 0, rollDeg: 0, pitchDeg: 0, cue: 'settle' },
    { tMs: 1000, rollDeg: 0, pitchDeg: 0, cue: 'calibrate:rock' },
  ];
  for (let k = 1; k <= 7; k++) keys.push({ tMs: 1000 + k * 500, rollDeg: 0, pitchDeg: k % 2 === 1 ? 8 : -8 });
  keys.push({ tMs: 5000, rollDeg: 0, pitchDeg: 0, cue: 'settle' });
  return keys;
}

export function birdDogPhoneLog(
  segments: readonly ClipSegment[],
  durationMs: number,
  rollDeg: number,
  seed = 4,
): string {
  const keys: TiltKeyframe[] = guidedRock();
  const at = (tMs: number) => tMs + ROCK_LEAD_MS;
  keys.push({ tMs: at(0), rollDeg: 0, pitchDeg: 0, cue: 'settle' });
  for (const s of segments) {
    const toward = s.side === 'left' ? -rollDeg : rollDeg;
    if (s.phase === 'reach')
      keys.push({
        tMs: at(s.startMs),
        rollDeg: 0,
        pitchDeg: 0,
        cue: s.side === 'left' ? 'reach:left-leg' : 'reach:right-leg',
      });
    if (s.phase === 'hold')
      keys.push(
        { tMs: at(s.startMs), rollDeg: toward, pitchDeg: 0, cue: 'hold' },
        { tMs: at(s.endMs - 1), rollDeg: toward, pitchDeg: 0 },
      );
    if (s.phase === 'return') keys.push({ tMs: at(s.endMs), rollDeg: 0, pitchDeg: 0, cue: 'settle' });
  }
  const stream = generatePelvisStream({
    timeline: keyframeTimeline(keys),
    durationMs: at(durationMs),
    startMs: -ROCK_LEAD_MS,
    rateHz: 50,
    noiseSdDeg: 0.2,
    seed,
  });
  return formatSensorCsv(stream.samples);
}
