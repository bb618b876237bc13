// Small greyscale copies of a video's frames, for core's camera-motion signals (where the picture
// changes, with no pose model). The same decoder as the pose path, so rotation and real timestamps
// match the pose frames one for one.

import type { MotionFrames } from '@steadyback/core';
import { readFrames, type VideoInfo } from './video-source.ts';

/** Long side of the small pictures: enough to see a limb, small enough to keep every frame in memory (64x48 = 3 KB). */
export const MOTION_LONG_SIDE_PX = 64;

export async function readMotionFrames(
  info: VideoInfo,
  options: { readonly longSidePx?: number } = {},
): Promise<MotionFrames> {
  const long = options.longSidePx ?? MOTION_LONG_SIDE_PX;
  const scale = Math.min(1, long / Math.max(info.widthPx, info.heightPx));
  const even = (v: number) => Math.max(2, Math.round((v * scale) / 2) * 2);
  const small: VideoInfo = { ...info, widthPx: even(info.widthPx), heightPx: even(info.heightPx), downscaled: true };
  const { frames } = readFrames(small);
  const tMs: number[] = [];
  const luma: Uint8Array[] = [];
  const size = small.widthPx * small.heightPx;
  for await (const f of frames) {
    const rgb = f.frame.data;
    const y = new Uint8Array(size);
    // ITU-R BT.601 luma in integer arithmetic.
    for (let p = 0, q = 0; p < size; p++, q += 3) y[p] = (77 * rgb[q]! + 150 * rgb[q + 1]! + 29 * rgb[q + 2]!) >> 8;
    luma.push(y);
    tMs.push(f.tMs);
  }
  return { widthPx: small.widthPx, heightPx: small.heightPx, tMs, luma };
}
