// Synthetic phone-orientation streams with KNOWN pelvis roll and pitch: the test bench for
// pelvis-tilt.ts and the accuracy lab. The truth is a body-tilt timeline; the phone's reading is
// built physically (Earth <- Body(heading, roll, pitch) <- Device(mounting)) and decomposed to W3C
// alpha/beta/gamma with eulerFromMatrix, then spoiled like a real phone: seeded Gaussian noise,
// slow drift (compass alpha drifts most), gaps, and an optional slide off the back.
//
// Body tilt uses the definitions of pelvis-tilt.ts: body -> level frame = Ry(roll) * Rx(-pitch)
// (level frame: X = the person's right, Y = the heading, Z = up), roll > 0 = right side lower,
// pitch > 0 = head end down (anterior tilt). On all fours the settled pelvis is near (0, 0);
// kneeling upright it is near pitch = -90 (long axis vertical), and anterior tilt raises pitch.

import { seededGaussian } from './test-frames.ts';
import { eulerFromMatrix, mulMat3, rotX, rotY, rotZ, type Mat3 } from '@steadyback/core';
import type { PacingCue, SensorSample } from '@steadyback/core';

export interface BodyTilt {
  readonly rollDeg: number;
  readonly pitchDeg: number;
}

export interface TimelinePoint extends BodyTilt {
  readonly cue?: PacingCue;
}

/** The true pelvis tilt (absolute, degrees) and the pacing cue at time tMs. */
export type TiltTimeline = (tMs: number) => TimelinePoint;

export interface TiltKeyframe extends TimelinePoint {
  readonly tMs: number;
}

/**
 * Piecewise-linear tilt through the keyframes (held flat before the first and after the last);
 * the cue of a keyframe lasts until the next keyframe that names one.
 */
export function keyframeTimeline(keyframes: ReadonlyArray<TiltKeyframe>): TiltTimeline {
  if (keyframes.length === 0) throw new Error('keyframeTimeline needs at least one keyframe.');
  for (let i = 1; i < keyframes.length; i++) {
    if (!(keyframes[i]!.tMs > keyframes[i - 1]!.tMs))
      throw new Error(`Keyframe ${i} is not later than keyframe ${i - 1}; sort them by tMs.`);
  }
  return (tMs) => {
    let k = 0;
    while (k + 1 < keyframes.length && keyframes[k + 1]!.tMs <= tMs) k++;
    let cue: PacingCue | undefined;
    for (let j = k; j >= 0 && cue === undefined; j--) cue = keyframes[j]!.cue;
    const a = keyframes[k]!;
    const b = keyframes[k + 1];
    const f = b === undefined || tMs <= a.tMs ? 0 : (tMs - a.tMs) / (b.tMs - a.tMs);
    const roll = b === undefined ? a.rollDeg : a.rollDeg + f * (b.rollDeg - a.rollDeg);
    const pitch = b === undefined ? a.pitchDeg : a.pitchDeg + f * (b.pitchDeg - a.pitchDeg);
    return cue === undefined ? { rollDeg: roll, pitchDeg: pitch } : { rollDeg: roll, pitchDeg: pitch, cue };
  };
}

export type LiftedLegSide = 'left' | 'right';

export interface BirdDogSessionOptions {
  /** The settled all-fours posture (absolute tilt); every rep starts and ends here. Default (0, 0). */
  readonly baseline?: BodyTilt;
  readonly settleMs?: number;
  /** Guided rock: pitch +-rockAmplitudeDeg at rockHz for rockMs. Set rockMs to 0 for no rock. */
  readonly rockMs?: number;
  readonly rockAmplitudeDeg?: number;
  readonly rockHz?: number;
  readonly repsPerSide?: number;
  readonly repSettleMs?: number;
  readonly reachMs?: number;
  readonly holdMs?: number;
  readonly returnMs?: number;
  readonly endSettleMs?: number;
  /** Tilt change from the baseline reached in the hold, per side. */
  readonly repTilt?: Readonly<Record<LiftedLegSide, BodyTilt>>;
}

export interface BirdDogHold {
  readonly side: LiftedLegSide;
  readonly startMs: number;
  readonly endMs: number;
  /** Tilt change from the baseline during the hold (the value a perfect sensor reads). */
  readonly tilt: BodyTilt;
}

export interface BirdDogSession {
  readonly timeline: TiltTimeline;
  readonly durationMs: number;
  readonly baseline: BodyTilt;
  readonly holds: BirdDogHold[];
  /** Settle, rock and rep stretches in order, for tests that look at one phase. */
  readonly phases: Array<{ readonly cue: PacingCue; readonly startMs: number; readonly endMs: number }>;
}

/**
 * A paced bird-dog session: settle, guided rock, then alternating left/right reps of
 * settle -> reach -> hold -> return (spec B protocol: reach ~2 s, hold 5 s, return ~2 s).
 */
export function birdDogSession(o: BirdDogSessionOptions = {}): BirdDogSession {
  const base = o.baseline ?? { rollDeg: 0, pitchDeg: 0 };
  const repTilt = o.repTilt ?? { left: { rollDeg: -6, pitchDeg: 4 }, right: { rollDeg: 6, pitchDeg: 4 } };
  const rockMs = o.rockMs ?? 4000;
  const rockAmp = o.rockAmplitudeDeg ?? 8;
  const rockHz = o.rockHz ?? 0.5;
  const reachMs = o.reachMs ?? 2000;
  const returnMs = o.returnMs ?? 2000;
  type Seg = { cue: PacingCue; startMs: number; endMs: number; at: (f: number, tLocalMs: number) => BodyTilt };
  const segs: Seg[] = [];
  let t = 0;
  const add = (cue: PacingCue, durMs: number, at: Seg['at']) => {
    if (durMs <= 0) return;
    segs.push({ cue, startMs: t, endMs: t + durMs, at });
    t += durMs;
  };
  const still = () => base;
  const toward = (d: BodyTilt, f: number): BodyTilt => ({
    rollDeg: base.rollDeg + f * d.rollDeg,
    pitchDeg: base.pitchDeg + f * d.pitchDeg,
  });
  const holds: BirdDogHold[] = [];
  add('settle', o.settleMs ?? 2000, still);
  add('calibrate:rock', rockMs, (_f, tl) => ({
    rollDeg: base.rollDeg,
    pitchDeg: base.pitchDeg + rockAmp * Math.sin(2 * Math.PI * rockHz * (tl / 1000)),
  }));
  const reps = o.repsPerSide ?? 3;
  for (let r = 0; r < 2 * reps; r++) {
    const side: LiftedLegSide = r % 2 === 0 ? 'left' : 'right';
    const d = repTilt[side];
    add('settle', o.repSettleMs ?? 1500, still);
    add(side === 'left' ? 'reach:left-leg' : 'reach:right-leg', reachMs, (f) => toward(d, f));
    const holdMs = o.holdMs ?? 5000;
    holds.push({ side, startMs: t, endMs: t + holdMs, tilt: d });
    add('hold', holdMs, () => toward(d, 1));
    add('return', returnMs, (f) => toward(d, 1 - f));
  }
  add('settle', o.endSettleMs ?? 1000, still);
  const durationMs = t;
  const timeline: TiltTimeline = (tMs) => {
    const seg = segs.find((s) => tMs < s.endMs) ?? segs[segs.length - 1]!;
    const tl = Math.max(0, Math.min(tMs, seg.endMs) - seg.startMs);
    return { ...seg.at(tl / (seg.endMs - seg.startMs), tl), cue: seg.cue };
  };
  return {
    timeline,
    durationMs,
    baseline: base,
    holds,
    phases: segs.map(({ cue, startMs, endMs }) => ({ cue, startMs, endMs })),
  };
}

/**
 * Where the phone sits. 'sacrum': flat on the sacrum, screen up, top toward the head, turned by
 * the mounting yaw (> 0 = top toward the person's left). 'waistband-backward' / '-forward':
 * upright in the waistband at the back, top up, screen facing away from / toward the body; the
 * mounting yaw is then a sideways lean of the phone (a turn about its screen normal).
 */
export type PhoneMount = 'sacrum' | 'waistband-backward' | 'waistband-forward';

export interface PelvisStreamOptions {
  readonly timeline: TiltTimeline;
  readonly durationMs: number;
  readonly startMs?: number;
  /** 30-60 Hz in browsers. Default 50. */
  readonly rateHz?: number;
  /** The person's compass direction (where the head points on all fours, where they face upright), clockwise from north. */
  readonly headingDeg?: number;
  readonly mount?: PhoneMount;
  readonly mountingYawDeg?: number;
  /** SD of independent Gaussian noise added to each of alpha, beta, gamma. */
  readonly noiseSdDeg?: number;
  /** Linear drift from startMs, degrees per minute (phone compasses drift several deg/min in alpha). */
  readonly alphaDriftDegPerMin?: number;
  readonly betaDriftDegPerMin?: number;
  readonly gammaDriftDegPerMin?: number;
  readonly seed?: number;
  /** No samples are emitted for startMs <= t < endMs. */
  readonly gaps?: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>;
  /** From atMs the phone tips over its own x axis by tiltDeg within durationMs, and stays there. */
  readonly slideOff?: { readonly atMs: number; readonly tiltDeg?: number; readonly durationMs?: number };
}

export interface PelvisTruthSample extends TimelinePoint {
  readonly tMs: number;
  /** True once the phone has started sliding: its readings no longer follow the pelvis. */
  readonly slidOff: boolean;
}

export interface PelvisStream {
  readonly samples: SensorSample[];
  readonly truth: PelvisTruthSample[];
}

function deviceInBody(mount: PhoneMount, yawDeg: number): Mat3 {
  // Body and device frames coincide for 'sacrum' and 'waistband-backward' (x right, y head, z dorsal).
  const yaw = rotZ(yawDeg);
  return mount === 'waistband-forward' ? mulMat3(rotY(180), yaw) : yaw;
}

/** The exact device -> earth rotation for a body tilt (no noise): what a perfect phone would report. */
export function trueDeviceMatrix(tilt: BodyTilt, headingDeg: number, mount: PhoneMount, mountingYawDeg: number): Mat3 {
  const earthFromBody = mulMat3(mulMat3(rotZ(-headingDeg), rotY(tilt.rollDeg)), rotX(-tilt.pitchDeg));
  return mulMat3(earthFromBody, deviceInBody(mount, mountingYawDeg));
}

function wrap360(a: number): number {
  const w = ((a % 360) + 360) % 360;
  return w >= 360 ? 0 : w;
}

function wrapBeta(b: number): number {
  const w = ((((b + 180) % 360) + 360) % 360) - 180;
  return w === 0 ? 0 : w;
}

export function generatePelvisStream(o: PelvisStreamOptions): PelvisStream {
  const rate = o.rateHz ?? 50;
  if (!(rate > 0)) throw new Error(`rateHz must be > 0, got ${rate}.`);
  const start = o.startMs ?? 0;
  const noise = seededGaussian(o.seed ?? 1);
  const sd = o.noiseSdDeg ?? 0;
  const mount = o.mount ?? 'sacrum';
  const yaw = o.mountingYawDeg ?? 0;
  const heading = o.headingDeg ?? 0;
  const slideTilt = o.slideOff?.tiltDeg ?? 60;
  const slideDur = o.slideOff?.durationMs ?? 100;
  const samples: SensorSample[] = [];
  const truth: PelvisTruthSample[] = [];
  const n = Math.floor((o.durationMs * rate) / 1000);
  for (let i = 0; i <= n; i++) {
    const tMs = start + (i * 1000) / rate;
    if (o.gaps?.some((g) => tMs >= g.startMs && tMs < g.endMs)) continue;
    const p = o.timeline(tMs - start);
    let m = trueDeviceMatrix(p, heading, mount, yaw);
    const slidOff = o.slideOff !== undefined && tMs >= o.slideOff.atMs;
    if (o.slideOff !== undefined && slidOff) {
      const f = slideDur > 0 ? Math.min(1, (tMs - o.slideOff.atMs) / slideDur) : 1;
      m = mulMat3(m, rotX(-slideTilt * f));
    }
    const e = eulerFromMatrix(m);
    const minutes = (tMs - start) / 60000;
    const alpha = e.alphaDeg + (o.alphaDriftDegPerMin ?? 0) * minutes + sd * noise();
    const beta = e.betaDeg + (o.betaDriftDegPerMin ?? 0) * minutes + sd * noise();
    // gamma stays inside [-90, 90): the postures here are far from the edge, so a clamp is enough.
    const gamma = Math.max(-90, Math.min(89.999, e.gammaDeg + (o.gammaDriftDegPerMin ?? 0) * minutes + sd * noise()));
    const base = { tMs, alphaDeg: wrap360(alpha), betaDeg: wrapBeta(beta), gammaDeg: gamma };
    samples.push(p.cue === undefined ? base : { ...base, cue: p.cue });
    truth.push({
      tMs,
      rollDeg: p.rollDeg,
      pitchDeg: p.pitchDeg,
      ...(p.cue === undefined ? {} : { cue: p.cue }),
      slidOff,
    });
  }
  return { samples, truth };
}
