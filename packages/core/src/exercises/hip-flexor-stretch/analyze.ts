// Rule set C end to end on a recorded (or live-buffered) side-view video, plus the phone in the
// waistband: set-up checks F1-F4, holds per side, faults C1/C2/C4/C5 (C1s and C5 from the phone
// too), one cue at a time, and a hold timer that counts only good form.

import { detectCameraView, viewLabel, type CameraViewKind } from '../../camera/view.ts';
import { CueScheduler } from './cue-scheduler.ts';
import type { MotionFrames } from '../../camera/motion.ts';
import { editedVideoMessage, videoReadings } from '../../camera/video-cuts.ts';
import { DEFAULT_POSE_CUTOFF_HZ, estimateSampleRateHz, smoothPoseFrames } from '../../signal/butterworth.ts';
import { movingMedian } from '../../signal/moving-median.ts';
import { median } from '../../signal/stats.ts';
import { angleAtDeg, midpoint, type Point2 } from '../../pose/geometry.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { visiblePoint } from '../../pose/visibility.ts';
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
  /** Small grey pictures of the same video (camera-motion.ts): an edited video is read in parts between its cuts. */
  readonly motion?: MotionFrames;
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
  /** Where the hips are between the kneeling knee (0) and the front ankle (1), across the picture: the hips moving forward and back, from any view but straight in front or behind. */
  readonly hipForwardShare: number | null;
}

/** Half-kneeling: the kneeling knee is at least this many thigh lengths below the front knee (L). */
const KNEE_DROP_THIGHS = 0.3;
const OTHER: Record<KneelingSide, KneelingSide> = { left: 'right', right: 'left' };
const deg = (r: number) => (r * 180) / Math.PI;

/** Per-frame angles in the image plane; null where a needed point is not seen. */
export function stretchAngles(f: FrameResult): FrameAngles {
  const p = (n: Parameters<typeof visiblePoint>[1]) => visiblePoint(f, n);
  const kl = p('left_knee'),
    kr = p('right_knee');
  const empty: FrameAngles = {
    tMs: f.tMs,
    kneeling: null,
    frontKneeDeg: null,
    backKneeDeg: null,
    thighBehindDeg: null,
    trunkLeanDeg: null,
    trunkThighDeg: null,
    shinFromVerticalDeg: null,
    hipForwardShare: null,
  };
  if (!kl || !kr) return empty;
  const hl = p('left_hip'),
    hr = p('right_hip');
  const thigh =
    (hl && kl ? Math.hypot(hl.x - kl.x, hl.y - kl.y) : 0) || (hr && kr ? Math.hypot(hr.x - kr.x, hr.y - kr.y) : 0);
  // The kneeling knee is on the floor, well below the front knee.
  if (!thigh || Math.abs(kl.y - kr.y) < KNEE_DROP_THIGHS * thigh) return empty;
  const k: KneelingSide = kl.y > kr.y ? 'left' : 'right';
  const fr = OTHER[k];
  const hipK = p(`${k}_hip`),
    kneeK = p(`${k}_knee`),
    ankleK = p(`${k}_ankle`);
  const hipF = p(`${fr}_hip`),
    kneeF = p(`${fr}_knee`),
    ankleF = p(`${fr}_ankle`);
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
  // A front thigh pointing at the camera (filmed from in front) looks short and its knee angle is
  // noise (a synthetic 90-degree knee read 60-176 degrees straight from the front).
  const trunkLen = sh && hipMid ? Math.hypot(sh.x - hipMid.x, sh.y - hipMid.y) : 0;
  const foreshortened = !!(
    hipF &&
    kneeF &&
    trunkLen > 0 &&
    Math.hypot(kneeF.x - hipF.x, kneeF.y - hipF.y) < T.FORESHORTENED_THIGH_SHARE * trunkLen
  );
  // The same for the kneeling shin pointing away from the camera (filmed from in front).
  const shinForeshortened = !!(
    kneeK &&
    ankleK &&
    trunkLen > 0 &&
    Math.hypot(ankleK.x - kneeK.x, ankleK.y - kneeK.y) < T.FORESHORTENED_THIGH_SHARE * trunkLen
  );
  // Across the picture (rocking moves the hips along the floor, and a level camera keeps the floor's
  // directions level): straight from in front the way from the kneeling knee to the front foot
  // points at the camera and is too short to read.
  const span = kneeK && ankleF ? ankleF.x - kneeK.x : 0;
  const readable = trunkLen > 0 && Math.abs(span) >= T.FORESHORTENED_THIGH_SHARE * trunkLen;
  const hipForwardShare = hipMid && kneeK && readable ? (hipMid.x - kneeK.x) / span : null;
  return {
    tMs: f.tMs,
    kneeling: k,
    frontKneeDeg: foreshortened ? null : angleAtDeg(hipF, kneeF, ankleF),
    backKneeDeg: shinForeshortened ? null : angleAtDeg(hipK, kneeK, ankleK),
    thighBehindDeg,
    trunkLeanDeg,
    trunkThighDeg: angleAtDeg(sh, hipK, kneeK),
    shinFromVerticalDeg: shin,
    hipForwardShare,
  };
}

/**
 * From a view that cannot measure the knees, a set-up needs each knee that can be read at least to
 * look bent near a right angle (not a leg swung out straight, not sitting back on the heels); null
 * when neither can be read (straight from in front the front thigh and the kneeling shin point at
 * and away from the camera).
 */
function kneesLookBent(a: FrameAngles): boolean | null {
  const bent = (v: number | null) => (v === null ? null : Math.abs(v - 90) <= T.SETUP_KNEE_LOOKS_BENT_DEG);
  const front = bent(a.frontKneeDeg),
    back = bent(a.backKneeDeg);
  return front === false || back === false ? false : front === null && back === null ? null : true;
}

function setupChecks(a: FrameAngles): Record<'F1' | 'F2' | 'F3' | 'F4', boolean | null> {
  const within = (v: number | null, c: number, tol: number) => (v === null ? null : Math.abs(v - c) <= tol);
  const f2knee = within(a.backKneeDeg, T.F2_BACK_KNEE_DEG, T.F2_TOLERANCE_DEG);
  const f2thigh =
    a.thighBehindDeg === null
      ? null
      : a.thighBehindDeg >= T.F2_THIGH_BEHIND_MIN_DEG && a.thighBehindDeg <= T.F2_THIGH_BEHIND_MAX_DEG;
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
  const recorded = input.recorded ?? true;
  // An edited video is read in parts (video-cuts.ts): across a cut the view and the body's size change.
  const parts = videoReadings(input.frames, input.motion).filter((p) =>
    input.frames.some((f) => hasPerson(f) && f.tMs >= p.startMs && f.tMs <= p.endMs),
  );
  const out: StretchOutput = {
    setups: [],
    holds: [],
    cues: [],
    events: [],
    quality: [],
    passedThrough: [],
    lastSide: null,
  };
  const read = parts.map((p) =>
    readPart(
      input.frames.filter((f) => f.tMs >= p.startMs && f.tMs <= p.endMs),
      input,
      recorded,
      out,
      parts.length > 1 ? p : null,
    ),
  );
  const edited = editedVideoMessage(parts);
  if (edited) out.quality.unshift({ code: 'video-edit', message: edited });
  if (out.setups.length === 0) {
    const passed =
      out.passedThrough.length > 0
        ? ` A half-kneeling position was reached at ${out.passedThrough.map(s1).join(', ')} s but left again within ${T.MIN_RECORDED_HOLD_MS / 1000} s (as in a lunge or when getting up), so it was not a hold.`
        : '';
    out.quality.push({
      code: 'no-setup',
      message: `No half-kneeling set-up was found: kneel on one knee with the front knee at a right angle, sit tall, and hold still for a second, with your whole body in the picture.${passed}`,
    });
  }
  const tilt = input.waistband?.samples ?? [];
  const view = read.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a)).view;
  const partial: Omit<StretchResult, 'explanation'> = {
    schemaVersion: STRETCH_RESULT_VERSION,
    exercise: 'hip-flexor-stretch',
    view,
    readings: read.map((r) => ({ startMs: r.startMs, endMs: r.endMs, view: r.view })),
    sources: { camera: true, sensor: tilt.length > 0 },
    setups: out.setups,
    holds: out.holds,
    cues: out.cues,
    events: out.events.sort((x, y) => x.tMs - y.tMs),
    quality: out.quality,
    series: {
      tMs: read.flatMap((r) => r.angles.map((a) => a.tMs)),
      trunkLeanDeg: read.flatMap((r) => r.angles.map((a) => round1n(a.trunkLeanDeg))),
      trunkThighDeg: read.flatMap((r) => r.angles.map((a) => round1n(a.trunkThighDeg))),
      deltaHipExtensionDeg: read.flatMap((r) => r.deltaHE.map(round1n)),
      sensor: tilt.length > 0 ? { tMs: tilt.map((s) => s.tMs), pelvicTiltDeg: tilt.map((s) => s.tiltDeg) } : null,
    },
  };
  return { ...partial, explanation: explainStretch(partial) };
}

interface StretchOutput {
  readonly setups: StretchSetup[];
  readonly holds: StretchHold[];
  readonly cues: StretchCue[];
  readonly events: Array<StretchResult['events'][number]>;
  readonly quality: Array<StretchResult['quality'][number]>;
  /** When a half-kneeling position was reached but left again within seconds (not a hold). */
  readonly passedThrough: number[];
  /** The side of the last hold, across parts: a new side is a side switch, a new part is not. */
  lastSide: KneelingSide | null;
}

/** One part of the recording (the whole of it when it has no edit): set-ups, holds and cues go into `out`. */
function readPart(
  partFrames: readonly FrameResult[],
  input: StretchInput,
  recorded: boolean,
  out: StretchOutput,
  part: { startMs: number; endMs: number } | null,
): { startMs: number; endMs: number; view: CameraViewKind; angles: FrameAngles[]; deltaHE: Array<number | null> } {
  const rate = partFrames.length >= 2 ? estimateSampleRateHz(partFrames.map((f) => f.tMs)) : 30;
  const frames = recorded
    ? smoothPoseFrames(partFrames, { cutoffHz: Math.min(DEFAULT_POSE_CUTOFF_HZ, 0.4 * rate) })
    : partFrames;
  const view: CameraViewKind = detectCameraView(frames.filter(hasPerson), 'half-kneeling').kind;
  const formMeasured = view === 'side';
  const raw = frames.map(stretchAngles);
  // Single frames can be tens of degrees off: a centred 5-frame median before any rule fires.
  const med = (key: keyof Omit<FrameAngles, 'tMs' | 'kneeling'>) =>
    movingMedian(
      raw.map((a) => a[key]),
      5,
      recorded ? 'centred' : 'trailing',
    );
  const keys = [
    'frontKneeDeg',
    'backKneeDeg',
    'thighBehindDeg',
    'trunkLeanDeg',
    'trunkThighDeg',
    'shinFromVerticalDeg',
    'hipForwardShare',
  ] as const;
  const sm = Object.fromEntries(keys.map((k) => [k, med(k)])) as Record<(typeof keys)[number], Array<number | null>>;
  const angles: FrameAngles[] = raw.map((a, i) => ({ ...a, ...Object.fromEntries(keys.map((k) => [k, sm[k][i]!])) }));
  // Kneeling side by majority over a short window, so a flicker of one frame does not switch sides.
  const kneeling = angles.map((_, i) => {
    const win = angles.slice(Math.max(0, i - 4), i + 5).map((a) => a.kneeling);
    const l = win.filter((k) => k === 'left').length,
      r = win.filter((k) => k === 'right').length;
    return l === 0 && r === 0 ? null : l >= r ? ('left' as const) : ('right' as const);
  });

  const { setups, holds, cues, events, passedThrough } = out;
  const deltaHE: Array<number | null> = angles.map(() => null);
  const scheduler = new CueScheduler<keyof typeof STRETCH_CUES>({
    priority: CUE_PRIORITY,
    cooldownMs: CUE_COOLDOWN_MS,
    repeatMs: CUE_REPEAT_MS,
  });
  const tilt = input.waistband?.samples ?? [];
  const firstTiltAtOrAfter = (t: number): number => {
    let lo = 0,
      hi = tilt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tilt[mid]!.tMs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tiltBetween = (fromMs: number, toMs: number): number[] => {
    const out: number[] = [];
    for (let k = firstTiltAtOrAfter(fromMs); k < tilt.length && tilt[k]!.tMs <= toMs; k++) out.push(tilt[k]!.tiltDeg);
    return out;
  };
  const tiltAt = (t: number): number | null => {
    if (tilt.length === 0) return null;
    let lo = 0,
      hi = tilt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tilt[mid]!.tMs < t) lo = mid + 1;
      else hi = mid;
    }
    const s = tilt[lo]!;
    return Math.abs(s.tMs - t) <= 250 ? s.tiltDeg : null;
  };

  type Phase =
    | { kind: 'searching'; goodSinceMs: number | null; side: KneelingSide | null }
    | {
        kind: 'holding';
        setup: StretchSetup;
        startIdx: number;
        lostSinceMs: number | null;
        goodFormMs: number;
        peak: number | null;
        persistence: FaultPersistence;
        tiltSetup: number | null;
        lastGoodIdx: number;
      };
  let phase: Phase = { kind: 'searching', goodSinceMs: null, side: null };

  /** `ended`: the recording ended during the hold (rather than the person leaving the posture). */
  const closeHold = (endIdx: number, ended = false) => {
    if (phase.kind !== 'holding') return;
    const endMs = angles[endIdx]!.tMs;
    phase.persistence.close(endMs);
    // A recorded half-kneeling position left again within seconds was passed through (a lunge, getting
    // up), not held: its set-up is taken back. Live, the person is told at once and this cannot wait.
    if (recorded && !ended && endMs - phase.setup.atMs < T.MIN_RECORDED_HOLD_MS) {
      const at = phase.setup.atMs;
      setups.pop();
      for (let k = events.length - 1; k >= 0; k--)
        if (events[k]!.tMs === at && events[k]!.type !== 'hold-end') events.splice(k, 1);
      passedThrough.push(at);
      phase = { kind: 'searching', goodSinceMs: null, side: null };
      return;
    }
    holds.push({
      kneelingSide: phase.setup.kneelingSide,
      startMs: phase.setup.atMs,
      endMs,
      goodFormMs: formMeasured ? Math.round(phase.goodFormMs) : 0,
      formMeasured,
      peakDeltaHipExtensionDeg:
        phase.peak !== null && phase.peak >= T.MEASUREMENT_FLOOR_DEG ? Math.round(phase.peak * 10) / 10 : null,
      faults: phase.persistence.faults,
    });
    events.push({ tMs: endMs, type: 'hold-end' });
    out.lastSide = phase.setup.kneelingSide;
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
      // From a view that cannot measure the knees (the floor recedes from a low camera: a kneeling
      // knee of 85 degrees read 55-60 from in front), the posture starts the hold: one knee down and
      // the front knee looking bent, not a leg swung out straight.
      const ready = formMeasured ? ok : side !== null && kneesLookBent(a) !== false;
      const since = phase.goodSinceMs;
      if (ready && phase.side === side && since !== null && t - since >= T.SETUP_HOLD_MS) {
        const win = angles.slice(0, i + 1).filter((x) => x.tMs >= since && x.tMs <= t);
        const m = (k: (typeof keys)[number]) => median(win.map((x) => x[k])) ?? 0;
        const setup: StretchSetup = {
          atMs: t,
          kneelingSide: side!,
          frontKneeDeg: formMeasured ? round1(m('frontKneeDeg')) : null,
          backKneeDeg: formMeasured ? round1(m('backKneeDeg')) : null,
          trunkLeanDeg: round1(m('trunkLeanDeg')),
          hipExtensionDeg: round1(180 - m('trunkThighDeg')),
        };
        if (out.lastSide !== null && out.lastSide !== setup.kneelingSide)
          events.push({ tMs: t, type: 'side-switch', note: `Now kneeling on the ${setup.kneelingSide} knee.` });
        setups.push(setup);
        events.push({ tMs: t, type: 'setup' }, { tMs: t, type: 'hold-start' });
        const tiltSetup = median(tilt.filter((s) => s.tMs >= since && s.tMs <= t).map((s) => s.tiltDeg));
        phase = {
          kind: 'holding',
          setup,
          startIdx: i,
          lostSinceMs: null,
          goodFormMs: 0,
          peak: null,
          persistence: new FaultPersistence(),
          tiltSetup,
          lastGoodIdx: i,
        };
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
      if (t - h.lostSinceMs >= T.POSTURE_LOST_MS) {
        closeHold(h.lastGoodIdx);
        i--;
      }
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
      const setupThigh = median(
        angles.slice(Math.max(0, h.startIdx - Math.round(rate)), h.startIdx + 1).map((x) => x.thighBehindDeg),
      );
      const leanBack = a.trunkLeanDeg !== null ? a.trunkLeanDeg - h.setup.trunkLeanDeg : null;
      const thighRise = a.thighBehindDeg !== null && setupThigh !== null ? a.thighBehindDeg - setupThigh : null;
      const c1 =
        (leanBack !== null && leanBack > T.C1_LEAN_BACK_DEG && a.trunkLeanDeg! > 0) ||
        (thighRise !== null && dHE !== null && thighRise > T.C1_THIGH_RISE_DEG && dHE < thighRise / 2);
      if (c1) now.push({ rule: 'C1', source: 'camera', cue: 'C1' });
      if (a.trunkLeanDeg !== null && a.trunkLeanDeg < -T.C2_FORWARD_LEAN_DEG)
        now.push({ rule: 'C2', source: 'camera', cue: 'C2' });
      if (input.depthCapDeg !== undefined && dHE !== null && dHE > input.depthCapDeg)
        now.push({ rule: 'C4', source: 'camera', cue: 'C4' });
      // The last C5_WINDOW_MS of this hold (a window walk, not a scan from the start: the app re-runs this live).
      const win: number[] = [];
      for (let j = i; j >= h.startIdx && angles[j]!.tMs >= t - T.C5_WINDOW_MS; j--) {
        const v = deltaHE[j];
        if (v !== null && v !== undefined) win.push(v);
      }
      win.reverse();
      const osc = oscillation(win);
      if (osc.peakToPeak > T.C5_PEAK_TO_PEAK_DEG && osc.cycles >= T.C5_MIN_CYCLES)
        now.push({ rule: 'C5', source: 'camera', cue: 'C5' });
    }
    // Rocking: the hips moving forward and back over the kneeling knee shows from any view.
    if (!now.some((c) => c.rule === 'C5')) {
      const shift: number[] = [];
      for (let j = i; j >= h.startIdx && angles[j]!.tMs >= t - T.C5_ROCK_WINDOW_MS; j--) {
        const v = angles[j]!.hipForwardShare;
        if (v !== null) shift.unshift(v);
      }
      const rock = oscillation(shift, T.C5_ROCK_MIN_SWING_SHARE);
      if (rock.cycles >= T.C5_MIN_CYCLES) now.push({ rule: 'C5', source: 'camera', cue: 'C5' });
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
  // Still in the posture when the recording (or this part of it) ended: held to the end, not left.
  if (phase.kind === 'holding') closeHold(phase.lastGoodIdx, phase.lostSinceMs === null);

  if (!formMeasured) {
    out.quality.push({
      code: 'view-limits',
      message:
        `The camera filmed you ${viewLabel(view)}${part ? ` from ${s1(part.startMs)} s to ${s1(part.endMs)} s` : ''}: the knee angles, trunk lean and hip angle need the camera at your side, at hip height, so form was not judged ${part ? 'there' : ''} and the good-form timer did not count.`.replace(
          ' judged  and',
          ' judged and',
        ),
    });
  }
  const startMs = partFrames[0]!.tMs,
    endMs = partFrames.at(-1)!.tMs;
  return { startMs: part?.startMs ?? startMs, endMs: part?.endMs ?? endMs, view, angles, deltaHE };
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);

const round1 = (v: number) => Math.round(v * 10) / 10 || 0; // no -0 in JSON round trips
const round1n = (v: number | null) => (v === null ? null : round1(v));
