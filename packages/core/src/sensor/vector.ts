// Small vector helpers for gravity directions in device coordinates (unit 3-vectors).

import type { Point3 } from '../pose/geometry.ts';
import { median } from '../signal/stats.ts';

export const DEG_TO_RAD = Math.PI / 180;
export const RAD_TO_DEG = 180 / Math.PI;
export const dot = (a: Point3, b: Point3) => a.x * b.x + a.y * b.y + a.z * b.z;
export const clamp1 = (v: number) => Math.max(-1, Math.min(1, v));
export const angleBetweenDeg = (a: Point3, b: Point3) => Math.acos(clamp1(dot(a, b))) * RAD_TO_DEG;

export function unit(v: Point3): Point3 {
  const n = Math.hypot(v.x, v.y, v.z);
  return { x: v.x / n, y: v.y / n, z: v.z / n };
}

export function medianDirection(vs: readonly Point3[]): Point3 {
  return unit({ x: median(vs.map((v) => v.x))!, y: median(vs.map((v) => v.y))!, z: median(vs.map((v) => v.z))! });
}
