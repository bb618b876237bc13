// Where `steadyback analyze` spends its time on a recorded bird-dog: the whole command's path
// (the recorded-video policy, the pose workers, the picture's change, core's analysis) timed
// stage by stage on a rendered minute of the exercise, with start-up included. Measurements only.

import {
  birdDogFromVideo,
  defaultModel,
  readMotionFrames,
  analyzeVideoPoses,
  type VideoReader,
} from '@steadyback/pose/node';
import type { VideoPoseResult } from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { importDevOnly } from '../dev-only.ts';

export interface StageRow {
  readonly stage: string;
  /** Wall-clock ms, or (for the rows inside the pose loop) thread ms summed over the workers. */
  readonly ms: number;
  readonly kind: 'wall' | 'thread';
}

export interface StageBench {
  readonly video: string;
  /** The pose model's most frames a second (null: every frame). */
  readonly maxModelFps: number | null;
  readonly durationS: number;
  readonly frames: number;
  readonly workers: number;
  readonly rows: readonly StageRow[];
  readonly totalMs: number;
  /** Seconds of video per second of `analyze`, start-up included. */
  readonly analyzeRealtimeFactor: number;
}

export async function minuteClipPath(log: (msg: string) => void): Promise<string> {
  const { birdDogMinuteClip } = await importDevOnly(() => import('@steadyback/lab/fixtures'), 'The stage benchmark');
  log('Preparing a rendered minute of the bird-dog (once, then cached in .cache/lab)...');
  try {
    return (await birdDogMinuteClip()).mp4;
  } catch (err) {
    throw new CliError(`The minute clip could not be rendered (${(err as Error).message.split('\n')[0]}).`);
  }
}

/** `maxModelFps`: the pose model's rate (null: every frame); undefined: analyze's default for the bird-dog. */
export async function runStageBench(video: string, maxModelFps?: number | null): Promise<StageBench> {
  let poses: VideoPoseResult | null = null;
  let usedRate: number | null = null;
  let posesMs = 0;
  let motionMs = 0;
  const reader: VideoReader = {
    async poses(v, model, _label, fps) {
      const t = performance.now();
      const rate = maxModelFps === undefined ? fps : maxModelFps;
      usedRate = rate;
      poses = await analyzeVideoPoses(v, { model, ...(rate ? { maxModelFps: rate } : {}) });
      posesMs += performance.now() - t;
      return poses;
    },
    async motion(info) {
      const t = performance.now();
      const m = await readMotionFrames(info);
      motionMs += performance.now() - t;
      return m;
    },
  };
  const t0 = performance.now();
  await birdDogFromVideo({ video, model: defaultModel('bird-dog'), modelChosen: false }, reader);
  const totalMs = performance.now() - t0;
  const p = poses as VideoPoseResult | null;
  if (!p) throw new CliError('The stage benchmark read no video.');
  const s = p.stats;
  const loopThreadMs = s.loopWallMs * s.workers;
  const durationS = (p.info.durationMs ?? 0) / 1000;
  const rows: StageRow[] = [
    { stage: 'probe, workers and model loading', ms: posesMs - s.loopWallMs, kind: 'wall' },
    { stage: 'pose loop (both workers at once)', ms: s.loopWallMs, kind: 'wall' },
    { stage: '- waiting for decoded frames', ms: s.decodeWaitMs, kind: 'thread' },
    { stage: '- people check', ms: s.peopleMs, kind: 'thread' },
    { stage: '- pose model (detector, landmarks, tracking)', ms: s.estimateMs, kind: 'thread' },
    {
      stage: '- the rest of the loop',
      ms: Math.max(0, loopThreadMs - s.decodeWaitMs - s.peopleMs - s.estimateMs),
      kind: 'thread',
    },
    { stage: "the picture's change (64 px, decoded again)", ms: motionMs, kind: 'wall' },
    { stage: "core's analysis", ms: Math.max(0, totalMs - posesMs - motionMs), kind: 'wall' },
  ];
  return {
    video,
    maxModelFps: usedRate,
    durationS,
    frames: p.frames.length,
    workers: s.workers,
    rows,
    totalMs,
    analyzeRealtimeFactor: durationS / (totalMs / 1000),
  };
}

export function formatStages(b: StageBench): string {
  const out = [
    `analyze --exercise bird-dog on ${b.video.split('/').pop()} (${b.durationS.toFixed(1)} s, ${b.workers} workers), the pose model on ${b.maxModelFps ? `at most ${b.maxModelFps} frames a second` : 'every frame'} (${b.frames} frames):`,
    '',
    '| stage | ms | share of the total |',
    '|---|---|---|',
  ];
  for (const r of b.rows)
    out.push(
      `| ${r.stage} | ${r.ms.toFixed(0)}${r.kind === 'thread' ? ' (thread)' : ''} | ${r.kind === 'wall' ? `${((100 * r.ms) / b.totalMs).toFixed(0)}%` : ''} |`,
    );
  out.push(`| total | ${b.totalMs.toFixed(0)} | 100% |`, '');
  out.push(`analyze end to end, start-up included: ${b.analyzeRealtimeFactor.toFixed(2)}x real time (target >= 2)`);
  return out.join('\n');
}
