// Short movement clips with per-frame ground truth: keyframe recipes for the bird-dog and the
// half-kneeling hip flexor stretch, and ffmpeg encoding of rendered frames (.mp4 H.264 yuv420p for
// people and players, .y4m for Chromium's fake camera).

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  createFigureRenderer,
  type ClipFrame,
  type FigureChoice,
  type FigureRenderer,
  type FloorPlace,
  type Keyframe,
} from './figure-renderer.ts';
import { birdDogPacing } from '@steadyback/core';
import type { PoseSpec, Side } from './pose-spec.ts';
import { VIEWS, type Look, type ViewName } from './views.ts';

export const FFMPEG_PATH = process.env.STEADYBACK_FFMPEG ?? '/usr/bin/ffmpeg';

/** Encodes PNG frames; the container follows the extension: .mp4 (H.264, yuv420p) or .y4m. */
export async function writeClip(
  frames: readonly { readonly png: Buffer }[],
  outPath: string,
  fps: number,
): Promise<string> {
  if (frames.length === 0) throw new Error('writeClip: no frames');
  const ext = path.extname(outPath).toLowerCase();
  const out =
    ext === '.mp4'
      ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-movflags', '+faststart']
      : ext === '.y4m'
        ? ['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe']
        : null;
  if (!out) throw new Error(`writeClip: unsupported extension "${ext}"; use .mp4 or .y4m`);
  mkdirSync(path.dirname(outPath), { recursive: true });
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'image2pipe',
    '-framerate',
    String(fps),
    '-c:v',
    'png',
    '-i',
    '-',
    ...out,
    outPath,
  ];
  await new Promise<void>((resolve, reject) => {
    const p = spawn(FFMPEG_PATH, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', (e) =>
      reject(
        new Error(
          `ffmpeg could not start at ${FFMPEG_PATH} (install Debian ffmpeg or set STEADYBACK_FFMPEG): ${e.message}`,
        ),
      ),
    );
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${err.trim()}`))));
    p.stdin.on('error', () => undefined); // reported through 'close'
    (async () => {
      for (const f of frames) {
        if (!p.stdin.write(f.png)) await new Promise((r) => p.stdin.once('drain', r));
      }
      p.stdin.end();
    })().catch(reject);
  });
  return outPath;
}

/** `walk`, `get-down` / `get-up`: to the mat, from standing onto all fours and back, outside any rep. */
export type ClipPhase = 'stand' | 'walk' | 'get-down' | 'settle' | 'reach' | 'hold' | 'return' | 'rest' | 'get-up';

export interface ClipSegment {
  readonly phase: ClipPhase;
  readonly startMs: number;
  readonly endMs: number;
  /** 0-based repetition, null outside reps. */
  readonly rep: number | null;
  /** Bird-dog: the lifted leg; half-kneel: the kneeling side. */
  readonly side: Side | null;
}

export interface ClipPlan {
  readonly keyframes: Keyframe[];
  readonly segments: ClipSegment[];
  readonly durationMs: number;
  /** The phases the fixed camera is placed to fit; absent = the whole clip. */
  readonly fitPhases?: readonly ClipPhase[];
}

export interface LabeledFrame extends ClipFrame {
  readonly phase: ClipPhase;
  readonly rep: number | null;
  readonly side: Side | null;
}

export interface RenderedClip {
  readonly fps: number;
  readonly view: ViewName;
  readonly plan: ClipPlan;
  readonly frames: LabeledFrame[];
}

interface CommonClipOptions {
  readonly view: ViewName;
  readonly fps: number;
  readonly reps?: number;
  /** Time scale: 2 = everything twice as fast (for quick tests). */
  readonly speed?: number;
  readonly figure?: FigureChoice;
  readonly widthPx?: number;
  readonly heightPx?: number;
  readonly look?: Partial<Look>;
  /** Reuse an open renderer (its figure and size win); otherwise one is opened and closed. */
  readonly renderer?: FigureRenderer;
}

export interface BirdDogClipOptions extends CommonClipOptions {
  /** The leg lifted first; reps alternate sides. Default left. */
  readonly firstLeg?: Side;
  readonly legElevationDeg?: number;
  readonly armElevationDeg?: number;
  /** Pelvis roll reached at the hold (positive = right hip lower); 0 = a stable pelvis. */
  readonly pelvisRollDeg?: number;
  readonly trunkSagDeg?: number;
  readonly holdS?: number;
  /**
   * As a phone recording starts and ends: standing this many seconds, getting down onto all fours
   * (2.5 s) before the first rep, and getting up again after the last (2.5 s, then standing). 0 = none.
   */
  readonly standS?: number;
  /**
   * Someone who creeps: after each rep's return the body rests this far from where it rested
   * before, [x, z] metres (x = the person's left, z = forward, toward the head). Default none.
   */
  readonly creepM?: FloorPlace;
  /**
   * As someone films themselves at home (instead of `standS`): the recording starts and ends at the
   * phone, `HOME_WALK_M` toward the camera from the mat (standing 1.5 s, walking 2.5 s); they get down
   * through half-kneeling on the left knee (2 s), pause 1 s, put the hands down (2 s), shuffle back
   * 5 cm and settle 2 s, and get up the same way; the phone is propped for the body on all fours, so
   * standing and walking go partly out of the picture.
   */
  readonly atHome?: boolean;
  /**
   * Follows the app's spoken pacing (core's birdDogPacing with this many reps per side, left leg
   * first) from the clip's start, after `pacedLeadS` seconds on all fours: what a person doing the
   * live test in front of the laptop's camera does. Replaces `reps`, `holdS` and the standing options.
   */
  readonly pacedRepsPerSide?: number;
  readonly pacedLeadS?: number;
}

/** How far from the mat, toward the camera, someone filmed `atHome` starts and ends the recording. */
export const HOME_WALK_M = 0.9;

export interface HalfKneelClipOptions extends CommonClipOptions {
  readonly kneelingSide?: Side;
  readonly frontKneeDeg?: number;
  readonly backKneeDeg?: number;
  /** Trunk lean at the hold (positive = leaning back / arching), degrees. */
  readonly trunkLeanDeg?: number;
  /** Hips forward at the hold, metres. */
  readonly hipShiftForwardM?: number;
  /** Posterior pelvic tilt at the hold (glute squeeze), degrees. */
  readonly pelvisTiltDeg?: number;
  readonly holdS?: number;
  /** Rocking in the hold: this many forward-and-back cycles of `rockShiftM` (about 1.2 s each) instead of a still hold. */
  readonly rockCycles?: number;
  readonly rockShiftM?: number;
  /** Seconds holding the set-up before the hips move (default 1). */
  readonly settleS?: number;
}

class PlanBuilder {
  readonly keyframes: Keyframe[] = [];
  readonly segments: ClipSegment[] = [];
  private t = 0;
  constructor(
    start: PoseSpec,
    private readonly speed: number,
    private place: FloorPlace = [0, 0],
  ) {
    this.keyframes.push(this.placed(0, start));
  }
  private placed(tMs: number, pose: PoseSpec): Keyframe {
    return this.place[0] === 0 && this.place[1] === 0 ? { tMs, pose } : { tMs, pose, placeM: this.place };
  }
  placeNow(): FloorPlace {
    return this.place;
  }
  /** Moves to `pose` over `seconds` (or holds when `pose` is the current pose); `shiftM` moves the body on the floor meanwhile. */
  step(
    phase: ClipPhase,
    seconds: number,
    pose: PoseSpec,
    rep: number | null,
    side: Side | null,
    shiftM?: FloorPlace,
  ): void {
    const dur = (seconds * 1000) / this.speed;
    this.segments.push({ phase, startMs: this.t, endMs: this.t + dur, rep, side });
    this.t += dur;
    if (shiftM) this.place = [this.place[0] + shiftM[0], this.place[1] + shiftM[1]];
    this.keyframes.push(this.placed(this.t, pose));
  }
  plan(fitPhases?: readonly ClipPhase[]): ClipPlan {
    return {
      keyframes: this.keyframes,
      segments: this.segments,
      durationMs: this.t,
      ...(fitPhases ? { fitPhases } : {}),
    };
  }
}

const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

type BirdDogPlanOptions = Omit<BirdDogClipOptions, 'view' | 'fps' | 'renderer'> & { readonly view?: ViewName };

interface BirdDogPoses {
  readonly quad: PoseSpec;
  readonly stand: PoseSpec;
  readonly kneel: PoseSpec;
}

/** Where someone filmed `atHome` stands when the recording starts: HOME_WALK_M toward the camera. */
function homeStart(o: BirdDogPlanOptions): FloorPlace | null {
  if (!o.atHome) return null;
  if (!o.view) throw new Error('birdDogPlan: atHome needs the view, to walk from the camera');
  const [dx, , dz] = VIEWS[o.view].dir;
  const n = Math.hypot(dx, dz);
  return [(HOME_WALK_M * dx) / n, (HOME_WALK_M * dz) / n];
}

function birdDogGetDown(b: PlanBuilder, p: BirdDogPoses, atPhone: FloorPlace | null, standS: number): void {
  if (atPhone) {
    b.step('stand', 1.5, p.stand, null, null);
    b.step('walk', 2.5, p.stand, null, null, [-atPhone[0], -atPhone[1]]);
    b.step('get-down', 2, p.kneel, null, null);
    b.step('get-down', 1, p.kneel, null, null);
    b.step('get-down', 2, p.quad, null, null);
    b.step('get-down', 0.8, p.quad, null, null, [0, -0.05]);
    b.step('settle', 2, p.quad, null, null);
    return;
  }
  if (standS > 0) {
    b.step('stand', standS, p.stand, null, null);
    b.step('get-down', 2.5, p.quad, null, null);
  }
  b.step('settle', 1, p.quad, null, null);
}

function reachPose(o: BirdDogPlanOptions, side: Side): PoseSpec {
  return {
    kind: 'bird-dog',
    liftedLeg: side,
    legElevationDeg: o.legElevationDeg ?? 5,
    armElevationDeg: o.armElevationDeg ?? 5,
    pelvisRollDeg: o.pelvisRollDeg ?? 0,
    trunkSagDeg: o.trunkSagDeg ?? 0,
  };
}

/** The app's pacing, segment by segment: still on all fours in the settles and the rock, then reach, hold and return. */
function pacedPlan(o: BirdDogPlanOptions, quad: PoseSpec, repsPerSide: number): ClipPlan {
  const b = new PlanBuilder(quad, 1);
  if ((o.pacedLeadS ?? 0) > 0) b.step('settle', o.pacedLeadS!, quad, null, null);
  for (const seg of birdDogPacing({ repsPerSide })) {
    const s = (seg.endMs - seg.startMs) / 1000;
    if (seg.cue === 'hold' || seg.cue.startsWith('reach:'))
      b.step(seg.cue === 'hold' ? 'hold' : 'reach', s, reachPose(o, seg.leg!), seg.rep, seg.leg);
    else if (seg.cue === 'return') b.step('return', s, quad, seg.rep, seg.leg);
    else b.step(seg.rep === null ? 'settle' : 'rest', s, quad, seg.rep, null);
  }
  return b.plan();
}

function birdDogReps(b: PlanBuilder, p: BirdDogPoses, o: BirdDogPlanOptions): void {
  let side = o.firstLeg ?? 'left';
  for (let rep = 0; rep < (o.reps ?? 2); rep += 1) {
    const reach = reachPose(o, side);
    b.step('reach', 2, reach, rep, side);
    b.step('hold', o.holdS ?? 2, reach, rep, side);
    b.step('return', 1.5, p.quad, rep, side, o.creepM);
    b.step('rest', 0.5, p.quad, rep, side);
    side = otherSide(side);
  }
}

function birdDogGetUp(b: PlanBuilder, p: BirdDogPoses, atPhone: FloorPlace | null, standS: number): ClipPlan {
  if (atPhone) {
    b.step('get-up', 2, p.kneel, null, null);
    b.step('get-up', 1.5, p.stand, null, null);
    const [x, z] = b.placeNow();
    b.step('walk', 2.5, p.stand, null, null, [atPhone[0] - x, atPhone[1] - z]);
    b.step('stand', 1, p.stand, null, null);
    return b.plan(['settle', 'reach', 'hold', 'return', 'rest']);
  }
  if (standS > 0) {
    b.step('get-up', 2.5, p.stand, null, null);
    b.step('stand', standS, p.stand, null, null);
  }
  return b.plan();
}

/**
 * Quadruped, settle 1 s, then alternating reaches: reach 2 s, hold ~2 s, return 1.5 s, rest 0.5 s;
 * with `standS`, standing before and after, getting down and up in 2.5 s each; with `atHome`, as
 * described there (`view` tells where the camera is).
 */
export function birdDogPlan(o: BirdDogPlanOptions = {}): ClipPlan {
  const poses: BirdDogPoses = {
    quad: { kind: 'quadruped', trunkSagDeg: 0 },
    stand: { kind: 'standing' },
    kneel: { kind: 'half-kneeling', kneelingSide: 'left', trunkLeanDeg: 0, hipShiftForwardM: 0, pelvisTiltDeg: 0 },
  };
  if (o.pacedRepsPerSide !== undefined) return pacedPlan(o, poses.quad, o.pacedRepsPerSide);
  const standS = o.standS ?? 0;
  const atPhone = homeStart(o);
  const b = new PlanBuilder(atPhone || standS > 0 ? poses.stand : poses.quad, o.speed ?? 1, atPhone ?? [0, 0]);
  birdDogGetDown(b, poses, atPhone, standS);
  birdDogReps(b, poses, o);
  return birdDogGetUp(b, poses, atPhone, standS);
}

/** Half-kneeling set-up, settle 1 s, then: hips forward 2 s, hold ~3 s, back 1.5 s, rest 0.5 s. */
export function halfKneelPlan(o: Omit<HalfKneelClipOptions, 'view' | 'fps' | 'renderer'> = {}): ClipPlan {
  const side = o.kneelingSide ?? 'left';
  const knees = { frontKneeDeg: o.frontKneeDeg, backKneeDeg: o.backKneeDeg };
  const setup: PoseSpec = {
    kind: 'half-kneeling',
    kneelingSide: side,
    ...knees,
    trunkLeanDeg: 0,
    hipShiftForwardM: 0,
    pelvisTiltDeg: 0,
  };
  const stretch: PoseSpec = {
    kind: 'half-kneeling',
    kneelingSide: side,
    ...knees,
    trunkLeanDeg: o.trunkLeanDeg ?? 0,
    hipShiftForwardM: o.hipShiftForwardM ?? 0.08,
    pelvisTiltDeg: o.pelvisTiltDeg ?? 8,
  };
  const b = new PlanBuilder(setup, o.speed ?? 1);
  b.step('settle', o.settleS ?? 1, setup, null, null);
  for (let rep = 0; rep < (o.reps ?? 1); rep += 1) {
    b.step('reach', 2, stretch, rep, side);
    if (o.rockCycles) {
      const back: PoseSpec = {
        ...stretch,
        hipShiftForwardM: (stretch.hipShiftForwardM ?? 0) - (o.rockShiftM ?? 0.1),
      } as PoseSpec;
      for (let c = 0; c < o.rockCycles; c += 1) {
        b.step('hold', 0.6, back, rep, side);
        b.step('hold', 0.6, stretch, rep, side);
      }
    } else {
      b.step('hold', o.holdS ?? 3, stretch, rep, side);
    }
    b.step('return', 1.5, setup, rep, side);
    b.step('rest', 0.5, setup, rep, side);
  }
  return b.plan();
}

function segmentAt(plan: ClipPlan, tMs: number): ClipSegment | undefined {
  return plan.segments.find((s) => tMs >= s.startMs && tMs < s.endMs) ?? plan.segments[plan.segments.length - 1];
}

export async function renderPlan(plan: ClipPlan, o: CommonClipOptions): Promise<RenderedClip> {
  const renderer =
    o.renderer ?? (await createFigureRenderer({ figure: o.figure, widthPx: o.widthPx, heightPx: o.heightPx }));
  try {
    const fit = plan.fitPhases;
    const fitAt = fit ? (tMs: number) => fit.includes(segmentAt(plan, tMs)?.phase ?? 'settle') : undefined;
    const frames = await renderer.renderClip(plan.keyframes, o.view, o.fps, plan.durationMs / 1000, {
      look: o.look,
      ...(fitAt ? { fitAt } : {}),
    });
    return {
      fps: o.fps,
      view: o.view,
      plan,
      frames: frames.map((f) => {
        const seg = segmentAt(plan, f.tMs);
        return { ...f, phase: seg?.phase ?? 'settle', rep: seg?.rep ?? null, side: seg?.side ?? null };
      }),
    };
  } finally {
    if (!o.renderer) await renderer.close();
  }
}

export function birdDogClip(o: BirdDogClipOptions): Promise<RenderedClip> {
  return renderPlan(birdDogPlan(o), o);
}

export function halfKneelClip(o: HalfKneelClipOptions): Promise<RenderedClip> {
  return renderPlan(halfKneelPlan(o), o);
}
