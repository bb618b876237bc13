// A pinhole camera for synthetic skeletons: projects 3D joint positions (metres) into normalised
// image coordinates for the named views the rules talk about. World frame used by the synthetic
// bodies: x = the person's forward (toward the head on all fours), y = up, z = the person's right.

import type { Point3 } from '@steadyback/core';

export const CAMERA_VIEWS = [
  'side-left',
  'side-right',
  'rear',
  'rear-raised',
  'rear-oblique-45',
  'front',
  'high-corner',
] as const;
export type CameraView = (typeof CAMERA_VIEWS)[number];

export interface Camera {
  readonly position: Point3;
  readonly target: Point3;
  /** Vertical field of view, degrees. */
  readonly fovYDeg: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface Projected {
  readonly xNorm: number;
  readonly yNorm: number;
  /** Distance along the viewing axis, metres (for occlusion ordering). */
  readonly depthM: number;
}

const sub = (a: Point3, b: Point3): Point3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const dot = (a: Point3, b: Point3) => a.x * b.x + a.y * b.y + a.z * b.z;
const cross = (a: Point3, b: Point3): Point3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});
const norm = (a: Point3): Point3 => {
  const l = Math.hypot(a.x, a.y, a.z);
  return { x: a.x / l, y: a.y / l, z: a.z / l };
};

/** Projects a world point; null when it is behind the camera. */
export function project(camera: Camera, p: Point3): Projected | null {
  const forward = norm(sub(camera.target, camera.position));
  const right = norm(cross(forward, { x: 0, y: 1, z: 0 }));
  const up = cross(right, forward);
  const d = sub(p, camera.position);
  const zc = dot(d, forward);
  if (zc <= 0.01) return null;
  const f = 1 / Math.tan((camera.fovYDeg * Math.PI) / 360);
  const aspect = camera.widthPx / camera.heightPx;
  const xs = (dot(d, right) / zc) * f; // -aspect..aspect across the image
  const ys = (dot(d, up) / zc) * f; // -1..1 up the image
  return { xNorm: 0.5 + xs / (2 * aspect), yNorm: 0.5 - ys / 2, depthM: zc };
}

export interface ViewOptions {
  /** Where the body is centred (metres); the camera looks at it. */
  readonly centre: Point3;
  readonly distanceM?: number;
  readonly lensHeightM?: number;
  readonly widthPx?: number;
  readonly heightPx?: number;
  readonly fovYDeg?: number;
}

/** The camera for a named view, 2.5 m away at hip height unless told otherwise. */
export function cameraForView(view: CameraView, opts: ViewOptions): Camera {
  const dist = opts.distanceM ?? 2.5;
  const h = opts.lensHeightM ?? opts.centre.y;
  const c = opts.centre;
  const at = (dx: number, dy: number, dz: number): Point3 => ({ x: c.x + dx, y: dy, z: c.z + dz });
  const s = Math.SQRT1_2;
  const position: Point3 = (() => {
    switch (view) {
      case 'side-left':
        return at(0, h, -dist);
      case 'side-right':
        return at(0, h, dist);
      case 'rear':
        return at(-dist, h, 0);
      case 'rear-raised':
        return at(-dist, 1.4, 0);
      case 'rear-oblique-45':
        return at(-dist * s, h, -dist * s);
      case 'front':
        return at(dist, h, 0);
      case 'high-corner':
        return at(-dist * s, 2.1, -dist * s);
    }
  })();
  return {
    position,
    target: c,
    fovYDeg: opts.fovYDeg ?? 50,
    widthPx: opts.widthPx ?? 640,
    heightPx: opts.heightPx ?? 480,
  };
}
