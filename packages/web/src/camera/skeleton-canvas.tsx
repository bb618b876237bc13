// Draws the skeleton on the overlay canvas in the camera's own pixel frame. The canvas sits over
// the video; when the preview is mirrored, the whole stage (video and canvas) is flipped by CSS,
// so the lines stay on the body while the landmarks themselves, and left/right, are never mirrored.

import type { FrameResult } from '@steadyback/core';
import { skeletonGeometry, type SkeletonSegment } from './body-status.ts';

/** The person's left and right in colours that stay distinct for common colour blindness. */
const SIDE_COLOURS: Readonly<Record<SkeletonSegment['side'], string>> = {
  left: '#ffb000',
  right: '#2ec4f1',
  centre: '#ffffff',
};

export function drawSkeleton(canvas: HTMLCanvasElement, frame: FrameResult | null): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  if (!frame) return;
  const { segments, points } = skeletonGeometry(frame);
  const lineWidth = Math.max(3, Math.round(w / 150));
  ctx.lineCap = 'round';
  // A dark outline under each line keeps it readable on light clothes and bright rooms.
  for (const pass of ['outline', 'colour'] as const) {
    for (const s of segments) {
      ctx.strokeStyle = pass === 'outline' ? 'rgba(0, 0, 0, 0.6)' : SIDE_COLOURS[s.side];
      ctx.lineWidth = pass === 'outline' ? lineWidth + 3 : lineWidth;
      ctx.beginPath();
      ctx.moveTo(s.x1 * w, s.y1 * h);
      ctx.lineTo(s.x2 * w, s.y2 * h);
      ctx.stroke();
    }
  }
  for (const p of points) {
    ctx.fillStyle = SIDE_COLOURS[p.side];
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.x * w, p.y * h, lineWidth * 1.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}
