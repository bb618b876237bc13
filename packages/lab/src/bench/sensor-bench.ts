// The phone as a level, measured the same way as the camera: streams from the core's generator
// with known pelvic roll and pitch (and waistband tilt), a phone's noise and drift, and the phone
// turned on the back by a mounting yaw of 0-45 degrees, through the real sensor pipeline
// (pelvisTilt / waistbandTilt, then analyzeBirdDog on the phone alone). No rendering.

import {
  analyzeBirdDog,
  classify,
  pelvisInputFromSamples,
  pelvisTilt,
  waistbandTilt,
  BIRD_DOG_THRESHOLDS as BT,
  STRETCH_THRESHOLDS as ST,
  type Band,
  type Metric,
  type RuleId,
} from '@steadyback/core';
import {
  birdDogSession,
  generatePelvisStream,
  keyframeTimeline,
  type BodyTilt,
  type TiltKeyframe,
} from '@steadyback/synthetic';
import { summarize, type ErrorSummary, type Pair, type Verdict } from './metrics.ts';
import { PHONE_NOISE } from './phone-stream.ts';
import type { FaultLabel, RepLabel } from './run-clips.ts';

export const MOUNTING_YAWS_DEG = [0, 15, 30, 45] as const;

export interface SensorRun {
  readonly byYaw: Array<{
    yawDeg: number;
    roll: ErrorSummary;
    pitch: ErrorSummary;
    estimatedYawErrorDeg: number | null;
  }>;
  readonly roll: ErrorSummary;
  readonly pitch: ErrorSummary;
  readonly waistbandTilt: ErrorSummary;
  readonly repVerdicts: Array<{ truth: RepLabel; answer: Verdict<RepLabel> }>;
  readonly c1sVerdicts: Array<{ truth: FaultLabel; answer: Verdict<FaultLabel> }>;
}

/** Small seeded generator for the trial parameters (the stream has its own noise seed). */
function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Truths within this of a band edge are moved off it: a 0.1-degree reading of a 5.0-degree truth
 * is right either way, and counting it as a wrong verdict would measure the rounding, not the phone.
 */
const EDGE_MARGIN_DEG = 0.5;
function awayFromEdges(v: number, edges: readonly number[]): number {
  let out = Math.round(v * 10) / 10;
  for (const e of edges) {
    for (const edge of [e, -e])
      if (Math.abs(out - edge) < EDGE_MARGIN_DEG) out = edge + Math.sign(out - edge || 1) * EDGE_MARGIN_DEG;
  }
  return out;
}

const band = (v: number, amber: number, red: number, redInclusive: boolean): Band =>
  (redInclusive ? v >= red : v > red) ? 'red' : (redInclusive ? v >= amber : v > amber) ? 'amber' : 'green';
const metric = (b: Band): Metric => ({ value: null, unit: '', band: b, source: null });

/** The verdict a rep deserves from its exact tilt: the reach is linear, so roll onset comes before the leg is halfway when |roll| > 2 x 5 deg. */
function truthLabel(t: BodyTilt): RepLabel {
  const roll = Math.abs(t.rollDeg);
  const metrics: Record<RuleId, Metric> = {
    R1: metric(band(roll, BT.R1_ROLL_AMBER_DEG, BT.R1_ROLL_RED_DEG, true)),
    R2: metric('not-measurable'),
    R3: metric(roll >= BT.R3_ROLL_ONSET_DEG && BT.R3_ROLL_ONSET_DEG / roll < BT.R3_LEG_FRACTION ? 'red' : 'green'),
    R4: metric('not-measurable'),
    R4s: metric(band(t.pitchDeg, BT.R4S_AMBER_DEG, BT.R4S_RED_DEG, false)),
    R5: metric('not-measurable'),
    R6: metric('not-measurable'),
  };
  const c = classify(metrics, null, true, 'opposite-arm-and-leg').classification;
  return c === 'not-measurable' ? 'stable' : c;
}

function birdDogTrials(seeds: number) {
  const byYaw: SensorRun['byYaw'] = [];
  const rollAll: Pair[] = [];
  const pitchAll: Pair[] = [];
  const repVerdicts: SensorRun['repVerdicts'] = [];
  for (const yaw of MOUNTING_YAWS_DEG) {
    const rollPairs: Pair[] = [];
    const pitchPairs: Pair[] = [];
    const yawErrors: number[] = [];
    for (let seed = 1; seed <= seeds; seed += 1) {
      const r = rng(seed * 97 + yaw);
      const tilt = (): BodyTilt => ({
        rollDeg: awayFromEdges(-15 + 30 * r(), [BT.R1_ROLL_AMBER_DEG, BT.R1_ROLL_RED_DEG]),
        pitchDeg: awayFromEdges(12 * r(), [BT.R4S_AMBER_DEG, BT.R4S_RED_DEG]),
      });
      const session = birdDogSession({ repsPerSide: 3, holdMs: 5000, repTilt: { left: tilt(), right: tilt() } });
      const stream = generatePelvisStream({
        timeline: session.timeline,
        durationMs: session.durationMs,
        rateHz: 50,
        mountingYawDeg: yaw,
        headingDeg: 360 * r(),
        seed,
        ...PHONE_NOISE,
      });
      const tiltOut = pelvisTilt(stream.samples);
      if (!tiltOut.ok) throw new Error(`sensor trial (yaw ${yaw}, seed ${seed}): ${tiltOut.reason}`);
      yawErrors.push(Math.abs(tiltOut.mountingYawDeg - yaw));
      // Truth and reading are both changes from the settled posture; the rock is calibration, not a measurement.
      tiltOut.samples.forEach((s, i) => {
        const t = stream.truth[i]!;
        if (t.cue === 'calibrate:rock' || s.rollDeg === null || s.pitchDeg === null) return;
        rollPairs.push({ truth: t.rollDeg - session.baseline.rollDeg, measured: s.rollDeg });
        pitchPairs.push({ truth: t.pitchDeg - session.baseline.pitchDeg, measured: s.pitchDeg });
      });
      const pelvis = pelvisInputFromSamples(stream.samples);
      if (!pelvis.ok) throw new Error(pelvis.reason);
      const reps = analyzeBirdDog({ pelvis: pelvis.pelvis }).reps;
      session.holds.forEach((h) => {
        const rep = reps.find((x) => x.holdStartMs <= h.endMs && x.holdEndMs >= h.startMs);
        repVerdicts.push({ truth: truthLabel(h.tilt), answer: rep ? rep.classification : 'not-measurable' });
      });
    }
    rollAll.push(...rollPairs);
    pitchAll.push(...pitchPairs);
    yawErrors.sort((a, b) => a - b);
    byYaw.push({
      yawDeg: yaw,
      roll: summarize(rollPairs),
      pitch: summarize(pitchPairs),
      estimatedYawErrorDeg: yawErrors.length ? yawErrors[yawErrors.length >> 1]! : null,
    });
  }
  return { byYaw, roll: summarize(rollAll), pitch: summarize(pitchAll), repVerdicts };
}

/** The half-kneeling stretch with the phone upright in the waistband, leaning sideways by 0-45 degrees. */
function waistbandTrials(seeds: number) {
  const pairs: Pair[] = [];
  const verdicts: SensorRun['c1sVerdicts'] = [];
  for (const lean of MOUNTING_YAWS_DEG) {
    for (let seed = 1; seed <= seeds; seed += 1) {
      const r = rng(seed * 31 + lean);
      const tilt = awayFromEdges(-4 + 19 * r(), [ST.C1S_AMBER_DEG, ST.C1S_RED_DEG]); // anterior tilt in the hold, -4..15 deg
      const roll = -3 + 6 * r(); // a little pelvic roll while kneeling
      const keys: TiltKeyframe[] = [
        { tMs: 0, rollDeg: 0, pitchDeg: -90, cue: 'settle' },
        { tMs: 2000, rollDeg: 0, pitchDeg: -90, cue: 'hold' },
        { tMs: 4000, rollDeg: roll, pitchDeg: -90 + tilt },
        { tMs: 9000, rollDeg: roll, pitchDeg: -90 + tilt, cue: 'return' },
        { tMs: 11000, rollDeg: 0, pitchDeg: -90, cue: 'settle' },
      ];
      const stream = generatePelvisStream({
        timeline: keyframeTimeline(keys),
        durationMs: 12000,
        rateHz: 50,
        mount: 'waistband-backward',
        mountingYawDeg: lean,
        headingDeg: 360 * r(),
        seed,
        ...PHONE_NOISE,
      });
      const out = waistbandTilt(stream.samples);
      if (!out.ok) throw new Error(out.reason);
      let worst = -Infinity;
      out.samples.forEach((s, i) => {
        if (s.tiltDeg === null) return;
        pairs.push({ truth: stream.truth[i]!.pitchDeg + 90, measured: s.tiltDeg });
        if (s.tMs >= 4000 && s.tMs <= 9000) worst = Math.max(worst, s.tiltDeg);
      });
      verdicts.push({
        truth: tilt > ST.C1S_RED_DEG ? 'fault' : 'no-fault',
        answer: worst === -Infinity ? 'not-measurable' : worst > ST.C1S_RED_DEG ? 'fault' : 'no-fault',
      });
    }
  }
  return { waistbandTilt: summarize(pairs), c1sVerdicts: verdicts };
}

export function runSensorBench(seeds: number): SensorRun {
  return { ...birdDogTrials(seeds), ...waistbandTrials(seeds) };
}
