// The phone on the pelvis: R1 pelvic roll, R4s pelvic tilt as the leg goes up, R3 early pelvic
// motion (the pelvis rolling before the leg is halfway up).

import { median } from '../../../signal/stats.ts';
import type { TrackedForRules } from '../camera-reading.ts';
import { limbSignal } from '../camera-signals.ts';
import type { PelvisInput } from '../input.ts';
import type { Limb } from '../phases.ts';
import type { BodySide, Metric } from '../result.ts';
import { BIRD_DOG_THRESHOLDS as T } from '../thresholds.ts';
import { band, pelvicRollBand } from '../bands.ts';
import { indicesIn, nm, round1, type RepContext, type RuleCheck } from './rule-check.ts';

/** Without the guided rock the phone's turn on the back is unknown, and roll cannot be told from tilt. */
export const UNKNOWN_MOUNTING =
  'Not measurable: the recording has no guided rock, so we cannot tell which way the phone lay on your back, and a pelvic roll could read as a tilt; start the test in the app, which guides the rock.';

interface PelvisMotion {
  roll: number;
  rollT: number;
  pitch: number;
  pitchT: number;
  /** When the roll first reached the R3 onset, or null. */
  onsetT: number | null;
}

export const checkPhone: RuleCheck = ({ rep: r, ctx, liftedLeg }) => {
  const p = ctx.pelvis;
  if (!p) return {};
  if (p.mountingYawSource === 'assumed-zero') return unmeasured(UNKNOWN_MOUNTING);
  // The picture's change can end a hold early (the picture settles before the limb does), so its
  // reps look at the pelvis up to the rep's end; the roll only falls back on the way down.
  const winEndMs = r.foundBy === 'camera-motion' ? r.endMs : r.holdEndMs;
  const bad = p.badIntervals.find((b) => b.endMs >= r.startMs - T.BASELINE_MS && b.startMs <= winEndMs);
  const tMs = p.samples.map((s) => s.tMs);
  const baseIdx = indicesIn(tMs, r.startMs - T.BASELINE_MS, r.startMs);
  const winIdx = indicesIn(tMs, r.startMs, winEndMs + 1);
  if (bad) {
    const why =
      bad.reason === 'gap'
        ? 'the phone stopped sending data'
        : bad.reason === 'jump'
          ? 'the phone jolted'
          : 'the phone slid off your back';
    return unmeasured(`Not measurable on this rep: ${why}.`);
  }
  if (winIdx.length < 3) return unmeasured('The phone recording does not cover this rep.');
  const m = pelvisMotion(p, r.startMs, baseIdx, winIdx);
  const mag = Math.abs(m.roll);
  return {
    R1: {
      value: round1(mag),
      unit: 'deg',
      band: pelvicRollBand(mag),
      source: 'sensor',
      atMs: m.rollT,
      ...(mag >= 1 ? { direction: m.roll > 0 ? 'right-hip-lower' : 'left-hip-lower' } : {}),
    },
    R4s: {
      value: round1(m.pitch),
      unit: 'deg',
      band: band(m.pitch, T.R4S_AMBER_DEG, T.R4S_RED_DEG),
      source: 'sensor',
      atMs: m.pitchT,
    },
    R3: earlyMotion(liftedLeg, legHalfTime(r, ctx, liftedLeg), m.onsetT),
  };
};

function unmeasured(reason: string): Partial<Record<'R1' | 'R4s' | 'R3', Metric>> {
  return { R1: nm(reason, 'sensor', 'deg'), R4s: nm(reason, 'sensor', 'deg'), R3: nm(reason, 'sensor', 'ms') };
}

/** The largest roll and forward tilt against the baseline before the rep, and when the roll began. */
function pelvisMotion(p: PelvisInput, startMs: number, baseIdx: number[], winIdx: number[]): PelvisMotion {
  const baseRoll = median((baseIdx.length ? baseIdx : [winIdx[0]!]).map((i) => p.samples[i]!.rollDeg))!;
  const basePitch = median((baseIdx.length ? baseIdx : [winIdx[0]!]).map((i) => p.samples[i]!.pitchDeg))!;
  const m: PelvisMotion = { roll: 0, rollT: startMs, pitch: 0, pitchT: startMs, onsetT: null };
  for (const i of winIdx) {
    const s = p.samples[i]!;
    const dr = s.rollDeg - baseRoll;
    const dp = s.pitchDeg - basePitch;
    if (Math.abs(dr) > Math.abs(m.roll)) {
      m.roll = dr;
      m.rollT = s.tMs;
    }
    if (dp > m.pitch) {
      m.pitch = dp;
      m.pitchT = s.tMs;
    }
    if (m.onsetT === null && Math.abs(dr) >= T.R3_ROLL_ONSET_DEG) m.onsetT = s.tMs;
  }
  return m;
}

/** When the leg reaches half its own lift: from the pacing cue, the picture's change or the landmarks. */
function legHalfTime(r: TrackedForRules, ctx: RepContext, liftedLeg: BodySide | null): number | null {
  if (r.foundBy === 'pacing-cues') return r.startMs + (r.holdStartMs - r.startMs) * T.R3_LEG_FRACTION;
  if (r.foundBy === 'camera-motion' && ctx.motion) {
    const m = ctx.motion;
    const win = indicesIn(m.tMs, r.startMs, r.holdEndMs + 1);
    const peak = Math.max(0, ...win.map((k) => m.rise[k]!));
    const k = win.find((j) => m.rise[j]! >= peak * T.R3_LEG_FRACTION);
    return k !== undefined && peak > 0 ? m.tMs[k]! : null;
  }
  if (ctx.cam && liftedLeg) {
    const limb: Limb = liftedLeg === 'left' ? 'leftLeg' : 'rightLeg';
    const peak = r.peakRise[limb];
    const signal = limbSignal(ctx.cam);
    const i = indicesIn(ctx.cam.tMs, r.startMs, r.holdEndMs + 1).find(
      (k) => (signal[k]![limb] ?? 0) >= peak * T.R3_LEG_FRACTION,
    );
    return i !== undefined ? ctx.cam.tMs[i]! : null;
  }
  return null;
}

function earlyMotion(liftedLeg: BodySide | null, legHalfT: number | null, onsetT: number | null): Metric {
  if (!liftedLeg) return nm('No leg was lifted on this rep.', 'sensor', 'ms');
  if (legHalfT === null) return nm('The leg lift could not be timed on this rep.', 'sensor', 'ms');
  if (onsetT === null)
    return {
      value: null,
      unit: 'ms',
      band: 'green',
      source: 'sensor',
      reason: `The pelvis stayed within ${T.R3_ROLL_ONSET_DEG} degrees.`,
    };
  const leadMs = legHalfT - onsetT;
  return {
    value: Math.round(leadMs),
    unit: 'ms',
    band: leadMs > 0 ? 'red' : 'green',
    source: 'sensor',
    atMs: onsetT,
    reason:
      leadMs > 0
        ? 'The pelvis rolled before the leg was halfway up.'
        : 'The pelvis rolled only after the leg was halfway up.',
  };
}
