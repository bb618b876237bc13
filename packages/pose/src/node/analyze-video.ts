// The recorded-video pose pipeline: decode -> (people check) -> pose model -> core frames.
// With two workers the video is split into two contiguous halves, each decoded and tracked by its
// own worker thread (tracking state stays within a half), and the halves are joined in order.

import { Worker } from 'node:worker_threads';
import type { FrameResult } from '@steadyback/core';
import { PoseError } from '../errors.ts';
import type { PoseModelName } from '../models.ts';
import { maskOtherPeople, type PersonBox } from '../people-counter.ts';
import { probeVideo, readFrames, type VideoInfo } from './video-source.ts';

export interface AnalyzeVideoOptions {
  readonly model: PoseModelName;
  /** Worker threads; default 2 for videos of 60 frames or more, else 1 (in this thread). */
  readonly workers?: 1 | 2;
  /** Count people every N frames with a multi-person model (0 = never). Default 90 (every 3 s at 30 fps: MultiPose costs about 100 ms a call here, so this keeps it near 3% of BlazePose full). */
  readonly peopleCheckEveryFrames?: number;
  readonly maxLongSidePx?: number;
  readonly modelDir?: string;
  /**
   * At most this many frames a second go to the pose model (the others are decoded and skipped):
   * the exercises' movements are slow, and the analysis reads real timestamps. Default: every frame.
   */
  readonly maxModelFps?: number;
  /** Called as frames finish; total is null when the container does not know its frame count. */
  readonly onProgress?: (framesDone: number, framesTotal: number | null) => void;
}

export type VideoWarningCode = 'several-people' | 'downscaled' | 'decode-error' | 'rotated' | 'model-fallback';

export interface VideoWarning {
  readonly code: VideoWarningCode;
  readonly message: string;
}

export interface VideoPoseResult {
  readonly info: VideoInfo;
  readonly model: PoseModelName;
  readonly frames: FrameResult[];
  readonly warnings: VideoWarning[];
  readonly stats: {
    readonly workers: number;
    readonly wallMs: number;
    /** Summed over the workers: in the pose model, waiting for decoded frames, counting people. */
    readonly estimateMs: number;
    readonly decodeWaitMs: number;
    readonly peopleMs: number;
    /** The longest worker's loop, from its first frame request to its last result (no start-up). */
    readonly loopWallMs: number;
    readonly maxPeople: number;
  };
}

export interface SegmentJob {
  readonly info: VideoInfo;
  readonly model: PoseModelName;
  readonly startFrame: number;
  readonly endFrame?: number;
  /** A time range instead of frame indices (see ReadOptions). */
  readonly startMs?: number;
  readonly endMs?: number;
  readonly peopleCheckEveryFrames: number;
  readonly modelDir?: string;
  /** See AnalyzeVideoOptions.maxModelFps. */
  readonly maxModelFps?: number;
}

export interface SegmentResult {
  frames: FrameResult[];
  estimateMs: number;
  /** Time the loop waited for the decoder's next frame. */
  decodeWaitMs: number;
  /** Time in the multi-person check. */
  peopleMs: number;
  /** Time from the first frame request to the last result: throughput without model loading. */
  loopMs: number;
  maxPeople: number;
  decodeError: string | null;
}

export const DEFAULT_PEOPLE_CHECK_EVERY_FRAMES = 90;

export async function analyzeVideoPoses(filePath: string, options: AnalyzeVideoOptions): Promise<VideoPoseResult> {
  const t0 = performance.now();
  const info = await probeVideo(
    filePath,
    options.maxLongSidePx !== undefined ? { maxLongSidePx: options.maxLongSidePx } : {},
  );
  const peopleEvery = options.peopleCheckEveryFrames ?? DEFAULT_PEOPLE_CHECK_EVERY_FRAMES;
  const total = info.frameCount;
  const workers = options.workers ?? (total !== null && total >= 60 ? 2 : 1);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const base = {
    info,
    model: options.model,
    peopleCheckEveryFrames: peopleEvery,
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
    ...(options.maxModelFps ? { maxModelFps: options.maxModelFps } : {}),
  };
  const parts = await runSegments(base, workers, progress);
  const frames = parts.flatMap((p) => p.frames);
  if (frames.length === 0) {
    throw new PoseError(
      'no-frames',
      `No frames could be read from ${info.path.split('/').pop()}: check that the video plays, then export it again as MP4.`,
    );
  }
  const maxPeople = Math.max(...parts.map((p) => p.maxPeople));
  const warnings = videoWarnings(info, parts, frames.length, maxPeople);
  return {
    info,
    model: options.model,
    frames,
    warnings,
    stats: {
      workers: parts.length,
      wallMs: performance.now() - t0,
      estimateMs: parts.reduce((s, p) => s + p.estimateMs, 0),
      decodeWaitMs: parts.reduce((s, p) => s + p.decodeWaitMs, 0),
      peopleMs: parts.reduce((s, p) => s + p.peopleMs, 0),
      loopWallMs: Math.max(...parts.map((p) => p.loopMs)),
      maxPeople,
    },
  };
}

/** One segment in this thread, or two workers splitting the video by time. */
async function runSegments(
  base: Omit<SegmentJob, 'startFrame'>,
  workers: number,
  progress: (n: number) => void,
): Promise<SegmentResult[]> {
  const { info } = base;
  const total = info.frameCount;
  if (workers === 2 && total !== null && total >= 2 && info.durationMs !== null && info.durationMs > 0) {
    // Split by time: the second worker's decoder seeks to its half instead of decoding the first.
    const midMs = info.durationMs / 2;
    return Promise.all([
      runSegmentInWorker({ ...base, startFrame: 0, startMs: 0, endMs: midMs }, progress),
      runSegmentInWorker({ ...base, startFrame: 0, startMs: midMs }, progress),
    ]);
  }
  return [await runSegment({ ...base, startFrame: 0 }, progress)];
}

/** What the person should know about how the video was read: several people, downscaling, damage. */
function videoWarnings(
  info: VideoInfo,
  parts: readonly SegmentResult[],
  framesRead: number,
  maxPeople: number,
): VideoWarning[] {
  const warnings: VideoWarning[] = [];
  if (maxPeople > 1) {
    warnings.push({
      code: 'several-people',
      message: `Up to ${maxPeople} people were in the picture; steadyback followed the largest one. For the best results, film one person at a time.`,
    });
  }
  if (info.downscaled) {
    warnings.push({
      code: 'downscaled',
      message: `The video is large (${info.storedWidthPx}x${info.storedHeightPx}); it was scaled down to ${info.widthPx}x${info.heightPx} for analysis.`,
    });
  }
  const decodeError = parts.map((p) => p.decodeError).find((e) => e);
  if (decodeError) {
    warnings.push({
      code: 'decode-error',
      message: `Part of the video could not be decoded (${decodeError}); the analysis covers the ${framesRead} frames that could be read.`,
    });
  }
  return warnings;
}

/** The part of the video a segment reads: a time range, or frame indices. */
function segmentRange(job: SegmentJob) {
  return job.startMs !== undefined || job.endMs !== undefined
    ? {
        ...(job.startMs !== undefined ? { startMs: job.startMs } : {}),
        ...(job.endMs !== undefined ? { endMs: job.endMs } : {}),
      }
    : { startFrame: job.startFrame, ...(job.endFrame !== undefined ? { endFrame: job.endFrame } : {}) };
}

/** Progress in the file's frames, five at a time: at a lower model rate a frame stands for those skipped before it. */
function fileFrameProgress(fps: number | null, strided: boolean, onFrames: (n: number) => void) {
  const frameMs = fps ? 1000 / fps : null;
  let reported = 0;
  let pending = 0;
  let firstMs: number | null = null;
  return {
    read(tMs: number) {
      firstMs ??= tMs;
      const covered = strided && frameMs ? Math.round((tMs - firstMs) / frameMs) + 1 : reported + 1;
      pending += covered - reported;
      reported = covered;
      if (pending >= 5) {
        onFrames(pending);
        pending = 0;
      }
    },
    flush() {
      if (pending > 0) onFrames(pending);
      pending = 0;
    },
  };
}

/** Runs one segment in this thread. Exported for the worker and for benchmarks. */
export async function runSegment(job: SegmentJob, onFrames: (n: number) => void): Promise<SegmentResult> {
  const { createNodePoseSource, createNodePeopleCounter } = await import('./node-pose-source.ts');
  const source = await createNodePoseSource(job.model, job.modelDir ? { modelDir: job.modelDir } : {});
  const counter = job.peopleCheckEveryFrames > 0 ? await createNodePeopleCounter(job.modelDir) : null;
  const minGapMs = job.maxModelFps ? 1000 / job.maxModelFps : 0;
  const { frames: decoded, report } = readFrames(job.info, {
    ...segmentRange(job),
    ...(minGapMs > 0 ? { minGapMs } : {}),
  });
  const frames: FrameResult[] = [];
  let estimateMs = 0;
  let decodeWaitMs = 0;
  let peopleMs = 0;
  let maxPeople = 0;
  let boxes: readonly PersonBox[] = [];
  let peopleNow = 0;
  let k = 0;
  let lastTMs = -Infinity;
  const progress = fileFrameProgress(job.info.fps, minGapMs > 0, onFrames);
  const loopStart = performance.now();
  let waitFrom = loopStart;
  try {
    for await (const { frame, tMs } of decoded) {
      decodeWaitMs += performance.now() - waitFrom;
      progress.read(tMs);
      if (counter && k % job.peopleCheckEveryFrames === 0) {
        const p0 = performance.now();
        const c = await counter.count(frame);
        peopleMs += performance.now() - p0;
        boxes = c.boxes;
        peopleNow = c.count;
        maxPeople = Math.max(maxPeople, c.count);
      }
      if (boxes.length > 1) maskOtherPeople(frame, boxes);
      // Timestamps must increase for the models' smoothing; equal pts (rare, in broken files) get nudged.
      const t = tMs > lastTMs ? tMs : lastTMs + 0.001;
      lastTMs = t;
      const e0 = performance.now();
      const result = await source.estimate(frame, t);
      estimateMs += performance.now() - e0;
      frames.push(counter && result.landmarks !== null ? { ...result, peopleCount: Math.max(1, peopleNow) } : result);
      k++;
      waitFrom = performance.now();
    }
    progress.flush();
  } finally {
    source.dispose();
    counter?.dispose();
  }
  const loopMs = performance.now() - loopStart;
  if (maxPeople === 0 && frames.some((f) => f.landmarks !== null)) maxPeople = 1;
  return { frames, estimateMs, decodeWaitMs, peopleMs, loopMs, maxPeople, decodeError: report.decodeError };
}

function runSegmentInWorker(job: SegmentJob, onFrames: (n: number) => void): Promise<SegmentResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pose-worker-entry.js', import.meta.url), { workerData: job });
    let settled = false;
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onFrames(msg.frames);
      else if (msg.type === 'done') {
        settled = true;
        resolve(msg.result);
        void worker.terminate();
      } else if (msg.type === 'error') {
        settled = true;
        reject(msg.code ? new PoseError(msg.code as never, msg.message) : new Error(msg.message));
        void worker.terminate();
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The pose worker stopped unexpectedly (exit code ${code}).`));
    });
  });
}

export type WorkerMessage =
  | { type: 'progress'; frames: number }
  | { type: 'done'; result: SegmentResult }
  | { type: 'error'; code?: string; message: string };
