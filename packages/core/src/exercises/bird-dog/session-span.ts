// The part of a camera recording that is the bird-dog. A phone video starts with the person
// walking back from the phone, standing, and getting down onto all fours, and ends with them
// getting up: none of that is a rep, and it would spoil the picture's rest posture and moving
// region (camera-motion.ts). The exercise runs from the first still moment at rest on all fours to the
// last one, between the upright parts. Pure: frames and rest moments in.

import { bodyBox, legsStacked, UPRIGHT_MIN_BOX_ASPECT } from '../../camera/view.ts';
import { quantile } from '../../signal/stats.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';

export interface ExerciseSpan {
  readonly startMs: number;
  readonly endMs: number;
  /** Whether an upright part (standing, getting down) before the span was left out. */
  readonly trimmedStart: boolean;
  /** Whether an upright part (getting up, standing) after the span was left out. */
  readonly trimmedEnd: boolean;
}

/** The frames from `span.startMs` to `span.endMs`, both included. */
export function framesWithin(
  frames: readonly FrameResult[],
  span: { readonly startMs: number; readonly endMs: number },
): FrameResult[] {
  return frames.filter((f) => f.tMs >= span.startMs && f.tMs <= span.endMs);
}

/** Each frame is judged upright or not by the majority of the well-seen frames within half this either side: one misread frame cannot cut the recording. */
export const UPRIGHT_MAJORITY_WINDOW_MS = 1000;
/** Upright for less than this counts for nothing: a cluster of misread frames, not someone standing up. */
export const MIN_UPRIGHT_MS = 1500;
/** A recording on all fours for less than this between upright parts holds no bird-dog (one rep takes about 7 s). */
export const MIN_ON_ALL_FOURS_MS = 3000;
/** The settled start: the first still moment on all fours at least this long. */
export const SETTLED_MIN_MS = 300;

/**
 * Standing, the body is much taller than on all fours in every view (rendered: 2.5 times from behind
 * and from the side): a frame whose body box is this many times the recording's low quantile of
 * box heights counts as upright even when it is not narrow (from behind, arms held out).
 */
export const UPRIGHT_MIN_HEIGHT_RATIO = 1.8;
/** The low quantile of box heights that stands for the body on all fours: most of a bird-dog video is on all fours, and models lose a kneeling body more often than a standing one. */
const ON_ALL_FOURS_HEIGHT_QUANTILE = 0.25;

/**
 * Per frame: the body tall and narrow or much taller than usual, with the legs under it (true), not
 * (false), or too poorly seen to say (null). Legs seen whole must stand under the body because on
 * all fours a foot lifted toward a camera behind makes the body's box tall too. A body seen without
 * its feet (someone standing close to the phone, the feet below the picture) counts when it is much
 * taller than usual: narrow is not enough, because from behind BlazePose reads someone on all fours
 * as a narrow body with its feet unseen (a rendered rear clip: 4.4-5.5 times as tall as wide, no
 * taller than on all fours).
 */
export function uprightFrames(frames: readonly FrameResult[]): Array<boolean | null> {
  const boxes = frames.map(bodyBox);
  const low = quantile(
    boxes.flatMap((b) => (b ? [b.heightShare] : [])),
    ON_ALL_FOURS_HEIGHT_QUANTILE,
  );
  return frames.map((f, i) => {
    const box = boxes[i];
    if (!box) return null;
    const taller = box.heightShare > UPRIGHT_MIN_HEIGHT_RATIO * low;
    const stacked = legsStacked(f);
    return stacked === null ? (taller ? true : null) : stacked && (taller || box.aspect > UPRIGHT_MIN_BOX_ASPECT);
  });
}

/** Per frame judged at all: upright (true) or not (false) by the majority of the judged frames within `UPRIGHT_MAJORITY_WINDOW_MS`; null where the frame itself could not be judged or the vote is tied. */
export function uprightLabels(frames: readonly FrameResult[]): Array<boolean | null> {
  const own = uprightFrames(frames);
  const half = UPRIGHT_MAJORITY_WINDOW_MS / 2;
  let lo = 0,
    hi = 0,
    up = 0,
    down = 0;
  return frames.map((f, i) => {
    while (hi < frames.length && frames[hi]!.tMs <= f.tMs + half) {
      if (own[hi] === true) up++;
      else if (own[hi] === false) down++;
      hi++;
    }
    while (frames[lo]!.tMs < f.tMs - half) {
      if (own[lo] === true) up--;
      else if (own[lo] === false) down--;
      lo++;
    }
    return own[i] === null || up === down ? null : up > down;
  });
}

/**
 * The span on all fours: the longest run of frames not judged upright. The whole recording when
 * nobody is ever seen upright; null when the person is upright throughout, or on all fours for
 * less than `MIN_ON_ALL_FOURS_MS`.
 */
export function onAllFoursSpan(frames: readonly FrameResult[]): ExerciseSpan | null {
  if (frames.length === 0) return null;
  const labels = uprightLabels(frames);
  // An upright part runs from an upright frame to the last one before a frame on all fours (frames
  // nobody could judge do not end it). Only a long one at the start or the end of the recording is
  // someone standing; a short one, or one between moments on all fours, is a misread (from behind,
  // BlazePose read a return to the rest posture as upright for 1.1 s).
  const firstDown = labels.indexOf(false),
    lastDown = labels.lastIndexOf(false);
  for (let i = 0; i < frames.length;) {
    if (labels[i] !== true) {
      i++;
      continue;
    }
    let last = i;
    for (let j = i + 1; j < frames.length && labels[j] !== false; j++) if (labels[j] === true) last = j;
    const atAnEnd = firstDown < 0 || i < firstDown || last > lastDown;
    if (!atAnEnd || frames[last]!.tMs - frames[i]!.tMs < MIN_UPRIGHT_MS)
      for (let k = i; k <= last; k++) if (labels[k] === true) labels[k] = false;
    i = last + 1;
  }
  if (!labels.includes(true))
    return { startMs: frames[0]!.tMs, endMs: frames.at(-1)!.tMs, trimmedStart: false, trimmedEnd: false };
  let best: { a: number; b: number } | null = null;
  for (let i = 0; i < frames.length;) {
    if (labels[i] === true) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < frames.length && labels[j + 1] !== true) j++;
    if (!best || frames[j]!.tMs - frames[i]!.tMs > frames[best.b]!.tMs - frames[best.a]!.tMs) best = { a: i, b: j };
    i = j + 1;
  }
  if (!best || frames[best.b]!.tMs - frames[best.a]!.tMs < MIN_ON_ALL_FOURS_MS) return null;
  return {
    startMs: frames[best.a]!.tMs,
    endMs: frames[best.b]!.tMs,
    trimmedStart: best.a > 0,
    trimmedEnd: best.b < frames.length - 1,
  };
}

/** Getting down onto all fours, or up again, takes a few seconds: narrowing never cuts more than this, so a rest the camera missed cannot cut off a whole rep. (L: rendered 2.5 s; people 2-5 s.) */
export const MAX_TRANSITION_MS = 5000;

/**
 * Getting down and getting up are movements too: on each side that borders an upright part, the
 * span is narrowed to its first (last) still moment in the rest posture of at least
 * `SETTLED_MIN_MS` (camera-motion.ts `restMoments`): the settled start (end), never a hold. A side
 * stays as it is when there is no such moment within `MAX_TRANSITION_MS` of it, and the span stays
 * whole when narrowing would leave too little.
 */
export function narrowToSettled(
  span: ExerciseSpan,
  restMoments: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>,
): ExerciseSpan {
  const settled = restMoments.filter(
    (s) => s.endMs - s.startMs >= SETTLED_MIN_MS && s.startMs >= span.startMs && s.endMs <= span.endMs,
  );
  if (settled.length === 0) return span;
  const first = settled[0]!.startMs,
    last = settled.at(-1)!.endMs;
  const startMs = span.trimmedStart && first - span.startMs <= MAX_TRANSITION_MS ? first : span.startMs;
  const endMs = span.trimmedEnd && span.endMs - last <= MAX_TRANSITION_MS ? last : span.endMs;
  return endMs - startMs >= MIN_ON_ALL_FOURS_MS ? { ...span, startMs, endMs } : span;
}
