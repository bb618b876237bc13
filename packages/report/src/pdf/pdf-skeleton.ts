// Draws a stored skeleton snapshot (33 normalised points and the image aspect) as vector lines in a
// box, cropped to the body and keeping its proportions, coloured by the person's side like the video overlays.
// Doubtful joints (visibility under the floor) are drawn grey so they read as doubtful.

import { SKELETON_EDGES, VISIBILITY_FLOOR, landmarkIndex, type SkeletonSnapshot } from '@steadyback/core';
import { rgb, type PDFPage } from 'pdf-lib';
import { PALETTE, RULE } from './pdf-kit.ts';
import type { Box } from './pdf-charts.ts';

const CENTRE = rgb(0.3, 0.3, 0.35);
const DOUBT = rgb(0.75, 0.75, 0.75);

export function drawSkeleton(page: PDFPage, snap: SkeletonSnapshot, box: Box): void {
  page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, borderColor: RULE, borderWidth: 0.5 });
  // Crop to the body (in image pixels, so x is scaled by the aspect), with a margin, and fit it
  // into the box without distortion.
  const pts = snap.points.filter((p): p is [number, number, number] => p !== null);
  if (pts.length === 0) return;
  const xs = pts.map((p) => p[0] * snap.aspect);
  const ys = pts.map((p) => p[1]);
  const pad = 0.08 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const minX = Math.min(...xs) - pad;
  const minY = Math.min(...ys) - pad;
  const spanX = Math.max(...xs) + pad - minX;
  const spanY = Math.max(...ys) + pad - minY;
  const scale = Math.min(box.width / spanX, box.height / spanY);
  const x0 = box.x + (box.width - spanX * scale) / 2;
  const y0 = box.y + (box.height - spanY * scale) / 2;
  const at = (i: number) => {
    const p = snap.points[i];
    return p ? { x: x0 + (p[0] * snap.aspect - minX) * scale, y: y0 + (minY + spanY - p[1]) * scale, v: p[2] } : null;
  };
  for (const [a, b] of SKELETON_EDGES) {
    const p = at(landmarkIndex(a));
    const q = at(landmarkIndex(b));
    if (!p || !q) continue;
    const sure = p.v >= VISIBILITY_FLOOR && q.v >= VISIBILITY_FLOOR;
    const colour = !sure
      ? DOUBT
      : a.startsWith('left_') && b.startsWith('left_')
        ? PALETTE.left
        : a.startsWith('right_') && b.startsWith('right_')
          ? PALETTE.right
          : CENTRE;
    page.drawLine({ start: { x: p.x, y: p.y }, end: { x: q.x, y: q.y }, thickness: 1.4, color: colour });
  }
  for (let i = 0; i < snap.points.length; i++) {
    const p = at(i);
    if (p) page.drawCircle({ x: p.x, y: p.y, size: 1.1, color: p.v >= VISIBILITY_FLOOR ? CENTRE : DOUBT });
  }
}
