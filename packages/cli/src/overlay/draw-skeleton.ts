// Draws a pose skeleton straight into an RGB buffer (no canvas library): thick lines for bones,
// filled discs for joints, coloured by side so a person can check left and right at a glance.

import { SKELETON_EDGES, landmarkIndex, type PoseFrame } from '@steadyback/core';
import type { RgbFrame } from '@steadyback/pose';

type Rgb = readonly [number, number, number];

const LEFT: Rgb = [255, 140, 0]; // the person's left: orange
const RIGHT: Rgb = [0, 200, 255]; // the person's right: cyan
const CENTRE: Rgb = [255, 255, 255];
/** Points below this visibility are drawn hollow-grey so doubtful joints are visible as such. */
const DRAW_VISIBILITY_FLOOR = 0.5;

export function drawSkeleton(frame: RgbFrame, pose: PoseFrame): void {
  const scale = Math.max(1, Math.round(Math.min(frame.widthPx, frame.heightPx) / 240));
  const px = (i: number) => {
    const lm = pose.landmarks[i];
    return lm ? { x: lm.xNorm * frame.widthPx, y: lm.yNorm * frame.heightPx, v: lm.visibility } : null;
  };
  for (const [a, b] of SKELETON_EDGES) {
    const p = px(landmarkIndex(a));
    const q = px(landmarkIndex(b));
    if (!p || !q) continue;
    const ok = p.v >= DRAW_VISIBILITY_FLOOR && q.v >= DRAW_VISIBILITY_FLOOR;
    const colour = !ok
      ? ([128, 128, 128] as Rgb)
      : a.startsWith('left_') && b.startsWith('left_')
        ? LEFT
        : a.startsWith('right_') && b.startsWith('right_')
          ? RIGHT
          : CENTRE;
    drawLine(frame, p.x, p.y, q.x, q.y, scale, colour);
  }
  pose.landmarks.forEach((lm, i) => {
    if (!lm) return;
    const p = px(i)!;
    const colour = lm.visibility < DRAW_VISIBILITY_FLOOR ? ([128, 128, 128] as Rgb) : ([255, 255, 255] as Rgb);
    drawDisc(frame, p.x, p.y, scale * 2 + 1, [0, 0, 0]);
    drawDisc(frame, p.x, p.y, scale * 2, colour);
  });
}

function setPixel(frame: RgbFrame, x: number, y: number, c: Rgb): void {
  if (x < 0 || y < 0 || x >= frame.widthPx || y >= frame.heightPx) return;
  const i = (y * frame.widthPx + x) * frame.channels;
  frame.data[i] = c[0];
  frame.data[i + 1] = c[1];
  frame.data[i + 2] = c[2];
}

export function drawDisc(frame: RgbFrame, cx: number, cy: number, r: number, c: Rgb): void {
  const r2 = r * r;
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      const dx = x - cx,
        dy = y - cy;
      if (dx * dx + dy * dy <= r2) setPixel(frame, x, y, c);
    }
  }
}

/** A line of the given half-width: every pixel within `halfWidth` of the segment is painted. */
export function drawLine(
  frame: RgbFrame,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  halfWidth: number,
  c: Rgb,
): void {
  const minX = Math.max(0, Math.floor(Math.min(x0, x1) - halfWidth));
  const maxX = Math.min(frame.widthPx - 1, Math.ceil(Math.max(x0, x1) + halfWidth));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1) - halfWidth));
  const maxY = Math.min(frame.heightPx - 1, Math.ceil(Math.max(y0, y1) + halfWidth));
  const dx = x1 - x0,
    dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const hw2 = halfWidth * halfWidth;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2)) : 0;
      const ex = x0 + t * dx - x,
        ey = y0 + t * dy - y;
      if (ex * ex + ey * ey <= hw2) setPixel(frame, x, y, c);
    }
  }
}
