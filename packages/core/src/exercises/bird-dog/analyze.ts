// Rule set B end to end: camera frames and/or the phone on the pelvis -> reps, per-rep rules,
// per-side and overall verdicts, and plain-language explanations. Either source alone is a valid
// test; a rule that no present source can measure is reported as not measurable, with the reason.

import { viewLabel, type CameraViewKind } from '../../camera/view.ts';
import { movingMedian } from '../../signal/moving-median.ts';
import { median } from '../../signal/stats.ts';
import { landmarkIndex, type LandmarkName } from '../../pose/landmarks.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { MIN_VALID_FRAME_SHARE, VISIBILITY_FLOOR, isLandmarkVisible } from '../../pose/visibility.ts';
import type { MotionFrames } from '../../camera/motion.ts';
import type { PacingCue } from '../../sensor/sensor-series.ts';
import { readCamera, type CameraReading, type TrackedForRules } from './camera-reading.ts';
import { limbSignal, type CameraSignals } from './camera-signals.ts';
import { explainBirdDog, overallSummary } from './explain.ts';
import { type Limb, type TrackedRep } from './phases.ts';
import {
  BIRD_DOG_RESULT_VERSION,
  type Band,
  type BirdDogEvent,
  type BirdDogOverall,
  type BirdDogRep,
  type BirdDogResult,
  type BirdDogSide,
  type BodySide,
  type Metric,
  type MovementPattern,
  type QualityMessage,
  type RepClassification,
  type RuleId,
  type Source,
} from './result.ts';
import { BIRD_DOG_PHASES, BIRD_DOG_THRESHOLDS as T } from './thresholds.ts';
import { band, pelvicRollBand } from './bands.ts';

/** The phone on the pelvis, already turned into body-axis roll and pitch (see core/sensor). */
export interface PelvisInput {
  readonly samples: ReadonlyArray<{ readonly tMs: number; readonly rollDeg: number; readonly pitchDeg: number }>;
  readonly badIntervals: ReadonlyArray<{
    readonly startMs: number;
    readonly endMs: number;
    readonly reason: 'gap' | 'jump' | 'slid-off';
  }>;
  readonly cues: ReadonlyArray<{ readonly tMs: number; readonly cue: PacingCue }>;
  readonly notes?: readonly string[];
}

export interface BirdDogInput {
  readonly frames?: readonly FrameResult[];
  /**
   * Small greyscale copies of the same video's frames (camera-motion.ts). Filmed end-on (from
   * behind or in front), the reps and their sides come from where the picture changes, because the
   * pose models lose the limbs of someone on all fours there.
   */
  readonly motion?: MotionFrames;
  readonly pelvis?: PelvisInput;
  /** Back pain 0-10 at rest before the test, and after each side (named by the lifted leg). */
  readonly pain?: { readonly restNrs?: number; readonly afterSide?: Partial<Record<BodySide, number>> };
  /** Recorded video may be smoothed with look-ahead (zero-phase); live data may not. Default true. */
  readonly recorded?: boolean;
}

const OTHER: Record<BodySide, BodySide> = { left: 'right', right: 'left' };
const SIDE_VIEW_ONLY = 'needs the camera at your side, at hip height; this recording was filmed';

export function analyzeBirdDog(input: BirdDogInput): BirdDogResult {
  const allFrames = input.frames ?? [];
  const hasCamera = allFrames.some(hasPerson);
  const pelvis = input.pelvis && input.pelvis.samples.length >= 2 ? input.pelvis : undefined;
  if (!hasCamera && !pelvis) {
    throw new Error('analyzeBirdDog needs camera frames with a person or a phone-sensor series; pass at least one.');
  }
  const quality: QualityMessage[] = [];
  const readings = hasCamera ? readCamera(allFrames, input.motion, input.recorded ?? true, quality) : [];
  const events: BirdDogEvent[] = readings.flatMap((r) => r.events);
  const view = resultView(readings);
  const sideView = readings.some((r) => r.view === 'side');

  // 1. Reps: from the camera (camera-reading.ts), or the phone's pacing cues. With the cues, the
  // phone times the reps unless the camera films from the side and found them all: from other views
  // the models miss or mistime reps (docs/accuracy.md: from behind, a rep started 1.6 s late put the
  // baseline inside the roll and a 12-degree roll read 4.9).
  let tracked = readings.flatMap((r) => r.reps);
  const cueReps = pelvis ? repsFromCues(pelvis) : [];
  const allSide = readings.length > 0 && readings.every((r) => r.view === 'side');
  if (cueReps.length > 0 && (tracked.length === 0 || !allSide || tracked.length < cueReps.length)) {
    if (tracked.length > 0) {
      quality.push({
        code: 'view-limits',
        message: `The reps were timed from the phone's spoken pacing: ${allSide ? `the camera found ${tracked.length} of the ${cueReps.length} paced reps` : `${viewLabel(view)} the camera cannot time them reliably`}.`,
      });
    }
    tracked = cueReps;
  }
  for (const r of tracked) events.push({ tMs: r.endMs, type: 'rep-end' });
  if (tracked.length === 0) {
    const other = notBirdDogMessage(readings);
    quality.push(
      other
        ? { code: 'not-bird-dog', message: other }
        : { code: 'no-reps', message: noRepsMessage(hasCamera, readings) },
    );
  }
  if (pelvis) {
    for (const b of pelvis.badIntervals)
      events.push({
        tMs: b.startMs,
        type: b.reason === 'gap' ? 'sensor-gap' : b.reason === 'jump' ? 'sensor-jump' : 'sensor-slid-off',
      });
    for (const n of pelvis.notes ?? []) quality.push({ code: 'sensor-calibration', message: n });
  }

  // 2. Per-rep rules, each rep with the camera's reading of its part of the recording.
  const reps: BirdDogRep[] = tracked.map((r, index) => {
    const reading = readingAt(readings, r);
    const fromPicture =
      reading?.motionRise && r.foundBy === 'camera-motion' && reading.motion
        ? { tMs: reading.motion.tMs, rise: reading.motionRise }
        : null;
    return measureRep(index, r, {
      frames: reading?.frames ?? [],
      cam: reading?.cam ?? null,
      pelvis,
      sideView: reading?.view === 'side',
      view: reading?.view ?? view,
      pain: input.pain,
      motion: fromPicture,
    });
  });

  // 3. Re-cue after the first unstable rep of each side (Luomajoki: positive only if still wrong after cueing).
  for (const side of ['left', 'right'] as const) {
    const first = reps.find(
      (r) => r.leg === side && r.pattern === 'opposite-arm-and-leg' && r.classification === 'unstable',
    );
    if (first)
      events.push({
        tMs: first.endMs,
        type: 're-cue',
        note: 'Brace, keep both hip points level, reach long, not high.',
      });
  }
  events.sort((a, b) => a.tMs - b.tMs);

  for (const r of readings)
    quality.push(
      ...outOfFrameMessages(
        r.frames,
        reps.filter((rep) => readingAt(readings, rep) === r),
      ),
    );
  for (const r of readings) {
    if (r.view !== 'side')
      quality.push({
        code: 'view-limits',
        message: `The camera filmed you ${viewLabel(r.view)}${readings.length > 1 ? ` from ${s1(r.startMs)} s to ${s1(r.endMs)} s` : ''}: leg height and trunk sag need a side view at hip height, so they are not measured ${readings.length > 1 ? 'there' : 'here'}.`,
      });
  }

  const sides = { left: sideVerdict(reps, 'left'), right: sideVerdict(reps, 'right') };
  const verdicts = overallVerdict(reps, sides);
  const overall = { ...verdicts, summary: overallSummary(verdicts, sides, !!pelvis) };
  const series = seriesOf(readings, pelvis);
  const result: Omit<BirdDogResult, 'explanation'> = {
    schemaVersion: BIRD_DOG_RESULT_VERSION,
    exercise: 'bird-dog',
    view,
    readings: readings.map((r) => ({ startMs: r.startMs, endMs: r.endMs, view: r.view })),
    sources: { camera: hasCamera, sensor: !!pelvis },
    measurable: measurableTable(hasCamera, !!pelvis, sideView, view),
    reps,
    sides,
    overall,
    events,
    quality: quality.filter((q, i) => quality.findIndex((o) => o.message === q.message) === i),
    series,
  };
  return { ...result, explanation: explainBirdDog(result) };
}

/** The result's one view: the view of the reading with the most reps (the longest on a tie); 'none' without a camera. */
function resultView(readings: readonly CameraReading[]): CameraViewKind | 'none' {
  if (readings.length === 0) return 'none';
  return readings.reduce((a, b) =>
    b.reps.length > a.reps.length || (b.reps.length === a.reps.length && b.endMs - b.startMs > a.endMs - a.startMs)
      ? b
      : a,
  ).view;
}

/** The reading a rep falls in (by its middle), or the nearest one. */
function readingAt(
  readings: readonly CameraReading[],
  r: { startMs: number; endMs: number },
): CameraReading | undefined {
  const mid = (r.startMs + r.endMs) / 2;
  return (
    readings.find((x) => mid >= x.startMs && mid <= x.endMs) ??
    readings.reduce<CameraReading | undefined>(
      (best, x) =>
        !best || Math.abs((x.startMs + x.endMs) / 2 - mid) < Math.abs((best.startMs + best.endMs) / 2 - mid) ? x : best,
      undefined,
    )
  );
}

/**
 * When the camera found no rep but saw what the person did instead: leg lifts that were no reach
 * (the knee kept bent, or no arm with them: a donkey kick, a fire hydrant), or no reach at all (a
 * cat-cow, a child's pose). Only where the landmarks follow every limb (3D, not end-on); null
 * otherwise, when a bird-dog the camera could not follow is as likely.
 */
function notBirdDogMessage(readings: readonly CameraReading[]): string | null {
  const lifts = readings.reduce((n, r) => n + r.legLifts, 0);
  if (lifts > 0)
    return `The camera saw ${lifts === 1 ? 'a leg lift' : `${lifts} leg lifts`} but no arm reaching forward with the opposite leg reaching straight back (a donkey kick or a fire hydrant looks like this), so this does not look like a bird-dog and no rep was counted. In the bird-dog, reach one leg straight back and the opposite arm straight forward, then hold.`;
  if (readings.length > 0 && readings.every((r) => r.seesLimbs))
    return "The camera saw you on all fours, but no arm and leg reaching out and holding (the back or the hips moved instead, as in a cat-cow or a child's pose), so this does not look like a bird-dog. In the bird-dog, reach one arm forward and the opposite leg back, then hold.";
  return null;
}

function noRepsMessage(hasCamera: boolean, readings: readonly CameraReading[]): string {
  if (!hasCamera)
    return 'No reps were found in the phone recording: record with the app so its spoken pacing marks each rep, or add a camera.';
  if (readings.some((r) => r.liftsWithoutLeg > 0))
    return 'No rep could be judged: the camera saw you lift but not which leg. Put the camera at your side, at hip height, 2-3 m away; from in front or behind, come closer and turn the phone sideways.';
  if (readings.some((r) => r.view === 'side'))
    return 'No bird-dog reps were found: make sure your whole body is in the picture and reach the arm and leg out fully, one side at a time.';
  return 'No bird-dog reps were found: from this angle the camera could not follow your arms and legs. Put the camera at your side, at hip height, 2-3 m away.';
}

/** The camera's series over all readings, one after the other, and the phone's. */
function seriesOf(readings: readonly CameraReading[], pelvis: PelvisInput | undefined): BirdDogResult['series'] {
  const all = <T>(f: (r: CameraReading) => readonly T[]) => readings.flatMap((r) => [...f(r)]);
  const motions = readings.filter((r) => r.motion);
  return {
    tMs: all((r) => r.cam.tMs),
    legRise: {
      left: all((r) => r.cam.rise.map((x) => x.leftLeg)),
      right: all((r) => r.cam.rise.map((x) => x.rightLeg)),
    },
    armRise: {
      left: all((r) => r.cam.rise.map((x) => x.leftArm)),
      right: all((r) => r.cam.rise.map((x) => x.rightArm)),
    },
    legElevationDeg: all((r) =>
      r.view === 'side' ? r.cam.tMs.map((_, i) => higherLegElevation(r.cam, i)) : r.cam.tMs.map(() => null),
    ),
    trunkSag: all((r) =>
      r.view === 'side'
        ? r.cam.sagRaw.map((x) => (x !== null && r.cam.restSagRaw !== null ? r.cam.restSagRaw - x : null))
        : r.cam.tMs.map(() => null),
    ),
    motion:
      motions.length > 0
        ? {
            tMs: motions.flatMap((r) => r.motion!.tMs),
            change: motions.flatMap((r) => r.motion!.activity),
            endOn: motions.some((r) => r.view === 'end-on'),
          }
        : null,
    sensor: pelvis
      ? {
          tMs: pelvis.samples.map((s) => s.tMs),
          rollDeg: pelvis.samples.map((s) => s.rollDeg),
          pitchDeg: pelvis.samples.map((s) => s.pitchDeg),
        }
      : null,
  };
}

function higherLegElevation(cam: CameraSignals, i: number): number | null {
  const r = cam.rise[i]!;
  const side = (r.leftLeg ?? -Infinity) >= (r.rightLeg ?? -Infinity) ? 'left' : 'right';
  return cam.legElevationDeg[side][i] ?? null;
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);

function measurableTable(
  camera: boolean,
  sensor: boolean,
  sideView: boolean,
  view: CameraViewKind | 'none',
): BirdDogResult['measurable'] {
  const noPhone = 'needs the phone lying flat on your lower back';
  return {
    R1: sensor
      ? { source: 'sensor' }
      : {
          source: null,
          reason: `Pelvic roll ${noPhone}; a camera cannot see it reliably from any view (our accuracy tests).`,
        },
    R2: {
      source: null,
      reason:
        'Sideways shift has no validated method yet: the camera cannot see it reliably and the phone measures tilt, not shift.',
    },
    R3: sensor ? { source: 'sensor' } : { source: null, reason: `Early pelvic motion ${noPhone}.` },
    R4:
      camera && sideView
        ? { source: 'camera' }
        : {
            source: null,
            reason: camera
              ? `Leg height: ${SIDE_VIEW_ONLY} ${viewLabel(view)}.`
              : 'Leg height needs a camera at your side.',
          },
    R4s: sensor ? { source: 'sensor' } : { source: null, reason: `Pelvic tilt when the leg goes up ${noPhone}.` },
    R5:
      camera && sideView
        ? { source: 'camera' }
        : {
            source: null,
            reason: camera
              ? `Trunk sag: ${SIDE_VIEW_ONLY} ${viewLabel(view)}.`
              : 'Trunk sag needs a camera at your side.',
          },
    R6: { source: null, reason: 'Pain is what you tell us after each side.' },
  };
}

function repsFromCues(pelvis: PelvisInput): Array<TrackedRep & { foundBy: 'pacing-cues'; cueLeg: BodySide }> {
  const out: Array<TrackedRep & { foundBy: 'pacing-cues'; cueLeg: BodySide }> = [];
  // A recording may carry the current cue on every sample or only when it is spoken: keep changes.
  const cues = pelvis.cues.filter((c, i, all) => i === 0 || all[i - 1]!.cue !== c.cue);
  const lastT = pelvis.samples.at(-1)!.tMs;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i]!;
    if (c.cue !== 'reach:left-leg' && c.cue !== 'reach:right-leg') continue;
    const leg: BodySide = c.cue === 'reach:left-leg' ? 'left' : 'right';
    let holdStart: number | null = null,
      holdEnd: number | null = null,
      end: number | null = null;
    for (let j = i + 1; j < cues.length; j++) {
      const d = cues[j]!;
      if (d.cue === 'hold' && holdStart === null) holdStart = d.tMs;
      else if (d.cue === 'return' && holdEnd === null) holdEnd = d.tMs;
      else if (d.cue === 'settle' || d.cue.startsWith('reach:') || d.cue === 'calibrate:rock') {
        end = d.tMs;
        break;
      }
    }
    const hs = holdStart ?? c.tMs + 2000;
    const he = holdEnd ?? hs + 5000;
    const e = Math.min(end ?? he + 2000, lastT);
    const legPeak = leg === 'left' ? { leftLeg: 1, rightLeg: 0 } : { leftLeg: 0, rightLeg: 1 };
    const armPeak = leg === 'left' ? { leftArm: 0, rightArm: 1 } : { leftArm: 1, rightArm: 0 };
    out.push({
      startMs: c.tMs,
      holdStartMs: hs,
      holdEndMs: Math.min(he, e),
      endMs: e,
      peakRise: { ...legPeak, ...armPeak },
      foundBy: 'pacing-cues',
      cueLeg: leg,
    });
  }
  return out;
}

interface RepContext {
  readonly frames: readonly FrameResult[];
  readonly cam: CameraSignals | null;
  /** The picture's change scaled to a full reach = 1, when it timed the reps. */
  readonly motion: { readonly tMs: readonly number[]; readonly rise: readonly number[] } | null;
  readonly pelvis: PelvisInput | undefined;
  readonly sideView: boolean;
  readonly view: CameraViewKind | 'none';
  readonly pain: BirdDogInput['pain'];
}

function limbsOf(r: TrackedRep): { leg: BodySide | null; arm: BodySide | null } {
  const lifted = (a: Limb, b: Limb): BodySide | null => {
    const pa = r.peakRise[a],
      pb = r.peakRise[b];
    if (Math.max(pa, pb) < BIRD_DOG_PHASES.LIMB_LIFTED_RISE) return null;
    return pa >= pb ? 'left' : 'right';
  };
  return { leg: lifted('leftLeg', 'rightLeg'), arm: lifted('leftArm', 'rightArm') };
}

const nm = (reason: string, source: Source | null = null, unit = ''): Metric => ({
  value: null,
  unit,
  band: 'not-measurable',
  source,
  reason,
});

function measureRep(index: number, r: TrackedForRules, ctx: RepContext): BirdDogRep {
  // The pacing cues name the leg; the picture's change shows it (the arm is assumed opposite).
  const limbs = r.foundBy === 'camera' ? limbsOf(r) : { leg: r.cueLeg!, arm: OTHER[r.cueLeg!] };
  const pattern: MovementPattern =
    limbs.leg && limbs.arm
      ? limbs.leg !== limbs.arm
        ? 'opposite-arm-and-leg'
        : 'same-side-arm-and-leg'
      : limbs.leg
        ? 'leg-only'
        : 'arm-only';
  const leg: BodySide = limbs.leg ?? OTHER[limbs.arm ?? 'left'];
  const arm: BodySide = limbs.arm ?? OTHER[leg];

  // Camera validity over the rep: the landmarks rep finding needs.
  let cameraValidShare: number | null = null;
  const idx = ctx.cam ? indicesIn(ctx.cam.tMs, r.startMs, r.endMs) : [];
  if (ctx.cam && idx.length > 0 && r.foundBy === 'camera') {
    const need: LandmarkName[] = [`${leg}_hip`, `${leg}_knee`, `${leg}_ankle`, `${arm}_shoulder`, `${arm}_wrist`];
    cameraValidShare = idx.filter((i) => need.every((n) => visibleInFrame(ctx.frames[i]!, n))).length / idx.length;
  }

  const metrics: Record<RuleId, Metric> = {
    R1: nm('Pelvic roll needs the phone lying flat on your lower back; a camera cannot see it reliably.', null, 'deg'),
    R2: nm(
      'Sideways shift has no validated method yet (camera unreliable; the phone measures tilt only).',
      null,
      'share of hip width',
    ),
    R3: nm('Early pelvic motion needs the phone on your lower back.', null, 'ms'),
    R4: nm(
      ctx.cam ? `Leg height: ${SIDE_VIEW_ONLY} ${viewLabel(ctx.view)}.` : 'Leg height needs a camera at your side.',
      null,
      'deg',
    ),
    R4s: nm('Pelvic tilt during the lift needs the phone on your lower back.', null, 'deg'),
    R5: nm(
      ctx.cam ? `Trunk sag: ${SIDE_VIEW_ONLY} ${viewLabel(ctx.view)}.` : 'Trunk sag needs a camera at your side.',
      null,
      'share of trunk length',
    ),
    R6: nm('No pain rating was given after this side.', null, 'NRS 0-10'),
  };

  // Phone on the pelvis: R1, R4s, R3.
  if (ctx.pelvis) {
    const p = ctx.pelvis;
    // The picture's change can end a hold early (the picture settles before the limb does), so its
    // reps look at the pelvis up to the rep's end; the roll only falls back on the way down.
    const winEndMs = r.foundBy === 'camera-motion' ? r.endMs : r.holdEndMs;
    const bad = p.badIntervals.find((b) => b.endMs >= r.startMs - T.BASELINE_MS && b.startMs <= winEndMs);
    const baseIdx = indicesIn(
      p.samples.map((s) => s.tMs),
      r.startMs - T.BASELINE_MS,
      r.startMs,
    );
    const winIdx = indicesIn(
      p.samples.map((s) => s.tMs),
      r.startMs,
      winEndMs + 1,
    );
    if (bad) {
      const why =
        bad.reason === 'gap'
          ? 'the phone stopped sending data'
          : bad.reason === 'jump'
            ? 'the phone jolted'
            : 'the phone slid off your back';
      metrics.R1 = nm(`Not measurable on this rep: ${why}.`, 'sensor', 'deg');
      metrics.R4s = nm(`Not measurable on this rep: ${why}.`, 'sensor', 'deg');
      metrics.R3 = nm(`Not measurable on this rep: ${why}.`, 'sensor', 'ms');
    } else if (winIdx.length < 3) {
      metrics.R1 = nm('The phone recording does not cover this rep.', 'sensor', 'deg');
      metrics.R4s = nm('The phone recording does not cover this rep.', 'sensor', 'deg');
      metrics.R3 = nm('The phone recording does not cover this rep.', 'sensor', 'ms');
    } else {
      const baseRoll = median((baseIdx.length ? baseIdx : [winIdx[0]!]).map((i) => p.samples[i]!.rollDeg))!;
      const basePitch = median((baseIdx.length ? baseIdx : [winIdx[0]!]).map((i) => p.samples[i]!.pitchDeg))!;
      let worstRoll = 0,
        worstRollT = r.startMs,
        worstPitch = 0,
        worstPitchT = r.startMs,
        onsetT: number | null = null;
      for (const i of winIdx) {
        const s = p.samples[i]!;
        const dr = s.rollDeg - baseRoll;
        const dp = s.pitchDeg - basePitch;
        if (Math.abs(dr) > Math.abs(worstRoll)) {
          worstRoll = dr;
          worstRollT = s.tMs;
        }
        if (dp > worstPitch) {
          worstPitch = dp;
          worstPitchT = s.tMs;
        }
        if (onsetT === null && Math.abs(dr) >= T.R3_ROLL_ONSET_DEG) onsetT = s.tMs;
      }
      const mag = Math.abs(worstRoll);
      metrics.R1 = {
        value: round1(mag),
        unit: 'deg',
        band: pelvicRollBand(mag),
        source: 'sensor',
        atMs: worstRollT,
        ...(mag >= 1 ? { direction: worstRoll > 0 ? 'right-hip-lower' : 'left-hip-lower' } : {}),
      };
      metrics.R4s = {
        value: round1(worstPitch),
        unit: 'deg',
        band: band(worstPitch, T.R4S_AMBER_DEG, T.R4S_RED_DEG),
        source: 'sensor',
        atMs: worstPitchT,
      };
      // R3: when does the leg reach half its own lift? From the camera, or from the pacing cue.
      let legHalfT: number | null = null;
      if (r.foundBy === 'pacing-cues') legHalfT = r.startMs + (r.holdStartMs - r.startMs) * T.R3_LEG_FRACTION;
      else if (r.foundBy === 'camera-motion' && ctx.motion) {
        const m = ctx.motion;
        const win = indicesIn(m.tMs, r.startMs, r.holdEndMs + 1);
        const peak = Math.max(0, ...win.map((k) => m.rise[k]!));
        const k = win.find((j) => m.rise[j]! >= peak * T.R3_LEG_FRACTION);
        legHalfT = k !== undefined && peak > 0 ? m.tMs[k]! : null;
      } else if (ctx.cam && limbs.leg) {
        const limb: Limb = limbs.leg === 'left' ? 'leftLeg' : 'rightLeg';
        const peak = r.peakRise[limb];
        const signal = limbSignal(ctx.cam);
        const i = indicesIn(ctx.cam.tMs, r.startMs, r.holdEndMs + 1).find(
          (k) => (signal[k]![limb] ?? 0) >= peak * T.R3_LEG_FRACTION,
        );
        legHalfT = i !== undefined ? ctx.cam.tMs[i]! : null;
      }
      if (!limbs.leg) metrics.R3 = nm('No leg was lifted on this rep.', 'sensor', 'ms');
      else if (legHalfT === null) metrics.R3 = nm('The leg lift could not be timed on this rep.', 'sensor', 'ms');
      else if (onsetT === null)
        metrics.R3 = {
          value: null,
          unit: 'ms',
          band: 'green',
          source: 'sensor',
          reason: `The pelvis stayed within ${T.R3_ROLL_ONSET_DEG} degrees.`,
        };
      else {
        const leadMs = legHalfT - onsetT;
        metrics.R3 = {
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
    }
  }

  // Side camera: R4 leg line and R5 trunk sag.
  if (ctx.cam && ctx.sideView) {
    const cam = ctx.cam;
    if (!limbs.leg) metrics.R4 = nm('No leg was lifted on this rep.', 'camera', 'deg');
    else {
      const hold = indicesIn(cam.tMs, r.holdStartMs - 100, r.holdEndMs + 100);
      const valid = hold.filter(
        (i) => visibleInFrame(ctx.frames[i]!, `${leg}_hip`) && visibleInFrame(ctx.frames[i]!, `${leg}_ankle`),
      );
      if (hold.length === 0 || valid.length / hold.length < MIN_VALID_FRAME_SHARE) {
        metrics.R4 = nm('Your raised foot or hip was not seen in enough frames of the hold.', 'camera', 'deg');
      } else {
        const series = movingMedian(
          hold.map((i) => cam.legElevationDeg[leg][i] ?? null),
          5,
          'centred',
        );
        const { value, at } = maxWithIndex(series);
        metrics.R4 =
          value === null
            ? nm('The leg line could not be measured.', 'camera', 'deg')
            : {
                value: round1(value),
                unit: 'deg',
                band: band(value, T.R4_AMBER_DEG, T.R4_RED_DEG),
                source: 'camera',
                atMs: cam.tMs[hold[at]!]!,
              };
      }
    }
    // Sag is a posture held through the hold (rule set B: measured over the hold window): its
    // median over the hold, so the landmarks' jitter and the reach's passing shapes do not count.
    const win = indicesIn(cam.tMs, r.holdStartMs, r.holdEndMs + 1);
    const supportKnee = OTHER[leg];
    const needSag: LandmarkName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', `${supportKnee}_knee`];
    const validSag = win.filter((i) => needSag.every((n) => visibleInFrame(ctx.frames[i]!, n)));
    if (win.length === 0 || validSag.length / win.length < MIN_VALID_FRAME_SHARE || cam.restSagRaw === null) {
      metrics.R5 = nm(
        'Your shoulders, hips or supporting knee were not seen in enough frames.',
        'camera',
        'share of trunk length',
      );
    } else {
      const sag = win.map((i) => (cam.sagRaw[i] !== null ? cam.restSagRaw! - cam.sagRaw[i]! : null));
      const value = median(sag);
      const at =
        value === null
          ? 0
          : sag.reduce<number>(
              (best, v, k) =>
                v !== null && Math.abs(v - value) < Math.abs((sag[best] ?? Infinity) - value) ? k : best,
              0,
            );
      metrics.R5 =
        value === null
          ? nm('Trunk sag could not be measured.', 'camera', 'share of trunk length')
          : {
              value: round3(value),
              unit: 'share of trunk length',
              band: band(value, T.R5_AMBER, T.R5_RED),
              source: 'camera',
              atMs: cam.tMs[win[at]!]!,
            };
    }
  }

  // R6: pain after the side, against the resting score.
  const after = ctx.pain?.afterSide?.[leg];
  if (after !== undefined) {
    const rest = ctx.pain?.restNrs;
    if (rest === undefined)
      metrics.R6 = {
        value: after,
        unit: 'NRS 0-10',
        band: 'not-measurable',
        source: null,
        reason: 'No resting pain score to compare with.',
      };
    else
      metrics.R6 = {
        value: after,
        unit: 'NRS 0-10',
        band: after >= rest + T.R6_PAIN_RISE ? 'red' : 'green',
        source: null,
        reason: `Resting pain was ${rest}.`,
      };
  }

  const { classification, reason } = classify(metrics, cameraValidShare, !!ctx.pelvis, pattern);
  return {
    index,
    leg,
    arm,
    pattern,
    startMs: r.startMs,
    holdStartMs: r.holdStartMs,
    holdEndMs: r.holdEndMs,
    endMs: r.endMs,
    holdMs: Math.max(0, r.holdEndMs - r.holdStartMs),
    classification,
    classificationReason: reason,
    foundBy: r.foundBy,
    metrics,
    cameraValidShare,
  };
}

const SCORED: readonly RuleId[] = ['R1', 'R2', 'R4', 'R4s', 'R5'];

export function classify(
  metrics: Readonly<Record<RuleId, Metric>>,
  cameraValidShare: number | null,
  hasSensor: boolean,
  pattern: MovementPattern,
): { classification: RepClassification; reason: string } {
  if (!hasSensor && cameraValidShare !== null && cameraValidShare < MIN_VALID_FRAME_SHARE) {
    return {
      classification: 'not-measurable',
      reason: `The camera saw the moving limbs in only ${Math.round(cameraValidShare * 100)}% of this rep's frames (at least ${MIN_VALID_FRAME_SHARE * 100}% are needed).`,
    };
  }
  const reds = SCORED.filter((id) => metrics[id].band === 'red');
  const ambers = SCORED.filter((id) => metrics[id].band === 'amber');
  const r3 = metrics.R3.band === 'red';
  const patternNote =
    pattern === 'opposite-arm-and-leg'
      ? ''
      : ' (not counted in the side result: the bird-dog uses the opposite arm and leg)';
  if (r3 || reds.length > 0 || ambers.length >= 2) {
    const why = [
      ...reds.map((r) => `${r} red`),
      ...(ambers.length >= 2 ? ambers.map((a) => `${a} amber`) : []),
      ...(r3 ? ['R3 early pelvic motion'] : []),
    ];
    return { classification: 'unstable', reason: `Unstable: ${why.join(', ')}${patternNote}.` };
  }
  if (ambers.length === 1)
    return { classification: 'borderline', reason: `Borderline: ${ambers[0]} amber${patternNote}.` };
  if (metrics.R1.band !== 'not-measurable')
    return { classification: 'stable', reason: `Stable: every measured rule was green${patternNote}.` };
  const seen = SCORED.some((id) => metrics[id].band !== 'not-measurable');
  return {
    classification: 'not-measurable',
    reason: `Pelvic roll, the main thing this test checks, needs the phone lying flat on your lower back; ${seen ? 'what the camera could see was green' : 'from this view the camera could measure none of the other rules either'}.`,
  };
}

export function sideVerdict(reps: readonly BirdDogRep[], side: BodySide): BirdDogSide {
  const mine = reps.filter((r) => r.leg === side);
  const valid = mine.filter((r) => r.pattern === 'opposite-arm-and-leg' && r.classification !== 'not-measurable');
  const unstable = valid.filter((r) => r.classification === 'unstable');
  const rolls = valid.map((r) => r.metrics.R1.value).filter((v): v is number => v !== null);
  const meanRollDeg = rolls.length ? round1(rolls.reduce((a, b) => a + b, 0) / rolls.length) : null;
  const base = { reps: mine.length, validReps: valid.length, unstableReps: unstable.length, meanRollDeg };
  if (valid.length < 2) {
    const found =
      mine.length === 0
        ? `No rep with the ${side} leg was found`
        : valid.length === 0
          ? mine.length === 1
            ? `The one rep with the ${side} leg could not be measured`
            : `None of the ${mine.length} reps with the ${side} leg could be measured`
          : `Only 1 of the ${mine.length} reps with the ${side} leg could be measured`;
    return {
      ...base,
      verdict: 'not-measurable',
      reason: `${found}; a side needs at least 2 measured reps with the opposite arm.`,
    };
  }
  const last = valid[valid.length - 1]!;
  if (unstable.length >= 2 && unstable.length * 2 >= valid.length && last.classification === 'unstable') {
    return {
      ...base,
      verdict: 'positive',
      reason: `${unstable.length} of ${valid.length} reps were unstable, including the last one after the reminder to keep the hips level.`,
    };
  }
  if (unstable.length >= 2) {
    return {
      ...base,
      verdict: 'negative',
      reason: `${unstable.length} of ${valid.length} reps were unstable, but the last rep after the reminder was steady.`,
    };
  }
  return { ...base, verdict: 'negative', reason: `${unstable.length} of ${valid.length} reps were unstable.` };
}

export function overallVerdict(
  reps: readonly BirdDogRep[],
  sides: Readonly<Record<BodySide, BirdDogSide>>,
): BirdDogOverall {
  const valid = reps.filter((r) => r.pattern === 'opposite-arm-and-leg' && r.classification !== 'not-measurable');
  const hasRed = (r: BirdDogRep) => ([...SCORED, 'R3'] as RuleId[]).some((id) => r.metrics[id].band === 'red');
  const redReps = valid.filter(hasRed).length;
  const pos = (['left', 'right'] as const).filter((s) => sides[s].verdict === 'positive');
  const neg = (['left', 'right'] as const).filter((s) => sides[s].verdict === 'negative');
  const symptomProvoking = reps.some((r) => r.metrics.R6.band === 'red');
  let asymmetry = false;
  let asymmetryReason: string | null = null;
  if (pos.length === 1 && neg.length === 1) {
    asymmetry = true;
    asymmetryReason = `Only the ${pos[0]} side was positive.`;
  } else if (
    sides.left.meanRollDeg !== null &&
    sides.right.meanRollDeg !== null &&
    Math.abs(sides.left.meanRollDeg - sides.right.meanRollDeg) > T.ASYMMETRY_ROLL_DIFF_DEG
  ) {
    asymmetry = true;
    asymmetryReason = `Mean pelvic roll differed by ${round1(Math.abs(sides.left.meanRollDeg - sides.right.meanRollDeg))} degrees between sides.`;
  }
  let verdict: BirdDogOverall['verdict'];
  if (redReps >= 2) verdict = 'positive';
  else if (pos.length === 2)
    verdict = valid.filter((r) => r.classification === 'unstable').some(hasRed) ? 'positive' : 'positive-mild';
  else if (pos.length === 1) verdict = 'positive-mild';
  else if (neg.length === 2) verdict = 'negative';
  else verdict = 'not-measurable';
  return { verdict, asymmetry, asymmetryReason, symptomProvoking, summary: '' };
}

function indicesIn(tMs: readonly number[], fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < tMs.length; i++) if (tMs[i]! >= fromMs && tMs[i]! < toMs) out.push(i);
  return out;
}

/** Seen (above the visibility floor) and inside the picture: models guess off-frame limbs confidently. */
function visibleInFrame(f: FrameResult, name: LandmarkName): boolean {
  const lm = f.landmarks?.[landmarkIndex(name)];
  return isLandmarkVisible(lm) && lm.xNorm >= 0 && lm.xNorm <= 1 && lm.yNorm >= 0 && lm.yNorm <= 1;
}

function maxWithIndex(values: ReadonlyArray<number | null>): { value: number | null; at: number } {
  let value: number | null = null,
    at = 0;
  values.forEach((v, i) => {
    if (v !== null && (value === null || v > value)) {
      value = v;
      at = i;
    }
  });
  return { value, at };
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

const BODY_PART_WORDS: Partial<Record<LandmarkName, string>> = {
  left_ankle: 'raised foot',
  right_ankle: 'raised foot',
  left_knee: 'knee',
  right_knee: 'knee',
  left_hip: 'hips',
  right_hip: 'hips',
  left_wrist: 'reaching hand',
  right_wrist: 'reaching hand',
  left_shoulder: 'shoulders',
  right_shoulder: 'shoulders',
};

/** Names a body part that leaves the picture (or is not seen) during reps, with what to do. */
function outOfFrameMessages(frames: readonly FrameResult[], reps: readonly BirdDogRep[]): QualityMessage[] {
  const counts = new Map<LandmarkName, { out: number; unseen: number; total: number }>();
  for (const r of reps) {
    const names: LandmarkName[] = [
      `${r.leg}_ankle`,
      `${r.leg}_knee`,
      `${r.leg}_hip`,
      `${r.arm}_wrist`,
      `${r.arm}_shoulder`,
    ];
    for (const f of frames) {
      if (f.tMs < r.startMs || f.tMs > r.holdEndMs || !f.landmarks) continue;
      for (const n of names) {
        const c = counts.get(n) ?? { out: 0, unseen: 0, total: 0 };
        const lm = f.landmarks[landmarkIndex(n)];
        c.total++;
        if (lm && (lm.xNorm < 0 || lm.xNorm > 1 || lm.yNorm < 0 || lm.yNorm > 1)) c.out++;
        else if (!lm || lm.visibility < VISIBILITY_FLOOR) c.unseen++;
        counts.set(n, c);
      }
    }
  }
  const out: QualityMessage[] = [];
  const said = new Set<string>();
  const fromPicture = reps.length > 0 && reps.every((r) => r.foundBy === 'camera-motion');
  for (const [name, c] of counts) {
    const part = BODY_PART_WORDS[name] ?? name.replace('_', ' ');
    if (said.has(part) || c.total === 0) continue;
    if (c.out / c.total > 1 - MIN_VALID_FRAME_SHARE) {
      out.push({
        code: 'body-part-out-of-frame',
        message: `Your ${part} leaves the picture: move the camera back so your whole body fits, 2-3 m away.`,
      });
      said.add(part);
    } else if ((c.out + c.unseen) / c.total > 1 - MIN_VALID_FRAME_SHARE && !fromPicture) {
      // Reps timed from the picture's change do not need the landmarks; only a cut-off body matters.
      out.push({
        code: 'body-part-out-of-frame',
        message: `Your ${part} was hard to see during the reps: use brighter light and fitted clothing, with nothing between the camera and you.`,
      });
      said.add(part);
    }
  }
  return out;
}
