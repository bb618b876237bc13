// A stretch hold judged by the phone alone, upright in the waistband at the back (DESIGN.md 3b:
// "works with the phone alone"). The phone cannot see the set-up or the knees, so the person is
// told which knee to kneel on and the hold starts when the app says so; from then on the same
// waistband rules as in the camera-and-phone analysis (C1 arching from pelvic tilt, C5 rocking),
// the same persistence and one-cue-at-a-time scheduler, and a timer that counts only good form.
// Past samples only, so the app runs it live.

import { CueScheduler } from './cue-scheduler.ts';
import { FaultPersistence, waistbandCandidates, type StretchCueKey } from './fault-persistence.ts';
import type { StretchFault } from './result.ts';
import { CUE_COOLDOWN_MS, CUE_PRIORITY, CUE_REPEAT_MS, STRETCH_CUES, STRETCH_THRESHOLDS as T } from './thresholds.ts';

/** A gap longer than this between phone samples is not counted as good form (the phone was not measuring). */
export const WAISTBAND_MAX_GAP_MS = 250;

export interface WaistbandHoldState {
  readonly tMs: number;
  /** Pelvic tilt change from the set-up, degrees (positive = tipping forward, arching); null when the phone has no zero yet. */
  readonly riseDeg: number | null;
  readonly goodFormMs: number;
  readonly faults: readonly StretchFault[];
  /** A cue to say and show now, if any. */
  readonly cue: { readonly rule: StretchCueKey; readonly text: string; readonly atMs: number } | null;
}

export class WaistbandHoldTracker {
  private readonly persistence = new FaultPersistence();
  private readonly scheduler = new CueScheduler<StretchCueKey>({
    priority: CUE_PRIORITY,
    cooldownMs: CUE_COOLDOWN_MS,
    repeatMs: CUE_REPEAT_MS,
  });
  private readonly recent: Array<{ tMs: number; tiltDeg: number }> = [];
  private lastTMs: number | null = null;
  private good = 0;

  /** One phone sample: its time and the pelvic tilt change from the set-up (null: not measurable). */
  push(tMs: number, tiltDeg: number | null): WaistbandHoldState {
    const dt = this.lastTMs === null ? 0 : tMs - this.lastTMs;
    this.lastTMs = tMs;
    if (tiltDeg === null) {
      this.persistence.update(tMs, []);
      return { tMs, riseDeg: null, goodFormMs: this.good, faults: this.persistence.faults, cue: null };
    }
    this.recent.push({ tMs, tiltDeg });
    while (this.recent.length > 0 && this.recent[0]!.tMs < tMs - T.C5_WINDOW_MS) this.recent.shift();
    const phone = waistbandCandidates(
      tiltDeg,
      this.recent.map((s) => s.tiltDeg),
    );
    const judged = this.persistence.update(tMs, phone.candidates);
    if (!judged.anyConfirmed && dt > 0 && dt <= WAISTBAND_MAX_GAP_MS) this.good += dt;
    const offered: StretchCueKey[] = judged.cueKeys.length > 0 ? judged.cueKeys : phone.amberCue ? ['C1s'] : [];
    const scheduled = this.scheduler.offer(tMs, offered);
    return {
      tMs,
      riseDeg: tiltDeg,
      goodFormMs: this.good,
      faults: this.persistence.faults,
      cue: scheduled ? { rule: scheduled.key, text: STRETCH_CUES[scheduled.key], atMs: tMs } : null,
    };
  }

  /** Ends the hold: open faults end now. */
  finish(tMs: number): { goodFormMs: number; faults: StretchFault[] } {
    this.persistence.close(tMs);
    return { goodFormMs: Math.round(this.good), faults: [...this.persistence.faults] };
  }
}
