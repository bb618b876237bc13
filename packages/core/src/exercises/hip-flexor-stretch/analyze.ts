// Rule set C end to end on a recorded (or live-buffered) side-view video, plus the phone in the
// waistband: set-up checks F1-F4, holds per side, faults C1/C2/C4/C5 (C1s and C5 from the phone
// too), one cue at a time, and a hold timer that counts only good form. Each part of the video is
// prepared (prepare-part.ts) and then read frame by frame (part-reader.ts).

import type { CameraViewKind } from '../../camera/view.ts';
import { editedVideoMessage, videoReadings } from '../../camera/video-cuts.ts';
import { hasPerson, type FrameResult } from '../../pose/pose-frame.ts';
import { explainStretch } from './explain.ts';
import type { FrameAngles } from './frame-angles.ts';
import type { StretchInput } from './input.ts';
import { PartReader, round1, s1, type StretchOutput } from './part-reader.ts';
import { preparePart } from './prepare-part.ts';
import { STRETCH_RESULT_VERSION, type StretchResult } from './result.ts';
import { STRETCH_THRESHOLDS as T } from './thresholds.ts';

export { stretchAngles } from './frame-angles.ts';
export type { StretchInput, WaistbandInput } from './input.ts';

interface PartReading {
  startMs: number;
  endMs: number;
  view: CameraViewKind;
  angles: FrameAngles[];
  deltaHE: Array<number | null>;
}

export function analyzeStretch(input: StretchInput): StretchResult {
  const hasCamera = input.frames.some(hasPerson);
  if (!hasCamera) throw new Error('analyzeStretch needs camera frames with a person in them.');
  const recorded = input.recorded ?? true;
  // An edited video is read in parts (video-cuts.ts): across a cut the view and the body's size change.
  const parts = videoReadings(input.frames, input.motion).filter((p) =>
    input.frames.some((f) => hasPerson(f) && f.tMs >= p.startMs && f.tMs <= p.endMs),
  );
  const out: StretchOutput = {
    setups: [],
    holds: [],
    cues: [],
    events: [],
    quality: [],
    passedThrough: [],
    lastSide: null,
  };
  const read = parts.map((p) =>
    readPart(
      input.frames.filter((f) => f.tMs >= p.startMs && f.tMs <= p.endMs),
      input,
      recorded,
      out,
      parts.length > 1 ? p : null,
    ),
  );
  return stretchResult(input, parts, read, out);
}

function stretchResult(
  input: StretchInput,
  parts: ReturnType<typeof videoReadings>,
  read: PartReading[],
  out: StretchOutput,
): StretchResult {
  const edited = editedVideoMessage(parts);
  if (edited) out.quality.unshift({ code: 'video-edit', message: edited });
  if (out.setups.length === 0) {
    const passed =
      out.passedThrough.length > 0
        ? ` A half-kneeling position was reached at ${out.passedThrough.map(s1).join(', ')} s but left again within ${T.MIN_RECORDED_HOLD_MS / 1000} s (as in a lunge or when getting up), so it was not a hold.`
        : '';
    out.quality.push({
      code: 'no-setup',
      message: `No half-kneeling set-up was found: kneel on one knee with the front knee at a right angle, sit tall, and hold still for a second, with your whole body in the picture.${passed}`,
    });
  }
  const tilt = input.waistband?.samples ?? [];
  const view = read.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a)).view;
  const partial: Omit<StretchResult, 'explanation'> = {
    schemaVersion: STRETCH_RESULT_VERSION,
    exercise: 'hip-flexor-stretch',
    view,
    readings: read.map((r) => ({ startMs: r.startMs, endMs: r.endMs, view: r.view })),
    sources: { camera: true, sensor: tilt.length > 0 },
    setups: out.setups,
    holds: out.holds,
    cues: out.cues,
    events: out.events.sort((x, y) => x.tMs - y.tMs),
    quality: out.quality,
    series: {
      tMs: read.flatMap((r) => r.angles.map((a) => a.tMs)),
      trunkLeanDeg: read.flatMap((r) => r.angles.map((a) => round1n(a.trunkLeanDeg))),
      trunkThighDeg: read.flatMap((r) => r.angles.map((a) => round1n(a.trunkThighDeg))),
      deltaHipExtensionDeg: read.flatMap((r) => r.deltaHE.map(round1n)),
      sensor: tilt.length > 0 ? { tMs: tilt.map((s) => s.tMs), pelvicTiltDeg: tilt.map((s) => s.tiltDeg) } : null,
    },
  };
  return { ...partial, explanation: explainStretch(partial) };
}

/** One part of the recording (the whole of it when it has no edit): set-ups, holds and cues go into `out`. */
function readPart(
  partFrames: readonly FrameResult[],
  input: StretchInput,
  recorded: boolean,
  out: StretchOutput,
  part: { startMs: number; endMs: number } | null,
): PartReading {
  const prepared = preparePart(partFrames, recorded);
  const reader = new PartReader(prepared, input, recorded, out);
  reader.run();
  if (!prepared.formMeasured) out.quality.push({ code: 'view-limits', message: reader.viewLimits(part) });
  const startMs = partFrames[0]!.tMs,
    endMs = partFrames.at(-1)!.tMs;
  return {
    startMs: part?.startMs ?? startMs,
    endMs: part?.endMs ?? endMs,
    view: prepared.view,
    angles: prepared.angles,
    deltaHE: reader.deltaHE,
  };
}

const round1n = (v: number | null) => (v === null ? null : round1(v));
