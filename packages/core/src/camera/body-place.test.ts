import { describe, expect, it } from 'vitest';
import { bodyCentre, personArea, PERSON_AREA_MARGIN, PERSON_AREA_MIN_FRAMES } from './body-place.ts';
import { birdDogSequence } from '@steadyback/synthetic';
import type { FrameResult, PoseFrame } from '../pose/pose-frame.ts';

const seq = birdDogSequence({
  view: 'rear',
  reps: [
    { leg: 'left', arm: 'right' },
    { leg: 'right', arm: 'left' },
  ],
});
const withPerson = seq.frames.filter((f): f is PoseFrame => f.landmarks !== null);
const extent = (frames: readonly PoseFrame[]) => {
  const pts = frames.flatMap((f) => f.landmarks.filter((l) => l !== null));
  return {
    x0: Math.min(...pts.map((l) => l.xNorm)),
    x1: Math.max(...pts.map((l) => l.xNorm)),
    y0: Math.min(...pts.map((l) => l.yNorm)),
    y1: Math.max(...pts.map((l) => l.yNorm)),
  };
};

describe('where the person is in the picture', () => {
  it('the person area holds every landmark of the session with room to spare on each side', () => {
    const a = personArea(seq.frames)!;
    const e = extent(withPerson);
    expect(a.x0).toBeLessThan(e.x0);
    expect(a.x1).toBeGreaterThan(e.x1);
    expect(a.y0).toBeLessThan(e.y0);
    expect(Math.min(a.y1, 1)).toBeGreaterThanOrEqual(Math.min(e.y1, 1));
    // Not the whole picture: a quadruped from behind leaves the sides of the picture out.
    expect(a.x1 - a.x0).toBeLessThan(1);
  });

  it('is widened by the margin on each side of the landmarks, within the picture', () => {
    const a = personArea(seq.frames)!;
    const e = extent(withPerson);
    const mx = PERSON_AREA_MARGIN * (e.x1 - e.x0);
    // The extent comes from all but the wildest 2% of frames, so it can be a little inside the full extent.
    expect(a.x0).toBeGreaterThanOrEqual(Math.max(0, e.x0 - mx) - 1e-9);
    expect(a.x0).toBeLessThan(e.x0 - 0.8 * mx);
    for (const v of [a.x0, a.x1, a.y0, a.y1]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('one frame with a wildly placed point does not widen it', () => {
    const wild: FrameResult[] = seq.frames.map((f, i) =>
      i === 40 && f.landmarks
        ? { ...f, landmarks: f.landmarks.map((l, k) => (k === 0 && l ? { ...l, xNorm: 0.01, yNorm: 0.01 } : l)) }
        : f,
    );
    expect(personArea(wild)).toEqual(personArea(seq.frames));
  });

  it('gives no area from too few frames with a person, so the whole picture is read', () => {
    expect(personArea(seq.frames.slice(0, PERSON_AREA_MIN_FRAMES - 1))).toBeNull();
    expect(
      personArea(
        seq.frames.map((f) => ({
          tMs: f.tMs,
          landmarks: null,
          imageWidthPx: 640,
          imageHeightPx: 480,
          peopleCount: 0 as const,
        })),
      ),
    ).toBeNull();
  });

  it('the body centre lies inside the person area', () => {
    const a = personArea(seq.frames)!;
    const c = bodyCentre(seq.frames).centreX!;
    expect(c).toBeGreaterThan(a.x0);
    expect(c).toBeLessThan(a.x1);
  });
});
