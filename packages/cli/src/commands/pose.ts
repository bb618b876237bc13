// `steadyback pose VIDEO`: landmarks for every frame of a recorded video, a skeleton overlay, and a
// summary a person can read (frames, speed against real time, how well the body was seen).

import { parseArgs } from 'node:util';
import { summarizePoseFrames, type PoseSequenceSummary } from '@steadyback/core';
import { DEFAULT_POSE_MODEL, POSE_MODELS, isPoseModelName } from '@steadyback/pose';
import { analyzeVideoPoses, type VideoPoseResult } from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { formatFromPath, writeLandmarkFile } from '../output/landmarks-writer.ts';
import { checkOutputFiles } from '../output/output-path.ts';
import { writeOverlayVideo } from '../overlay/write-overlay.ts';
import { createProgress } from '../progress.ts';

/** The landmark file and the overlay, checked before the long work starts. */
function checkPoseOutputs(out: string | undefined, overlay: string | undefined, video: string): Promise<void> {
  return checkOutputFiles(
    [
      {
        flag: 'out',
        file: out,
        extensions: ['.jsonl', '.csv'],
        wrongName: (file) => `Cannot tell the format of ${file}: name the output FILE.jsonl or FILE.csv.`,
      },
      {
        flag: 'overlay',
        file: overlay,
        extensions: ['.mp4'],
        wrongName: (file) => `The overlay is an MP4 video: name it something like overlay.mp4 (got ${file}).`,
      },
    ],
    [video],
  );
}

export async function poseCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      model: { type: 'string', default: DEFAULT_POSE_MODEL },
      out: { type: 'string' },
      overlay: { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const video = positionals[0];
  if (!video) throw new CliError('Name the video to analyse, for example `steadyback pose my-bird-dog.mp4`.', 2);
  if (positionals.length > 1)
    throw new CliError(`Give one video at a time (got ${positionals.length}): run the command once per video.`, 2);
  const model = values.model!;
  if (!isPoseModelName(model)) throw new CliError(`Unknown model "${model}": use one of ${POSE_MODELS.join(', ')}.`, 2);
  await checkPoseOutputs(values.out, values.overlay, video);
  const format = values.out ? formatFromPath(values.out) : null;
  let workers: 1 | 2 | undefined;
  if (values.workers !== undefined) {
    if (values.workers !== '1' && values.workers !== '2') throw new CliError('--workers takes 1 or 2.', 2);
    workers = values.workers === '2' ? 2 : 1;
  }

  const progress = values.quiet ? null : createProgress('Finding the body');
  let result: VideoPoseResult;
  try {
    result = await analyzeVideoPoses(video, {
      model,
      ...(workers ? { workers } : {}),
      onProgress: (done, total) => progress?.update(done, total),
    });
  } finally {
    progress?.stop();
  }
  const summary = summarizePoseFrames(result.frames);
  if (summary.framesWithPerson === 0) {
    throw new CliError(
      `No person was found in any of the ${summary.frames} frame(s): put the camera 2-3 m away with your whole body in the picture, in good light, and record again.`,
    );
  }
  if (values.out && format) await writeLandmarkFile(values.out, result.frames, format);
  if (values.overlay) {
    const bar = values.quiet ? null : createProgress('Drawing the overlay');
    let n = 0;
    try {
      await writeOverlayVideo(result.info, result.frames, values.overlay, () => bar?.update(++n, result.frames.length));
    } finally {
      bar?.stop();
    }
  }
  process.stdout.write(formatSummary(result, summary, values.out, values.overlay) + '\n');
  return 0;
}

export function formatSummary(result: VideoPoseResult, s: PoseSequenceSummary, out?: string, overlay?: string): string {
  const { info, stats } = result;
  const videoMs = info.isStillImage ? null : s.spanMs + (info.fps ? 1000 / info.fps : 0);
  const fps = (s.frames / stats.wallMs) * 1000;
  const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)}%`);
  const lines = [
    `Video: ${info.path} (${info.widthPx}x${info.heightPx}${info.rotationDeg ? `, rotated ${info.rotationDeg} deg to upright` : ''}${info.fps ? `, ${info.fps.toFixed(1)} fps` : ''})`,
    `Model: ${result.model} on ${stats.workers} worker${stats.workers > 1 ? 's' : ''}`,
    `Frames: ${s.frames}${videoMs ? ` covering ${(videoMs / 1000).toFixed(1)} s` : ''}`,
    `Speed: ${fps.toFixed(1)} frames/s${videoMs ? `, ${(videoMs / stats.wallMs).toFixed(2)}x real time` : ''}`,
    `Person found in: ${pct(s.personShare)} of frames (${s.framesWithPerson}/${s.frames})`,
    `Mean visibility: shoulders ${pct(s.meanVisibility.shoulders)}, hips ${pct(s.meanVisibility.hips)}, knees ${pct(s.meanVisibility.knees)}, ankles ${pct(s.meanVisibility.ankles)}`,
  ];
  for (const w of result.warnings) lines.push(`Note: ${w.message}`);
  if (out) lines.push(`Landmarks written to ${out}`);
  if (overlay) lines.push(`Overlay video written to ${overlay}`);
  return lines.join('\n');
}
