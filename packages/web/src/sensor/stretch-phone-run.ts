// One phone-only stretch hold, driven by the app's clock: 3 s to settle in the set-up (the phone
// takes its zero), then the hold. Samples the newest orientation at 50 Hz, turns them into pelvic
// tilt with core's waistband pipeline (live) and judges them with core's WaistbandHoldTracker.
// No DOM, so it is unit-tested in Node with generated phone readings.

import {
  WaistbandHoldTracker,
  waistbandInputFromSamples,
  type SensorSample,
  type WaistbandHoldState,
} from '@steadyback/core';

export const STRETCH_SETTLE_MS = 3000;
const TILT_INTERVAL_MS = 100;

export type PhoneHoldPhase = 'settle' | 'hold';

export class StretchPhoneRun {
  readonly samples: SensorSample[] = [];
  private readonly tracker = new WaistbandHoldTracker();
  private judgedUpTo = -Infinity;
  private lastTiltMs = -Infinity;
  private state: WaistbandHoldState | null = null;

  phaseAt(tMs: number): PhoneHoldPhase {
    return tMs < STRETCH_SETTLE_MS ? 'settle' : 'hold';
  }

  /** tMs since the hold attempt began; reading: the newest phone orientation, or null. */
  tick(
    tMs: number,
    reading: { alpha: number; beta: number; gamma: number } | null,
  ): { phase: PhoneHoldPhase; state: WaistbandHoldState | null; cues: Array<{ text: string; atMs: number }> } {
    const phase = this.phaseAt(tMs);
    if (reading)
      this.samples.push({
        tMs,
        alphaDeg: reading.alpha,
        betaDeg: reading.beta,
        gammaDeg: reading.gamma,
        cue: phase === 'settle' ? 'settle' : 'hold',
      });
    const cues: Array<{ text: string; atMs: number }> = [];
    if (phase === 'hold' && tMs - this.lastTiltMs >= TILT_INTERVAL_MS && this.samples.length >= 2) {
      this.lastTiltMs = tMs;
      const tilt = waistbandInputFromSamples(this.samples, 'live');
      if (tilt.ok) {
        for (const s of tilt.waistband.samples) {
          if (s.tMs <= this.judgedUpTo || s.tMs < STRETCH_SETTLE_MS) continue;
          this.judgedUpTo = s.tMs;
          this.state = this.tracker.push(s.tMs, s.tiltDeg);
          if (this.state.cue) cues.push({ text: this.state.cue.text, atMs: this.state.cue.atMs });
        }
      }
    }
    return { phase, state: this.state, cues };
  }

  finish(tMs: number): { goodFormMs: number; faults: WaistbandHoldState['faults'] } {
    return this.tracker.finish(tMs);
  }
}
