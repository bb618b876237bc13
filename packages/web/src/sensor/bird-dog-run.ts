// One phone-on-the-back bird-dog set, driven by the app's clock: plays the pacing schedule, keeps
// an even 50 Hz series of the latest orientation reading labelled with the cue playing, and gives
// the live level (core's pelvisTilt in live mode: past samples only) and when to beep. No DOM here,
// so the same run is unit-tested in Node with generated phone readings.

import {
  BIRD_DOG_THRESHOLDS,
  analyzeBirdDog,
  birdDogPacing,
  pacingAt,
  pelvisInputFromSamples,
  pelvisTilt,
  type BirdDogResult,
  type PacingSegment,
  type SensorSample,
} from '@steadyback/core';

export const SAMPLE_INTERVAL_MS = 20;
/** The level is recomputed on every sample: it only looks at the rock and the current rep (about a millisecond). */
export const LEVEL_INTERVAL_MS = SAMPLE_INTERVAL_MS;
/** Beep when the pelvis rolls into R1's amber band during a reach or hold; at most once a second. */
export const BEEP_ROLL_DEG = BIRD_DOG_THRESHOLDS.R1_ROLL_AMBER_DEG;
export const BEEP_COOLDOWN_MS = 1000;

export interface Level {
  readonly rollDeg: number;
  readonly pitchDeg: number;
}

export interface TickOutput {
  readonly segment: PacingSegment;
  /** True on the tick a new segment starts (say its words). */
  readonly segmentChanged: boolean;
  readonly level: Level | null;
  readonly beep: boolean;
  readonly done: boolean;
  /** No reading from the phone for over a second. */
  readonly sensorSilent: boolean;
}

export class BirdDogSensorRun {
  readonly segments: PacingSegment[];
  readonly samples: SensorSample[] = [];
  /** The guided rock's samples (they give the phone's turn on the back) and where the current rep's settle began. */
  private readonly rockSamples: SensorSample[] = [];
  private repFrom = 0;
  private lastIndex = -1;
  private lastLevelMs = -Infinity;
  private lastBeepMs = -Infinity;
  private level: Level | null = null;
  beeps = 0;

  constructor(options: { repsPerSide?: number; holdMs?: number; resumeSamples?: readonly SensorSample[] } = {}) {
    this.segments = birdDogPacing({ repsPerSide: options.repsPerSide ?? 3, holdMs: options.holdMs ?? 5000 });
    if (options.resumeSamples) this.samples.push(...options.resumeSamples);
  }

  get durationMs(): number {
    return this.segments.at(-1)!.endMs;
  }

  /** tMs: time since the set started; reading: the newest phone orientation, or null. */
  tick(tMs: number, reading: { alpha: number; beta: number; gamma: number } | null): TickOutput {
    const { segment, index, done } = pacingAt(this.segments, tMs);
    const segmentChanged = index !== this.lastIndex;
    this.lastIndex = index;
    if (segmentChanged && segment.cue === 'settle') this.repFrom = this.samples.length;
    if (reading && !done) {
      const sample: SensorSample = {
        tMs,
        alphaDeg: reading.alpha,
        betaDeg: reading.beta,
        gammaDeg: reading.gamma,
        cue: segment.cue,
      };
      this.samples.push(sample);
      if (segment.cue === 'calibrate:rock') this.rockSamples.push(sample);
    }
    let beep = false;
    if (tMs - this.lastLevelMs >= LEVEL_INTERVAL_MS && this.samples.length >= 2) {
      this.lastLevelMs = tMs;
      // The same live pipeline as over the whole set: the yaw comes from the rock, the zero from this rep's settle.
      const live = pelvisTilt(
        this.repFrom > 0 ? [...this.rockSamples, ...this.samples.slice(this.repFrom)] : this.samples,
        { mode: 'live' },
      );
      const last = live.ok ? live.samples.at(-1) : undefined;
      this.level =
        last && last.rollDeg !== null && last.pitchDeg !== null
          ? { rollDeg: last.rollDeg, pitchDeg: last.pitchDeg }
          : null;
      const reaching = segment.cue === 'hold' || segment.cue.startsWith('reach:');
      if (
        reaching &&
        this.level &&
        Math.abs(this.level.rollDeg) >= BEEP_ROLL_DEG &&
        tMs - this.lastBeepMs >= BEEP_COOLDOWN_MS
      ) {
        this.lastBeepMs = tMs;
        this.beeps++;
        beep = true;
      }
    }
    return { segment, segmentChanged, level: this.level, beep, done, sensorSilent: reading === null };
  }

  /** The bird-dog analysis of everything recorded (also of a set cut short). */
  analyse(): { ok: true; result: BirdDogResult } | { ok: false; reason: string } {
    return analyseSamples(this.samples);
  }
}

export function analyseSamples(
  samples: readonly SensorSample[],
): { ok: true; result: BirdDogResult } | { ok: false; reason: string } {
  if (samples.length < 10)
    return {
      ok: false,
      reason:
        'The phone sent no movement readings, so nothing could be measured. Check that motion access is allowed and try again.',
    };
  const pelvis = pelvisInputFromSamples(samples, 'recorded');
  if (!pelvis.ok) return pelvis;
  try {
    return { ok: true, result: analyzeBirdDog({ pelvis: pelvis.pelvis }) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : 'The readings could not be analysed.' };
  }
}
