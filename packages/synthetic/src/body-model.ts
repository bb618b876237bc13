// A kinematic body for synthetic tests: named 3D joint centres (metres) turned into a 33-landmark
// PoseFrame through a camera, with the imperfections real pose models show: pixel noise, lower
// visibility on the far side of the body, points outside the picture, and dropped frames.

import { BLAZEPOSE_LANDMARKS, type LandmarkName } from '@steadyback/core';
import type { Point3 } from '@steadyback/core';
import type { FrameResult, Landmark } from '@steadyback/core';
import { project, type Camera } from './camera.ts';

/** The joints a synthetic body defines; the other landmarks are derived from them. */
export const BODY_JOINTS = [
  'nose',
  'left_ear',
  'right_ear',
  'left_eye',
  'right_eye',
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
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const satisfies readonly LandmarkName[];

export type BodyJoint = (typeof BODY_JOINTS)[number];
export type Body3d = Record<BodyJoint, Point3>;

export interface ImagingOptions {
  /** Gaussian pixel noise, standard deviation in pixels. */
  readonly noisePx?: number;
  /** Visibility of points on the near side / far side of the body. */
  readonly nearVisibility?: number;
  readonly farVisibility?: number;
  /** Source of standard-normal random numbers (seeded for repeatable tests). */
  readonly gaussian?: () => number;
  /** Give world landmarks as BlazePose does: metres from the hips' midpoint, y down (the body's own frame, a level camera). */
  readonly world?: boolean;
}

const lerp3 = (a: Point3, b: Point3, t: number): Point3 => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
  z: a.z + (b.z - a.z) * t,
});

function derivedJoints(b: Body3d): Record<LandmarkName, Point3> {
  const out = { ...b } as Record<LandmarkName, Point3>;
  out.left_eye_inner = lerp3(b.left_eye, b.nose, 0.3);
  out.left_eye_outer = lerp3(b.left_eye, b.left_ear, 0.3);
  out.right_eye_inner = lerp3(b.right_eye, b.nose, 0.3);
  out.right_eye_outer = lerp3(b.right_eye, b.right_ear, 0.3);
  out.mouth_left = lerp3(b.nose, b.left_ear, 0.25);
  out.mouth_right = lerp3(b.nose, b.right_ear, 0.25);
  for (const s of ['left', 'right'] as const) {
    const wrist = b[`${s}_wrist`];
    const dir = lerp3(b[`${s}_elbow`], wrist, 1.3);
    out[`${s}_pinky`] = dir;
    out[`${s}_index`] = dir;
    out[`${s}_thumb`] = lerp3(wrist, dir, 0.6);
  }
  return out;
}

/** Images a body with a camera. Points outside the picture get visibility near 0, as real models do. */
export function imageBody(body: Body3d, camera: Camera, tMs: number, opts: ImagingOptions = {}): FrameResult {
  const all = derivedJoints(body);
  const noise = opts.noisePx ?? 0;
  const g = opts.gaussian ?? (() => 0);
  const near = opts.nearVisibility ?? 0.95;
  const far = opts.farVisibility ?? 0.8;
  const depth = (name: LandmarkName) => project(camera, all[name])?.depthM ?? Infinity;
  const landmarks: Array<Landmark | null> = BLAZEPOSE_LANDMARKS.map((name) => {
    const p = project(camera, all[name]);
    if (!p) return null;
    const partner = name.startsWith('left_')
      ? (('right_' + name.slice(5)) as LandmarkName)
      : name.startsWith('right_')
        ? (('left_' + name.slice(6)) as LandmarkName)
        : null;
    const isFar = partner !== null && depth(name) > depth(partner) + 0.1;
    const xNorm = p.xNorm + (noise * g()) / camera.widthPx;
    const yNorm = p.yNorm + (noise * g()) / camera.heightPx;
    const inside = xNorm >= 0 && xNorm <= 1 && yNorm >= 0 && yNorm <= 1;
    return { xNorm, yNorm, visibility: inside ? (isFar ? far : near) : 0.05 };
  });
  const frame = { tMs, landmarks, imageWidthPx: camera.widthPx, imageHeightPx: camera.heightPx, peopleCount: 1 };
  if (!opts.world) return frame;
  const hx = (body.left_hip.x + body.right_hip.x) / 2,
    hy = (body.left_hip.y + body.right_hip.y) / 2,
    hz = (body.left_hip.z + body.right_hip.z) / 2;
  const world = BLAZEPOSE_LANDMARKS.map((name) => ({
    xM: all[name].x - hx,
    yM: -(all[name].y - hy),
    zM: all[name].z - hz,
  }));
  return { ...frame, world };
}
