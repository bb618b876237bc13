import { describe, expect, it } from 'vitest';
import { cameraWanderPx, computeMotionSignals, medianPicture, stabilise, stabilisedWith } from './motion.ts';
import { applyShifts, estimateShifts, STABILISE_MAX_SE_PX, STABILISE_MIN_MOVEMENT_PX } from './stabilise.ts';
import { opposite, session } from '@steadyback/synthetic';
import { motionFramesFromPoses } from '@steadyback/synthetic';

/** A hand-held wobble, pixels of the small picture: two swings per axis, as a hand makes. */
const wobble = (amplitudePx: number) => (tMs: number) => ({
  dxPx:
    amplitudePx *
    (0.6 * Math.sin((2 * Math.PI * 0.37 * tMs) / 1000) + 0.4 * Math.sin((2 * Math.PI * 1.3 * tMs) / 1000 + 1)),
  dyPx:
    amplitudePx *
    (0.6 * Math.sin((2 * Math.PI * 0.53 * tMs) / 1000 + 2) + 0.4 * Math.sin((2 * Math.PI * 1.7 * tMs) / 1000)),
});

// Someone doing the bird-dog from behind, 4 reps at 10 fps, drawn over a furnished room.
const reps = [opposite('left'), opposite('right'), opposite('left'), opposite('right')];
const exact = session(reps, { view: 'rear', imaging: {}, fps: 10 });
const film = (o: Parameters<typeof motionFramesFromPoses>[1]) =>
  motionFramesFromPoses(exact.frames, { room: true, noiseSd: 2, ...o });

describe('lining up the pictures of a camera that moves', () => {
  it('follows a hand-held wobble of up to 1.5 pixels to within a tenth of a pixel, with the person moving in front', () => {
    const shake = wobble(1.5);
    const m = film({ shake });
    const found = stabilise(m);
    // The reference is the recording's own median picture, so the shifts are relative to where the camera usually was.
    const truth = m.tMs.map((t) => shake(t));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const bias = {
      dx: mean(found.shifts.map((s, i) => s.dxPx - truth[i]!.dxPx)),
      dy: mean(found.shifts.map((s, i) => s.dyPx - truth[i]!.dyPx)),
    };
    const errors = found.shifts.map((s, i) =>
      Math.hypot(s.dxPx - truth[i]!.dxPx - bias.dx, s.dyPx - truth[i]!.dyPx - bias.dy),
    );
    expect(Math.max(...errors)).toBeLessThan(0.1);
    expect(found.movementShare * m.widthPx).toBeGreaterThan(1);
    expect(found.restMovementShare * m.widthPx).toBeGreaterThan(1);
  });

  it("does not call a still camera moved when the person's own movement drags the line-up during the reps: the wander at rest decides", () => {
    // A tripod, with the line-up dragged 0.9 px by a limb during every hold (as on a rendered front view), and not at all at rest.
    const m = film({});
    const holding = (t: number) => exact.reps.some((r) => t >= r.startMs + 2000 && t <= r.endMs - 2000);
    const dragged = stabilisedWith(
      m,
      m.tMs.map((t) => (holding(t) ? { dxPx: 0.9, dyPx: 0 } : { dxPx: 0, dyPx: 0 })),
    );
    expect(dragged.movementShare * m.widthPx).toBeCloseTo(0.9, 5);
    expect(dragged.restMovementShare * m.widthPx).toBeLessThan(0.05);
    // A hand that wobbles does so at rest too.
    const shake = wobble(1.5);
    const held = stabilisedWith(
      m,
      m.tMs.map((t) => shake(t)),
    );
    expect(held.restMovementShare * m.widthPx).toBeGreaterThan(1);
    expect(computeMotionSignals(m, { stabilised: dragged }).cameraMovement).toBe(dragged.restMovementShare);
  });

  it("leaves a still camera's pictures exactly as they were, however the person moves", () => {
    const m = film({});
    const found = stabilise(m);
    expect(found.frames).toBe(m);
    expect(found.movementShare).toBe(0);
    expect(found.shifts.every((s) => s.dxPx === 0 && s.dyPx === 0)).toBe(true);
  });

  it(`does not take a steady picture for a moving one: the estimates of a still camera stay below ${STABILISE_MIN_MOVEMENT_PX} px`, () => {
    const m = film({ noiseSd: 4, gain: (t) => 1 + 0.15 * Math.sin(t / 700) });
    expect(cameraWanderPx(estimateShifts(m, medianPicture(m)))).toBeLessThan(STABILISE_MIN_MOVEMENT_PX);
  });

  it('trusts no shift on a plain wall with a smooth gradient, where moving the picture looks the same as brightening it', () => {
    // Nobody in the picture: only the gradient, so a shift's standard error is far above the limit.
    const empty = exact.frames.map((f) => ({ ...f, landmarks: null, peopleCount: 0 as const }));
    const m = motionFramesFromPoses(empty, {
      background: 20,
      gradient: { direction: 'horizontal', amount: 200 },
      noiseSd: 2,
      shake: wobble(1.5),
    });
    const shifts = estimateShifts(m, medianPicture(m));
    expect(shifts.every((s) => s.dxPx === 0 && s.dyPx === 0)).toBe(true);
    expect(STABILISE_MAX_SE_PX).toBeLessThan(0.5);
  });

  it('moves a picture back by the shift given, and leaves unshifted pictures as they are', () => {
    const shift = (t: number) => (t >= 1000 ? { dxPx: 1, dyPx: -1 } : { dxPx: 0, dyPx: 0 });
    const m = film({ shake: shift });
    const moved = applyShifts(m, m.tMs.map(shift));
    expect(moved.luma[0]).toBe(m.luma[0]);
    // The settle is still (nothing of the body moves before 1.5 s): a moved-back frame matches the first one but for noise and the edge.
    const a = moved.luma[12]!,
      b = m.luma[0]!;
    let far = 0;
    for (let y = 2; y < m.heightPx - 2; y++)
      for (let x = 2; x < m.widthPx - 2; x++) if (Math.abs(a[y * m.widthPx + x]! - b[y * m.widthPx + x]!) > 12) far++;
    expect(far).toBeLessThan(0.01 * m.widthPx * m.heightPx);
  });

  it("forgives a line-up left up to half a pixel out: the room's edges do not count as change, a lifted limb does", () => {
    // As if lined up but 0.4 px out in alternate frames: what is left after the line-up.
    const m = film({ shake: (_t, i) => (i % 2 ? { dxPx: 0.4, dyPx: -0.4 } : { dxPx: 0, dyPx: 0 }) });
    const forgiving = computeMotionSignals(m, { stabilised: { movementShare: 0.02, restMovementShare: 0.02 } });
    const exact = computeMotionSignals(m, { stabilised: { movementShare: 0, restMovementShare: 0 } });
    const settle = (s: typeof exact) => Math.max(...s.activity.slice(0, 10));
    expect(settle(exact)).toBeGreaterThan(0.02);
    expect(settle(forgiving)).toBeLessThan(0.01);
    // The holds still stand out from the rests (steady camera: 65 times; forgiven: 9; not forgiven: lost in the edges).
    const steady = computeMotionSignals(film({}));
    const holdOverSettle = (s: typeof exact) =>
      s.activity[s.tMs.findIndex((t) => t >= 5000)]! / Math.max(0.005, settle(s));
    expect(holdOverSettle(steady)).toBeGreaterThan(20);
    expect(holdOverSettle(forgiving)).toBeGreaterThan(5);
    expect(holdOverSettle(exact)).toBeLessThan(2);
  });

  it("keeps the room's edges from looking like movement: with the wobble taken out, the still moments stay still", () => {
    const m = film({ shake: wobble(1.5) });
    const withIt = computeMotionSignals(m);
    const still = computeMotionSignals(film({}));
    const settle = (s: typeof withIt) => Math.max(...s.activity.slice(0, 10));
    expect(settle(still)).toBeLessThan(0.02);
    expect(settle(withIt)).toBeLessThan(0.02);
    expect(withIt.cameraMovement * m.widthPx).toBeGreaterThan(1);
    // Without lining up, the wobbling room changes far more of the picture than the person does.
    const unaligned = computeMotionSignals(m, { stabilised: { movementShare: 0, restMovementShare: 0 } });
    expect(settle(unaligned)).toBeGreaterThan(0.05);
  });
});
