// Verdicts on rendered clips, through the real pipeline: the clip's MP4 through the recorded-video
// pose path (tracking and smoothing on, as in the CLI), then the real analysers (analyzeBirdDog,
// analyzeStretch), with and without a phone whose truth is the clip's own pelvis. Each verdict is
// compared with the verdict the exact truth deserves. Per-frame stretch angles are kept too (the
// rocking clip is where BlazePose full was seen reading a still front knee as 135 degrees). Bird-dog
// clips also score rep finding, camera only, with and without the picture's change (rep-finding.ts).

import {
  analyzeBirdDog,
  analyzeStretch,
  classify,
  hasPerson,
  pelvisInputFromSamples,
  stretchAngles,
  waistbandInputFromSamples,
  BIRD_DOG_THRESHOLDS as BT,
  STRETCH_THRESHOLDS as ST,
  type Band,
  type BirdDogRep,
  type FrameResult,
  type Metric,
  type MotionFrames,
  type RuleId,
  type StretchResult,
} from '@steadyback/core';
import type { PoseModelName } from '@steadyback/pose';
import { analyzeVideoPoses, readMotionFrames, recordedModelFps } from '@steadyback/pose/node';
import { readClipTruth, type ClipTruthFile } from '../render/fixture-cache.ts';
import { phoneRecording } from '../render/phone-recording.ts';
import type { Side } from '../render/pose-spec.ts';
import type { BirdDogClipCase, ClipCase, StretchClipCase } from './cases.ts';
import type { Verdict } from './metrics.ts';
import { sacrumStreamForClip, waistbandStreamForClip } from './phone-stream.ts';
import {
  matchByOverlap,
  scoreRepFinding,
  type Recording,
  type RepFindingConfig,
  type RepFindingItem,
} from './rep-finding.ts';
import type { RenderQueue } from './render-queue.ts';
import { trueKneel } from './still-angles.ts';

/** The pose model reads the clips at the rate `steadyback analyze` uses for the exercise. */
const modelRate = (exercise: 'bird-dog' | 'hip-flexor-stretch') => {
  const fps = recordedModelFps(exercise);
  return fps ? { maxModelFps: fps } : {};
};

export type RepLabel = 'stable' | 'borderline' | 'unstable';
export type FaultLabel = 'fault' | 'no-fault';

export interface VerdictItem<L extends string> {
  readonly clipId: string;
  readonly model: PoseModelName | 'none';
  /** Which sources the analysis had. */
  readonly config: string;
  readonly truth: L;
  readonly answer: Verdict<L>;
}

export interface FrameAngleSample {
  readonly clipId: string;
  readonly model: PoseModelName;
  readonly tMs: number;
  readonly truthFront: number;
  readonly truthBack: number;
  readonly truthLean: number;
  readonly front: number | null;
  readonly back: number | null;
  readonly lean: number | null;
}

export interface ClipsRun {
  readonly repVerdicts: VerdictItem<RepLabel>[];
  readonly faultVerdicts: Array<VerdictItem<FaultLabel> & { readonly rule: 'C1' | 'C5' }>;
  readonly stretchFrames: FrameAngleSample[];
  /** The analyser's set-up front knee per clip and model, against the truth. */
  readonly setups: Array<{
    clipId: string;
    model: PoseModelName;
    truthFrontKneeDeg: number;
    frontKneeDeg: number | null;
  }>;
  /** Extra reps the analysis found where the truth has none. */
  readonly spuriousReps: number;
  /** Bird-dog clips: rep finding, camera only, per model, pose only and with the picture's change. */
  readonly repFinding: RepFindingItem[];
}

const band = (v: number, amber: number, red: number, redInclusive: boolean): Band =>
  (redInclusive ? v >= red : v > red) ? 'red' : (redInclusive ? v >= amber : v > amber) ? 'amber' : 'green';
const m = (b: Band): Metric => ({ value: null, unit: '', band: b, source: null });

interface TruthRep {
  readonly startMs: number;
  readonly holdStartMs: number;
  readonly holdEndMs: number;
  readonly endMs: number;
  readonly label: RepLabel;
  readonly side: Side;
}

/** The verdict each rendered rep deserves, from its exact roll, leg height and timing. */
export function truthReps(t: ClipTruthFile): TruthRep[] {
  const reps: TruthRep[] = [];
  const ids = [...new Set(t.segments.map((s) => s.rep).filter((r): r is number => r !== null))];
  for (const r of ids) {
    const segs = t.segments.filter((s) => s.rep === r);
    const reach = segs.find((s) => s.phase === 'reach')!;
    const hold = segs.find((s) => s.phase === 'hold')!;
    const end = segs[segs.length - 1]!.endMs;
    const side: Side = reach.side ?? 'left';
    const frames = t.frames.filter((f) => f.tMs >= reach.startMs && f.tMs <= hold.endMs);
    const before = t.frames.filter((f) => f.tMs <= reach.startMs).at(-1) ?? frames[0]!;
    const baseRoll = before.truth.angles.pelvisRollDeg;
    const ankle = (f: typeof before) => f.truth.joints3dM[`${side}_ankle`].y;
    const peakRise = Math.max(...frames.map((f) => ankle(f) - ankle(before)));
    const onset =
      frames.find((f) => Math.abs(f.truth.angles.pelvisRollDeg - baseRoll) >= BT.R3_ROLL_ONSET_DEG)?.tMs ?? null;
    const legHalf = frames.find((f) => ankle(f) - ankle(before) >= peakRise * BT.R3_LEG_FRACTION)?.tMs ?? null;
    const roll = Math.max(...frames.map((f) => Math.abs(f.truth.angles.pelvisRollDeg - baseRoll)));
    const holdFrames = frames.filter((f) => f.tMs >= hold.startMs);
    const leg = Math.max(
      ...holdFrames.map((f) =>
        side === 'left' ? f.truth.angles.leftLegElevationDeg : f.truth.angles.rightLegElevationDeg,
      ),
    );
    const metrics: Record<RuleId, Metric> = {
      R1: m(band(roll, BT.R1_ROLL_AMBER_DEG, BT.R1_ROLL_RED_DEG, true)),
      R2: m('not-measurable'),
      R3: m(onset !== null && legHalf !== null && onset < legHalf ? 'red' : 'green'),
      R4: m(band(leg, BT.R4_AMBER_DEG, BT.R4_RED_DEG, false)),
      R4s: m('green'),
      R5: m('green'),
      R6: m('not-measurable'),
    };
    const c = classify(metrics, 1, true, 'opposite-arm-and-leg').classification;
    reps.push({
      startMs: reach.startMs,
      holdStartMs: hold.startMs,
      holdEndMs: hold.endMs,
      endMs: end,
      label: c === 'not-measurable' ? 'stable' : c,
      side,
    });
  }
  return reps;
}

function matchReps(
  truth: TruthRep[],
  found: readonly BirdDogRep[],
): { answers: Array<Verdict<RepLabel>>; spurious: number } {
  const match = matchByOverlap(truth, found);
  const answers = match.map((i) => (i === null ? ('not-measurable' as const) : found[i]!.classification));
  return { answers, spurious: found.length - match.filter((i) => i !== null).length };
}

/** Camera only, as `steadyback analyze --exercise bird-dog` would without a phone; no person at all -> nothing found. */
function repFindingItem(
  c: BirdDogClipCase,
  t: ClipTruthFile,
  truth: TruthRep[],
  model: PoseModelName,
  frames: readonly FrameResult[],
  motion: MotionFrames | null,
): RepFindingItem {
  const config: RepFindingConfig = motion ? 'with-motion' : 'pose-only';
  const withPerson = frames.filter(hasPerson).length;
  const recording: Recording = c.phone ? (c.recording ?? 'phone') : 'rendered';
  const base = {
    clipId: c.id,
    view: t.view,
    recording,
    model,
    config,
    frames: frames.length,
    framesWithPerson: withPerson,
  };
  if (withPerson === 0) return { ...base, ...scoreRepFinding(truth, [], 'no person') };
  const r = analyzeBirdDog({ frames, ...(motion ? { motion } : {}) });
  return { ...base, ...scoreRepFinding(truth, r.reps, r.view) };
}

async function birdDogClip(
  c: BirdDogClipCase,
  t: ClipTruthFile,
  mp4: string,
  out: ClipsRun & { spuriousReps: number },
): Promise<number> {
  const truth = truthReps(t);
  if (c.phone) {
    // A phone's own recording: rep finding, camera only (the sacrum phone's stream does not model standing up).
    const phoneMp4 = phoneRecording(mp4, c.spec.fps, c.phone);
    let motion: MotionFrames | null = null;
    for (const model of c.models) {
      const poses = await analyzeVideoPoses(phoneMp4, { model, workers: 1, ...modelRate('bird-dog') });
      motion ??= await readMotionFrames(poses.info);
      out.repFinding.push(
        repFindingItem(c, t, truth, model, poses.frames, null),
        repFindingItem(c, t, truth, model, poses.frames, motion),
      );
    }
    return 0;
  }
  let spurious = 0;
  const pelvis = pelvisInputFromSamples(sacrumStreamForClip(t, 11));
  if (!pelvis.ok) throw new Error(`phone stream for ${c.id}: ${pelvis.reason}`);
  const push = (model: PoseModelName | 'none', config: string, reps: readonly BirdDogRep[]) => {
    const { answers, spurious: s } = matchReps(truth, reps);
    spurious += s;
    truth.forEach((tr, i) =>
      out.repVerdicts.push({ clipId: c.id, model, config, truth: tr.label, answer: answers[i]! }),
    );
  };
  push('none', 'phone only', analyzeBirdDog({ pelvis: pelvis.pelvis }).reps);
  let motion: MotionFrames | null = null;
  for (const model of c.models) {
    const poses = await analyzeVideoPoses(mp4, { model, workers: 1, ...modelRate('bird-dog') });
    const frames: FrameResult[] = poses.frames;
    push(model, `camera (${t.view})`, analyzeBirdDog({ frames }).reps);
    push(model, `camera (${t.view}) + phone`, analyzeBirdDog({ frames, pelvis: pelvis.pelvis }).reps);
    // The picture's change does not depend on the model: read once per clip, as the CLI reads it.
    motion ??= await readMotionFrames(poses.info);
    out.repFinding.push(
      repFindingItem(c, t, truth, model, frames, null),
      repFindingItem(c, t, truth, model, frames, motion),
    );
  }
  return spurious;
}

function faultAnswer(r: StretchResult, rule: 'C1' | 'C5', source: 'camera' | 'sensor'): Verdict<FaultLabel> {
  const holds = source === 'camera' ? r.holds.filter((h) => h.formMeasured) : r.holds;
  if (holds.length === 0) return 'not-measurable';
  return holds.some((h) => h.faults.some((f) => f.rule === rule && f.source === source)) ? 'fault' : 'no-fault';
}

async function stretchClip(c: StretchClipCase, t: ClipTruthFile, mp4: string, out: ClipsRun): Promise<void> {
  const settle = t.frames.filter((f) => f.phase === 'settle').map((f) => f.truth.angles.trunkLeanDeg);
  const setupLean = settle.length ? settle.reduce((a, b) => a + b, 0) / settle.length : 0;
  const holdLean = Math.max(...t.frames.filter((f) => f.phase === 'hold').map((f) => f.truth.angles.trunkLeanDeg));
  const c1Truth: FaultLabel = holdLean - setupLean > ST.C1_LEAN_BACK_DEG ? 'fault' : 'no-fault';
  const c5Truth: FaultLabel = c.spec.rockCycles ? 'fault' : 'no-fault';
  // The phone in the waistband: the pelvis tips forward as much as the trunk leans back (stated).
  const tilt = Math.max(0, c.spec.trunkLeanDeg ?? 0);
  const waist = waistbandInputFromSamples(waistbandStreamForClip(t, tilt, 12));
  if (!waist.ok) throw new Error(`waistband stream for ${c.id}: ${waist.reason}`);
  const c1sTruth: FaultLabel = tilt > ST.C1S_RED_DEG ? 'fault' : 'no-fault';
  const kneeling = c.spec.kneelingSide ?? 'left';
  for (const model of c.models) {
    const frames: FrameResult[] = (
      await analyzeVideoPoses(mp4, { model, workers: 1, ...modelRate('hip-flexor-stretch') })
    ).frames;
    const cam = analyzeStretch({ frames });
    const both = analyzeStretch({ frames, waistband: waist.waistband });
    const v = `camera (${t.view})`;
    out.faultVerdicts.push(
      { clipId: c.id, model, config: v, rule: 'C1', truth: c1Truth, answer: faultAnswer(cam, 'C1', 'camera') },
      { clipId: c.id, model, config: v, rule: 'C5', truth: c5Truth, answer: faultAnswer(cam, 'C5', 'camera') },
      {
        clipId: c.id,
        model,
        config: `${v} + waistband phone (C1s)`,
        rule: 'C1',
        truth: c1sTruth,
        answer: faultAnswer(both, 'C1', 'sensor'),
      },
    );
    const setup = cam.setups[0];
    const first = t.frames.find((f) => f.phase === 'settle') ?? t.frames[0]!;
    out.setups.push({
      clipId: c.id,
      model,
      truthFrontKneeDeg: trueKneel(first.truth, kneeling).frontKneeDeg!,
      frontKneeDeg: setup?.frontKneeDeg ?? null,
    });
    if (t.view !== 'side-left') continue;
    frames.forEach((f, i) => {
      const tf = t.frames[i];
      if (!tf) return;
      const tk = trueKneel(tf.truth, kneeling);
      const a = stretchAngles(f);
      out.stretchFrames.push({
        clipId: c.id,
        model,
        tMs: tf.tMs,
        truthFront: tk.frontKneeDeg!,
        truthBack: tk.backKneeDeg!,
        truthLean: tk.trunkLeanDeg!,
        front: a.frontKneeDeg,
        back: a.backKneeDeg,
        lean: a.trunkLeanDeg,
      });
    });
  }
}

export async function runClips(
  clips: readonly ClipCase[],
  queue: RenderQueue,
  onProgress: (done: number, total: number) => void,
): Promise<ClipsRun> {
  const out: ClipsRun & { spuriousReps: number } = {
    repVerdicts: [],
    faultVerdicts: [],
    stretchFrames: [],
    setups: [],
    spuriousReps: 0,
    repFinding: [],
  };
  let done = 0;
  for (const c of clips) {
    const f = await queue.clip(c);
    const t = readClipTruth(f);
    if (c.family === 'bird-dog') out.spuriousReps += await birdDogClip(c, t, f.mp4, out);
    else await stretchClip(c, t, f.mp4, out);
    onProgress(++done, clips.length);
  }
  return out;
}
