// `steadyback analyze [VIDEO] --exercise bird-dog|hip-flexor-stretch [--sensor SENSOR.csv]`:
// runs an exercise's analysis on a recorded video and/or the phone's sensor log, prints the
// result in plain words and writes JSON and an HTML report.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeBirdDog, analyzeStretch, holdLabel, detectPosture, framesWithin, onAllFoursSpan, summarizePoseFrames, type BirdDogResult, type FrameResult, type MotionFrames, type StretchResult } from '@steadyback/core';
import { DEFAULT_POSE_MODEL, POSE_MODELS, isPoseModelName } from '@steadyback/pose';
import { analyzeVideoPoses, readMotionFrames, type VideoPoseResult } from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { birdDogReportHtml, evidenceMoment } from '../report/bird-dog-report.ts';
import { snapshotsAt } from '../report/snapshots.ts';
import { createProgress } from '../progress.ts';
import { loadPelvisSensor, loadWaistbandSensor } from '../sensor-input.ts';
import { faultMoments, stretchReportHtml } from '../report/stretch-report.ts';

export const EXERCISES = ['bird-dog', 'hip-flexor-stretch'] as const;

const painOption = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new CliError(`--${name} takes a whole number from 0 to 10 (got "${v}").`, 2);
  return n;
};

/** The stretch's default model, from the accuracy lab (docs/accuracy.md, "Stretch model choice"). */
export const STRETCH_POSE_MODEL = 'movenet-thunder';
/**
 * When the bird-dog's default model finds the person in fewer than half the frames, the video is
 * analysed again with this one: the accuracy lab found someone on all fours in every still of every
 * view with MoveNet Thunder, where BlazePose full missed them in front (4 of 112 frames) and often
 * from behind.
 */
export const BIRD_DOG_FALLBACK_MODEL = 'movenet-thunder';
const FALLBACK_BELOW_PERSON_SHARE = 0.5;

export async function analyzeCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
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
    },
  });
  const exercise = values.exercise;
  if (!exercise) throw new CliError(`Say which exercise the recording shows, for example --exercise bird-dog (one of ${EXERCISES.join(', ')}).`, 2);
  if (!(EXERCISES as readonly string[]).includes(exercise)) throw new CliError(`Unknown exercise "${exercise}": use one of ${EXERCISES.join(', ')}.`, 2);
  const video = positionals[0];
  if (positionals.length > 1) throw new CliError(`Give one video at a time (got ${positionals.length}).`, 2);
  if (!video && !values.sensor) throw new CliError('Give a video, a sensor file (--sensor FILE.csv), or both.', 2);
  // The accuracy lab (docs/accuracy.md) decides the default per exercise: MoveNet Thunder reads the
  // half-kneeling knees and trunk-thigh change best from the side (BlazePose full misread a still
  // front knee by up to 69 degrees); BlazePose full times bird-dog reps with no wrong verdict.
  const modelChosen = values.model !== undefined;
  values.model ??= exercise === 'hip-flexor-stretch' ? STRETCH_POSE_MODEL : DEFAULT_POSE_MODEL;
  if (!isPoseModelName(values.model)) throw new CliError(`Unknown model "${values.model}": use one of ${POSE_MODELS.join(', ')}.`, 2);
  if (values.html && !values.html.toLowerCase().endsWith('.html')) throw new CliError(`Name the report FILE.html (got ${values.html}).`, 2);
  const offset = values['sensor-offset-ms'] !== undefined ? Number(values['sensor-offset-ms']) : 0;
  if (!Number.isFinite(offset)) throw new CliError('--sensor-offset-ms takes a number of milliseconds.', 2);
  const pain = {
    rest: painOption('pain-rest', values['pain-rest']),
    left: painOption('pain-left', values['pain-left']),
    right: painOption('pain-right', values['pain-right']),
  };
  const depthCap = values['depth-cap'] !== undefined ? Number(values['depth-cap']) : undefined;
  if (depthCap !== undefined && !(Number.isFinite(depthCap) && depthCap >= 0 && depthCap <= 60)) throw new CliError('--depth-cap takes degrees from 0 to 60 (the personal limit from earlier sessions).', 2);
  if (exercise === 'hip-flexor-stretch') return stretchAnalysis(video, values, offset, depthCap);

  // Read the sensor first: it is quick, and a bad file should not cost a long video analysis.
  const sensor = values.sensor ? await loadPelvisSensor(values.sensor, offset) : null;
  let poses: VideoPoseResult | null = null;
  let motion: MotionFrames | null = null;
  if (video) {
    poses = await findBody(video, values.model!, values.quiet ?? false);
    if (!modelChosen && personShare(poses.frames) < FALLBACK_BELOW_PERSON_SHARE) {
      const second = await findBody(video, BIRD_DOG_FALLBACK_MODEL, values.quiet ?? false, 'Looking again with a second model');
      if (personShare(second.frames) > personShare(poses.frames)) {
        second.warnings.unshift({ code: 'model-fallback', message: `${values.model} found you in only ${Math.round(personShare(poses.frames) * 100)}% of the frames, so ${BIRD_DOG_FALLBACK_MODEL} was used (it found you in ${Math.round(personShare(second.frames) * 100)}%).` });
        poses = second;
      }
    }
    checkCameraInput(poses.frames, exercise);
    // Where the picture changes: times the reps when the camera films end-on (from behind or in front).
    motion = await readMotionFrames(poses.info);
  }
  const result = analyzeBirdDog({
    ...(poses ? { frames: poses.frames } : {}),
    ...(motion ? { motion } : {}),
    ...(sensor ? { pelvis: sensor.pelvis } : {}),
    pain: { ...(pain.rest !== undefined ? { restNrs: pain.rest } : {}), afterSide: { ...(pain.left !== undefined ? { left: pain.left } : {}), ...(pain.right !== undefined ? { right: pain.right } : {}) } },
  });
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n');
  if (values.html) {
    const snapshots = poses ? await snapshotsAt(poses.info, poses.frames, result.reps.map(evidenceMoment)) : undefined;
    await writeFile(values.html, birdDogReportHtml(result, { ...(snapshots ? { snapshots } : {}), ...(video ? { videoName: path.basename(video) } : {}), generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') }));
  }
  process.stdout.write(formatBirdDog(result, poses) + '\n');
  if (values.json) process.stdout.write(`Result written to ${values.json}\n`);
  if (values.html) process.stdout.write(`Report written to ${values.html}\n`);
  return 0;
}

async function stretchAnalysis(video: string | undefined, values: { sensor?: string; json?: string; html?: string; model?: string; quiet?: boolean }, offset: number, depthCap: number | undefined): Promise<number> {
  if (!video) throw new CliError('The hip flexor stretch needs a video from the side (the phone in the waistband adds pelvic tilt): give the video file.', 2);
  const sensor = values.sensor ? await loadWaistbandSensor(values.sensor, offset) : null;
  const poses = await findBody(video, values.model!, values.quiet ?? false);
  checkCameraInput(poses.frames, 'hip-flexor-stretch');
  const result = analyzeStretch({ frames: poses.frames, ...(sensor ? { waistband: sensor } : {}), ...(depthCap !== undefined ? { depthCapDeg: depthCap } : {}) });
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n');
  if (values.html) {
    const snapshots = await snapshotsAt(poses.info, poses.frames, faultMoments(result));
    await writeFile(values.html, stretchReportHtml(result, { snapshots, videoName: path.basename(video), generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') }));
  }
  process.stdout.write(formatStretch(result, poses) + '\n');
  if (values.json) process.stdout.write(`Result written to ${values.json}\n`);
  if (values.html) process.stdout.write(`Report written to ${values.html}\n`);
  return 0;
}

function personShare(frames: readonly FrameResult[]): number {
  const s = summarizePoseFrames(frames);
  return s.frames > 0 ? s.framesWithPerson / s.frames : 0;
}

async function findBody(video: string, model: string, quiet: boolean, label = 'Finding the body'): Promise<VideoPoseResult> {
  const progress = quiet ? null : createProgress(label);
  try {
    return await analyzeVideoPoses(video, { model: model as never, onProgress: (d, t) => progress?.update(d, t) });
  } finally {
    progress?.stop();
  }
}

export function formatStretch(r: StretchResult, poses: VideoPoseResult): string {
  const lines = [`Hip flexor stretch: ${r.setups.length} set-up(s), ${r.holds.length} hold(s); camera ${r.view} view, phone in the waistband ${r.sources.sensor ? 'used' : 'not used'}.`];
  for (const w of poses.warnings) lines.push(`Note: ${w.message}`);
  for (const h of r.holds) {
    const faults = h.faults.map((f) => `${f.rule} at ${(f.atMs / 1000).toFixed(1)} s (${f.source})`).join(', ') || 'no faults';
    lines.push(`  ${h.kneelingSide} knee down, ${(h.startMs / 1000).toFixed(1)}-${(h.endMs / 1000).toFixed(1)} s: ${h.formMeasured ? `${Math.round(h.goodFormMs / 1000)} s good form` : 'form not judged from this view'}; ${faults}`);
  }
  lines.push('', ...r.explanation);
  return lines.join('\n');
}

/** Bad camera input gets a sentence and a non-zero exit: nobody, too few frames, wrong posture. */
function checkCameraInput(frames: readonly FrameResult[], exercise: string): void {
  const summary = summarizePoseFrames(frames);
  if (summary.framesWithPerson === 0) {
    throw new CliError(`No person was found in any of the ${summary.frames} frame(s): put the camera 2-3 m away with your whole body in the picture, in good light, and record again.`);
  }
  if (summary.framesWithPerson < 10) {
    throw new CliError(`A person was found in only ${summary.framesWithPerson} frame(s): record the whole exercise as a video, with your whole body in the picture.`);
  }
  // A bird-dog video may start and end standing: its posture is judged while the person is down.
  const span = exercise === 'bird-dog' ? onAllFoursSpan(frames) : null;
  const posture = detectPosture(span ? framesWithin(frames, span) : frames);
  if (exercise === 'bird-dog' && posture === 'upright') {
    throw new CliError('This video shows someone upright, not on all fours: for the bird-dog, record yourself on hands and knees, or choose --exercise hip-flexor-stretch.');
  }
  if (exercise === 'hip-flexor-stretch' && posture === 'quadruped') {
    throw new CliError('This video shows someone on all fours, not kneeling upright: for the stretch, record yourself half-kneeling from the side, or choose --exercise bird-dog.');
  }
}

export function formatBirdDog(r: BirdDogResult, poses: VideoPoseResult | null): string {
  const lines: string[] = [];
  lines.push(`Bird-dog: ${r.reps.length === 0 ? 'no rep could be judged' : `${r.reps.length} ${r.reps.length === 1 ? 'rep' : 'reps'} found`}; camera ${r.sources.camera ? `(${r.view} view)` : 'not used'}, phone on the lower back ${r.sources.sensor ? 'used' : 'not used'}.`);
  if (poses) for (const w of poses.warnings) lines.push(`Note: ${w.message}`);
  for (const rep of r.reps) {
    const m = rep.metrics;
    const show = (id: 'R1' | 'R3' | 'R4' | 'R4s' | 'R5') => `${id} ${m[id].value === null ? '-' : m[id].value}${m[id].band === 'not-measurable' ? ' (not measurable)' : ` ${m[id].band}`}`;
    lines.push(`  Rep ${rep.index + 1}: ${rep.leg} leg + ${rep.arm} arm, hold ${holdLabel(rep)}, ${rep.classification}. ${show('R1')}, ${show('R3')}, ${show('R4')}, ${show('R4s')}, ${show('R5')}`);
  }
  lines.push(`Left side: ${r.sides.left.verdict}. Right side: ${r.sides.right.verdict}. Overall: ${r.overall.verdict}.`);
  lines.push('');
  for (const l of r.explanation) lines.push(l);
  return lines.join('\n');
}
