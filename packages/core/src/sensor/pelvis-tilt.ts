// Pelvis roll and pitch from a phone lying on the sacrum (bird-dog, rules R1, R3, R4s), pelvic
// tilt from a phone upright in the waistband (half-kneeling stretch, rule C1s), the calibration
// (zero posture, mounting yaw) and the stream-quality intervals that make reps "not measurable".
//
// Body frame (anatomical, fixed to the pelvis): R = the person's RIGHT, L = long axis toward the
// HEAD, U = dorsal (out of the back; up when on all fours). R = L x U, right-handed like the
// phone's (x, y, z).
//
// Sacrum mounting: the phone lies flat on the sacrum, screen up (away from the body), and the
// user is told "top of the phone toward your head". Its screen normal is U. It may still be turned
// in the plane of the back by a mounting yaw psi (|psi| < 90 deg assumed):
//   psi > 0 = the top of the phone turned toward the person's LEFT (counter-clockwise as seen
//   looking down at the screen). Body axes in device coordinates:
//   L = (sin psi, cos psi, 0), R = L x U = (cos psi, -sin psi, 0), U = (0, 0, 1).
//
// Angles, computed ONLY from the gravity direction (beta, gamma), so compass drift in alpha
// cannot leak in. With u = earth-up in body coordinates:
//   roll  = asin(-u . R)          the hip line's angle to the horizontal; POSITIVE = the person's
//                                 RIGHT side lower (hip drop on the right / hike on the left).
//   pitch = atan2(-u . L, u . U)  rotation about the lateral axis; POSITIVE = the head end of the
//                                 phone goes down = anterior pelvic tilt = lumbar extension.
// (Equivalently the body's tilt is Ry(roll) * Rx(-pitch): roll about L first, then pitch about the
// rolled lateral axis, so a pure forward-back rock changes pitch only.) Outputs are these angles
// minus their values in the calibration posture (spec Part 1: "baseline").

import type { Point3 } from '../pose/geometry.ts';
import { wrapAngleDeg } from '../pose/geometry.ts';
import { movingMedian } from '../signal/moving-median.ts';
import { gravityUpInDevice } from './orientation.ts';
import { prepare, withCuesHeld, type SensorMode, type SensorQualityInterval } from './prepare.ts';
import { toSensorSamples, type AnySensorSample, type PacingCue } from './sensor-series.ts';
import { SENSOR_MIN_ROCK_SD_DEG, SENSOR_SLID_OFF_TILT_DEG, SENSOR_SMOOTHING_WINDOW_SAMPLES } from './thresholds.ts';
import { clamp1, DEG_TO_RAD, dot, RAD_TO_DEG } from './vector.ts';

export * from './thresholds.ts';
export type { SensorMode, SensorQualityInterval, SensorQualityReason } from './prepare.ts';

export type MountingYawSource = 'rock' | 'stated' | 'assumed-zero';

export interface PelvisTiltOptions {
  readonly mode?: SensorMode;
  /** A stated mounting yaw (degrees, sign as in the header); used instead of the rock estimate. */
  readonly mountingYawDeg?: number;
  readonly smoothingWindowSamples?: number;
}

export interface PelvisTiltSample {
  readonly tMs: number;
  /** Change from the calibration posture; null when there is no zero yet (live) or the phone slid off. */
  readonly rollDeg: number | null;
  readonly pitchDeg: number | null;
  readonly cue?: PacingCue;
}

export type PelvisTiltResult =
  | {
      readonly ok: true;
      readonly samples: PelvisTiltSample[];
      readonly quality: SensorQualityInterval[];
      /** The yaw used for the final samples (live mode may start with the fallback). */
      readonly mountingYawDeg: number;
      readonly mountingYawSource: MountingYawSource;
      /** Plain sentences about assumptions made (no cues, no rock, rejected zeros). */
      readonly notes: string[];
    }
  | { readonly ok: false; readonly reason: string };

export type WaistbandScreen = 'backward' | 'forward';

export interface WaistbandTiltOptions {
  readonly mode?: SensorMode;
  /**
   * Which way the screen faces with the phone upright in the waistband at the back, top up.
   * 'backward' (default; the back of the phone against the body, what we tell users): device
   * z = posterior, x = the person's right. 'forward': screen against the body.
   */
  readonly screen?: WaistbandScreen;
  readonly smoothingWindowSamples?: number;
}

export interface WaistbandTiltSample {
  readonly tMs: number;
  /** Pelvic tilt change from the set-up posture; POSITIVE = anterior tilt (arching). */
  readonly tiltDeg: number | null;
  readonly cue?: PacingCue;
}

export type WaistbandTiltResult =
  | {
      readonly ok: true;
      readonly samples: WaistbandTiltSample[];
      readonly quality: SensorQualityInterval[];
      readonly notes: string[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Body roll and pitch (absolute, not relative to a zero) from earth-up in device coordinates and
 * the mounting yaw, by the definitions in the header.
 */
export function bodyTiltFromGravity(upInDevice: Point3, mountingYawDeg: number): { rollDeg: number; pitchDeg: number } {
  const s = Math.sin(mountingYawDeg * DEG_TO_RAD);
  const c = Math.cos(mountingYawDeg * DEG_TO_RAD);
  const uR = upInDevice.x * c - upInDevice.y * s;
  const uL = upInDevice.x * s + upInDevice.y * c;
  return { rollDeg: Math.asin(clamp1(-uR)) * RAD_TO_DEG, pitchDeg: Math.atan2(-uL, upInDevice.z) * RAD_TO_DEG };
}

export type MountingYawEstimate =
  | { readonly ok: true; readonly mountingYawDeg: number; readonly rockSdDeg: number; readonly sampleCount: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Mounting yaw from the guided rock (samples cued 'calibrate:rock', a cue lasting until the next). Rocking the pelvis forward
 * and back turns it about its lateral axis R, so u . R stays constant and gravity's tilt moves
 * along L only: the principal direction of the (x, y) part of earth-up over the rock is L =
 * (sin psi, cos psi). Of its two signs, the one with |psi| < 90 is taken (the user put the top of
 * the phone toward the head).
 */
export function estimateMountingYaw(samples: ReadonlyArray<AnySensorSample>): MountingYawEstimate {
  const ups = withCuesHeld(toSensorSamples(samples))
    .filter((s) => s.cue === 'calibrate:rock')
    .map((s) => gravityUpInDevice(s.betaDeg, s.gammaDeg));
  return yawFromRockUps(ups);
}

function yawFromRockUps(ups: readonly Point3[]): MountingYawEstimate {
  const n = ups.length;
  if (n < 3)
    return {
      ok: false,
      reason: 'There is no guided rock (calibrate:rock) to estimate how the phone is turned on the back.',
    };
  const mx = ups.reduce((a, u) => a + u.x, 0) / n;
  const my = ups.reduce((a, u) => a + u.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const u of ups) {
    sxx += (u.x - mx) ** 2;
    syy += (u.y - my) ** 2;
    sxy += (u.x - mx) * (u.y - my);
  }
  sxx /= n;
  syy /= n;
  sxy /= n;
  const major = (sxx + syy) / 2 + Math.hypot((sxx - syy) / 2, sxy);
  const rockSdDeg = Math.asin(clamp1(Math.sqrt(major))) * RAD_TO_DEG;
  if (rockSdDeg < SENSOR_MIN_ROCK_SD_DEG) {
    return {
      ok: false,
      reason: `The guided rock moved the pelvis too little (${rockSdDeg.toFixed(1)} degrees) to tell how the phone is turned on the back.`,
    };
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy); // major axis angle from device x
  let dx = Math.cos(theta);
  let dy = Math.sin(theta);
  if (dy < 0) {
    dx = -dx;
    dy = -dy;
  }
  const psi = Math.atan2(dx, dy) * RAD_TO_DEG;
  return { ok: true, mountingYawDeg: psi === 0 ? 0 : psi, rockSdDeg, sampleCount: n };
}

function smooth(values: Array<number | null>, window: number, mode: SensorMode): Array<number | null> {
  return movingMedian(values, window, mode === 'live' ? 'trailing' : 'centred');
}

function withCue<T extends object>(base: T, cue: PacingCue | undefined): T & { cue?: PacingCue } {
  return cue === undefined ? base : { ...base, cue };
}

/**
 * Pelvis roll and pitch (degrees, change from the settled posture) for a phone flat on the sacrum.
 * Zero: the median earth-up over the last 1 s of each 'settle' stretch (re-zeroed before every
 * rep, as the spec's baseline is, which also cancels slow sensor bias drift); the first 1 s when
 * there are no cues. Mounting yaw: the stated `mountingYawDeg`, else the guided rock, else 0 (noted).
 */
export function pelvisTilt(input: ReadonlyArray<AnySensorSample>, options: PelvisTiltOptions = {}): PelvisTiltResult {
  const mode = options.mode ?? 'recorded';
  const prep = prepare(input, mode);
  if (typeof prep === 'string') return { ok: false, reason: prep };
  const { samples, ups, zeros, slidOff, quality, notes } = prep;

  // Yaw per sample: constant in recorded mode; in live mode the rock estimate applies once the rock is over.
  let fallbackYaw = 0;
  let source: MountingYawSource = 'assumed-zero';
  if (options.mountingYawDeg !== undefined) {
    if (!Number.isFinite(options.mountingYawDeg) || Math.abs(options.mountingYawDeg) >= 90) {
      throw new Error(`mountingYawDeg must be a number between -90 and 90 degrees, got ${options.mountingYawDeg}.`);
    }
    fallbackYaw = options.mountingYawDeg;
    source = 'stated';
  }
  const yaws: number[] = new Array<number>(samples.length).fill(fallbackYaw);
  if (source !== 'stated') {
    const rockIdx = samples.flatMap((s, i) => (s.cue === 'calibrate:rock' ? [i] : []));
    const est = yawFromRockUps(rockIdx.map((i) => ups[i]!));
    if (est.ok) {
      source = 'rock';
      const from = mode === 'live' ? rockIdx[rockIdx.length - 1]! + 1 : 0;
      for (let i = from; i < samples.length; i++) yaws[i] = est.mountingYawDeg;
      if (mode === 'live' && from > 0)
        notes.push('Until the guided rock was over, the phone was assumed to point straight at the head.');
    } else {
      notes.push(
        `${est.reason} Without it, a roll of the pelvis could read as a tilt, so the phone's roll and tilt are not judged.`,
      );
    }
  }

  const roll: Array<number | null> = [];
  const pitch: Array<number | null> = [];
  for (let i = 0; i < samples.length; i++) {
    const z = zeros[i];
    if (z == null || slidOff[i]) {
      roll.push(null);
      pitch.push(null);
      continue;
    }
    const now = bodyTiltFromGravity(ups[i]!, yaws[i]!);
    const ref = bodyTiltFromGravity(z, yaws[i]!);
    roll.push(now.rollDeg - ref.rollDeg);
    pitch.push(wrapAngleDeg(now.pitchDeg - ref.pitchDeg));
  }
  const w = options.smoothingWindowSamples ?? SENSOR_SMOOTHING_WINDOW_SAMPLES;
  const rollS = smooth(roll, w, mode);
  const pitchS = smooth(pitch, w, mode);
  return {
    ok: true,
    samples: samples.map((s, i) =>
      withCue({ tMs: s.tMs, rollDeg: rollS[i] ?? null, pitchDeg: pitchS[i] ?? null }, s.cue),
    ),
    quality,
    mountingYawDeg: yaws[yaws.length - 1]!,
    mountingYawSource: source,
    notes,
  };
}

/**
 * Pelvic tilt (degrees, change from the set-up posture) for a phone upright in the waistband at
 * the back, top up. The tilt is the elevation of the screen normal (posterior direction for
 * 'backward'): anterior tilt swings the top of the pelvis forward, so the phone's back face turns
 * upward. The elevation of z does not change when the phone leans sideways in the waistband
 * (a turn about its own z), so no mounting yaw is needed here. The price: with the pelvis also
 * rolled by r, the elevation change is the pitch change scaled by about cos r (0.06% at 2 deg).
 */
export function waistbandTilt(
  input: ReadonlyArray<AnySensorSample>,
  options: WaistbandTiltOptions = {},
): WaistbandTiltResult {
  const mode = options.mode ?? 'recorded';
  const prep = prepare(input, mode);
  if (typeof prep === 'string') return { ok: false, reason: prep };
  const { samples, ups, zeros, slidOff, quality, notes } = prep;
  const sign = (options.screen ?? 'backward') === 'backward' ? 1 : -1;
  const elevation = (u: Point3) => Math.asin(clamp1(sign * u.z)) * RAD_TO_DEG;
  const tilt = samples.map((_, i) => {
    const z = zeros[i];
    return z == null || slidOff[i] ? null : elevation(ups[i]!) - elevation(z);
  });
  const tiltS = smooth(tilt, options.smoothingWindowSamples ?? SENSOR_SMOOTHING_WINDOW_SAMPLES, mode);
  return {
    ok: true,
    samples: samples.map((s, i) => withCue({ tMs: s.tMs, tiltDeg: tiltS[i] ?? null }, s.cue)),
    quality,
    notes,
  };
}

/** The first quality interval overlapping [startMs, endMs] (e.g. a rep), or null if the stream was clean there. */
export function qualityIssueIn(
  quality: ReadonlyArray<SensorQualityInterval>,
  startMs: number,
  endMs: number,
): SensorQualityInterval | null {
  return quality.find((q) => q.startMs <= endMs && q.endMs >= startMs) ?? null;
}

/** The sentence a user sees when a rep is not measurable because of this interval. */
export function describeQualityIssue(q: SensorQualityInterval): string {
  switch (q.reason) {
    case 'gap':
      return `The phone stopped sending readings for ${((q.endMs - q.startMs) / 1000).toFixed(1)} s, so this rep could not be measured.`;
    case 'jump':
      return 'The phone jerked faster than a pelvis moves (knocked or slipping), so this rep could not be measured.';
    case 'slid-off':
      return `The phone tipped more than ${SENSOR_SLID_OFF_TILT_DEG} degrees from the start position; it probably slid off your back, so this rep could not be measured.`;
  }
}
