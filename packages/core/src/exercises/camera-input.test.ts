// Whether a recorded video can be analysed at all: no person, too few frames with one (each side
// of MIN_FRAMES_WITH_PERSON), the wrong posture for the exercise, and a good bird-dog input.
import { describe, expect, it } from 'vitest';
import { MIN_FRAMES_WITH_PERSON, cameraInputProblem } from './camera-input.ts';
import type { EmptyFrame, FrameResult } from '../pose/pose-frame.ts';
import {
  ADULT,
  QUADRUPED,
  cameraForView,
  imageBody,
  quadrupedBody,
  quadrupedCentre,
  standingBody,
  type Body3d,
} from '@steadyback/synthetic';

const camera = cameraForView('side-left', { centre: quadrupedCentre(ADULT) });
const empty = (tMs: number): EmptyFrame => ({
  tMs,
  landmarks: null,
  imageWidthPx: 640,
  imageHeightPx: 480,
  peopleCount: 0,
});
const frames = (body: Body3d, n: number): FrameResult[] =>
  Array.from({ length: n }, (_, i) => imageBody(body, camera, i * 100, { world: true }));

describe('cameraInputProblem', () => {
  it('says no person was found when no frame holds one', () => {
    const problem = cameraInputProblem([empty(0), empty(100), empty(200)], 'bird-dog');
    expect(problem?.code).toBe('no-person');
    expect(problem?.message).toMatch(/No person was found in any of the 3 frame/);
  });

  it('refuses one frame fewer than the minimum with a person and accepts the minimum', () => {
    const body = quadrupedBody(QUADRUPED);
    const few = [...frames(body, MIN_FRAMES_WITH_PERSON - 1), empty(5000)];
    expect(cameraInputProblem(few, 'bird-dog')?.code).toBe('too-few-frames');
    expect(cameraInputProblem(frames(body, MIN_FRAMES_WITH_PERSON), 'bird-dog')).toBeNull();
  });

  it('refuses a person standing for the bird-dog with a sentence', () => {
    const standing = frames(standingBody(), 20);
    const bird = cameraInputProblem(standing, 'bird-dog');
    expect(bird?.code).toBe('wrong-exercise');
    expect(bird?.message.length).toBeGreaterThan(20);
  });

  it('refuses a person on all fours for the stretch', () => {
    const problem = cameraInputProblem(frames(quadrupedBody(QUADRUPED), 20), 'hip-flexor-stretch');
    expect(problem?.code).toBe('wrong-exercise');
  });
});
