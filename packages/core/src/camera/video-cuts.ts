// Edits in a video: a hard cut or a quick crossfade from one camera angle to another, as in the
// exercise demonstrations people share. Across an edit nothing the analysis learnt holds: the rest
// posture, the view, where the person is, the body's size in the picture. So a recording is read
// in parts between its edits ("readings"), each on its own.
//
// An edit changes the room, where a person moving changes only the part of the picture they cover.
// The small grey pictures are cut into coarse blocks, and each frame's blocks are compared with
// those of the frame `CUT_LAG_MS` earlier, leaving out the blocks where the person is in either
// frame (from the landmarks): once auto exposure's gain and offset are fitted out, the room's
// blocks differ by a grey level or two, or a few with a hand-held phone, and by tens at an edit.
// Pure: small grey pictures and boxes in.

import { personBoxAt } from './body-place.ts';
import type { MotionBox, MotionFrames } from './motion.ts';
import type { FrameResult } from '../pose/pose-frame.ts';

/** Each frame is compared with the one this long before it: a crossfade of a few frames shows up whole. */
export const CUT_LAG_MS = 200;
/** Blocks of this many pixels a side in the small pictures (64 px on the long side: an 8 x 5 grid). */
export const CUT_BLOCK_PX = 8;
/** The person's box from the landmarks is widened by this share of its size on each side before its blocks are left out. */
export const CUT_PERSON_MARGIN = 0.5;
/**
 * At least this many blocks of room must be left to compare. With fewer (someone standing close to
 * the phone fills the picture), no edit is found: comparing the whole picture's layout instead took a
 * rendered person getting up close to a high phone for an edit. (An animated GIF of someone filling
 * the picture has no room either, and no edit.)
 */
export const CUT_MIN_ROOM_BLOCKS = 6;
/**
 * The room's blocks differ at an edit when their root-mean-square difference, after the gain and
 * offset fit, is at least this many grey levels (of 255). Real recordings (../shared/real, 64-px
 * pictures): 23-27 at the peak of every edit in the dev set (cuts and 0.1-0.5 s crossfades), at
 * most 2 elsewhere; rendered phone recordings (a hand-held phone's wobble): at most 4.6. (M)
 */
export const CUT_MIN_ROOM_LEVELS = 10;
/** A reading shorter than this holds no exercise worth reading (one bird-dog rep takes about 4 s). */
export const MIN_READING_MS = 1500;

export interface VideoEdit {
  /** The last frame time before the edit began and the last one still changing with it. */
  readonly startMs: number;
  readonly endMs: number;
}

export interface Reading {
  readonly startMs: number;
  readonly endMs: number;
}

/** Where the person is at a moment (normalised picture coordinates), or null when nobody was found. */
export type PersonBoxAt = (tMs: number) => MotionBox | null;

interface Blocks {
  readonly cols: number;
  readonly rows: number;
  readonly mean: Float64Array;
}

export function blockMeans(luma: Uint8Array, widthPx: number, heightPx: number): Blocks {
  const cols = Math.ceil(widthPx / CUT_BLOCK_PX),
    rows = Math.ceil(heightPx / CUT_BLOCK_PX);
  const sum = new Float64Array(cols * rows),
    count = new Float64Array(cols * rows);
  for (let y = 0; y < heightPx; y++) {
    const row = Math.floor(y / CUT_BLOCK_PX) * cols;
    for (let x = 0; x < widthPx; x++) {
      const k = row + Math.floor(x / CUT_BLOCK_PX);
      sum[k]! += luma[y * widthPx + x]!;
      count[k]!++;
    }
  }
  for (let k = 0; k < sum.length; k++) sum[k] = sum[k]! / count[k]!;
  return { cols, rows, mean: sum };
}

function overlaps(b: Blocks, k: number, box: MotionBox | null): boolean {
  if (!box) return false;
  const w = box.x1 - box.x0,
    h = box.y1 - box.y0;
  const x0 = box.x0 - CUT_PERSON_MARGIN * w,
    x1 = box.x1 + CUT_PERSON_MARGIN * w,
    y0 = box.y0 - CUT_PERSON_MARGIN * h,
    y1 = box.y1 + CUT_PERSON_MARGIN * h;
  const c = k % b.cols,
    r = Math.floor(k / b.cols);
  return (c + 1) / b.cols > x0 && c / b.cols < x1 && (r + 1) / b.rows > y0 && r / b.rows < y1;
}

/**
 * How differently two frames show the room around the person: the root-mean-square block difference
 * after a gain and offset fit, as a share of `CUT_MIN_ROOM_LEVELS` (1 = an edit); 0 when the
 * person leaves too little room to compare.
 */
export function editScore(a: Blocks, b: Blocks, boxA: MotionBox | null, boxB: MotionBox | null): number {
  const room: number[] = [];
  for (let k = 0; k < a.mean.length; k++) if (!overlaps(a, k, boxA) && !overlaps(b, k, boxB)) room.push(k);
  // With the person filling the picture there is no room to tell an edit from their own movement.
  if (room.length < CUT_MIN_ROOM_BLOCKS) return 0;
  let sa = 0,
    sb = 0;
  for (const k of room) {
    sa += a.mean[k]!;
    sb += b.mean[k]!;
  }
  const ma = sa / room.length,
    mb = sb / room.length;
  let saa = 0,
    sab = 0;
  for (const k of room) {
    const x = a.mean[k]! - ma,
      y = b.mean[k]! - mb;
    saa += x * x;
    sab += x * y;
  }
  const gain = saa > 1e-9 ? sab / saa : 1;
  let res = 0;
  for (const k of room) res += (b.mean[k]! - mb - gain * (a.mean[k]! - ma)) ** 2;
  return Math.sqrt(res / room.length) / CUT_MIN_ROOM_LEVELS;
}

/** The edits in a recording, oldest first. */
export function findEdits(m: MotionFrames, personAt: PersonBoxAt = () => null): VideoEdit[] {
  const edits: VideoEdit[] = [];
  const blocks = m.luma.map((l) => blockMeans(l, m.widthPx, m.heightPx));
  const boxes = m.tMs.map((t) => personAt(t));
  let j = 0;
  let open: { firstMs: number; lastMs: number } | null = null;
  for (let i = 1; i < m.tMs.length; i++) {
    while (j + 1 < i && m.tMs[j + 1]! <= m.tMs[i]! - CUT_LAG_MS) j++;
    const inEdit = editScore(blocks[j]!, blocks[i]!, boxes[j]!, boxes[i]!) >= 1;
    if (inEdit) {
      // The edit began after the earlier frame compared (it still showed the old picture).
      open ??= { firstMs: m.tMs[j]!, lastMs: m.tMs[i]! };
      open.lastMs = m.tMs[i]!;
    } else if (open) {
      edits.push({ startMs: open.firstMs, endMs: open.lastMs });
      open = null;
    }
  }
  if (open) edits.push({ startMs: open.firstMs, endMs: open.lastMs });
  return edits;
}

/**
 * The parts of a recording from `startMs` to `endMs` between its edits (the edits' own frames left
 * out), each at least `MIN_READING_MS` long; the whole recording when it has no edit.
 */
export function readingsBetween(startMs: number, endMs: number, edits: readonly VideoEdit[]): Reading[] {
  const out: Reading[] = [];
  let from = startMs;
  for (const e of edits) {
    if (e.startMs > from) out.push({ startMs: from, endMs: e.startMs });
    from = Math.max(from, e.endMs);
  }
  if (endMs > from) out.push({ startMs: from, endMs });
  const kept = out.filter((r) => r.endMs - r.startMs >= MIN_READING_MS);
  return kept.length > 0 ? kept : [{ startMs, endMs }];
}

/**
 * The parts of a recording the analysers read one by one: between the edits its small pictures show
 * (the room compared around the person the landmarks place), each edit widened by `CUT_LAG_MS` on
 * both sides because the start and end of a crossfade change the picture too little to count but
 * still blend two views. The whole recording without pictures or edits.
 */
export function videoReadings(frames: readonly FrameResult[], motion: MotionFrames | undefined): Reading[] {
  const first = frames[0]?.tMs ?? 0,
    last = frames.at(-1)?.tMs ?? 0;
  const edits = motion
    ? findEdits(motion, personBoxAt(frames)).map((e) => ({
        startMs: e.startMs - CUT_LAG_MS,
        endMs: e.endMs + CUT_LAG_MS,
      }))
    : [];
  return readingsBetween(first, last, edits);
}

/** The sentence that says an edited video was read in parts; null for one part. */
export function editedVideoMessage(parts: readonly Reading[]): string | null {
  if (parts.length < 2) return null;
  return `The video is edited: it was read in ${parts.length} parts (${parts.map((p) => `${(p.startMs / 1000).toFixed(1)}-${(p.endMs / 1000).toFixed(1)} s`).join(', ')}), each on its own, because the camera's angle changed.`;
}
