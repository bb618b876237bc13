// `steadyback bench`: how fast each pose model runs here, and what our pipeline costs on top of
// the bare model loop, measured on the same frames in one run. Prints a table; --json writes it.
// These are measurements, not pass/fail tests: nothing here asserts a time.

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import {
  POSE_MODELS,
  createPoseDetector,
  initWasmBackend,
  isPoseModelName,
  type PoseModelName,
} from '@steadyback/pose';
import {
  DEFAULT_PEOPLE_CHECK_EVERY_FRAMES,
  analyzeVideoPoses,
  defaultWasmDir,
  fileModelLocator,
  probeVideo,
  readFrames,
  runSegment,
  type VideoInfo,
} from '@steadyback/pose/node';
import { quantileLinear } from '@steadyback/core';
import { CliError } from '../cli-error.ts';
import { createProgress } from '../progress.ts';
import { benchClipPath } from '../bench-clip.ts';
import { formatStages, minuteClipPath, runStageBench, type StageBench } from './bench-stages.ts';
import { importDevOnly } from '../dev-only.ts';

export interface ModelBench {
  readonly coldMs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly bareFps: number;
  readonly pipelineFps: number;
  readonly pipelineOverBare: number;
  readonly realtimeFactorOneThread: number;
}

export interface BenchReport {
  readonly video: {
    path: string;
    widthPx: number;
    heightPx: number;
    fps: number | null;
    frames: number;
    durationS: number;
  };
  readonly machine: { cpus: number; node: string; backend: string };
  readonly models: Partial<Record<PoseModelName, ModelBench>>;
  /** Our single-thread pipeline's throughput / the bare estimatePoses loop's, for blazepose-full. */
  readonly pipelineOverBare: number | null;
  /** BlazePose full end to end with 2 workers: seconds of video per second of processing. */
  readonly blazeposeFullRealtimeFactor: number | null;
  /** `analyze --exercise bird-dog` on a rendered minute, start-up included: seconds of video per second. */
  readonly analyzeRealtimeFactor: number | null;
  /** Stage by stage: the pose model on every frame, then at analyze's default rate for the bird-dog. */
  readonly stages: readonly StageBench[];
}

export async function benchCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'string' },
      models: { type: 'string' },
      video: { type: 'string' },
      analysis: { type: 'boolean', default: false },
    },
  });
  if (values.analysis) {
    const { analysisBenchCommand } = await importDevOnly(
      () => import('./bench-analysis.ts'),
      'steadyback bench --analysis',
    );
    return analysisBenchCommand(values.json);
  }
  const models = (values.models ? values.models.split(',').map((m) => m.trim()) : [...POSE_MODELS]) as string[];
  for (const m of models)
    if (!isPoseModelName(m)) throw new CliError(`Unknown model "${m}": use some of ${POSE_MODELS.join(', ')}.`, 2);
  const log = (msg: string) => process.stderr.write(msg + '\n');
  const videoPath = values.video ?? (await benchClipPath(log));
  const minute = await minuteClipPath(log);
  const bench = await runBench(videoPath, models as PoseModelName[]);
  log('Timing analyze on the minute clip, stage by stage...');
  const stages = [await runStageBench(minute, null), await runStageBench(minute)];
  const report: BenchReport = { ...bench, analyzeRealtimeFactor: stages[1]!.analyzeRealtimeFactor, stages };
  process.stdout.write(formatBench(report) + '\n');
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2) + '\n');
  return 0;
}

async function benchModel(
  model: PoseModelName,
  info: Awaited<ReturnType<typeof probeVideo>>,
  frames: Awaited<ReturnType<typeof decodeAll>>,
  durationS: number,
  tick: () => void,
): Promise<ModelBench> {
  // Bare loop before and after the pipeline, averaged, so slow drifts of the machine's speed
  // (turbo, other load) do not favour either side.
  const before = await bareLoop(model, frames);
  tick();
  // Our pipeline in one thread: decode from the file, people check, estimate, convert.
  // Model loading is excluded on both sides: the bare loop also starts with a loaded model.
  const seg = await runSegment(
    { info, model, startFrame: 0, peopleCheckEveryFrames: DEFAULT_PEOPLE_CHECK_EVERY_FRAMES },
    () => undefined,
  );
  const pipelineMs = seg.loopMs;
  tick();
  const after = await bareLoop(model, frames);
  tick();
  const bare = {
    coldMs: before.coldMs,
    warmMs: [...before.warmMs, ...after.warmMs],
    fps: (before.fps + after.fps) / 2,
  };
  const pipelineFps = (seg.frames.length / pipelineMs) * 1000;
  return {
    coldMs: bare.coldMs,
    medianMs: quantileLinear(bare.warmMs, 0.5),
    p90Ms: quantileLinear(bare.warmMs, 0.9),
    bareFps: bare.fps,
    pipelineFps,
    pipelineOverBare: pipelineFps / bare.fps,
    realtimeFactorOneThread: durationS / (pipelineMs / 1000),
  };
}

export async function runBench(
  videoPath: string,
  models: readonly PoseModelName[],
): Promise<Omit<BenchReport, 'analyzeRealtimeFactor' | 'stages'>> {
  await initWasmBackend({ wasmPathPrefix: defaultWasmDir() });
  const info = await probeVideo(videoPath);
  const frames = await decodeAll(info);
  if (frames.length === 0)
    throw new CliError('The benchmark clip has no frames: delete .cache/ and run the benchmark again.');
  const durationS = (frames.at(-1)!.tMs - frames[0]!.tMs) / 1000 + (info.fps ? 1 / info.fps : 0);
  const result: Partial<Record<PoseModelName, ModelBench>> = {};
  const progress = createProgress('Benchmarking');
  const steps = models.length * 3 + (models.includes('blazepose-full') ? 1 : 0);
  let step = 0;
  progress.update(0, steps);
  for (const model of models) {
    result[model] = await benchModel(model, info, frames, durationS, () => progress.update(++step, steps));
  }
  let blazeposeFullRealtimeFactor: number | null = null;
  if (models.includes('blazepose-full')) {
    const t0 = performance.now();
    await analyzeVideoPoses(videoPath, { model: 'blazepose-full', workers: 2 });
    blazeposeFullRealtimeFactor = durationS / ((performance.now() - t0) / 1000);
    progress.update(++step, steps);
  }
  progress.stop();
  const os = await import('node:os');
  return {
    video: {
      path: videoPath,
      widthPx: info.widthPx,
      heightPx: info.heightPx,
      fps: info.fps,
      frames: frames.length,
      durationS,
    },
    machine: { cpus: os.cpus().length, node: process.version, backend: tf.getBackend() },
    models: result,
    pipelineOverBare: result['blazepose-full']?.pipelineOverBare ?? null,
    blazeposeFullRealtimeFactor,
  };
}

interface DecodedCopy {
  readonly pixels: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly tMs: number;
}

async function decodeAll(info: VideoInfo): Promise<DecodedCopy[]> {
  const out: DecodedCopy[] = [];
  const { frames } = readFrames(info);
  for await (const { frame, tMs } of frames)
    out.push({ pixels: Uint8Array.from(frame.data), widthPx: frame.widthPx, heightPx: frame.heightPx, tMs });
  return out;
}

/** The bare model loop: pose-detection's own estimatePoses on pre-decoded frames, nothing else. */
async function bareLoop(model: PoseModelName, frames: readonly DecodedCopy[]) {
  const detector = await createPoseDetector(model, fileModelLocator());
  const times: number[] = [];
  // The frames stay as bytes in memory (a 13 s clip as int32 would be 1.4 GB); the one conversion
  // every tfjs caller needs happens here, into a reused buffer, as in our pipeline.
  const scratch = new Int32Array(frames[0]!.pixels.length);
  const t0 = performance.now();
  for (const f of frames) {
    const s = performance.now();
    scratch.set(f.pixels);
    const tensor = tf.tensor3d(scratch, [f.heightPx, f.widthPx, 3], 'int32');
    await detector.estimatePoses(tensor, undefined, f.tMs);
    tensor.dispose();
    times.push(performance.now() - s);
  }
  const totalMs = performance.now() - t0;
  detector.dispose();
  return { coldMs: times[0] ?? 0, warmMs: times.slice(1), fps: (frames.length / totalMs) * 1000 };
}

export function formatBench(r: BenchReport): string {
  const rows = [
    `Clip: ${r.video.path} (${r.video.widthPx}x${r.video.heightPx}, ${r.video.frames} frames, ${r.video.durationS.toFixed(1)} s); ${r.machine.cpus} cores, ${r.machine.backend}, Node ${r.machine.node}`,
    '',
    '| model | cold frame ms | median ms | p90 ms | bare fps | pipeline fps | pipeline / bare | x real time (1 thread) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, m] of Object.entries(r.models)) {
    rows.push(
      `| ${name} | ${m.coldMs.toFixed(0)} | ${m.medianMs.toFixed(1)} | ${m.p90Ms.toFixed(1)} | ${m.bareFps.toFixed(1)} | ${m.pipelineFps.toFixed(1)} | ${m.pipelineOverBare.toFixed(3)} | ${m.realtimeFactorOneThread.toFixed(2)} |`,
    );
  }
  rows.push('');
  if (r.pipelineOverBare !== null)
    rows.push(`Pipeline / bare loop (blazepose-full): ${r.pipelineOverBare.toFixed(3)} (target >= 0.95)`);
  if (r.blazeposeFullRealtimeFactor !== null)
    rows.push(
      `BlazePose full end to end, 2 workers: ${r.blazeposeFullRealtimeFactor.toFixed(2)}x real time (target >= 1.5)`,
    );
  for (const s of r.stages) rows.push('', formatStages(s));
  return rows.join('\n');
}
