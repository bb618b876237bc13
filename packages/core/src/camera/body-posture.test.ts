// The body's posture from 3D world landmarks (synthetic bodies imaged with world landmarks, as
// BlazePose gives them), on each side of every threshold, and the sentences that refuse a posture.
import { describe, expect, it } from 'vitest';
import {
  LEGS_OUT_MIN_HIP_DEG,
  UPRIGHT_TRUNK_MIN_DEG,
  detectBodyPosture,
  framePosture3d,
  postureMismatch,
} from './body-posture.ts';
import type { Point3 } from '../pose/geometry.ts';
import type { FrameResult } from '../pose/pose-frame.ts';
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
const frame = (b: Body3d, tMs = 0, world = true): FrameResult => imageBody(b, camera, tMs, { world });

/**
 * A body along the floor: the trunk at `trunkFromHorizontalDeg` (hips low, shoulders up when
 * positive) and each thigh at `hipDeg` from the trunk line (90 = under the hips, as on all fours;
 * 180 = straight on, as in a plank), the knee straight.
 */
function floorBody(hipDeg: number, trunkFromHorizontalDeg = 0): Body3d {
  const rad = (d: number) => (d * Math.PI) / 180;
  const hip: Point3 = { x: 0, y: 0.4, z: 0 };
  const t = rad(trunkFromHorizontalDeg);
  const sh: Point3 = { x: hip.x + ADULT.trunkM * Math.cos(t), y: hip.y + ADULT.trunkM * Math.sin(t), z: 0 };
  // The thigh leaves the hip at hipDeg from the hip-to-shoulder direction, turned downward.
  const a = t - rad(hipDeg);
  const dir = { x: Math.cos(a), y: Math.sin(a) };
  const b = quadrupedBody(QUADRUPED);
  const out = { ...b } as Record<string, Point3>;
  for (const s of ['left', 'right'] as const) {
    const z = ((s === 'right' ? 1 : -1) * ADULT.hipWidthM) / 2;
    out[`${s}_hip`] = { ...hip, z };
    out[`${s}_knee`] = { x: hip.x + ADULT.thighM * dir.x, y: hip.y + ADULT.thighM * dir.y, z };
    out[`${s}_ankle`] = {
      x: hip.x + (ADULT.thighM + ADULT.shinM) * dir.x,
      y: hip.y + (ADULT.thighM + ADULT.shinM) * dir.y,
      z,
    };
    out[`${s}_shoulder`] = { ...sh, z: ((s === 'right' ? 1 : -1) * ADULT.shoulderWidthM) / 2 };
    out[`${s}_wrist`] = { x: sh.x, y: 0.03, z: out[`${s}_shoulder`]!.z };
    out[`${s}_elbow`] = { x: sh.x, y: (sh.y + 0.03) / 2, z: out[`${s}_shoulder`]!.z };
  }
  return out as Body3d;
}

describe('posture from 3D world landmarks', () => {
  it('on all fours, standing, and with the legs stretched out along the floor', () => {
    expect(framePosture3d(frame(quadrupedBody(QUADRUPED)))).toBe('all-fours');
    expect(framePosture3d(frame(standingBody()))).toBe('upright');
    expect(framePosture3d(frame(floorBody(175)))).toBe('legs-out');
    expect(framePosture3d(frame(floorBody(90)))).toBe('all-fours');
  });

  it('lying on the back with the knees up (a dead bug) is not all fours, though its hips bend as much', () => {
    // The all-fours body turned over: every joint mirrored through the hips' height.
    const fours = quadrupedBody(QUADRUPED);
    const hipY = (fours.left_hip.y + fours.right_hip.y) / 2;
    const deadBug = Object.fromEntries(
      Object.entries(fours).map(([k, p]) => [k, { ...p, y: 2 * hipY - p.y + 0.3 }]),
    ) as Body3d;
    expect(framePosture3d(frame(deadBug))).toBe('legs-out');
  });

  it('tells legs out from all fours at the hip angle threshold', () => {
    expect(framePosture3d(frame(floorBody(LEGS_OUT_MIN_HIP_DEG + 3)))).toBe('legs-out');
    expect(framePosture3d(frame(floorBody(LEGS_OUT_MIN_HIP_DEG - 3)))).toBe('all-fours');
  });

  it('tells upright from along the floor at the trunk angle threshold', () => {
    // The trunk's angle from the camera's down is 90 + its rise above horizontal.
    expect(framePosture3d(frame(floorBody(170, UPRIGHT_TRUNK_MIN_DEG - 90 + 3)))).toBe('upright');
    expect(framePosture3d(frame(floorBody(170, UPRIGHT_TRUNK_MIN_DEG - 90 - 3)))).toBe('legs-out');
  });

  it('gives the posture most frames show, unknown without a clear majority, and reads the picture without world landmarks', () => {
    const plank = Array.from({ length: 7 }, (_, i) => frame(floorBody(170), i * 100));
    const fours = Array.from({ length: 3 }, (_, i) => frame(quadrupedBody(QUADRUPED), 700 + i * 100));
    expect(detectBodyPosture([...plank, ...fours])).toBe('legs-out');
    expect(detectBodyPosture([...plank.slice(0, 5), ...fours, ...fours.map((f) => ({ ...f, tMs: f.tMs + 300 }))])).toBe(
      'unknown',
    );
    const flat = Array.from({ length: 10 }, (_, i) => frame(quadrupedBody(QUADRUPED), i * 100, false));
    expect(detectBodyPosture(flat)).toBe('along-floor');
  });
});

describe('the posture an exercise is not done in', () => {
  it('refuses upright and legs out for the bird-dog, and the floor for the stretch, each in one sentence', () => {
    expect(postureMismatch('legs-out', 'bird-dog')).toMatch(/lying down or in a plank/);
    expect(postureMismatch('upright', 'bird-dog')).toMatch(/upright/);
    expect(postureMismatch('all-fours', 'bird-dog')).toBeNull();
    expect(postureMismatch('along-floor', 'bird-dog')).toBeNull();
    expect(postureMismatch('unknown', 'bird-dog')).toBeNull();
    expect(postureMismatch('all-fours', 'hip-flexor-stretch')).toMatch(/on all fours, not kneeling upright/);
    expect(postureMismatch('legs-out', 'hip-flexor-stretch')).toMatch(/lying down or in a plank/);
    expect(postureMismatch('along-floor', 'hip-flexor-stretch')).toMatch(/along the floor/);
    expect(postureMismatch('upright', 'hip-flexor-stretch')).toBeNull();
  });
});
