// The renderer poses the real rigged figure as asked and its truth matches its pixels. One browser
// for the whole file; a handful of 640x480 renders (about 0.1-0.2 s each on SwiftShader).

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_WALK_M, writeClip, birdDogClip } from './clips.ts';
import { createFigureRenderer, type FigureRenderer } from './figure-renderer.ts';
import { ensureFixture, readImageTruth } from './fixture-cache.ts';
import { decodePng, type RgbaImage } from './png.ts';
import type { FrameTruth, LandmarkName } from './truth.ts';

/** Tolerances, degrees: the truth is read back from the rig, so only float noise separates it from the request. */
const ANGLE_TOL_DEG = 1;
const LIMB_JOINTS: LandmarkName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

let renderer: FigureRenderer;
let quad: { png: Buffer; truth: FrameTruth };
let quadImage: RgbaImage;
let mask: RgbaImage;
let background: RgbaImage;

const px = (img: RgbaImage, x: number, y: number): [number, number, number] => {
  const i = (Math.round(y) * img.widthPx + Math.round(x)) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
};
const isFigure = (m: RgbaImage, x: number, y: number): boolean => px(m, x, y)[0] > 128;
/** True when a figure pixel lies within r pixels of (x, y). */
const nearFigure = (m: RgbaImage, x: number, y: number, r: number): boolean => {
  for (let dy = -r; dy <= r; dy += 1) {
    for (let dx = -r; dx <= r; dx += 1) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < m.widthPx && yy < m.heightPx && isFigure(m, xx, yy)) return true;
    }
  }
  return false;
};
const at = (t: FrameTruth, name: LandmarkName) => {
  const p = t.joints2dPx[name];
  if (!p) throw new Error(`${name} is not in the picture`);
  return p;
};

beforeAll(async () => {
  renderer = await createFigureRenderer({ figure: 'women_Casual', widthPx: 640, heightPx: 480 });
  quad = await renderer.render({ kind: 'quadruped' }, 'side-left');
  quadImage = decodePng(quad.png);
  mask = decodePng((await renderer.render({ kind: 'quadruped' }, 'side-left', { layer: 'mask' })).png);
  background = decodePng((await renderer.render({ kind: 'quadruped' }, 'side-left', { layer: 'background' })).png);
});

afterAll(async () => {
  await renderer?.close();
});

describe('quadruped from the left side', () => {
  it('puts every limb joint inside the 640x480 picture', () => {
    expect(quadImage.widthPx).toBe(640);
    expect(quadImage.heightPx).toBe(480);
    for (const j of LIMB_JOINTS) {
      const p = at(quad.truth, j);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThan(640);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThan(480);
    }
  });

  it('has knees below the hips and wrists below the shoulders in the image', () => {
    for (const s of ['left', 'right'] as const) {
      const hip = at(quad.truth, `${s}_hip`);
      const knee = at(quad.truth, `${s}_knee`);
      const shoulder = at(quad.truth, `${s}_shoulder`);
      const wrist = at(quad.truth, `${s}_wrist`);
      // Image y grows downward; a thigh is roughly 0.48 m, so well over 60 px at this distance.
      expect(knee.y - hip.y).toBeGreaterThan(60);
      expect(Math.abs(knee.x - hip.x)).toBeLessThan(20);
      expect(wrist.y - shoulder.y).toBeGreaterThan(60);
      expect(Math.abs(wrist.x - shoulder.x)).toBeLessThan(20);
    }
    // The head end is on the left of the picture from the person's left side; the ankles on the right.
    expect(at(quad.truth, 'nose').x).toBeLessThan(at(quad.truth, 'left_shoulder').x);
    expect(at(quad.truth, 'left_ankle').x).toBeGreaterThan(at(quad.truth, 'left_knee').x);
  });

  it('has vertical thighs, vertical arms, a level trunk and right-angled knees', () => {
    const a = quad.truth.angles;
    expect(a.leftThighFromVerticalDeg).toBeLessThan(ANGLE_TOL_DEG);
    expect(a.rightThighFromVerticalDeg).toBeLessThan(ANGLE_TOL_DEG);
    expect(a.leftArmElevationDeg).toBeCloseTo(-90, 0);
    expect(Math.abs(a.trunkPitchDeg)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.pelvisRollDeg)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.leftKneeDeg - 90)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.rightKneeDeg - 90)).toBeLessThan(ANGLE_TOL_DEG);
    // Knees and hands rest on the floor (y = 0 in metres): joint centres a few centimetres above it.
    expect(quad.truth.joints3dM.left_knee.y).toBeLessThan(0.1);
    expect(quad.truth.joints3dM.left_wrist.y).toBeLessThan(0.1);
    expect(quad.truth.joints3dM.left_hip.y).toBeGreaterThan(0.4);
  });

  it('draws the figure where the truth says the body is', () => {
    let figurePixels = 0;
    let differsFromRoom = 0;
    for (let y = 0; y < 480; y += 1) {
      for (let x = 0; x < 640; x += 1) {
        if (!isFigure(mask, x, y)) continue;
        figurePixels += 1;
        const c = px(quadImage, x, y);
        const b = px(background, x, y);
        if (Math.abs(c[0] - b[0]) + Math.abs(c[1] - b[1]) + Math.abs(c[2] - b[2]) > 30) differsFromRoom += 1;
      }
    }
    const share = figurePixels / (640 * 480);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.6);
    // In the colour picture, the silhouette really shows a body, not the empty room.
    expect(differsFromRoom / figurePixels).toBeGreaterThan(0.8);
    // Near-side joints land on the silhouette (a joint centre can sit a few pixels inside the outline).
    for (const j of [
      'left_shoulder',
      'left_elbow',
      'left_wrist',
      'left_hip',
      'left_knee',
      'left_ankle',
      'nose',
    ] as const) {
      const p = at(quad.truth, j);
      expect(nearFigure(mask, Math.round(p.x), Math.round(p.y), 3), j).toBe(true);
    }
  });
});

describe('bird-dog and half-kneeling', () => {
  it('reaches the requested leg and arm elevations and pelvis roll', async () => {
    const { truth } = await renderer.render(
      { kind: 'bird-dog', liftedLeg: 'right', legElevationDeg: 15, armElevationDeg: 10, pelvisRollDeg: 8 },
      'side-right',
    );
    const a = truth.angles;
    expect(Math.abs(a.rightLegElevationDeg - 15)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.leftArmElevationDeg - 10)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.rightKneeDeg - 180)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.leftKneeDeg - 90)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.pelvisRollDeg - 8)).toBeLessThan(ANGLE_TOL_DEG);
    // Raised above horizontal: the lifted ankle is higher in the picture than its hip.
    expect(at(truth, 'right_ankle').y).toBeLessThan(at(truth, 'right_hip').y);
    expect(at(truth, 'left_wrist').y).toBeLessThan(at(truth, 'left_shoulder').y);
  });

  it('rolls only the pelvis, or the whole trunk with it, as asked', async () => {
    const shoulderRoll = (t: FrameTruth) => {
      const l = t.joints3dM.left_shoulder;
      const r = t.joints3dM.right_shoulder;
      return (Math.atan2(l.y - r.y, Math.hypot(l.x - r.x, l.z - r.z)) * 180) / Math.PI;
    };
    const pose = {
      kind: 'bird-dog',
      liftedLeg: 'left',
      legElevationDeg: 5,
      armElevationDeg: 5,
      pelvisRollDeg: 10,
    } as const;
    const pelvisOnly = (await renderer.render({ ...pose, trunkRollShare: 0 }, 'rear')).truth;
    const wholeTrunk = (await renderer.render({ ...pose, trunkRollShare: 1 }, 'rear')).truth;
    expect(Math.abs(pelvisOnly.angles.pelvisRollDeg - 10)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(wholeTrunk.angles.pelvisRollDeg - 10)).toBeLessThan(ANGLE_TOL_DEG);
    // The shoulders follow the pelvis only when the trunk rolls with it.
    expect(Math.abs(shoulderRoll(pelvisOnly))).toBeLessThan(3);
    expect(shoulderRoll(wholeTrunk)).toBeGreaterThan(7);
  });

  it('kneels on the requested side with the requested knee angles and trunk lean', async () => {
    const { truth } = await renderer.render(
      { kind: 'half-kneeling', kneelingSide: 'left', frontKneeDeg: 95, backKneeDeg: 90, trunkLeanDeg: 10 },
      'side-left',
    );
    const a = truth.angles;
    expect(Math.abs(a.rightKneeDeg - 95)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.leftKneeDeg - 90)).toBeLessThan(ANGLE_TOL_DEG);
    expect(Math.abs(a.trunkLeanDeg - 10)).toBeLessThan(ANGLE_TOL_DEG);
    expect(truth.joints3dM.left_knee.y).toBeLessThan(0.1); // the kneeling knee is on the floor
    expect(truth.joints3dM.right_knee.y).toBeGreaterThan(0.35);
  });

  it('blends two poses part-way', async () => {
    const { truth } = await renderer.render(
      {
        kind: 'blend',
        from: { kind: 'quadruped' },
        to: { kind: 'bird-dog', liftedLeg: 'left', legElevationDeg: 0 },
        t: 0.5,
      },
      'side-left',
    );
    expect(truth.angles.leftKneeDeg).toBeGreaterThan(100);
    expect(truth.angles.leftKneeDeg).toBeLessThan(170);
    expect(truth.angles.rightKneeDeg).toBeCloseTo(90, 0);
  });
});

describe('clips and the fixture cache', () => {
  it('renders a labelled bird-dog clip and encodes it to mp4 and y4m', async () => {
    const clip = await birdDogClip({ view: 'side-left', fps: 8, reps: 1, speed: 4, renderer });
    expect(clip.frames.length).toBe(Math.round((clip.plan.durationMs / 1000) * 8));
    expect(clip.frames.map((f) => f.tMs)).toEqual(clip.frames.map((_, i) => i * 125));
    expect(new Set(clip.frames.map((f) => f.phase))).toEqual(new Set(['settle', 'reach', 'hold', 'return', 'rest']));
    const held = clip.frames.filter((f) => f.phase === 'hold');
    for (const f of held) expect(f.truth.angles.leftLegElevationDeg).toBeGreaterThan(0);
    // One fixed camera for the whole clip.
    expect(new Set(clip.frames.map((f) => JSON.stringify(f.truth.camera))).size).toBe(1);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-clip-'));
    try {
      const mp4 = await writeClip(clip.frames, path.join(dir, 'bd.mp4'), 8);
      const y4m = await writeClip(clip.frames, path.join(dir, 'bd.y4m'), 8);
      expect(statSync(mp4).size).toBeGreaterThan(1000);
      expect(readFileSync(y4m).subarray(0, 64).toString('latin1')).toMatch(/^YUV4MPEG2 W640 H480 F8:1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves a creeping figure on the floor after each rep and draws it there, under one fixed camera', async () => {
    const clip = await birdDogClip({ view: 'side-left', fps: 8, reps: 2, speed: 2, creepM: [0, 0.05], renderer });
    const hips = (f: (typeof clip.frames)[number]) => {
      const l = f.truth.joints3dM.left_hip,
        r = f.truth.joints3dM.right_hip;
      return [(l.x + r.x) / 2, (l.y + r.y) / 2, (l.z + r.z) / 2] as const;
    };
    const restAfter = (rep: number | null) =>
      clip.frames.filter((f) => (rep === null ? f.phase === 'settle' : f.phase === 'rest' && f.rep === rep)).at(-1)!;
    const [settled, first, second] = [restAfter(null), restAfter(0), restAfter(1)];
    const dist = (a: readonly number[], b: readonly number[]) =>
      Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    expect(dist(hips(settled), hips(first))).toBeCloseTo(0.05, 3);
    expect(dist(hips(settled), hips(second))).toBeCloseTo(0.1, 3);
    // From the left side, forward is one way across the picture: the hips move the same way twice.
    const x = [settled, first, second].map((f) => (at(f.truth, 'left_hip').x + at(f.truth, 'right_hip').x) / 2);
    expect(Math.abs(x[1]! - x[0]!)).toBeGreaterThan(3);
    expect(Math.sign(x[2]! - x[1]!)).toBe(Math.sign(x[1]! - x[0]!));
    expect(new Set(clip.frames.map((f) => JSON.stringify(f.truth.camera))).size).toBe(1);
  });

  it('films someone at home: from the phone to the mat and down through kneeling, with the camera propped for all fours', async () => {
    const clip = await birdDogClip({ view: 'side-left', fps: 8, reps: 1, speed: 2, atHome: true, renderer });
    const phases = clip.frames.map((f) => f.phase);
    expect(phases[0]).toBe('stand');
    expect(phases.at(-1)).toBe('stand');
    expect(phases).toContain('walk');
    const hipDepth = (f: (typeof clip.frames)[number]) => (f.truth.depthM.left_hip + f.truth.depthM.right_hip) / 2;
    const settled = clip.frames.filter((f) => f.phase === 'settle').at(-1)!;
    // It starts and ends at the phone, nearly a metre nearer the camera than the mat.
    for (const f of [clip.frames[0]!, clip.frames.at(-1)!])
      expect(hipDepth(settled) - hipDepth(f)).toBeCloseTo(HOME_WALK_M, 1);
    // Standing at the phone, the feet are below the picture; on all fours every limb joint is in it.
    expect(clip.frames[0]!.truth.joints2dPx.left_ankle).toBeNull();
    for (const f of clip.frames.filter((g) => ['settle', 'reach', 'hold', 'return', 'rest'].includes(g.phase))) {
      for (const j of LIMB_JOINTS) expect(f.truth.joints2dPx[j], `${j} at ${f.tMs} ms`).not.toBeNull();
    }
    // Getting down passes through kneeling on the left knee with the trunk upright.
    const kneeling = clip.frames.filter(
      (f) =>
        f.phase === 'get-down' &&
        f.truth.joints3dM.left_knee.y < 0.1 &&
        f.truth.joints3dM.right_knee.y > 0.3 &&
        Math.abs(f.truth.angles.trunkLeanDeg) < 10,
    );
    expect(kneeling.length).toBeGreaterThan(0);
    expect(new Set(clip.frames.map((f) => JSON.stringify(f.truth.camera))).size).toBe(1);
  });

  it('renders a fixture once and reuses it from the cache', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-cache-'));
    const before = process.env.STEADYBACK_LAB_CACHE;
    process.env.STEADYBACK_LAB_CACHE = dir;
    try {
      const spec = { kind: 'image', pose: { kind: 'standing' }, view: 'front' } as const;
      const first = await ensureFixture('standing-front', spec, { renderer });
      expect(first.fromCache).toBe(false);
      expect(existsSync(first.png)).toBe(true);
      expect(first.png.startsWith(dir)).toBe(true);
      const again = await ensureFixture('standing-front', spec, { renderer });
      expect(again.fromCache).toBe(true);
      expect(again.png).toBe(first.png);
      expect(readImageTruth(again).angles.leftKneeDeg).toBeGreaterThan(175);
    } finally {
      if (before === undefined) delete process.env.STEADYBACK_LAB_CACHE;
      else process.env.STEADYBACK_LAB_CACHE = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
