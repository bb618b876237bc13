// Orientation samples from a phone (W3C deviceorientation angles or Generic Sensor quaternions),
// the spoken pacing cues that label them, and the parser for the app's CSV export. Parsing is a
// boundary: bad input returns a plain sentence saying what to fix, never throws.

import { median } from '../signal/stats.ts';
import { eulerFromQuaternion, type Quaternion } from './orientation.ts';

/** What the spoken pacing was asking for when the sample was taken. */
export const PACING_CUES = ['settle', 'calibrate:rock', 'reach:left-leg', 'reach:right-leg', 'hold', 'return'] as const;
export type PacingCue = (typeof PACING_CUES)[number];

export function isPacingCue(s: string): s is PacingCue {
  return (PACING_CUES as readonly string[]).includes(s);
}

/** One orientation reading: W3C angles in degrees (see orientation.ts for the convention). */
export interface SensorSample {
  readonly tMs: number;
  readonly alphaDeg: number;
  readonly betaDeg: number;
  readonly gammaDeg: number;
  readonly cue?: PacingCue;
}

/** A reading given as a device -> earth quaternion (RelativeOrientationSensor / AbsoluteOrientationSensor). */
export interface QuaternionSensorSample {
  readonly tMs: number;
  readonly q: Quaternion;
  readonly cue?: PacingCue;
}

export type AnySensorSample = SensorSample | QuaternionSensorSample;

function isQuaternionSample(s: AnySensorSample): s is QuaternionSensorSample {
  return 'q' in s;
}

/** Converts quaternion samples to W3C angles; angle samples pass through unchanged. */
export function toSensorSample(s: AnySensorSample): SensorSample {
  if (!isQuaternionSample(s)) return s;
  const e = eulerFromQuaternion(s.q);
  return s.cue === undefined ? { tMs: s.tMs, ...e } : { tMs: s.tMs, ...e, cue: s.cue };
}

export function toSensorSamples(samples: ReadonlyArray<AnySensorSample>): SensorSample[] {
  return samples.map(toSensorSample);
}

export type ParseSensorCsvResult =
  { readonly ok: true; readonly samples: SensorSample[] } | { readonly ok: false; readonly reason: string };

const REQUIRED_COLUMNS = ['tMs', 'alpha', 'beta', 'gamma'] as const;
type NumericColumn = (typeof REQUIRED_COLUMNS)[number];

/** W3C ranges. alpha 360 and beta 180 are accepted as the same as 0 and -180 (browsers emit both). */
const RANGES: Record<Exclude<NumericColumn, 'tMs'>, readonly [number, number]> = {
  alpha: [0, 360],
  beta: [-180, 180],
  gamma: [-90, 90],
};

function splitCsvLine(line: string): string[] {
  return line.split(',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** The longest recording analysed at once: a test or a stretch session takes minutes, not hours. */
export const MAX_RECORDING_MINUTES = 60;
/**
 * The time must move on at least this often to time a movement: a reach takes about 2 s and the
 * phone's gap rule starts at 250 ms; phones report about 60 readings a second.
 */
export const MAX_SAMPLE_STEP_MS = 100;

/**
 * Why these timestamps cannot time a movement, or null. Equal timestamps are allowed (some
 * browsers repeat one, and a log may hold each row twice), but the time must move on at least
 * every MAX_SAMPLE_STEP_MS (times rounded to whole seconds do not) and must not stand still, and
 * the recording must not be far longer than a session.
 */
export function timingProblem(samples: ReadonlyArray<{ readonly tMs: number }>): string | null {
  const n = samples.length;
  if (n < 2) return null;
  const spanMs = samples[n - 1]!.tMs - samples[0]!.tMs;
  if (spanMs === 0)
    return `All ${n} samples have the same time (${samples[0]!.tMs} ms), so the movement cannot be timed; tMs must count milliseconds from the start of the recording.`;
  if (spanMs > MAX_RECORDING_MINUTES * 60_000)
    return `The recording is ${Math.ceil(spanMs / 60_000)} minutes long, more than the ${MAX_RECORDING_MINUTES} minutes steadyback analyses at once; keep only the session you want analysed and try again.`;
  const steps: number[] = [];
  for (let i = 1; i < n; i++)
    if (samples[i]!.tMs > samples[i - 1]!.tMs) steps.push(samples[i]!.tMs - samples[i - 1]!.tMs);
  const stepMs = Math.round(median(steps)!);
  if (stepMs > MAX_SAMPLE_STEP_MS) {
    const repeats = n - 1 - steps.length;
    return repeats > 0
      ? `${repeats} of ${n} samples have the same time as the one before, and the time moves on only about every ${stepMs} ms, too seldom to time a movement; export the recording with times in milliseconds.`
      : `The samples are about ${stepMs} ms apart, too far apart to time a movement (it needs at least ${1000 / MAX_SAMPLE_STEP_MS} a second); record with the app, which takes about 60 a second.`;
  }
  return null;
}

interface CsvColumns {
  readonly index: Record<NumericColumn, number>;
  readonly cue: number;
}

/** The header's column positions, or why the header will not do. */
function readHeader(line: string): CsvColumns | string {
  const header = splitCsvLine(line).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => col(c) < 0);
  if (missing.length > 0) {
    return `The header line is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the first line must name tMs, alpha, beta and gamma (and optionally cue).`;
  }
  return { index: { tMs: col('tMs'), alpha: col('alpha'), beta: col('beta'), gamma: col('gamma') }, cue: col('cue') };
}

/** One sample line, or why it is not one. */
function readRow(cells: readonly string[], lineNo: number, cols: CsvColumns): SensorSample | string {
  const values: Partial<Record<NumericColumn, number>> = {};
  for (const c of REQUIRED_COLUMNS) {
    const cell = cells[cols.index[c]] ?? '';
    const v = cell === '' ? Number.NaN : Number(cell);
    if (!Number.isFinite(v))
      return `Line ${lineNo} has a non-numeric ${c} value "${cell}"; every sample needs numbers for tMs, alpha, beta and gamma.`;
    values[c] = v;
  }
  for (const c of ['alpha', 'beta', 'gamma'] as const) {
    const [lo, hi] = RANGES[c];
    const v = values[c]!;
    if (v < lo || v > hi)
      return `Line ${lineNo} has ${c} = ${v}, outside ${lo} to ${hi} degrees; export the device orientation angles in W3C degrees.`;
  }
  const cue = cols.cue >= 0 ? (cells[cols.cue] ?? '') : '';
  if (cue !== '' && !isPacingCue(cue))
    return `Line ${lineNo} has an unknown cue "${cue}"; use one of ${PACING_CUES.join(', ')} or leave it empty.`;
  const base = {
    tMs: values.tMs!,
    alphaDeg: values.alpha! % 360,
    betaDeg: values.beta! === 180 ? -180 : values.beta!,
    gammaDeg: values.gamma!,
  };
  return cue === '' ? base : { ...base, cue: cue as PacingCue };
}

/**
 * Parses the app's export: a header line naming at least tMs, alpha, beta, gamma (any order,
 * case-insensitive; an optional cue column; other columns ignored), then one sample per line.
 * Blank lines are skipped. A cue marks the moment it was spoken; the analysis reads it as lasting
 * until the next one. Times may repeat now and then (see timingProblem), but not go backwards.
 */
export function parseSensorCsv(text: string): ParseSensorCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  if (firstIdx < 0) return fail('The file is empty; export a sensor recording from the app and try again.');
  const cols = readHeader(lines[firstIdx]!);
  if (typeof cols === 'string') return fail(cols);
  const samples: SensorSample[] = [];
  for (let i = firstIdx + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const sample = readRow(splitCsvLine(raw), i + 1, cols);
    if (typeof sample === 'string') return fail(sample);
    const prev = samples[samples.length - 1];
    if (prev !== undefined && sample.tMs < prev.tMs)
      return fail(
        `Timestamps go backwards on line ${i + 1} (${sample.tMs} ms after ${prev.tMs} ms); sort the samples by tMs.`,
      );
    samples.push(sample);
  }
  if (samples.length < 2) {
    return fail(
      `The file has ${samples.length} sample${samples.length === 1 ? '' : 's'}; a recording needs at least 2 to measure anything.`,
    );
  }
  const timing = timingProblem(samples);
  return timing === null ? { ok: true, samples } : fail(timing);
}

function fail(reason: string): ParseSensorCsvResult {
  return { ok: false, reason };
}

/** Writes samples in the app's export format (the inverse of parseSensorCsv). */
export function formatSensorCsv(samples: ReadonlyArray<SensorSample>): string {
  const rows = ['tMs,alpha,beta,gamma,cue'];
  for (const s of samples)
    rows.push(
      `${round(s.tMs, 1)},${round(s.alphaDeg, 3)},${round(s.betaDeg, 3)},${round(s.gammaDeg, 3)},${s.cue ?? ''}`,
    );
  return rows.join('\n') + '\n';
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
