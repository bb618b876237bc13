// `steadyback analyze [VIDEO] --exercise bird-dog|hip-flexor-stretch [--sensor SENSOR.csv]`:
// runs an exercise's analysis on a recorded video and/or the phone's sensor log, prints the
// result in plain words and writes JSON and an HTML report.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { holdLabel, type BirdDogResult, type StretchResult } from '@steadyback/core';
import { POSE_MODELS, isPoseModelName, type PoseModelName } from '@steadyback/pose';
import type { VideoPoseResult } from '@steadyback/pose/node';
import {
  birdDogFromVideo,
  defaultModel,
  atModelFps,
  fileReader,
  parseModelFps,
  stretchFromVideo,
} from '../analysis/video-analysis.ts';
import { CliError } from '../cli-error.ts';
import { checkOutputFiles } from '../output/output-path.ts';
import { birdDogReportHtml, evidenceMoment } from '../report/bird-dog-report.ts';
import { snapshotsAt } from '../report/snapshots.ts';
import { loadPelvisSensor, loadWaistbandSensor } from '../sensor-input.ts';
import { faultMoments, stretchReportHtml } from '../report/stretch-report.ts';

export const EXERCISES = ['bird-dog', 'hip-flexor-stretch'] as const;

const painOption = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new CliError(`--${name} takes a whole number from 0 to 10 (got "${v}").`, 2);
  return n;
};

type Exercise = (typeof EXERCISES)[number];

/** The command line, checked: every value the analysis needs, in the form it needs it. */
interface AnalyzeArgs {
  readonly exercise: Exercise;
  readonly video: string | undefined;
  readonly sensor: string | undefined;
  readonly offsetMs: number;
  readonly json: string | undefined;
  readonly html: string | undefined;
  readonly model: PoseModelName;
  readonly modelChosen: boolean;
  readonly pain: { rest?: number; left?: number; right?: number };
  readonly depthCapDeg: number | undefined;
  readonly quiet: boolean;
  /** At most this many frames a second to the pose model; null: every frame; undefined: the exercise's default. */
  readonly modelFps: number | null | undefined;
}

function readOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      exercise: { type: 'string' },
      sensor: { type: 'string' },
      'sensor-offset-ms': { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      model: { type: 'string' },
      'pain-rest': { type: 'string' },
      'pain-left': { type: 'string' },
      'pain-right': { type: 'string' },
      'depth-cap': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'model-fps': { type: 'string' },
    },
  });
}

function exerciseOf(exercise: string | undefined): Exercise {
  if (!exercise)
    throw new CliError(
      `Say which exercise the recording shows, for example --exercise bird-dog (one of ${EXERCISES.join(', ')}).`,
      2,
    );
  if (!(EXERCISES as readonly string[]).includes(exercise))
    throw new CliError(`Unknown exercise "${exercise}": use one of ${EXERCISES.join(', ')}.`, 2);
  return exercise as Exercise;
}

function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const { values, positionals } = readOptions(argv);
  const exercise = exerciseOf(values.exercise);
  const video = positionals[0];
  if (positionals.length > 1) throw new CliError(`Give one video at a time (got ${positionals.length}).`, 2);
  if (!video && !values.sensor) throw new CliError('Give a video, a sensor file (--sensor FILE.csv), or both.', 2);
  const model = values.model ?? defaultModel(exercise);
  if (!isPoseModelName(model)) throw new CliError(`Unknown model "${model}": use one of ${POSE_MODELS.join(', ')}.`, 2);
  const offsetMs = values['sensor-offset-ms'] !== undefined ? Number(values['sensor-offset-ms']) : 0;
  if (!Number.isFinite(offsetMs)) throw new CliError('--sensor-offset-ms takes a number of milliseconds.', 2);
  const depthCapDeg = values['depth-cap'] !== undefined ? Number(values['depth-cap']) : undefined;
  if (depthCapDeg !== undefined && !(Number.isFinite(depthCapDeg) && depthCapDeg >= 0 && depthCapDeg <= 60))
    throw new CliError('--depth-cap takes degrees from 0 to 60 (the personal limit from earlier sessions).', 2);
  return {
    exercise,
    video,
    sensor: values.sensor,
    offsetMs,
    json: values.json,
    html: values.html,
    model,
    modelChosen: values.model !== undefined,
    pain: {
      rest: painOption('pain-rest', values['pain-rest']),
      left: painOption('pain-left', values['pain-left']),
      right: painOption('pain-right', values['pain-right']),
    },
    depthCapDeg,
    quiet: values.quiet ?? false,
    modelFps: parseModelFps(values['model-fps']),
  };
}

export async function analyzeCommand(argv: readonly string[]): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  await checkOutputFiles(
    [
      {
        flag: 'json',
        file: args.json,
        extensions: ['.json'],
        wrongName: (f) => `Name the result FILE.json (got ${f}).`,
      },
      {
        flag: 'html',
        file: args.html,
        extensions: ['.html'],
        wrongName: (f) => `Name the report FILE.html (got ${f}).`,
      },
    ],
    [args.video, args.sensor].filter((f): f is string => f !== undefined),
  );
  return args.exercise === 'hip-flexor-stretch' ? stretchAnalysis(args) : birdDogAnalysis(args);
}

/** Writes the JSON and the HTML report that were asked for, then prints the summary and where they went. */
async function deliver(
  args: AnalyzeArgs,
  result: object,
  summary: string,
  html: () => Promise<string>,
): Promise<number> {
  if (args.json) await writeFile(args.json, JSON.stringify(result, null, 2) + '\n');
  if (args.html) await writeFile(args.html, await html());
  process.stdout.write(summary + '\n');
  if (args.json) process.stdout.write(`Result written to ${args.json}\n`);
  if (args.html) process.stdout.write(`Report written to ${args.html}\n`);
  return 0;
}

const generatedAt = () => new Date().toISOString().slice(0, 16).replace('T', ' ');

async function birdDogAnalysis(args: AnalyzeArgs): Promise<number> {
  const { video, pain } = args;
  // Read the sensor first: it is quick, and a bad file should not cost a long video analysis.
  const sensor = args.sensor ? await loadPelvisSensor(args.sensor, args.offsetMs) : null;
  const { result, poses } = await birdDogFromVideo(
    {
      ...(video ? { video } : {}),
      model: args.model,
      modelChosen: args.modelChosen,
      ...(sensor ? { pelvis: sensor.pelvis } : {}),
      pain: {
        ...(pain.rest !== undefined ? { restNrs: pain.rest } : {}),
        afterSide: {
          ...(pain.left !== undefined ? { left: pain.left } : {}),
          ...(pain.right !== undefined ? { right: pain.right } : {}),
        },
      },
    },
    atModelFps(fileReader(args.quiet), args.modelFps),
  );
  return deliver(args, result, formatBirdDog(result, poses), async () => {
    const snapshots = poses ? await snapshotsAt(poses.info, poses.frames, result.reps.map(evidenceMoment)) : undefined;
    return birdDogReportHtml(result, {
      ...(snapshots ? { snapshots } : {}),
      ...(video ? { videoName: path.basename(video) } : {}),
      generatedAt: generatedAt(),
    });
  });
}

async function stretchAnalysis(args: AnalyzeArgs): Promise<number> {
  const { video, depthCapDeg } = args;
  if (!video)
    throw new CliError(
      'The hip flexor stretch needs a video from the side (the phone in the waistband adds pelvic tilt): give the video file.',
      2,
    );
  const sensor = args.sensor ? await loadWaistbandSensor(args.sensor, args.offsetMs) : null;
  const { result, poses } = await stretchFromVideo(
    {
      video,
      model: args.model,
      ...(sensor ? { waistband: sensor } : {}),
      ...(depthCapDeg !== undefined ? { depthCapDeg } : {}),
    },
    atModelFps(fileReader(args.quiet), args.modelFps),
  );
  return deliver(args, result, formatStretch(result, poses), async () =>
    stretchReportHtml(result, {
      snapshots: await snapshotsAt(poses.info, poses.frames, faultMoments(result)),
      videoName: path.basename(video),
      generatedAt: generatedAt(),
    }),
  );
}

/** "side view", or for an edited video each part's view in turn: "rear-oblique view, then side view". */
function viewsWord(r: { readonly view: string; readonly readings: ReadonlyArray<{ readonly view: string }> }): string {
  return r.readings.length > 1 ? r.readings.map((x) => `${x.view} view`).join(', then ') : `${r.view} view`;
}

export function formatStretch(r: StretchResult, poses: VideoPoseResult): string {
  const lines = [
    `Hip flexor stretch: ${r.setups.length} set-up(s), ${r.holds.length} hold(s); camera ${viewsWord(r)}, phone in the waistband ${r.sources.sensor ? 'used' : 'not used'}.`,
  ];
  for (const w of poses.warnings) lines.push(`Note: ${w.message}`);
  for (const h of r.holds) {
    const faults =
      h.faults.map((f) => `${f.rule} at ${(f.atMs / 1000).toFixed(1)} s (${f.source})`).join(', ') || 'no faults';
    lines.push(
      `  ${h.kneelingSide} knee down, ${(h.startMs / 1000).toFixed(1)}-${(h.endMs / 1000).toFixed(1)} s: ${h.formMeasured ? `${Math.round(h.goodFormMs / 1000)} s good form` : 'form not judged from this view'}; ${faults}`,
    );
  }
  lines.push('', ...r.explanation);
  return lines.join('\n');
}

export function formatBirdDog(r: BirdDogResult, poses: VideoPoseResult | null): string {
  const lines: string[] = [];
  lines.push(
    `Bird-dog: ${r.reps.length === 0 ? 'no rep could be judged' : `${r.reps.length} ${r.reps.length === 1 ? 'rep' : 'reps'} found`}; camera ${r.sources.camera ? `(${viewsWord(r)})` : 'not used'}, phone on the lower back ${r.sources.sensor ? 'used' : 'not used'}.`,
  );
  if (poses) for (const w of poses.warnings) lines.push(`Note: ${w.message}`);
  for (const rep of r.reps) {
    const m = rep.metrics;
    const show = (id: 'R1' | 'R3' | 'R4' | 'R4s' | 'R5') =>
      `${id} ${m[id].value === null ? '-' : m[id].value}${m[id].band === 'not-measurable' ? ' (not measurable)' : ` ${m[id].band}`}`;
    lines.push(
      `  Rep ${rep.index + 1}: ${rep.leg} leg + ${rep.arm} arm, hold ${holdLabel(rep)}, ${rep.classification}. ${show('R1')}, ${show('R3')}, ${show('R4')}, ${show('R4s')}, ${show('R5')}`,
    );
  }
  lines.push(
    `Left side: ${r.sides.left.verdict}. Right side: ${r.sides.right.verdict}. Overall: ${r.overall.verdict}.`,
  );
  lines.push('');
  for (const l of r.explanation) lines.push(l);
  return lines.join('\n');
}
