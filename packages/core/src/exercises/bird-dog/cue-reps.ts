// Reps timed by the phone's spoken pacing: reach, hold, return, one rep per reach cue.

import type { PelvisInput } from './input.ts';
import type { TrackedRep } from './phases.ts';
import type { BodySide } from './result.ts';

export function repsFromCues(pelvis: PelvisInput): Array<TrackedRep & { foundBy: 'pacing-cues'; cueLeg: BodySide }> {
  const out: Array<TrackedRep & { foundBy: 'pacing-cues'; cueLeg: BodySide }> = [];
  // A recording may carry the current cue on every sample or only when it is spoken: keep changes.
  const cues = pelvis.cues.filter((c, i, all) => i === 0 || all[i - 1]!.cue !== c.cue);
  const lastT = pelvis.samples.at(-1)!.tMs;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i]!;
    if (c.cue !== 'reach:left-leg' && c.cue !== 'reach:right-leg') continue;
    const leg: BodySide = c.cue === 'reach:left-leg' ? 'left' : 'right';
    let holdStart: number | null = null,
      holdEnd: number | null = null,
      end: number | null = null;
    for (let j = i + 1; j < cues.length; j++) {
      const d = cues[j]!;
      if (d.cue === 'hold' && holdStart === null) holdStart = d.tMs;
      else if (d.cue === 'return' && holdEnd === null) holdEnd = d.tMs;
      else if (d.cue === 'settle' || d.cue.startsWith('reach:') || d.cue === 'calibrate:rock') {
        end = d.tMs;
        break;
      }
    }
    const hs = holdStart ?? c.tMs + 2000;
    const he = holdEnd ?? hs + 5000;
    const e = Math.min(end ?? he + 2000, lastT);
    const legPeak = leg === 'left' ? { leftLeg: 1, rightLeg: 0 } : { leftLeg: 0, rightLeg: 1 };
    const armPeak = leg === 'left' ? { leftArm: 0, rightArm: 1 } : { leftArm: 1, rightArm: 0 };
    out.push({
      startMs: c.tMs,
      holdStartMs: hs,
      holdEndMs: Math.min(he, e),
      endMs: e,
      peakRise: { ...legPeak, ...armPeak },
      foundBy: 'pacing-cues',
      cueLeg: leg,
    });
  }
  return out;
}
