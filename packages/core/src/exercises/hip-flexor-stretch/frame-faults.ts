// The faults one frame of a hold shows from the camera: C1 arching or the back thigh lifting, C2
// leaning forward, C4 past the depth cap, C5 bouncing; rocking (C5) from any view.

import { median } from '../../signal/stats.ts';
import { oscillation, type FaultCandidate } from './fault-persistence.ts';
import type { FrameAngles } from './frame-angles.ts';
import { STRETCH_THRESHOLDS as T } from './thresholds.ts';

export interface HoldFrame {
  readonly angles: readonly FrameAngles[];
  /** This frame, and the frame the hold started at. */
  readonly i: number;
  readonly startIdx: number;
  readonly setupTrunkLeanDeg: number;
  /** Hip extension against the set-up, per frame of the part (null where unknown or not yet read). */
  readonly deltaHE: ReadonlyArray<number | null>;
  readonly depthCapDeg: number | undefined;
  readonly rate: number;
}

/** The faults a side view can judge on this frame (C1, C2, C4, C5). */
export function sideViewFaults(h: HoldFrame): FaultCandidate[] {
  const { angles, i, startIdx } = h;
  const a = angles[i]!;
  const dHE = h.deltaHE[i] ?? null;
  const now: FaultCandidate[] = [];
  const setupThigh = median(
    angles.slice(Math.max(0, startIdx - Math.round(h.rate)), startIdx + 1).map((x) => x.thighBehindDeg),
  );
  const leanBack = a.trunkLeanDeg !== null ? a.trunkLeanDeg - h.setupTrunkLeanDeg : null;
  const thighRise = a.thighBehindDeg !== null && setupThigh !== null ? a.thighBehindDeg - setupThigh : null;
  const c1 =
    (leanBack !== null && leanBack > T.C1_LEAN_BACK_DEG && a.trunkLeanDeg! > 0) ||
    (thighRise !== null && dHE !== null && thighRise > T.C1_THIGH_RISE_DEG && dHE < thighRise / 2);
  if (c1) now.push({ rule: 'C1', source: 'camera', cue: 'C1' });
  if (a.trunkLeanDeg !== null && a.trunkLeanDeg < -T.C2_FORWARD_LEAN_DEG)
    now.push({ rule: 'C2', source: 'camera', cue: 'C2' });
  if (h.depthCapDeg !== undefined && dHE !== null && dHE > h.depthCapDeg)
    now.push({ rule: 'C4', source: 'camera', cue: 'C4' });
  if (bouncing(h)) now.push({ rule: 'C5', source: 'camera', cue: 'C5' });
  return now;
}

/** The last C5_WINDOW_MS of this hold (a window walk, not a scan from the start: the app re-runs this live). */
function bouncing({ angles, i, startIdx, deltaHE }: HoldFrame): boolean {
  const t = angles[i]!.tMs;
  const win: number[] = [];
  for (let j = i; j >= startIdx && angles[j]!.tMs >= t - T.C5_WINDOW_MS; j--) {
    const v = deltaHE[j];
    if (v !== null && v !== undefined) win.push(v);
  }
  win.reverse();
  const osc = oscillation(win);
  return osc.peakToPeak > T.C5_PEAK_TO_PEAK_DEG && osc.cycles >= T.C5_MIN_CYCLES;
}

/** Rocking: the hips moving forward and back over the kneeling knee shows from any view. */
export function rocking({ angles, i, startIdx }: HoldFrame): boolean {
  const t = angles[i]!.tMs;
  const shift: number[] = [];
  for (let j = i; j >= startIdx && angles[j]!.tMs >= t - T.C5_ROCK_WINDOW_MS; j--) {
    const v = angles[j]!.hipForwardShare;
    if (v !== null) shift.unshift(v);
  }
  const rock = oscillation(shift, T.C5_ROCK_MIN_SWING_SHARE);
  return rock.cycles >= T.C5_MIN_CYCLES;
}
