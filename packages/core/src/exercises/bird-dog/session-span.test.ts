import { describe, expect, it } from 'vitest';
import { bodyBox, legsStacked, UPRIGHT_MIN_BOX_ASPECT } from '../../camera/view.ts';
import { stabilise } from '../../camera/motion.ts';
import {
  ADULT,
  cameraForView,
  imageBody,
  motionFramesFromPoses,
  quadrupedCentre,
  standingBody,
  type Body3d,
  type CameraView,
} from '@steadyback/synthetic';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { analyzeBirdDog } from './analyze.ts';
import {
  MAX_TRANSITION_MS,
  MIN_ON_ALL_FOURS_MS,
  MIN_UPRIGHT_MS,
  narrowToSettled,
  onAllFoursSpan,
  SETTLED_MIN_MS,
  uprightFrames,
  uprightLabels,
} from './session-span.ts';
import { opposite, session } from '@steadyback/synthetic';

const ALTERNATING = [opposite('left'), opposite('right'), opposite('left'), opposite('right')];
/** A phone video: standing 3 s, getting down (2.5 s), four reps, getting up, standing 3 s. */
const phoneVideo = (view: CameraView, fps = 15) => session(ALTERNATING, { view, fps, standMs: 3000 });

/** Someone standing 1.1 m from a phone up high (put 2.5 m from the mat), for `ms` from `fromMs`: too close for their feet to be in the picture. */
const nearThePhone = (view: CameraView, fromMs: number, ms: number, fps = 15): FrameResult[] => {
  const camera = cameraForView(view, { centre: quadrupedCentre(ADULT) });
  const c = quadrupedCentre(ADULT),
    k = 1 - 1.1 / 2.5;
  const dx = (camera.position.x - c.x) * k,
    dz = (camera.position.z - c.z) * k;
  const body = Object.fromEntries(
    Object.entries(standingBody()).map(([j, p]) => [j, { x: p.x + dx, y: p.y, z: p.z + dz }]),
  ) as Body3d;
  return Array.from({ length: Math.round((ms / 1000) * fps) }, (_, i) =>
    imageBody(body, camera, fromMs + (i * 1000) / fps),
  );
};

/** A frame judged on its own: only its box's shape counts (it is not taller than itself). */
const alone = (f: FrameResult) => uprightFrames([f])[0];

describe('upright or on all fours, frame by frame', () => {
  for (const view of ['side-left', 'rear', 'front', 'rear-oblique-45'] as const) {
    it(`tells standing from all fours ${view}: tall and narrow, or far taller than on all fours`, () => {
      const seq = phoneVideo(view);
      const upright = uprightFrames(seq.frames);
      const at = (tMs: number) => upright[seq.frames.findIndex((f) => f.tMs >= tMs)];
      expect(at(1000)).toBe(true);
      expect(at(seq.onAllFours.startMs + 500)).toBe(false);
      // In the hold of the first rep too: a lifted leg does not make someone upright.
      expect(at(seq.reps[0]!.holdStartMs + 1000)).toBe(false);
    });
  }

  it(`calls a body over ${UPRIGHT_MIN_BOX_ASPECT} times as tall as wide upright on its own (from the side, standing is 30 times)`, () => {
    const seq = phoneVideo('side-left');
    expect(alone(seq.frames[10]!)).toBe(true);
    expect(alone(seq.frames.find((f) => f.tMs > seq.onAllFours.startMs + 500)!)).toBe(false);
  });

  it('calls someone standing close to a phone up high upright though their feet are below the picture, and not someone on all fours', () => {
    for (const view of ['high-corner'] as const) {
      const seq = phoneVideo(view);
      const close = nearThePhone(view, seq.durationMs, 2500);
      // The feet are out of the picture: no leg is seen whole.
      expect(
        close.every((f) => f.landmarks![27]!.visibility! < 0.5 && f.landmarks![28]!.visibility! < 0.5),
        view,
      ).toBe(true);
      const upright = uprightFrames([...seq.frames, ...close]);
      expect(
        upright.slice(seq.frames.length).every((u) => u === true),
        view,
      ).toBe(true);
      const at = (tMs: number) => upright[seq.frames.findIndex((f) => f.tMs >= tMs)];
      expect(at(seq.onAllFours.startMs + 500), view).toBe(false);
      expect(at(seq.reps[0]!.holdStartMs + 1000), view).toBe(false);
    }
  });

  it('cannot judge a frame with too few body points seen', () => {
    const f = phoneVideo('side-left').frames[0]!;
    expect(
      alone({ ...f, landmarks: f.landmarks!.map((lm, i) => (lm && i < 27 ? { ...lm, visibility: 0.1 } : lm)) }),
    ).toBeNull();
    expect(alone({ tMs: 0, landmarks: null, imageWidthPx: 640, imageHeightPx: 480, peopleCount: 0 })).toBeNull();
  });
});

describe('the span on all fours', () => {
  for (const view of ['side-left', 'rear', 'front'] as const) {
    it(`leaves out standing at the start and the end (${view}) and keeps every rep`, () => {
      const seq = phoneVideo(view);
      const span = onAllFoursSpan(seq.frames)!;
      expect(span).toMatchObject({ trimmedStart: true, trimmedEnd: true });
      expect(span.startMs).toBeGreaterThan(3000);
      expect(span.startMs).toBeLessThan(seq.reps[0]!.startMs);
      expect(span.endMs).toBeGreaterThan(seq.reps.at(-1)!.endMs);
      expect(span.endMs).toBeLessThan(seq.durationMs - 3000);
    });
  }

  it('ends where someone gets up and walks back to a phone up high, their feet below the picture as they come close', () => {
    const seq = phoneVideo('high-corner');
    // Standing close to the phone from the moment they are up (the recording's last 3 s).
    const upMs = seq.durationMs - 3000;
    const frames = [...seq.frames.filter((f) => f.tMs < upMs), ...nearThePhone('high-corner', upMs, 3000)];
    const span = onAllFoursSpan(frames)!;
    expect(span.trimmedEnd).toBe(true);
    expect(span.endMs).toBeGreaterThan(seq.reps.at(-1)!.endMs);
    expect(span.endMs).toBeLessThan(upMs);
  });

  it('is the whole recording when nobody is ever seen upright', () => {
    const seq = session(ALTERNATING, { view: 'side-left', fps: 15 });
    expect(onAllFoursSpan(seq.frames)).toEqual({
      startMs: 0,
      endMs: seq.frames.at(-1)!.tMs,
      trimmedStart: false,
      trimmedEnd: false,
    });
  });

  it(`is nothing when the person stands throughout, or is on all fours for less than ${MIN_ON_ALL_FOURS_MS / 1000} s`, () => {
    const camera = cameraForView('side-left', { centre: quadrupedCentre(ADULT) });
    const standing = Array.from({ length: 150 }, (_, i) => imageBody(standingBody(), camera, (i * 1000) / 15));
    expect(onAllFoursSpan(standing)).toBeNull();
    // Down for a moment only: 2 s on all fours between 3 s standing and 3 s standing.
    const seq = session([], { view: 'side-left', fps: 15, standMs: 3000, settleMs: 2000, transitionMs: 200 });
    expect(onAllFoursSpan(seq.frames)).toBeNull();
    expect(onAllFoursSpan([])).toBeNull();
  });

  it(`is not cut by a model misreading someone as upright for less than ${MIN_UPRIGHT_MS / 1000} s`, () => {
    const seq = session(ALTERNATING, { view: 'rear', fps: 15 });
    const camera = cameraForView('rear', { centre: quadrupedCentre(ADULT) });
    // 0.8 s of frames in the middle of the session read as a standing body.
    const frames = seq.frames.map((f) =>
      f.tMs >= 15_000 && f.tMs < 15_800 ? imageBody(standingBody(), camera, f.tMs) : f,
    );
    expect(uprightLabels(frames).some((u) => u === true)).toBe(true);
    expect(onAllFoursSpan(frames)).toMatchObject({ startMs: 0, trimmedStart: false, trimmedEnd: false });
  });

  it('is not cut by a model reading someone as upright for longer, between moments on all fours: people stand at the start and the end', () => {
    const seq = session(ALTERNATING, { view: 'rear', fps: 15 });
    const camera = cameraForView('rear', { centre: quadrupedCentre(ADULT) });
    const frames = seq.frames.map((f) =>
      f.tMs >= 15_000 && f.tMs < 18_000 ? imageBody(standingBody(), camera, f.tMs) : f,
    );
    expect(onAllFoursSpan(frames)).toMatchObject({ startMs: 0, trimmedStart: false, trimmedEnd: false });
  });

  it('is not cut by a few misread frames among frames where the model saw nobody (from behind it often does)', () => {
    const seq = session(ALTERNATING, { view: 'rear', fps: 15 });
    const camera = cameraForView('rear', { centre: quadrupedCentre(ADULT) });
    const frames = seq.frames.map((f) =>
      f.tMs >= 14_000 && f.tMs < 17_000
        ? f.tMs >= 15_300 && f.tMs < 15_700
          ? imageBody(standingBody(), camera, f.tMs)
          : { ...f, landmarks: null, peopleCount: 0 as const }
        : f,
    );
    expect(onAllFoursSpan(frames)).toMatchObject({ startMs: 0, trimmedStart: false, trimmedEnd: false });
  });

  it('does not take someone on all fours, read from behind as a narrow body with the feet unseen, for standing (a BlazePose misread)', () => {
    const seq = session(ALTERNATING, { view: 'rear', fps: 15 });
    const narrowFootless = (f: FrameResult): FrameResult => {
      const cx = 0.5;
      return {
        ...f,
        landmarks: f.landmarks!.map((lm, i) =>
          lm ? { ...lm, xNorm: cx + (lm.xNorm - cx) * 0.25, visibility: i >= 27 ? 0.05 : lm.visibility } : lm,
        ),
      };
    };
    // The first 4 s, and 2 s later on, misread so: as narrow as someone standing, but no taller than on all fours.
    const frames = seq.frames.map((f) => (f.tMs < 4000 || (f.tMs >= 9000 && f.tMs < 11_000) ? narrowFootless(f) : f));
    expect(bodyBox(frames[10]!)!.aspect).toBeGreaterThan(UPRIGHT_MIN_BOX_ASPECT);
    expect(legsStacked(frames[10]!)).toBeNull();
    expect(onAllFoursSpan(frames)).toMatchObject({ startMs: 0, trimmedStart: false, trimmedEnd: false });
  });

  it("does not take a leg lifted high toward a camera behind for standing up (the body's box grows tall, but the foot is above its knee)", () => {
    const seq = session([opposite('left', { legElevationDeg: 27 }), opposite('right', { legElevationDeg: 27 })], {
      view: 'rear',
      fps: 15,
    });
    expect(onAllFoursSpan(seq.frames)).toMatchObject({ startMs: 0, trimmedStart: false, trimmedEnd: false });
  });

  it(`narrows a trimmed side to the first (last) rest moment of at least ${SETTLED_MIN_MS} ms, and only a trimmed side`, () => {
    const span = { startMs: 1000, endMs: 14_000, trimmedStart: true, trimmedEnd: false };
    const rests = [
      { startMs: 1200, endMs: 1400 },
      { startMs: 2000, endMs: 3000 },
      { startMs: 9000, endMs: 10_000 },
    ];
    expect(narrowToSettled(span, rests)).toEqual({ ...span, startMs: 2000 });
    expect(narrowToSettled({ ...span, trimmedEnd: true }, rests)).toEqual({
      ...span,
      trimmedEnd: true,
      startMs: 2000,
      endMs: 10_000,
    });
    expect(narrowToSettled(span, [])).toEqual(span);
    // Narrowing that would leave less than a bird-dog's worth is not done.
    const short = { startMs: 1000, endMs: 6000, trimmedStart: true, trimmedEnd: true };
    expect(narrowToSettled(short, [{ startMs: 2000, endMs: 3000 }])).toEqual(short);
  });

  it(`never cuts more than ${MAX_TRANSITION_MS / 1000} s from a side: a final rest the camera missed must not cut off the last rep`, () => {
    const span = { startMs: 1000, endMs: 30_000, trimmedStart: true, trimmedEnd: true };
    // Rests at 3 s and 20 s seen; the one after the last rep (about 28 s) was not.
    const rests = [
      { startMs: 3000, endMs: 4000 },
      { startMs: 19_500, endMs: 20_000 },
    ];
    expect(narrowToSettled(span, rests)).toEqual({ ...span, startMs: 3000, endMs: 30_000 });
    expect(narrowToSettled({ ...span, startMs: -5000 }, rests)).toEqual({ ...span, startMs: -5000, endMs: 30_000 });
  });
});

describe('analyzeBirdDog on a phone video that starts and ends standing', () => {
  it('from the side, from the landmarks alone: every rep and its leg, nothing from getting down or up', () => {
    const seq = phoneVideo('side-left');
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps.map((x) => [x.leg, x.arm, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, t.arm, 'camera']));
    r.reps.forEach((x, i) => expect(Math.abs(x.startMs - seq.reps[i]!.startMs)).toBeLessThan(600));
    expect(r.view).toBe('side');
    expect(r.quality.find((q) => q.code === 'outside-exercise')?.message).toMatch(
      /standing, getting down onto all fours and getting up again are not part of it/,
    );
  });

  it('from behind, with a wobbling hand-held camera in a furnished room: every rep and its leg from the picture, and a word about the camera', () => {
    const seq = phoneVideo('rear', 10);
    const exact = session(ALTERNATING, { view: 'rear', fps: 10, standMs: 3000, imaging: {} });
    const wobble = (t: number) => ({
      dxPx: 1.2 * Math.sin((2 * Math.PI * 0.4 * t) / 1000),
      dyPx: 0.8 * Math.sin((2 * Math.PI * 0.9 * t) / 1000 + 1),
    });
    const motion = motionFramesFromPoses(exact.frames, {
      room: true,
      noiseSd: 3,
      shake: wobble,
      gain: (t) => 1 + 0.1 * Math.sin(t / 1500),
    });
    const r = analyzeBirdDog({ frames: seq.frames, motion });
    expect(r.view).toBe('end-on');
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual(seq.reps.map((t) => [t.leg, 'camera-motion']));
    r.reps.forEach((x, i) => expect(Math.abs(x.startMs - seq.reps[i]!.startMs)).toBeLessThan(600));
    const codes = r.quality.map((q) => q.code);
    expect(codes).toContain('outside-exercise');
    expect(codes).toContain('camera-moved');
  });

  it('with the camera held still, says nothing about it moving, even as the person stands up in front of it', () => {
    const exact = session(ALTERNATING, { view: 'side-left', fps: 10, standMs: 3000, imaging: {} });
    const motion = motionFramesFromPoses(exact.frames, { room: true, noiseSd: 3 });
    expect(stabilise(motion).movementShare).toBe(0);
    const r = analyzeBirdDog({
      frames: session(ALTERNATING, { view: 'side-left', fps: 10, standMs: 3000 }).frames,
      motion,
    });
    expect(r.quality.map((q) => q.code)).not.toContain('camera-moved');
    expect(r.reps).toHaveLength(4);
  });
});
