import { describe, expect, it } from 'vitest';
import {
  computeMotionSignals,
  cropMotionFrames,
  medianPicture,
  MOTION_LOW_SHARE,
  MOTION_MIN_FRAMES,
  MOTION_MAX_FPS,
  MOTION_PIXEL_THRESHOLD,
  thinMotionFrames,
  motionNoise,
  restMoments,
  restPicture,
  SAME_POSTURE_MAX_SHARE,
  STILL_FRAME_MAX_SHARE,
  type MotionFrames,
} from './motion.ts';
import { motionFramesFromPoses } from '@steadyback/synthetic';
import { seededGaussian } from '@steadyback/synthetic';

// Hand-made pictures: a plain background with blocks that light up ("a limb out").
const W = 40,
  H = 30;
type Block = { x0: number; x1: number; y0: number; y1: number };
const LEFT: Block = { x0: 10, x1: 13, y0: 10, y1: 19 };
const RIGHT: Block = { x0: 26, x1: 29, y0: 10, y1: 19 };

function picture(blocks: readonly Block[], o: { bg?: number; offset?: number; noise?: () => number } = {}): Uint8Array {
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const lit = blocks.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);
      // A gentle horizontal gradient, so a brightness step is not a plain constant.
      const v = (lit ? 190 : (o.bg ?? 50) + x) + (o.offset ?? 0) + (o.noise ? 3 * o.noise() : 0);
      out[y * W + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return out;
}

function frames(luma: Uint8Array[], widthPx = W, heightPx = H): MotionFrames {
  return { widthPx, heightPx, tMs: luma.map((_, i) => i * 100), luma };
}

const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('the rest picture', () => {
  it('medianPicture gives every pixel its own median over the frames', () => {
    const values = [10, 200, 30, 40, 250];
    const m: MotionFrames = {
      widthPx: 2,
      heightPx: 1,
      tMs: values.map((_, i) => i),
      luma: values.map((v, i) => Uint8Array.from([v, 100 + i])),
    };
    expect([...medianPicture(m)]).toEqual([40, 102]);
    expect([...medianPicture(m, [0, 1, 2])]).toEqual([30, 101]);
  });

  it('is the per-pixel median over the recording when it has no still moments', () => {
    // Every frame differs from the one before on most pixels: no still moment anywhere.
    const g = seededGaussian(3);
    const luma = repeat(9, (i) =>
      Uint8Array.from(repeat(W * H, () => Math.max(0, Math.min(255, Math.round(128 + (i % 2 ? 60 : -60) + 20 * g()))))),
    );
    expect([...restPicture(frames(luma))]).toEqual([...medianPicture(frames(luma))]);
  });

  it('is the posture returned to most often, even when the holds fill most of the recording', () => {
    const rest = picture([]),
      hold = picture([LEFT]);
    const luma = [
      ...repeat(5, () => rest),
      ...repeat(12, () => hold),
      ...repeat(5, () => rest),
      ...repeat(12, () => hold),
      ...repeat(5, () => rest),
    ];
    // The holds are 24 of 39 frames: the plain median would be the hold.
    expect([...medianPicture(frames(luma))]).toEqual([...hold]);
    expect([...restPicture(frames(luma))]).toEqual([...rest]);
  });

  it('is the posture returned to most often even when each hold breaks into several still moments', () => {
    // Every hold is cut into three still moments by a flicker of a few frames (a noisy phone picture,
    // a little sway): the left holds give 6 still moments, the rests 3, but the rest is visited 3
    // times and the left hold twice.
    const rest = picture([]),
      hold = picture([LEFT]),
      flicker = picture([LEFT, RIGHT]);
    const brokenHold = () => [
      ...repeat(4, () => hold),
      flicker,
      ...repeat(4, () => hold),
      flicker,
      ...repeat(4, () => hold),
    ];
    const luma = [
      ...repeat(4, () => rest),
      ...brokenHold(),
      ...repeat(4, () => rest),
      ...brokenHold(),
      ...repeat(4, () => rest),
    ];
    expect([...restPicture(frames(luma))]).toEqual([...rest]);
  });

  it('follows someone who creeps: every rest counts, though each sits a little off the one before', () => {
    // The trunk (a band 5 rows high) shifts one pixel right at every return: 10 of 1200 pixels
    // change between one rest and the next, under the same-posture share, but 20 between one rest
    // and the rest after next. Holds alternate a left and a right limb, which move with the body.
    const shift = (b: Block, k: number): Block => ({ ...b, x0: b.x0 + k, x1: b.x1 + k });
    const TRUNK: Block = { x0: 8, x1: 30, y0: 5, y1: 9 };
    const at = (k: number, limb?: Block) => picture(limb ? [shift(TRUNK, k), shift(limb, k)] : [shift(TRUNK, k)]);
    expect(10 / (W * H)).toBeLessThan(SAME_POSTURE_MAX_SHARE);
    expect(20 / (W * H)).toBeGreaterThan(SAME_POSTURE_MAX_SHARE);
    const luma: Uint8Array[] = [];
    for (let k = 0; k < 6; k++) {
      luma.push(...repeat(5, () => at(k)));
      if (k < 5) luma.push(...repeat(8, () => at(k, k % 2 ? RIGHT : LEFT)));
    }
    // Rests start every 13 frames (1.3 s) and last 5 frames.
    expect(restMoments(frames(luma))).toEqual(repeat(6, (k) => ({ startMs: k * 1300, endMs: k * 1300 + 400 })));
  });

  it('stays the resting posture when the limb moves slowly (less than the still-frame share per frame)', () => {
    const perFrame = Math.floor(STILL_FRAME_MAX_SHARE * W * H); // 4 pixels of 1200
    const hold: Block = { x0: 10, x1: 17, y0: 10, y1: 17 }; // 64 pixels, lit a few per frame
    const ramp = (k: number) => {
      const p = picture([]);
      for (let j = 0; j < Math.min(64, k * perFrame); j++)
        p[(hold.y0 + Math.floor(j / 8)) * W + hold.x0 + (j % 8)] = 190;
      return p;
    };
    const steps = Math.ceil(64 / perFrame);
    const up = repeat(steps, (k) => ramp(k + 1));
    const rep = [...up, ...repeat(30, () => ramp(steps)), ...[...up].reverse()];
    const luma = [
      ...repeat(6, () => picture([])),
      ...rep,
      ...repeat(6, () => picture([])),
      ...rep,
      ...repeat(6, () => picture([])),
    ];
    expect([...restPicture(frames(luma))]).toEqual([...picture([])]);
  });
});

describe('computeMotionSignals', () => {
  it('finds nothing in a still recording with pixel noise: no activity, no region', () => {
    const g = seededGaussian(7);
    const s = computeMotionSignals(frames(repeat(40, () => picture([], { noise: g }))));
    expect(Math.max(...s.activity)).toBe(0);
    expect(s.lateral.every((l) => l === null)).toBe(true);
    expect(s.region).toBeNull();
    expect(s.aspect).toBeNull();
    expect(motionNoise(s)).toBe(0);
  });

  it('measures the changed share of the moving region, the side of the change and the region box', () => {
    const rest = picture([]);
    const luma = [
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([LEFT])),
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([RIGHT])),
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([LEFT])),
      ...repeat(6, () => rest),
    ];
    const s = computeMotionSignals(frames(luma));
    // The region spans both blocks: x 10..29, y 10..19 (20 x 10 pixels).
    expect(s.region).toEqual({ x0: 10 / W, y0: 10 / H, x1: 30 / W, y1: 20 / H });
    expect(s.aspect).toBe(2);
    expect(s.activity[0]).toBe(0);
    expect(s.lateral[0]).toBeNull();
    // One 4 x 10 block is 40 of the region's 200 pixels, its centre 8 pixels left of the region's (19.5).
    expect(s.activity[8]).toBeCloseTo(0.2, 6);
    expect(s.lateral[8]).toBeCloseTo(-8 / 20, 6);
    expect(s.lateral[20]).toBeCloseTo(8 / 20, 6);
  });

  it(`reads the side of the change in the bottom ${MOTION_LOW_SHARE * 100}% of the moving region on its own`, () => {
    // A limb in the air high on the left and a hand off the floor low on the right, at once (in
    // front of a distant camera: the lifted foot above the head, the reaching hand below it): all
    // the change sits in the middle, the lower part's on the right.
    const HIGH_LEFT: Block = { x0: 10, x1: 13, y0: 5, y1: 14 };
    const LOW_RIGHT: Block = { x0: 26, x1: 29, y0: 15, y1: 24 };
    const rest = picture([]);
    const luma = [
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([HIGH_LEFT, LOW_RIGHT])),
      ...repeat(6, () => rest),
    ];
    const s = computeMotionSignals(frames(luma));
    // The region: x 10..29, y 5..24 (20 rows); its bottom 8 rows (17..24) hold only the right block.
    expect(s.region).toEqual({ x0: 10 / W, y0: 5 / H, x1: 30 / W, y1: 25 / H });
    expect(s.lateral[8]).toBeCloseTo(0, 6);
    expect(s.lateralLow[8]).toBeCloseTo(8 / 20, 6);
    expect(s.lateralLow[0]).toBeNull();
  });

  it('cuts pictures to a box in whole pixels and says where the cut starts; a box over the whole picture changes nothing', () => {
    const m: MotionFrames = {
      widthPx: 4,
      heightPx: 3,
      tMs: [0, 100],
      luma: [Uint8Array.from({ length: 12 }, (_, i) => i), Uint8Array.from({ length: 12 }, (_, i) => 100 + i)],
    };
    // x 0.3..0.7 of 4 pixels covers pixels 1 and 2; y 0.4..1 of 3 covers rows 1 and 2.
    const cut = cropMotionFrames(m, { x0: 0.3, y0: 0.4, x1: 0.7, y1: 1 });
    expect([cut.xPx, cut.yPx, cut.frames.widthPx, cut.frames.heightPx]).toEqual([1, 1, 2, 2]);
    expect([...cut.frames.luma[0]!]).toEqual([5, 6, 9, 10]);
    expect([...cut.frames.luma[1]!]).toEqual([105, 106, 109, 110]);
    expect(cropMotionFrames(m, { x0: 0, y0: 0, x1: 1, y1: 1 }).frames).toBe(m);
  });

  it('reads only the person area when given one: a screen flickering in the corner is not the person', () => {
    const rest = picture([]);
    const session = [
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([LEFT])),
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([RIGHT])),
      ...repeat(6, () => rest),
      ...repeat(6, () => picture([LEFT])),
      ...repeat(6, () => rest),
    ];
    const SCREEN: Block = { x0: 34, x1: 38, y0: 1, y1: 5 };
    // The screen changes picture every other frame, in rests and reps alike.
    const withScreen = session.map((p, i) => {
      const q = Uint8Array.from(p);
      for (let y = SCREEN.y0; y <= SCREEN.y1; y++)
        for (let x = SCREEN.x0; x <= SCREEN.x1; x++) q[y * W + x] = i % 2 ? 240 : 20;
      return q;
    });
    const area = { x0: 5 / W, y0: 6 / H, x1: 33 / W, y1: 24 / H };
    const clean = computeMotionSignals(frames(session));
    const unmasked = computeMotionSignals(frames(withScreen));
    const masked = computeMotionSignals(frames(withScreen), { personBox: area });
    // Read whole, the screen stretches the moving region to the corner and moves the change's side.
    expect(unmasked.region!.x1).toBeCloseTo(39 / W, 6);
    expect(unmasked.region!.y0).toBeCloseTo(1 / H, 6);
    expect(unmasked.lateral[8]).not.toBeCloseTo(clean.lateral[8]!, 2);
    // Read within the person area, it is as if the screen were not there.
    expect(masked.region).toEqual(clean.region);
    expect(masked.activity).toEqual(clean.activity);
    expect(masked.lateral).toEqual(clean.lateral);
  });

  it('ignores a pixel that changed in too few frames (a one-off flicker is not a moving limb)', () => {
    const luma = repeat(40, () => picture([]));
    luma[5] = picture([{ x0: 2, x1: 3, y0: 2, y1: 3 }]);
    const s = computeMotionSignals(frames(luma));
    expect(s.region).toBeNull();
    expect(Math.max(...s.activity)).toBe(0);
  });

  it('does not count a whole-picture brightness step (auto exposure) as change', () => {
    const g = seededGaussian(9);
    const step = MOTION_PIXEL_THRESHOLD + 16; // more than a changed pixel's threshold
    const still = computeMotionSignals(
      frames(repeat(40, (i) => picture([], { offset: i >= 20 ? step : 0, noise: g }))),
    );
    expect(Math.max(...still.activity)).toBe(0);
    expect(still.region).toBeNull();

    // With a limb moving too, the step leaves the limb's change as it was.
    const seq = (offset: (i: number) => number) =>
      repeat(42, (i) => picture(Math.floor(i / 6) % 2 ? [LEFT] : [], { offset: offset(i) }));
    const plain = computeMotionSignals(frames(seq(() => 0)));
    const stepped = computeMotionSignals(frames(seq((i) => (i >= 21 ? -step : 0))));
    expect(stepped.region).toEqual(plain.region);
    expect(stepped.activity).toEqual(plain.activity);
  });

  it("does not count auto exposure scaling a furnished room's brightness (a gain, not a step) as change", () => {
    const empty = repeat(40, (i) => ({
      tMs: i * 100,
      landmarks: null,
      imageWidthPx: 64,
      imageHeightPx: 48,
      peopleCount: 0 as const,
    }));
    // Dark furniture and a bright wall: a 30% gain moves the bright pixels 50 grey levels and the dark ones 10.
    const room = motionFramesFromPoses(empty, {
      room: true,
      background: 170,
      noiseSd: 2,
      gain: (t) => (t >= 2000 ? 1.3 : 1),
    });
    const s = computeMotionSignals(room);
    expect(Math.max(...s.activity)).toBe(0);
    expect(s.region).toBeNull();
  });

  it(`reads at most ${MOTION_MAX_FPS} pictures a second: every second one of a 30 fps video, every fourth at 60, all of a 10 fps one`, () => {
    const at = (fps: number) => ({
      widthPx: 2,
      heightPx: 1,
      tMs: repeat(60, (i) => (i * 1000) / fps),
      luma: repeat(60, () => Uint8Array.from([0, 0])),
    });
    expect(thinMotionFrames(at(30)).tMs).toEqual(repeat(30, (i) => (i * 2000) / 30));
    expect(thinMotionFrames(at(60)).tMs).toEqual(repeat(15, (i) => (i * 4000) / 60));
    const ten = at(10);
    expect(thinMotionFrames(ten)).toBe(ten);
  });

  it('rejects pictures of another size than the one given', () => {
    const luma = repeat(10, () => picture([]));
    luma[3] = new Uint8Array(W * H - 1);
    expect(() => computeMotionSignals(frames(luma))).toThrow(/every picture must be 40x30/);
  });

  it('rejects a time list that does not have one time per picture', () => {
    const luma = repeat(10, () => picture([]));
    expect(() => computeMotionSignals({ widthPx: W, heightPx: H, tMs: [0, 1, 2], luma })).toThrow(
      /one time per picture/,
    );
  });

  it(`gives no signal from fewer than ${MOTION_MIN_FRAMES} pictures`, () => {
    const luma = repeat(MOTION_MIN_FRAMES - 1, (i) => picture(i % 2 ? [LEFT] : []));
    const s = computeMotionSignals(frames(luma));
    expect(s.region).toBeNull();
    expect(s.activity).toEqual(repeat(MOTION_MIN_FRAMES - 1, () => 0));
    expect(s.tMs).toHaveLength(MOTION_MIN_FRAMES - 1);
  });
});
