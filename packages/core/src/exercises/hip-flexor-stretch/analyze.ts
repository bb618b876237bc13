// Rule set C end to end on a recorded (or live-buffered) side-view video, plus the phone in the
// waistband: set-up checks F1-F4, holds per side, faults C1/C2/C4/C5 (C1s and C5 from the phone
// too), one cue at a time, and a hold timer that counts only good form.

import { detectCameraView, viewLabel, type CameraViewKind } from '../../camera-view.ts';
import { CueScheduler } from '../../cue-scheduler.ts';
import { DEFAULT_POSE_CUTOFF_HZ, estimateSampleRateHz, smoothPoseFrames } from '../../filters/butterworth.ts';
import { median, movingMedian } from '../../filters/moving-median.ts';
import { angleAtDeg, midpoint, type Point2 } from '../../geometry.ts';
import { hasPerson, type FrameResult } from '../../pose-frame.ts';
import { visiblePoint } from '../../visibility.ts';
import { FaultPersistence, oscillation, waistbandCandidates, type FaultCandidate } from './fault-persistence.ts';
import { CUE_COOLDOWN_MS, CUE_PRIORITY, CUE_REPEAT_MS, STRETCH_CUES, STRETCH_THRESHOLDS as T } from './thresholds.ts';
import {
  STRETCH_RESULT_VERSION,
  type KneelingSide,
  type StretchCue,
  type StretchHold,
  type StretchResult,
  type StretchSetup,
} from './result.ts';
import { explainStretch } from './explain.ts';

/** The phone upright in the waistband: pelvic tilt change (positive = anterior tilt = arching). */
export interface WaistbandInput {
  readonly samples: ReadonlyArray<{ readonly tMs: number; readonly tiltDeg: number }>;
}

export interface StretchInput {
  readonly frames: readonly FrameResult[];
  readonly waistband?: WaistbandInput;
  /** The personal depth cap (delta hip extension, degrees) from the over-stretch guard, if set. */
  readonly depthCapDeg?: number;
  readonly recorded?: boolean;
}

interface FrameAngles {
  readonly tMs: number;
  readonly kneeling: KneelingSide | null;
  readonly frontKneeDeg: number | null;
  readonly backKneeDeg: number | null;
  readonly thighBehindDeg: number | null;
  readonly trunkLeanDeg: number | null;
  readonly trunkThighDeg: number | null;
  readonly shinFromVerticalDeg: number | null;
}

/** Half-kneeling: the kneeling knee is at least this many thigh lengths below the front knee (L). */
const KNEE_DROP_THIGHS = 0.3;
const OTHER: Record<KneelingSide, KneelingSide> = { left: 'right', right: 'left' };
const deg = (r: number) => (r * 180) / Math.PI;

/** Per-frame angles in the image plane; null where a needed point is not seen. */
export function stretchAngles(f: FrameResult): FrameAngles {
  const p = (n: Parameters<typeof visiblePoint>[1]) => visiblePoint(f, n);
  const kl = p('left_knee'), kr = p('right_knee');
  const empty: FrameAngles = { tMs: f.tMs, kneeling: null, frontKneeDeg: null, backKneeDeg: null, thighBehindDeg: null, trunkLeanDeg: null, trunkThighDeg: null, shinFromVerticalDeg: null };
  if (!kl || !kr) return empty;
  const hl = p('left_hip'), hr = p('right_hip');
  const thigh = (hl && kl ? Math.hypot(hl.x - kl.x, hl.y - kl.y) : 0) || (hr && kr ? Math.hypot(hr.x - kr.x, hr.y - kr.y) : 0);
  // The kneeling knee is on the floor, well below the front knee.
  if (!thigh || Math.abs(kl.y - kr.y) < KNEE_DROP_THIGHS * thigh) return empty;
  const k: KneelingSide = kl.y > kr.y ? 'left' : 'right';
  const fr = OTHER[k];
  const hipK = p(`${k}_hip`), kneeK = p(`${k}_knee`), ankleK = p(`${k}_ankle`);
  const hipF = p(`${fr}_hip`), kneeF = p(`${fr}_knee`), ankleF = p(`${fr}_ankle`);
  const sh = midpoint(p('left_shoulder'), p('right_shoulder'));
  const hipMid = midpoint(hipK, hipF) ?? hipK;
  // Which way the person faces in the picture: the front knee is ahead of the hips.
  const facing = kneeF && hipMid ? Math.sign(kneeF.x - hipMid.x) || 1 : 1;
  const behind = (from: Point2 | null, to: Point2 | null, up: boolean): number | null => {
    if (!from || !to) return null;
    const dx = (to.x - from.x) * -facing; // positive = toward the person's back
    const dy = up ? from.y - to.y : to.y - from.y;
    return deg(Math.atan2(dx, dy));
  };
  const trunkLeanDeg = behind(hipMid, sh, true);
  const thighBehindDeg = behind(hipK, kneeK, false);
  const shin = kneeF && ankleF ? deg(Math.atan2(Math.abs(kneeF.x - ankleF.x), ankleF.y - kneeF.y)) : null;
  return {
    tMs: f.tMs,
    kneeling: k,
    frontKneeDeg: angleAtDeg(hipF, kneeF, ankleF),
    backKneeDeg: angleAtDeg(hipK, kneeK, ankleK),
    thighBehindDeg,
    trunkLeanDeg,
    trunkThighDeg: angleAtDeg(sh, hipK, kneeK),
    shinFromVerticalDeg: shin,
  };
}

function setupChecks(a: FrameAngles): Record<'F1' | 'F2' | 'F3' | 'F4', boolean | null> {
  const within = (v: number | null, c: number, tol: number) => (v === null ? null : Math.abs(v - c) <= tol);
  const f2knee = within(a.backKneeDeg, T.F2_BACK_KNEE_DEG, T.F2_TOLERANCE_DEG);
  const f2thigh = a.thighBehindDeg === null ? null : a.thighBehindDeg >= T.F2_THIGH_BEHIND_MIN_DEG && a.thighBehindDeg <= T.F2_THIGH_BEHIND_MAX_DEG;
  return {
    F1: within(a.frontKneeDeg, T.F1_FRONT_KNEE_DEG, T.F1_TOLERANCE_DEG),
    F2: f2knee === null || f2thigh === null ? null : f2knee && f2thigh,
    F3: a.trunkLeanDeg === null ? null : Math.abs(a.trunkLeanDeg) <= T.F3_TRUNK_MAX_DEG,
    F4: a.shinFromVerticalDeg === null ? null : a.shinFromVerticalDeg <= T.F4_SHIN_MAX_DEG,
  };
}

export function analyzeStretch(input: StretchInput): StretchResult {
  const hasCamera = input.frames.some(hasPerson);
  if (!hasCamera) throw new Error('analyzeStretch needs camera frames with a person in them.');
  const rate = input.frames.length >= 2 ? estimateSampleRateHz(input.frames.map((f) => f.tMs)) : 30;
  const frames = input.recorded ?? true ? smoothPoseFrames(input.frames, { cutoffHz: Math.min(DEFAULT_POSE_CUTOFF_HZ, 0.4 * rate) }) : input.frames;
  const view: CameraViewKind = detectCameraView(frames.filter(hasPerson), 'half-kneeling').kind;
  const formMeasured = view === 'side';
  const raw = frames.map(stretchAngles);
  // Single frames can be tens of degrees off: a centred 5-frame median before any rule fires.
  const med = (key: keyof Omit<FrameAngles, 'tMs' | 'kneeling'>) => movingMedian(raw.map((a) => a[key]), 5, input.recorded ?? true ? 'centred' : 'trailing');
  const sm = { frontKneeDeg: med('frontKneeDeg'), backKneeDeg: med('backKneeDeg'), thighBehindDeg: med('thighBehindDeg'), trunkLeanDeg: med('trunkLeanDeg'), trunkThighDeg: med('trunkThighDeg'), shinFromVerticalDeg: med('shinFromVerticalDeg') };
  const angles: FrameAngles[] = raw.map((a, i) => ({ ...a, frontKneeDeg: sm.frontKneeDeg[i]!, backKneeDeg: sm.backKneeDeg[i]!, thighBehindDeg: sm.thighBehindDeg[i]!, trunkLeanDeg: sm.trunkLeanDeg[i]!, trunkThighDeg: sm.trunkThighDeg[i]!, shinFromVerticalDeg: sm.shinFromVerticalDeg[i]! }));
  // Kneeling side by majority over a short window, so a flicker of one frame does not switch sides.
  const kneeling = angles.map((_, i) => {
    const win = angles.slice(Math.max(0, i - 4), i + 5).map((a) => a.kneeling);
    const l = win.filter((k) => k === 'left').length, r = win.filter((k) => k === 'right').length;
    return l === 0 && r === 0 ? null : l >= r ? ('left' as const) : ('right' as const);
  });

  const setups: StretchSetup[] = [];
  const holds: StretchHold[] = [];
  const cues: StretchCue[] = [];
  const events: StretchResult['events'] = [];
  const deltaHE: Array<number | null> = angles.map(() => null);
  const scheduler = new CueScheduler<keyof typeof STRETCH_CUES>({ priority: CUE_PRIORITY, cooldownMs: CUE_COOLDOWN_MS, repeatMs: CUE_REPEAT_MS });
  const tilt = input.waistband?.samples ?? [];
  const firstTiltAtOrAfter = (t: number): number => {
    let lo = 0, hi = tilt.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tilt[mid]!.tMs < t) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const tiltBetween = (fromMs: number, toMs: number): number[] => {
    const out: number[] = [];
    for (let k = firstTiltAtOrAfter(fromMs); k < tilt.length && tilt[k]!.tMs <= toMs; k++) out.push(tilt[k]!.tiltDeg);
    return out;
  };
  const tiltAt = (t: number): number | null => {
    if (tilt.length === 0) return null;
    let lo = 0, hi = tilt.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tilt[mid]!.tMs < t) lo = mid + 1; else hi = mid; }
    const s = tilt[lo]!;
    return Math.abs(s.tMs - t) <= 250 ? s.tiltDeg : null;
  };

  type Phase = { kind: 'searching'; goodSinceMs: number | null; side: KneelingSide | null } | {
    kind: 'holding'; setup: StretchSetup; startIdx: number; lostSinceMs: number | null; goodFormMs: number; peak: number | null;
    persistence: FaultPersistence; tiltSetup: number | null; lastGoodIdx: number;
  };
  let phase: Phase = { kind: 'searching', goodSinceMs: null, side: null };
  let lastSide: KneelingSide | null = null;

  const closeHold = (endIdx: number) => {
    if (phase.kind !== 'holding') return;
    const endMs = angles[endIdx]!.tMs;
    phase.persistence.close(endMs);
    holds.push({
      kneelingSide: phase.setup.kneelingSide, startMs: phase.setup.atMs, endMs, goodFormMs: formMeasured ? Math.round(phase.goodFormMs) : 0, formMeasured,
      peakDeltaHipExtensionDeg: phase.peak !== null && phase.peak >= T.MEASUREMENT_FLOOR_DEG ? Math.round(phase.peak * 10) / 10 : null,
      faults: phase.persistence.faults,
    });
    events.push({ tMs: endMs, type: 'hold-end' });
    lastSide = phase.setup.kneelingSide;
    phase = { kind: 'searching', goodSinceMs: null, side: null };
  };

  for (let i = 0; i < angles.length; i++) {
    const a = angles[i]!;
    const side = kneeling[i]!;
    const t = a.tMs;
    const dt = i + 1 < angles.length ? angles[i + 1]!.tMs - t : 1000 / rate;
    if (phase.kind === 'searching') {
      const checks = setupChecks(a);
      // A frame where a check could not be made (a landmark dropped out) neither breaks nor completes the set-up.
      const failed = checks.F1 === false || checks.F2 === false || checks.F3 === false;
      const unknown = side !== null && !failed && (checks.F1 === null || checks.F2 === null || checks.F3 === null);
      const ok = side !== null && checks.F1 === true && checks.F2 === true && checks.F3 === true;
      if (side !== null && formMeasured) {
        const offered = (['F1', 'F2', 'F3', 'F4'] as const).filter((c) => checks[c] === false);
        const cue = scheduler.offer(t, offered);
        if (cue) cues.push({ tMs: t, rule: cue.key, text: STRETCH_CUES[cue.key] });
      }
      // From a view that cannot judge the set-up, the posture alone starts the hold.
      const ready = formMeasured ? ok : side !== null;
      const since = phase.goodSinceMs;
      if (ready && phase.side === side && since !== null && t - since >= T.SETUP_HOLD_MS) {
        const win = angles.slice(0, i + 1).filter((x) => x.tMs >= since && x.tMs <= t);
        const m = (k: keyof typeof sm) => median(win.map((x) => x[k])) ?? 0;
        const setup: StretchSetup = {
          atMs: t, kneelingSide: side!, frontKneeDeg: round1(m('frontKneeDeg')), backKneeDeg: round1(m('backKneeDeg')), trunkLeanDeg: round1(m('trunkLeanDeg')),
          hipExtensionDeg: round1(180 - m('trunkThighDeg')),
        };
        if (lastSide !== null && lastSide !== setup.kneelingSide) events.push({ tMs: t, type: 'side-switch', note: `Now kneeling on the ${setup.kneelingSide} knee.` });
        setups.push(setup);
        events.push({ tMs: t, type: 'setup' }, { tMs: t, type: 'hold-start' });
        const tiltSetup = median(tilt.filter((s) => s.tMs >= since && s.tMs <= t).map((s) => s.tiltDeg));
        phase = { kind: 'holding', setup, startIdx: i, lostSinceMs: null, goodFormMs: 0, peak: null, persistence: new FaultPersistence(), tiltSetup, lastGoodIdx: i };
      } else if (ready) {
        if (phase.side !== side || phase.goodSinceMs === null) phase = { kind: 'searching', goodSinceMs: t, side };
      } else if (unknown && formMeasured && phase.side === side) {
        // Keep the set-up clock running through a short dropout.
      } else {
        phase = { kind: 'searching', goodSinceMs: null, side };
      }
      continue;
    }
    // Holding.
    const h = phase;
    if (side !== h.setup.kneelingSide) {
      h.lostSinceMs ??= t;
      if (t - h.lostSinceMs >= T.POSTURE_LOST_MS) { closeHold(h.lastGoodIdx); i--; }
      continue;
    }
    h.lostSinceMs = null;
    h.lastGoodIdx = i;
    const he = a.trunkThighDeg !== null ? 180 - a.trunkThighDeg : null;
    const dHE = he !== null ? he - h.setup.hipExtensionDeg : null;
    deltaHE[i] = dHE;
    if (dHE !== null && formMeasured) h.peak = Math.max(h.peak ?? -Infinity, dHE);
    // Candidate faults this frame, with their source.
    const now: FaultCandidate[] = [];
    if (formMeasured) {
      const setupThigh = median(angles.slice(Math.max(0, h.startIdx - Math.round(rate)), h.startIdx + 1).map((x) => x.thighBehindDeg));
      const leanBack = a.trunkLeanDeg !== null ? a.trunkLeanDeg - h.setup.trunkLeanDeg : null;
      const thighRise = a.thighBehindDeg !== null && setupThigh !== null ? a.thighBehindDeg - setupThigh : null;
      const c1 = (leanBack !== null && leanBack > T.C1_LEAN_BACK_DEG && a.trunkLeanDeg! > 0) || (thighRise !== null && dHE !== null && thighRise > T.C1_THIGH_RISE_DEG && dHE < thighRise / 2);
      if (c1) now.push({ rule: 'C1', source: 'camera', cue: 'C1' });
      if (a.trunkLeanDeg !== null && a.trunkLeanDeg < -T.C2_FORWARD_LEAN_DEG) now.push({ rule: 'C2', source: 'camera', cue: 'C2' });
      if (input.depthCapDeg !== undefined && dHE !== null && dHE > input.depthCapDeg) now.push({ rule: 'C4', source: 'camera', cue: 'C4' });
      // The last C5_WINDOW_MS of this hold (a window walk, not a scan from the start: the app re-runs this live).
      const win: number[] = [];
      for (let j = i; j >= h.startIdx && angles[j]!.tMs >= t - T.C5_WINDOW_MS; j--) {
        const v = deltaHE[j];
        if (v !== null && v !== undefined) win.push(v);
      }
      win.reverse();
      const osc = oscillation(win);
      if (osc.peakToPeak > T.C5_PEAK_TO_PEAK_DEG && osc.cycles >= T.C5_MIN_CYCLES) now.push({ rule: 'C5', source: 'camera', cue: 'C5' });
    }
    const tl = tiltAt(t);
    if (tl !== null && h.tiltSetup !== null) {
      const phone = waistbandCandidates(tl - h.tiltSetup, tiltBetween(Math.max(t - T.C5_WINDOW_MS, h.setup.atMs), t));
      now.push(...phone.candidates);
      if (phone.amberCue) {
        const cue = scheduler.offer(t, ['C1s']);
        if (cue) cues.push({ tMs: t, rule: cue.key, text: STRETCH_CUES[cue.key] });
      }
    }
    const judged = h.persistence.update(t, now);
    if (!judged.anyConfirmed) h.goodFormMs += dt;
    const cue = scheduler.offer(t, judged.cueKeys);
    if (cue) cues.push({ tMs: t, rule: cue.key, text: STRETCH_CUES[cue.key] });
  }
  if (phase.kind === 'holding') closeHold(phase.lastGoodIdx);

  const quality: StretchResult['quality'] = [];
  if (!formMeasured) {
    quality.push({ code: 'view-limits', message: `The camera filmed you ${viewLabel(view)}: the knee angles, trunk lean and hip angle need the camera at your side, at hip height, so form was not judged and the good-form timer did not count.` });
  }
  if (setups.length === 0) {
    quality.push({ code: 'no-setup', message: 'No half-kneeling set-up was found: kneel on one knee with the front knee at a right angle, sit tall, and hold still for a second, with your whole body in the picture.' });
  }
  const partial: Omit<StretchResult, 'explanation'> = {
    schemaVersion: STRETCH_RESULT_VERSION,
    exercise: 'hip-flexor-stretch',
    view,
    sources: { camera: true, sensor: tilt.length > 0 },
    setups, holds, cues, events: events.sort((x, y) => x.tMs - y.tMs), quality,
    series: {
      tMs: angles.map((a) => a.tMs),
      trunkLeanDeg: angles.map((a) => round1n(a.trunkLeanDeg)),
      trunkThighDeg: angles.map((a) => round1n(a.trunkThighDeg)),
      deltaHipExtensionDeg: deltaHE.map(round1n),
      sensor: tilt.length > 0 ? { tMs: tilt.map((s) => s.tMs), pelvicTiltDeg: tilt.map((s) => s.tiltDeg) } : null,
    },
  };
  return { ...partial, explanation: explainStretch(partial) };
}

const round1 = (v: number) => Math.round(v * 10) / 10 || 0; // no -0 in JSON round trips
const round1n = (v: number | null) => (v === null ? null : round1(v));

