import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_LANDMARKS, type FrameResult, type Landmark, type LandmarkName } from '@steadyback/core';
import {
  bodyStatus,
  bodyStatusKey,
  bodyStatusMessage,
  MESSAGES,
  skeletonGeometry,
  StatusSteadier,
  type BodyStatus,
} from './body-status.ts';

const SEEN = 0.9;
const HIDDEN = 0.1;

/** A side-on person with every landmark seen, except those given a lower visibility. */
function frameWith(visibility: Partial<Record<LandmarkName, number>> = {}): FrameResult {
  const landmarks: Landmark[] = BLAZEPOSE_LANDMARKS.map((name, i) => ({
    xNorm: 0.2 + (i / BLAZEPOSE_LANDMARKS.length) * 0.6,
    yNorm: 0.3 + (i / BLAZEPOSE_LANDMARKS.length) * 0.5,
    visibility: visibility[name] ?? SEEN,
  }));
  return { tMs: 0, landmarks, imageWidthPx: 640, imageHeightPx: 480 };
}

const empty: FrameResult = { tMs: 0, landmarks: null, imageWidthPx: 640, imageHeightPx: 480, peopleCount: 0 };
const messageOf = (f: FrameResult) => bodyStatusMessage(bodyStatus(f));

describe('bodyStatus: what the camera check says about framing', () => {
  it('is looking for the person when nobody is in the frame', () => {
    expect(bodyStatus(empty)).toEqual({ kind: 'no-person' });
    expect(messageOf(empty)).toBe(MESSAGES.noPerson);
  });

  it('treats a person with none of the body parts visible as not found yet', () => {
    const all = Object.fromEntries(BLAZEPOSE_LANDMARKS.map((n) => [n, HIDDEN]));
    expect(bodyStatus(frameWith(all)).kind).toBe('no-person');
  });

  it('finds the whole body when shoulders, hips, knees and ankles are visible', () => {
    expect(messageOf(frameWith())).toBe('Found you: whole body in view');
  });

  it('accepts one side of each pair (side view: the far leg hides behind the near one)', () => {
    expect(bodyStatus(frameWith({ right_ankle: HIDDEN, right_knee: HIDDEN, right_shoulder: HIDDEN })).kind).toBe(
      'whole-body',
    );
  });

  it('asks to move the camera back when both feet are out of the picture', () => {
    expect(messageOf(frameWith({ left_ankle: HIDDEN, right_ankle: HIDDEN }))).toBe(
      'Your feet are out of the picture: move the camera back.',
    );
  });

  it('names the legs when knees and feet are missing, and the shoulders when they are', () => {
    expect(
      messageOf(frameWith({ left_ankle: HIDDEN, right_ankle: HIDDEN, left_knee: HIDDEN, right_knee: HIDDEN })),
    ).toBe(MESSAGES.legs);
    expect(messageOf(frameWith({ left_shoulder: HIDDEN, right_shoulder: HIDDEN }))).toBe(MESSAGES.shoulders);
    expect(messageOf(frameWith({ left_hip: HIDDEN, right_hip: HIDDEN }))).toBe(MESSAGES.hips);
  });

  it('falls back to a general framing message when parts at both ends are missing', () => {
    expect(
      messageOf(frameWith({ left_shoulder: HIDDEN, right_shoulder: HIDDEN, left_ankle: HIDDEN, right_ankle: HIDDEN })),
    ).toBe(MESSAGES.partly);
  });

  it('counts a confidently placed point at or past the image edge as out of the picture', () => {
    const f = frameWith();
    const moved = f.landmarks!.map((lm, i) =>
      lm && (BLAZEPOSE_LANDMARKS[i] === 'left_ankle' || BLAZEPOSE_LANDMARKS[i] === 'right_ankle')
        ? { ...lm, xNorm: 1.04 }
        : lm,
    );
    expect(messageOf({ ...f, landmarks: moved })).toBe(MESSAGES.feet);
    const atEdge = f.landmarks!.map((lm, i) =>
      lm && BLAZEPOSE_LANDMARKS[i]!.endsWith('_ankle') ? { ...lm, yNorm: 0.995 } : lm,
    );
    expect(messageOf({ ...f, landmarks: atEdge })).toBe(MESSAGES.feet);
  });

  it('counts a point exactly at the visibility floor (0.5) as seen', () => {
    expect(bodyStatus(frameWith({ left_ankle: 0.5, right_ankle: 0.49 })).kind).toBe('whole-body');
    expect(bodyStatus(frameWith({ left_ankle: 0.49, right_ankle: 0.49 })).kind).toBe('part-missing');
  });
});

describe('StatusSteadier: the status line does not flicker', () => {
  const found: BodyStatus = { kind: 'whole-body' };
  const feet: BodyStatus = { kind: 'part-missing', missing: ['feet'] };
  const none: BodyStatus = { kind: 'no-person' };

  it('shows the first status at once, then switches only after 3 frames in a row', () => {
    const s = new StatusSteadier(3);
    expect(s.push(none)).toBe(none);
    expect(s.push(found)).toBe(none);
    expect(s.push(found)).toBe(none);
    expect(s.push(found)).toBe(found);
  });

  it('ignores a one-frame blip and restarts the count when the candidate changes', () => {
    const s = new StatusSteadier(3);
    s.push(found);
    expect(s.push(feet)).toBe(found);
    expect(s.push(found)).toBe(found);
    expect(s.push(feet)).toBe(found);
    expect(s.push(none)).toBe(found);
    expect(s.push(feet)).toBe(found);
    expect(s.push(feet)).toBe(found);
    expect(bodyStatusKey(s.push(feet))).toBe('missing:feet');
    expect(s.push(feet)).toEqual(feet);
  });

  it('rejects a switch count below 1 with a message that says what to pass', () => {
    expect(() => new StatusSteadier(0)).toThrow(/at least 1/);
  });
});

describe('skeletonGeometry: only what was seen is drawn', () => {
  it('draws nothing without a person', () => {
    expect(skeletonGeometry(empty)).toEqual({ segments: [], points: [] });
  });

  it('leaves out every edge that touches a hidden landmark', () => {
    const all = skeletonGeometry(frameWith());
    const withoutKnee = skeletonGeometry(frameWith({ left_knee: HIDDEN }));
    expect(all.segments.length - withoutKnee.segments.length).toBe(2);
    expect(withoutKnee.points.some((p) => p.side === 'left' && p.x === frameWith().landmarks![25]!.xNorm)).toBe(false);
  });

  it("colours by the person's own side and keeps the camera's (unmirrored) coordinates", () => {
    const g = skeletonGeometry(frameWith());
    expect(g.segments.filter((s) => s.side === 'centre')).toHaveLength(4); // shoulder line, hip line, nose to each eye
    const frame = frameWith();
    const leftShoulder = frame.landmarks![11]!;
    expect(
      g.segments.some((s) => s.side === 'left' && s.x1 === leftShoulder.xNorm && s.y1 === leftShoulder.yNorm),
    ).toBe(true);
  });
});
