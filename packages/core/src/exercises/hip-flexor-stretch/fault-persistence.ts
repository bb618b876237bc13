// Turning moment-by-moment fault candidates into faults, for the camera and the phone alike: a
// fault counts once it has lasted FAULT_PERSIST_MS (single frames can be tens of degrees off) and
// ends when it stops. Also the phone's own candidates (C1s arching, C5 rocking), so the camera-
// and-phone analysis and the phone-only hold judge the waistband by the same rules.

import { STRETCH_CUES, STRETCH_THRESHOLDS as T } from './thresholds.ts';
import type { FaultRule, FaultSource, StretchFault } from './result.ts';

export type StretchCueKey = keyof typeof STRETCH_CUES;

export interface FaultCandidate {
  readonly rule: FaultRule;
  readonly source: FaultSource;
  readonly cue: StretchCueKey;
}

export class FaultPersistence {
  readonly faults: StretchFault[] = [];
  private readonly active = new Map<string, { sinceMs: number; fault: StretchFault | null }>();

  /** This moment's candidates -> whether any confirmed fault is active, and the cues of those faults. */
  update(tMs: number, now: readonly FaultCandidate[]): { anyConfirmed: boolean; cueKeys: StretchCueKey[] } {
    const keys = new Set(now.map((n) => `${n.rule}:${n.source}`));
    for (const [key, st] of this.active) {
      if (!keys.has(key)) {
        if (st.fault) (st.fault as { endMs: number }).endMs = tMs;
        this.active.delete(key);
      }
    }
    for (const n of now) {
      const key = `${n.rule}:${n.source}`;
      const st = this.active.get(key) ?? { sinceMs: tMs, fault: null };
      if (!st.fault && tMs - st.sinceMs >= T.FAULT_PERSIST_MS) {
        st.fault = { rule: n.rule, atMs: st.sinceMs, endMs: tMs, source: n.source };
        this.faults.push(st.fault);
      }
      this.active.set(key, st);
    }
    const anyConfirmed = [...this.active.values()].some((s) => s.fault !== null);
    const cueKeys = now.filter((n) => this.active.get(`${n.rule}:${n.source}`)?.fault).map((n) => n.cue);
    return { anyConfirmed, cueKeys };
  }

  /** Ends every open fault at tMs (the hold is over). */
  close(tMs: number): void {
    for (const a of this.active.values()) if (a.fault) (a.fault as { endMs: number }).endMs = tMs;
  }
}

/**
 * Bouncing: count swings, reversals of at least `minSwingDeg` from the last turning point, so
 * landmark jitter (a degree or two after filtering) never counts; two swings make one cycle.
 */
export function oscillation(
  values: readonly number[],
  minSwingDeg: number = T.C5_PEAK_TO_PEAK_DEG,
): { peakToPeak: number; cycles: number } {
  if (values.length < 3) return { peakToPeak: 0, cycles: 0 };
  const p2p = Math.max(...values) - Math.min(...values);
  let hi = values[0]!,
    lo = values[0]!;
  let dir: 1 | -1 | 0 = 0;
  let swings = 0;
  for (const v of values) {
    if (dir >= 0) {
      hi = Math.max(hi, v);
      if (hi - v >= minSwingDeg) {
        if (dir === 1) swings++;
        dir = -1;
        lo = v;
      } else if (dir === 0 && v - lo >= minSwingDeg) {
        dir = 1;
        hi = v;
      }
    }
    if (dir <= 0) {
      lo = Math.min(lo, v);
      if (v - lo >= minSwingDeg) {
        if (dir === -1) swings++;
        dir = 1;
        hi = v;
      }
    }
  }
  return { peakToPeak: p2p, cycles: swings / 2 };
}

/** The phone in the waistband: C1 when the pelvis tips forward past the red band, C5 when it rocks. */
export function waistbandCandidates(
  riseDeg: number,
  recentTiltDeg: readonly number[],
): { candidates: FaultCandidate[]; amberCue: boolean } {
  const candidates: FaultCandidate[] = [];
  if (riseDeg > T.C1S_RED_DEG) candidates.push({ rule: 'C1', source: 'sensor', cue: 'C1s' });
  const osc = oscillation(recentTiltDeg);
  if (osc.peakToPeak > T.C5_PEAK_TO_PEAK_DEG && osc.cycles >= T.C5_MIN_CYCLES)
    candidates.push({ rule: 'C5', source: 'sensor', cue: 'C5' });
  return { candidates, amberCue: riseDeg > T.C1S_AMBER_DEG && riseDeg <= T.C1S_RED_DEG };
}
