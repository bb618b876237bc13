// What both phone mountings share before any angle is read: the samples checked and in W3C
// angles, each cue lasting until the next, gravity's direction per sample, the settled posture
// that is each sample's zero, and the intervals the stream could not be trusted.

import type { Point3 } from '../pose/geometry.ts';
import { gravityUpInDevice } from './orientation.ts';
import { angleBetweenDeg, medianDirection } from './vector.ts';
import { timingProblem, toSensorSamples, type AnySensorSample, type SensorSample } from './sensor-series.ts';
import {
  SENSOR_CALIBRATION_WINDOW_MS,
  SENSOR_MAX_ANGULAR_SPEED_DEG_PER_S,
  SENSOR_MAX_GAP_MS,
  SENSOR_SLID_OFF_TILT_DEG,
} from './thresholds.ts';

export type SensorQualityReason = 'gap' | 'jump' | 'slid-off';

export interface SensorQualityInterval {
  readonly startMs: number;
  readonly endMs: number;
  readonly reason: SensorQualityReason;
}

/** 'live': past samples only (calibration as it becomes known, trailing median); 'recorded': the whole recording, centred median. */
export type SensorMode = 'live' | 'recorded';

export interface Prepared {
  readonly samples: SensorSample[];
  readonly ups: Point3[];
  /** The calibration up-vector that applies to each sample; null = none yet (live). */
  readonly zeros: Array<Point3 | null>;
  readonly quality: SensorQualityInterval[];
  readonly slidOff: boolean[];
  readonly notes: string[];
}

function validate(samples: ReadonlyArray<SensorSample>): string | null {
  if (samples.length < 2)
    return `The recording has ${samples.length} sample${samples.length === 1 ? '' : 's'}; at least 2 are needed.`;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (![s.tMs, s.alphaDeg, s.betaDeg, s.gammaDeg].every(Number.isFinite))
      return `Sample ${i + 1} has a missing or non-numeric value.`;
    if (i > 0 && s.tMs < samples[i - 1]!.tMs)
      return `Timestamps go backwards at sample ${i + 1}; sort the samples by tMs.`;
  }
  return timingProblem(samples);
}

function pushInterval(list: SensorQualityInterval[], iv: SensorQualityInterval): void {
  // Merge with an overlapping or touching interval of the same reason, so one event is one interval.
  for (let k = list.length - 1; k >= 0; k--) {
    const o = list[k]!;
    if (o.reason === iv.reason && iv.startMs <= o.endMs && iv.endMs >= o.startMs) {
      list[k] = { startMs: Math.min(o.startMs, iv.startMs), endMs: Math.max(o.endMs, iv.endMs), reason: o.reason };
      return;
    }
  }
  list.push(iv);
}

/** Each run of consecutive true entries, as [first, last] indices. */
function runsOf(mask: readonly boolean[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const start = i;
    while (i + 1 < mask.length && mask[i + 1]) i++;
    runs.push([start, i]);
  }
  return runs;
}

/** A cue marks the moment it was spoken and lasts until the next one, however the log wrote it. */
export function withCuesHeld(samples: readonly SensorSample[]): SensorSample[] {
  let cue: SensorSample['cue'];
  return samples.map((s) => {
    if (s.cue !== undefined) cue = s.cue;
    return s.cue === undefined && cue !== undefined ? { ...s, cue } : s;
  });
}

/**
 * Which samples show the settled posture: those cued 'settle', plus the first second while
 * nothing is cued yet (recordings made without pacing).
 */
function settledMask(samples: readonly SensorSample[], notes: string[]): boolean[] {
  const t0 = samples[0]!.tMs;
  const isSettle: boolean[] = [];
  let anyCueSoFar = false;
  for (const s of samples) {
    if (s.cue !== undefined) anyCueSoFar = true;
    isSettle.push(s.cue === 'settle' || (!anyCueSoFar && s.tMs - t0 < SENSOR_CALIBRATION_WINDOW_MS));
  }
  if (!isSettle.some(Boolean)) {
    for (let i = 0; i < samples.length && samples[i]!.tMs - t0 < SENSOR_CALIBRATION_WINDOW_MS; i++) isSettle[i] = true;
    notes.push(
      'No settle cue came before the first cued sample: the first 1 s was taken as the settled start posture.',
    );
  } else if (!samples.some((s) => s.cue === 'settle')) {
    notes.push('The recording has no settle cues: the first 1 s was taken as the settled start posture.');
  }
  return isSettle;
}

/**
 * Keeps the zero posture as settled stretches arrive: a settled posture far off the first one
 * means the phone slid, so the earlier zero is kept (noted once).
 */
function zeroKeeper(notes: string[]): { accept: (z: Point3, atMs: number) => void; current: () => Point3 | null } {
  let first: Point3 | null = null;
  let current: Point3 | null = null;
  const accept = (z: Point3, atMs: number): void => {
    if (first !== null && angleBetweenDeg(z, first) > SENSOR_SLID_OFF_TILT_DEG) {
      if (!notes.some((n) => n.startsWith('A settled posture'))) {
        notes.push(
          `A settled posture at ${Math.round(atMs)} ms was more than ${SENSOR_SLID_OFF_TILT_DEG} degrees off the start posture (the phone probably slid), so the earlier zero was kept.`,
        );
      }
      return;
    }
    first ??= z;
    current = z;
  };
  return { accept, current: () => current };
}

/** The median up-vector over the last SENSOR_CALIBRATION_WINDOW_MS of samples from..to (inclusive). */
function windowMedian(samples: readonly SensorSample[], ups: readonly Point3[], from: number, to: number): Point3 {
  const tEnd = samples[to]!.tMs;
  const win: Point3[] = [];
  for (let k = to; k >= from && tEnd - samples[k]!.tMs <= SENSOR_CALIBRATION_WINDOW_MS; k--) win.push(ups[k]!);
  return medianDirection(win);
}

/** Recorded: each settled stretch is the zero from its start until the next one; before the first, the first. */
function recordedZeros(
  samples: readonly SensorSample[],
  ups: readonly Point3[],
  isSettle: readonly boolean[],
  notes: string[],
): Array<Point3 | null> {
  const keeper = zeroKeeper(notes);
  const segZeros: Array<{ start: number; zero: Point3 | null }> = [];
  for (const [i, j] of runsOf(isSettle)) {
    keeper.accept(windowMedian(samples, ups, i, j), samples[i]!.tMs);
    segZeros.push({ start: i, zero: keeper.current() });
  }
  const zeros: Array<Point3 | null> = [];
  let seg = 0;
  for (let i = 0; i < samples.length; i++) {
    while (seg + 1 < segZeros.length && segZeros[seg + 1]!.start <= i) seg++;
    zeros.push(segZeros[seg]?.zero ?? null);
  }
  return zeros;
}

/** Live: the zero as it becomes known, from past samples only. */
function liveZeros(
  samples: readonly SensorSample[],
  ups: readonly Point3[],
  isSettle: readonly boolean[],
  notes: string[],
): Array<Point3 | null> {
  const keeper = zeroKeeper(notes);
  const zeros: Array<Point3 | null> = [];
  let segStart = -1;
  for (let i = 0; i < samples.length; i++) {
    if (isSettle[i]) {
      if (segStart < 0) segStart = i;
      keeper.accept(windowMedian(samples, ups, segStart, i), samples[i]!.tMs);
    } else {
      segStart = -1;
    }
    zeros.push(keeper.current());
  }
  if (zeros[0] === null)
    notes.push('The stream started before any settled posture, so the first samples have no zero.');
  return zeros;
}

/** Gaps, jumps and slid-off runs: where the phone's readings cannot be trusted. */
function qualityOf(
  samples: readonly SensorSample[],
  ups: readonly Point3[],
  zeros: ReadonlyArray<Point3 | null>,
): { quality: SensorQualityInterval[]; slidOff: boolean[] } {
  const quality: SensorQualityInterval[] = [];
  const slidOff: boolean[] = [];
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const z = zeros[i];
    slidOff.push(z != null && angleBetweenDeg(ups[i]!, z) > SENSOR_SLID_OFF_TILT_DEG);
    if (i === 0) continue;
    const p = samples[i - 1]!;
    const dt = s.tMs - p.tMs;
    if (dt > SENSOR_MAX_GAP_MS) pushInterval(quality, { startMs: p.tMs, endMs: s.tMs, reason: 'gap' });
    if (dt > 0 && (angleBetweenDeg(ups[i - 1]!, ups[i]!) / dt) * 1000 > SENSOR_MAX_ANGULAR_SPEED_DEG_PER_S) {
      pushInterval(quality, { startMs: p.tMs, endMs: s.tMs, reason: 'jump' });
    }
  }
  return { quality: withSlidOffRuns(quality, samples, slidOff), slidOff };
}

/** Gravity vectors, the zero for each sample and the quality intervals: shared by both mountings. */
export function prepare(input: ReadonlyArray<AnySensorSample>, mode: SensorMode): Prepared | string {
  const samples = withCuesHeld(toSensorSamples(input));
  const bad = validate(samples);
  if (bad !== null) return bad;
  const notes: string[] = [];
  const ups = samples.map((s) => gravityUpInDevice(s.betaDeg, s.gammaDeg));
  const isSettle = settledMask(samples, notes);
  const zeros =
    mode === 'recorded' ? recordedZeros(samples, ups, isSettle, notes) : liveZeros(samples, ups, isSettle, notes);
  const { quality, slidOff } = qualityOf(samples, ups, zeros);
  return { samples, ups, zeros, quality, slidOff, notes };
}

/** Each run of consecutive slid-off samples becomes one interval; the result is sorted by start. */
function withSlidOffRuns(
  others: SensorQualityInterval[],
  samples: readonly SensorSample[],
  slidOff: readonly boolean[],
): SensorQualityInterval[] {
  const runs = runsOf(slidOff).map(([i, j]): SensorQualityInterval => ({
    startMs: samples[i]!.tMs,
    endMs: samples[j]!.tMs,
    reason: 'slid-off',
  }));
  return [...others, ...runs].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
