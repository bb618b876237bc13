import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from './landmarks.ts';
import type { FrameResult, Landmark } from './pose-frame.ts';
import { summarizePoseFrames } from './pose-summary.ts';

function personFrame(tMs: number, visibility: (name: string) => number, peopleCount = 1): FrameResult {
  const landmarks: Landmark[] = BLAZEPOSE_LANDMARKS.map((name) => ({
    xNorm: 0.5,
    yNorm: 0.5,
    visibility: visibility(name),
  }));
  return { tMs, landmarks, imageWidthPx: 640, imageHeightPx: 480, peopleCount };
}

const empty = (tMs: number): FrameResult => ({
  tMs,
  landmarks: null,
  imageWidthPx: 640,
  imageHeightPx: 480,
  peopleCount: 0,
});

describe('summarizePoseFrames', () => {
  it('counts the share of frames that contain a person', () => {
    const s = summarizePoseFrames([personFrame(0, () => 1), empty(33), personFrame(66, () => 1), empty(100)]);
    expect(s.frames).toBe(4);
    expect(s.framesWithPerson).toBe(2);
    expect(s.personShare).toBeCloseTo(0.5);
    expect(s.spanMs).toBe(100);
  });

  it('averages visibility per body part over frames with a person only', () => {
    const ankleLow = (name: string) => (name.endsWith('ankle') ? 0.2 : 0.9);
    const s = summarizePoseFrames([personFrame(0, ankleLow), empty(10), personFrame(20, () => 0.6)]);
    expect(s.meanVisibility.ankles).toBeCloseTo((0.2 + 0.6) / 2);
    expect(s.meanVisibility.shoulders).toBeCloseTo((0.9 + 0.6) / 2);
  });

  it('averages the left and right point of a part', () => {
    const leftOnly = (name: string) => (name === 'left_knee' ? 1 : 0);
    const s = summarizePoseFrames([personFrame(0, leftOnly)]);
    expect(s.meanVisibility.knees).toBeCloseTo(0.5);
    expect(landmarkIndex('left_knee')).toBe(25);
  });

  it('reports no visibility and zero share when nobody was found', () => {
    const s = summarizePoseFrames([empty(0), empty(33)]);
    expect(s.personShare).toBe(0);
    expect(s.meanVisibility.hips).toBeNull();
    expect(s.maxPeople).toBe(0);
  });

  it('reports the largest number of people seen', () => {
    const s = summarizePoseFrames([personFrame(0, () => 1, 1), personFrame(33, () => 1, 3)]);
    expect(s.maxPeople).toBe(3);
  });
});
