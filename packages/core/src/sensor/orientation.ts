// W3C DeviceOrientation maths: Euler angles (alpha, beta, gamma) <-> rotation matrix <->
// quaternion, and the "up" direction seen from the phone. Everything else in sensor/ builds on
// the one convention defined here.
//
// Convention (W3C DeviceOrientation Event spec, section "Device Orientation"):
// - Earth frame: X east, Y north, Z up. Device frame: x to the right of the screen, y toward the
//   top of the phone, z out of the screen.
// - Intrinsic Z-X'-Y'' Tait-Bryan angles: R = Rz(alpha) * Rx(beta) * Ry(gamma) maps DEVICE
//   coordinates to EARTH coordinates (v_earth = R * v_device).
// - Ranges: alpha [0, 360), beta [-180, 180), gamma [-90, 90). Flat on a table, screen up, top of
//   the phone north: all zero. beta > 0 = top edge up; gamma > 0 = right edge down.
// Rotations are active and right-handed (counter-clockwise looking down the axis toward the origin).

import type { Point3 } from '../pose/geometry.ts';

export interface DeviceEuler {
  readonly alphaDeg: number;
  readonly betaDeg: number;
  readonly gammaDeg: number;
}

/** Unit quaternion; rotates device coordinates into earth coordinates like the matrix R. */
export interface Quaternion {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
}

/** Row-major 3x3 matrix [m00, m01, m02, m10, m11, m12, m20, m21, m22]. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

const DEG_TO_RAD = Math.PI / 180;
const RAD_TO_DEG = 180 / Math.PI;

/**
 * Below this |cos(beta)| the phone stands on its top or bottom edge (beta = +-90) and alpha and
 * gamma rotate about the same axis (gimbal lock); 1e-9 is far below any sensor's resolution.
 */
const GIMBAL_EPS = 1e-9;

export function rotX(angleDeg: number): Mat3 {
  const c = Math.cos(angleDeg * DEG_TO_RAD);
  const s = Math.sin(angleDeg * DEG_TO_RAD);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}

export function rotY(angleDeg: number): Mat3 {
  const c = Math.cos(angleDeg * DEG_TO_RAD);
  const s = Math.sin(angleDeg * DEG_TO_RAD);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}

export function rotZ(angleDeg: number): Mat3 {
  const c = Math.cos(angleDeg * DEG_TO_RAD);
  const s = Math.sin(angleDeg * DEG_TO_RAD);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function mulMat3(a: Mat3, b: Mat3): Mat3 {
  const r: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r.push(a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!);
    }
  }
  return r as unknown as Mat3;
}

export function transposeMat3(m: Mat3): Mat3 {
  return [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];
}

export function mulMat3Vec(m: Mat3, v: Point3): Point3 {
  return {
    x: m[0] * v.x + m[1] * v.y + m[2] * v.z,
    y: m[3] * v.x + m[4] * v.y + m[5] * v.z,
    z: m[6] * v.x + m[7] * v.y + m[8] * v.z,
  };
}

/** R = Rz(alpha) * Rx(beta) * Ry(gamma): device -> earth. */
export function matrixFromEuler(e: DeviceEuler): Mat3 {
  return mulMat3(mulMat3(rotZ(e.alphaDeg), rotX(e.betaDeg)), rotY(e.gammaDeg));
}

function wrap360(deg: number): number {
  const a = deg % 360;
  const w = a < 0 ? a + 360 : a;
  return w >= 360 || w === 0 ? 0 : w; // -1e-15 + 360 rounds to 360; no -0
}

/**
 * The W3C-range decomposition of a device -> earth rotation matrix: alpha [0, 360),
 * beta [-180, 180), gamma [-90, 90). With cos(beta) > 0 (screen facing up-ish) beta comes from
 * asin; with the screen facing down beta lies beyond +-90. At the gimbal edge (beta = +-90, the
 * phone on its top or bottom edge) only alpha +- gamma is defined: gamma is set to 0 and alpha
 * carries the whole rotation about the vertical, so matrixFromEuler still rebuilds the same matrix.
 */
export function eulerFromMatrix(m: Mat3): DeviceEuler {
  const [m00, m01, , m10, m11, , m20, m21, m22] = m;
  const clampedSinBeta = Math.max(-1, Math.min(1, m21));
  // R[2] row = (-cb*sg, sb, cb*cg): its x,z part has length |cos beta|.
  if (Math.hypot(m20, m22) < GIMBAL_EPS) {
    // cos(beta) = 0: R00 = cos(alpha +- gamma), R10 = sin(alpha +- gamma).
    return { alphaDeg: wrap360(Math.atan2(m10, m00) * RAD_TO_DEG), betaDeg: m21 > 0 ? 90 : -90, gammaDeg: 0 };
  }
  let alpha: number;
  let beta: number;
  let gamma: number;
  if (m22 > 0 || (m22 === 0 && m20 < 0)) {
    // cos(beta) > 0 and cos(gamma) >= 0 (m22 = 0, m20 < 0 is gamma = +90, folded below).
    alpha = Math.atan2(-m01, m11);
    beta = Math.asin(clampedSinBeta);
    gamma = Math.atan2(-m20, m22);
  } else {
    // Screen facing down: cos(beta) < 0 with gamma kept in [-90, 90].
    alpha = Math.atan2(m01, -m11);
    beta = Math.asin(clampedSinBeta);
    beta = beta >= 0 ? Math.PI - beta : -Math.PI - beta;
    gamma = Math.atan2(m20, -m22);
  }
  let alphaDeg = alpha * RAD_TO_DEG;
  let betaDeg = beta * RAD_TO_DEG;
  let gammaDeg = gamma * RAD_TO_DEG;
  if (gammaDeg >= 90) {
    // gamma = +90 lies outside [-90, 90): the same rotation is (alpha + 180, 180 - beta, -90).
    alphaDeg += 180;
    betaDeg = 180 - betaDeg;
    gammaDeg = -90;
  }
  if (betaDeg >= 180) betaDeg -= 360;
  if (betaDeg < -180) betaDeg += 360;
  return { alphaDeg: wrap360(alphaDeg), betaDeg: betaDeg === 0 ? 0 : betaDeg, gammaDeg: gammaDeg === 0 ? 0 : gammaDeg };
}

/** Hamilton product a * b (apply b first, then a). */
export function mulQuaternion(a: Quaternion, b: Quaternion): Quaternion {
  return {
    w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  };
}

/**
 * Scales to unit length and picks the w >= 0 sign (q and -q are the same rotation), so equal
 * rotations compare equal. Throws on a zero or non-finite quaternion: that is a caller bug.
 */
export function normalizeQuaternion(q: Quaternion): Quaternion {
  const n = Math.hypot(q.x, q.y, q.z, q.w);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new Error(`Quaternion ${JSON.stringify(q)} has no direction; pass a non-zero, finite {x, y, z, w}.`);
  }
  const s = q.w < 0 ? -1 / n : 1 / n;
  return { x: q.x * s, y: q.y * s, z: q.z * s, w: q.w * s };
}

/** Same rotation as matrixFromEuler: q = qz(alpha) * qx(beta) * qy(gamma). */
export function quaternionFromEuler(e: DeviceEuler): Quaternion {
  const half = DEG_TO_RAD / 2;
  const qz: Quaternion = { x: 0, y: 0, z: Math.sin(e.alphaDeg * half), w: Math.cos(e.alphaDeg * half) };
  const qx: Quaternion = { x: Math.sin(e.betaDeg * half), y: 0, z: 0, w: Math.cos(e.betaDeg * half) };
  const qy: Quaternion = { x: 0, y: Math.sin(e.gammaDeg * half), z: 0, w: Math.cos(e.gammaDeg * half) };
  return normalizeQuaternion(mulQuaternion(mulQuaternion(qz, qx), qy));
}

export function matrixFromQuaternion(q: Quaternion): Mat3 {
  const { x, y, z, w } = normalizeQuaternion(q);
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - z * w),
    2 * (x * z + y * w),
    2 * (x * y + z * w),
    1 - 2 * (x * x + z * z),
    2 * (y * z - x * w),
    2 * (x * z - y * w),
    2 * (y * z + x * w),
    1 - 2 * (x * x + y * y),
  ];
}

/** Shepperd's method: branch on the largest of w, x, y, z so no division by a small number. */
export function quaternionFromMatrix(m: Mat3): Quaternion {
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = m;
  const trace = m00 + m11 + m22;
  let q: Quaternion;
  if (trace > 0) {
    const s = 2 * Math.sqrt(1 + trace);
    q = { w: s / 4, x: (m21 - m12) / s, y: (m02 - m20) / s, z: (m10 - m01) / s };
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = { w: (m21 - m12) / s, x: s / 4, y: (m01 + m10) / s, z: (m02 + m20) / s };
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = { w: (m02 - m20) / s, x: (m01 + m10) / s, y: s / 4, z: (m12 + m21) / s };
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = { w: (m10 - m01) / s, x: (m02 + m20) / s, y: (m12 + m21) / s, z: s / 4 };
  }
  return normalizeQuaternion(q);
}

export function eulerFromQuaternion(q: Quaternion): DeviceEuler {
  return eulerFromMatrix(matrixFromQuaternion(q));
}

/**
 * The earth's "up" (0, 0, 1) in device coordinates: R^T * (0,0,1), the bottom row of R,
 * = (-cos(beta) sin(gamma), sin(beta), cos(beta) cos(gamma)). A unit vector.
 * Alpha does not appear: tilt measured from this vector is immune to compass (heading) drift,
 * which is why every pelvis angle in sensor/ is computed from it and never from alpha.
 */
export function gravityUpInDevice(betaDeg: number, gammaDeg: number): Point3 {
  const b = betaDeg * DEG_TO_RAD;
  const g = gammaDeg * DEG_TO_RAD;
  return { x: -Math.cos(b) * Math.sin(g) + 0, y: Math.sin(b), z: Math.cos(b) * Math.cos(g) }; // + 0: no -0
}
