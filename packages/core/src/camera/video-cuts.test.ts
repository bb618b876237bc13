// Edits in a video, on small grey pictures drawn from synthetic bodies: a cut from one room to
// another is found, a person moving (even one who fills the picture), a phone's wobble, noise and
// auto exposure are not.
import { describe, expect, it } from 'vitest';
import { personBoxAt } from './body-place.ts';
import type { MotionFrames } from './motion.ts';
import { birdDogSequence, motionFramesFromPoses } from '@steadyback/synthetic';
import { seededGaussian } from '@steadyback/synthetic';
import { CUT_MIN_ROOM_LEVELS, blockMeans, editScore, findEdits, readingsBetween } from './video-cuts.ts';

const seq = birdDogSequence({
  view: 'side-left',
  reps: [
    { leg: 'left', arm: 'right' },
    { leg: 'right', arm: 'left' },
  ],
  imaging: { noisePx: 1, gaussian: seededGaussian(3) },
});
const half = seq.frames.length >> 1;
const boxes = personBoxAt(seq.frames);

/** The room seen from another angle: its furniture the other way round, lit from one side. */
const otherAngle = (m: MotionFrames): MotionFrames => ({
  ...m,
  luma: m.luma.map((l) =>
    l.map((_, p) =>
      Math.min(
        255,
        l[Math.floor(p / m.widthPx) * m.widthPx + m.widthPx - 1 - (p % m.widthPx)]! + 1.5 * (p % m.widthPx),
      ),
    ),
  ),
});

/** The first half from one camera, the second from another: a hard cut halfway. */
function cutVideo(): MotionFrames {
  const a = motionFramesFromPoses(seq.frames.slice(0, half), { room: true, noiseSd: 2 });
  const b = otherAngle(motionFramesFromPoses(seq.frames.slice(half), { room: true, noiseSd: 2 }));
  return { widthPx: a.widthPx, heightPx: a.heightPx, tMs: [...a.tMs, ...b.tMs], luma: [...a.luma, ...b.luma] };
}

describe('edits in a video', () => {
  it('finds a hard cut from one room to another, and reads the two parts on their own', () => {
    const m = cutVideo();
    const edits = findEdits(m, boxes);
    expect(edits).toHaveLength(1);
    const cutMs = seq.frames[half]!.tMs;
    expect(edits[0]!.startMs).toBeLessThan(cutMs);
    expect(edits[0]!.endMs).toBeGreaterThanOrEqual(cutMs);
    expect(edits[0]!.endMs - edits[0]!.startMs).toBeLessThan(500);
    const parts = readingsBetween(m.tMs[0]!, m.tMs.at(-1)!, edits);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.endMs).toBeLessThan(cutMs);
    expect(parts[1]!.startMs).toBeGreaterThanOrEqual(cutMs);
  });

  it('finds a crossfade of half a second to another room', () => {
    const a = motionFramesFromPoses(seq.frames, { room: true });
    // The other camera sees a wall lit from one side (a fade to a plain picture would be a change of exposure).
    const b = motionFramesFromPoses(seq.frames, { background: 150, gradient: { direction: 'horizontal', amount: 90 } });
    const t0 = seq.frames[half]!.tMs;
    const luma = a.luma.map((la, i) => {
      const w = Math.max(0, Math.min(1, (a.tMs[i]! - t0) / 500));
      return w === 0 ? la : la.map((v, p) => Math.round((1 - w) * v + w * b.luma[i]![p]!));
    });
    const edits = findEdits({ ...a, luma }, boxes);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.startMs).toBeLessThan(t0 + 250);
    expect(edits[0]!.endMs).toBeGreaterThan(t0 + 250);
  });

  it('finds none in a steady recording of someone moving, with noise, a wobbling phone and drifting exposure', () => {
    const m = motionFramesFromPoses(seq.frames, {
      room: true,
      noiseSd: 3,
      shake: (t) => ({ dxPx: 1.2 * Math.sin(t / 700), dyPx: 0.8 * Math.cos(t / 900) }),
      gain: (t) => 1 + 0.15 * Math.sin(t / 4000),
    });
    expect(findEdits(m, boxes)).toEqual([]);
  });

  it('finds none when the person fills the picture and leaves no room to compare', () => {
    const close = birdDogSequence({ view: 'side-left', distanceM: 1.4, reps: [{ leg: 'left', arm: 'right' }] });
    const m = motionFramesFromPoses(close.frames, { thicknessPx: 8, noiseSd: 2 });
    expect(findEdits(m, personBoxAt(close.frames))).toEqual([]);
  });

  it('counts the room as changed from the threshold in grey levels on, not below it', () => {
    const flat = (v: number) => new Uint8Array(64 * 48).map((_, p) => (p % 64 < 32 ? v : 40));
    const a = blockMeans(flat(120), 64, 48);
    // Half the room changes by twice the threshold: its RMS difference is the threshold (after the gain fit, a bit less).
    const changed = blockMeans(
      new Uint8Array(64 * 48).map(
        (_, p) => (p % 64 < 32 ? 120 : 40) + (Math.floor(p / 64) < 24 ? 2.2 * CUT_MIN_ROOM_LEVELS : 0),
      ),
      64,
      48,
    );
    const slightly = blockMeans(
      new Uint8Array(64 * 48).map(
        (_, p) => (p % 64 < 32 ? 120 : 40) + (Math.floor(p / 64) < 24 ? 1.4 * CUT_MIN_ROOM_LEVELS : 0),
      ),
      64,
      48,
    );
    expect(editScore(a, changed, null, null)).toBeGreaterThanOrEqual(1);
    expect(editScore(a, slightly, null, null)).toBeLessThan(1);
  });

  it('leaves out parts too short to read and keeps the whole recording when nothing is left', () => {
    expect(readingsBetween(0, 10_000, [{ startMs: 800, endMs: 1000 }])).toEqual([{ startMs: 1000, endMs: 10_000 }]);
    expect(readingsBetween(0, 1000, [{ startMs: 400, endMs: 600 }])).toEqual([{ startMs: 0, endMs: 1000 }]);
    expect(readingsBetween(0, 10_000, [])).toEqual([{ startMs: 0, endMs: 10_000 }]);
  });
});
