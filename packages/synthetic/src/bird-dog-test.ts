// One simulated bird-dog test as the app would store it: a synthetic body does 3 reps per side
// with a known pelvic roll, a simulated phone on the sacrum reports it (guided rock, pacing cues,
// noise, a turned mounting), the camera optionally films it from the side, and the real analyser
// and records code turn that into a BirdDogTestRecord. Deterministic for a given seed.

import { analyzeBirdDog } from '@steadyback/core';
import { pelvisInputFromSamples } from '@steadyback/core';
import { birdDogTestRecord } from '@steadyback/core';
import type { BirdDogTestRecord } from '@steadyback/core';
import { generatePelvisStream, keyframeTimeline, type TiltTimeline, type TimelinePoint } from './pelvis-generator.ts';
import type { PacingCue } from '@steadyback/core';
import { seededGaussian } from './test-frames.ts';
import { birdDogSequence, type SyntheticBirdDogRep } from './bird-dog-sequence.ts';

export interface SimulatedBirdDogTestOptions {
  id: string;
  dateIso: string;
  /** The worst rep's peak pelvic roll per lifted leg, degrees (size only; the direction is the lifted side's). */
  rollDeg: { left: number; right: number };
  /** Peak forward pelvic tilt in the holds, degrees. Default 2. */
  pitchDeg?: number;
  /** Also film the test from the side, so the record keeps the worst rep's skeleton. */
  camera: boolean;
  seed: number;
}

const SETTLE_MS = 2000;
const ROCK_MS = 4000;
const ROCK_AMPLITUDE_DEG = 8;
const ROCK_HZ = 0.5;
/** Quiet time before the first rep: the phone's settle and rock, then a settled second and a half. */
const LEAD_IN_MS = SETTLE_MS + ROCK_MS + 1500;
/** Each rep's share of the side's peak roll: the options name the worst rep's roll. */
const REP_SHARE = [0.85, 1, 0.9] as const;

export function simulatedBirdDogTest(o: SimulatedBirdDogTestOptions): BirdDogTestRecord {
  const reps: SyntheticBirdDogRep[] = [];
  for (let i = 0; i < 6; i++) {
    const leg = i % 2 === 0 ? 'left' : 'right';
    // Reps differ a little, as people's do, so a side's largest and mean roll differ; the second
    // rep of each side is the worst. Lifting the left leg drops the left hip (negative roll).
    const size = REP_SHARE[Math.floor(i / 2)]! * (leg === 'left' ? o.rollDeg.left : o.rollDeg.right);
    reps.push({ leg, arm: leg === 'left' ? 'right' : 'left', rollDeg: leg === 'left' ? -size : size });
  }
  const seq = birdDogSequence({
    view: 'side-left',
    fps: 15,
    settleMs: LEAD_IN_MS,
    reps,
    imaging: { noisePx: 1.5, gaussian: seededGaussian(o.seed) },
  });

  // The phone follows the same body: roll from each frame's pose, pitch rising with the roll.
  const pitch = o.pitchDeg ?? 2;
  const body = keyframeTimeline(
    seq.poses.map((p, i) => {
      const t = seq.frames[i]!.tMs;
      const rep = seq.reps.find((r) => t >= r.startMs && t < r.endMs);
      const frac = rep && rep.rollDeg !== 0 ? p.pelvisRollDeg / rep.rollDeg : 0;
      return { tMs: t, rollDeg: p.pelvisRollDeg, pitchDeg: pitch * frac };
    }),
  );
  const cueAt = (t: number): PacingCue => {
    if (t >= SETTLE_MS && t < SETTLE_MS + ROCK_MS) return 'calibrate:rock';
    const rep = seq.reps.find((r) => t >= r.startMs && t < r.endMs);
    if (!rep) return 'settle';
    if (t < rep.holdStartMs) return rep.leg === 'right' ? 'reach:right-leg' : 'reach:left-leg';
    return t < rep.holdEndMs ? 'hold' : 'return';
  };
  const timeline: TiltTimeline = (t): TimelinePoint => {
    const cue = cueAt(t);
    if (cue === 'calibrate:rock')
      return {
        rollDeg: 0,
        pitchDeg: ROCK_AMPLITUDE_DEG * Math.sin(2 * Math.PI * ROCK_HZ * ((t - SETTLE_MS) / 1000)),
        cue,
      };
    const { rollDeg, pitchDeg } = body(t);
    return { rollDeg, pitchDeg, cue };
  };
  const stream = generatePelvisStream({
    timeline,
    durationMs: seq.durationMs,
    rateHz: 50,
    headingDeg: 30,
    mount: 'sacrum',
    mountingYawDeg: 8,
    noiseSdDeg: 0.2,
    seed: o.seed,
  });
  const pelvis = pelvisInputFromSamples(stream.samples);
  if (!pelvis.ok) throw new Error(`The simulated phone stream was refused: ${pelvis.reason}`);
  const result = analyzeBirdDog({ pelvis: pelvis.pelvis, ...(o.camera ? { frames: seq.frames } : {}) });
  return birdDogTestRecord(result, { id: o.id, dateIso: o.dateIso, ...(o.camera ? { frames: seq.frames } : {}) });
}
