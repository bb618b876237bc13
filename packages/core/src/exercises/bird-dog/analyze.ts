// Rule set B end to end: camera frames and/or the phone on the pelvis -> reps, per-rep rules,
// per-side and overall verdicts, and plain-language explanations. Either source alone is a valid
// test; a rule that no present source can measure is reported as not measurable, with the reason
// (rules/not-measurable.ts). The rules themselves are in rules/, one file per source.

import { viewLabel, type CameraViewKind } from '../../camera/view.ts';
import { hasPerson } from '../../pose/pose-frame.ts';
import { readCamera, type CameraReading, type TrackedForRules } from './camera-reading.ts';
import { repsFromCues } from './cue-reps.ts';
import { explainBirdDog, overallSummary } from './explain.ts';
import type { BirdDogInput, PelvisInput } from './input.ts';
import { measureRep } from './measure-rep.ts';
import { noRepsMessage, notBirdDogMessage, outOfFrameMessages } from './quality.ts';
import {
  BIRD_DOG_RESULT_VERSION,
  type BirdDogEvent,
  type BirdDogRep,
  type BirdDogResult,
  type QualityMessage,
} from './result.ts';
import { measurableTable } from './rules/not-measurable.ts';
import type { RepContext } from './rules/rule-check.ts';
import { seriesOf } from './series.ts';
import { overallVerdict, sideVerdict } from './verdicts.ts';

export type { BirdDogInput, PelvisInput } from './input.ts';
export { classify, overallVerdict, sideVerdict } from './verdicts.ts';

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

  const tracked = timedReps(readings, pelvis, view, quality);
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
    events.push(...sensorEvents(pelvis));
    for (const n of pelvis.notes ?? []) quality.push({ code: 'sensor-calibration', message: n });
  }

  // Per-rep rules, each rep with the camera's reading of its part of the recording.
  const reps = tracked.map((r, index) => measureRep(index, r, repContext(readings, r, pelvis, view, input.pain)));
  events.push(...reCues(reps));
  events.sort((a, b) => a.tMs - b.tMs);
  quality.push(...cameraQuality(readings, reps));
  return birdDogResult({ readings, reps, events, quality, view, hasCamera, pelvis });
}

/**
 * The reps: from the camera (camera-reading.ts), or the phone's pacing cues. With the cues, the
 * phone times the reps unless the camera films from the side and found them all: from other views
 * the models miss or mistime reps (docs/accuracy.md: from behind, a rep started 1.6 s late put the
 * baseline inside the roll and a 12-degree roll read 4.9).
 */
function timedReps(
  readings: readonly CameraReading[],
  pelvis: PelvisInput | undefined,
  view: CameraViewKind | 'none',
  quality: QualityMessage[],
): TrackedForRules[] {
  const tracked = readings.flatMap((r) => r.reps);
  const cueReps = pelvis ? repsFromCues(pelvis) : [];
  const allSide = readings.length > 0 && readings.every((r) => r.view === 'side');
  if (cueReps.length === 0 || (tracked.length > 0 && allSide && tracked.length >= cueReps.length)) return tracked;
  if (tracked.length > 0) {
    quality.push({
      code: 'view-limits',
      message: `The reps were timed from the phone's spoken pacing: ${allSide ? `the camera found ${tracked.length} of the ${cueReps.length} paced reps` : `${viewLabel(view)} the camera cannot time them reliably`}.`,
    });
  }
  return cueReps;
}

function sensorEvents(pelvis: PelvisInput): BirdDogEvent[] {
  return pelvis.badIntervals.map((b) => ({
    tMs: b.startMs,
    type: b.reason === 'gap' ? 'sensor-gap' : b.reason === 'jump' ? 'sensor-jump' : 'sensor-slid-off',
  }));
}

function repContext(
  readings: readonly CameraReading[],
  r: TrackedForRules,
  pelvis: PelvisInput | undefined,
  view: CameraViewKind | 'none',
  pain: BirdDogInput['pain'],
): RepContext {
  const reading = readingAt(readings, r);
  const fromPicture =
    reading?.motionRise && r.foundBy === 'camera-motion' && reading.motion
      ? { tMs: reading.motion.tMs, rise: reading.motionRise }
      : null;
  return {
    frames: reading?.frames ?? [],
    cam: reading?.cam ?? null,
    pelvis,
    sideView: reading?.view === 'side',
    view: reading?.view ?? view,
    pain,
    motion: fromPicture,
  };
}

/** Re-cue after the first unstable rep of each side (Luomajoki: positive only if still wrong after cueing). */
function reCues(reps: readonly BirdDogRep[]): BirdDogEvent[] {
  const out: BirdDogEvent[] = [];
  for (const side of ['left', 'right'] as const) {
    const first = reps.find(
      (r) => r.leg === side && r.pattern === 'opposite-arm-and-leg' && r.classification === 'unstable',
    );
    if (first)
      out.push({
        tMs: first.endMs,
        type: 're-cue',
        note: 'Brace, keep both hip points level, reach long, not high.',
      });
  }
  return out;
}

/** Body parts out of the picture during the reps, then each reading filmed from a view that limits the rules. */
function cameraQuality(readings: readonly CameraReading[], reps: readonly BirdDogRep[]): QualityMessage[] {
  const out: QualityMessage[] = [];
  for (const r of readings)
    out.push(
      ...outOfFrameMessages(
        r.frames,
        reps.filter((rep) => readingAt(readings, rep) === r),
      ),
    );
  for (const r of readings) {
    if (r.view !== 'side')
      out.push({
        code: 'view-limits',
        message: `The camera filmed you ${viewLabel(r.view)}${readings.length > 1 ? ` from ${s1(r.startMs)} s to ${s1(r.endMs)} s` : ''}: leg height and trunk sag need a side view at hip height, so they are not measured ${readings.length > 1 ? 'there' : 'here'}.`,
      });
  }
  return out;
}

function birdDogResult(a: {
  readings: readonly CameraReading[];
  reps: BirdDogRep[];
  events: BirdDogEvent[];
  quality: QualityMessage[];
  view: CameraViewKind | 'none';
  hasCamera: boolean;
  pelvis: PelvisInput | undefined;
}): BirdDogResult {
  const { readings, reps, quality, view, pelvis } = a;
  const sides = { left: sideVerdict(reps, 'left'), right: sideVerdict(reps, 'right') };
  const verdicts = overallVerdict(reps, sides);
  const overall = { ...verdicts, summary: overallSummary(verdicts, sides, !!pelvis) };
  const sideView = readings.some((r) => r.view === 'side');
  const result: Omit<BirdDogResult, 'explanation'> = {
    schemaVersion: BIRD_DOG_RESULT_VERSION,
    exercise: 'bird-dog',
    view,
    readings: readings.map((r) => ({ startMs: r.startMs, endMs: r.endMs, view: r.view })),
    sources: { camera: a.hasCamera, sensor: !!pelvis },
    measurable: measurableTable(a.hasCamera, !!pelvis, sideView, view),
    reps,
    sides,
    overall,
    events: a.events,
    quality: quality.filter((q, i) => quality.findIndex((o) => o.message === q.message) === i),
    series: seriesOf(readings, pelvis),
  };
  return { ...result, explanation: explainBirdDog(result) };
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);

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
