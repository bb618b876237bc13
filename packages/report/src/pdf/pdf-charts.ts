// Draws one of the report model's chart specs into a box on the PDF page with vector lines: axes,
// dashed guide lines with their labels, lines, steps or grouped bars, points in their semantic
// colour (so the pain peaks show the traffic light), and a one-line legend.

import type { ChartSpec } from '@steadyback/core';
import type { PDFPage } from 'pdf-lib';
import { INK, MUTED, PALETTE, RULE, line, winAnsi, type Fonts } from './pdf-kit.ts';

export interface Box {
  x: number;
  /** The bottom edge (PDF y grows upward). */
  y: number;
  width: number;
  height: number;
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const UNIT: Record<ChartSpec['y']['unit'], string> = { deg: '°', s: ' s', 'NRS 0-10': '', sessions: '' };

interface Plot {
  readonly plot: Box;
  readonly px: (x: number) => number;
  readonly py: (y: number) => number;
}

function plotOf(spec: ChartSpec, box: Box): Plot {
  const legendH = 16;
  const plot = {
    x: box.x + 20,
    y: box.y + legendH + 12,
    width: box.width - 24,
    height: box.height - legendH - 12 - 14,
  };
  const xSpan = Math.max(1e-9, spec.x.max - spec.x.min);
  const ySpan = Math.max(1e-9, spec.y.max - spec.y.min);
  const px = (x: number) => plot.x + ((x - spec.x.min) / xSpan) * plot.width;
  const py = (y: number) =>
    plot.y + ((Math.min(spec.y.max, Math.max(spec.y.min, y)) - spec.y.min) / ySpan) * plot.height;
  return { plot, px, py };
}

function drawAxes(page: PDFPage, fonts: Fonts, spec: ChartSpec, { plot, px, py }: Plot): void {
  // Axes and y labels.
  page.drawLine({
    start: { x: plot.x, y: plot.y },
    end: { x: plot.x + plot.width, y: plot.y },
    thickness: 0.5,
    color: MUTED,
  });
  page.drawLine({
    start: { x: plot.x, y: plot.y },
    end: { x: plot.x, y: plot.y + plot.height },
    thickness: 0.5,
    color: MUTED,
  });
  for (const v of [spec.y.min, (spec.y.min + spec.y.max) / 2, spec.y.max]) {
    const label = `${fmt(v)}${UNIT[spec.y.unit]}`;
    page.drawText(winAnsi(label), {
      x: plot.x - 3 - fonts.regular.widthOfTextAtSize(winAnsi(label), 5.5),
      y: py(v) - 2,
      size: 5.5,
      font: fonts.regular,
      color: MUTED,
    });
    if (v !== spec.y.min)
      page.drawLine({
        start: { x: plot.x, y: py(v) },
        end: { x: plot.x + plot.width, y: py(v) },
        thickness: 0.25,
        color: RULE,
      });
  }
  // x labels: first and last tick, plus the middle ones when there is room.
  const ticks =
    spec.x.ticks.length <= 6 ? spec.x.ticks : spec.x.ticks.filter((_, i, all) => i % Math.ceil(all.length / 5) === 0);
  for (const t of ticks) {
    const label = winAnsi(t.label);
    const w = fonts.regular.widthOfTextAtSize(label, 5.5);
    page.drawText(label, {
      x: Math.min(plot.x + plot.width - w, Math.max(plot.x - 4, px(t.x) - w / 2)),
      y: plot.y - 8,
      size: 5.5,
      font: fonts.regular,
      color: MUTED,
    });
  }
}

function drawGuides(page: PDFPage, spec: ChartSpec, { plot, py }: Plot): void {
  for (const g of spec.guides) {
    if (g.y < spec.y.min || g.y > spec.y.max) continue;
    page.drawLine({
      start: { x: plot.x, y: py(g.y) },
      end: { x: plot.x + plot.width, y: py(g.y) },
      thickness: 0.6,
      color: PALETTE[g.colour],
      dashArray: [2, 2],
      opacity: 0.8,
    });
  }
}

type Series = ChartSpec['series'][number];
type Point = Series['points'][number];

function drawConnected(
  page: PDFPage,
  s: Series,
  pts: Point[],
  colour: (typeof PALETTE)[keyof typeof PALETTE],
  { px, py }: Plot,
): void {
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (s.style === 'step') {
      page.drawLine({
        start: { x: px(a.x), y: py(a.y) },
        end: { x: px(b.x), y: py(a.y) },
        thickness: 0.8,
        color: colour,
      });
      page.drawLine({
        start: { x: px(b.x), y: py(a.y) },
        end: { x: px(b.x), y: py(b.y) },
        thickness: 0.8,
        color: colour,
      });
    } else {
      page.drawLine({
        start: { x: px(a.x), y: py(a.y) },
        end: { x: px(b.x), y: py(b.y) },
        thickness: 0.8,
        color: colour,
        opacity: 0.7,
      });
    }
  }
  if (s.style === 'line')
    for (const p of pts) page.drawCircle({ x: px(p.x), y: py(p.y), size: 1.6, color: PALETTE[p.colour] });
}

function drawSeries(page: PDFPage, spec: ChartSpec, pl: Plot): void {
  const { plot, px, py } = pl;
  const barSeries = spec.series.filter((s) => s.style === 'bars');
  const slots = Math.max(1, spec.x.max - spec.x.min + 1);
  const barW = Math.max(0.6, Math.min(6, (plot.width / slots) * 0.8) / Math.max(1, barSeries.length));
  for (const s of spec.series) {
    const colour = PALETTE[s.colour];
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (s.style === 'bars') {
      const k = barSeries.indexOf(s);
      for (const p of pts) {
        const x0 = px(p.x) - (barSeries.length * barW) / 2 + k * barW;
        page.drawRectangle({
          x: x0,
          y: plot.y,
          width: barW * 0.9,
          height: Math.max(0, py(p.y) - plot.y),
          color: colour,
        });
      }
      continue;
    }
    drawConnected(page, s, pts, colour, pl);
  }
}

function drawLegend(page: PDFPage, fonts: Fonts, spec: ChartSpec, box: Box): void {
  // Legend: a swatch and a label per series, then the guides, on up to two rows.
  const items = [
    ...spec.series.map((s) => ({ label: s.label, colour: PALETTE[s.colour] })),
    ...spec.guides.map((g) => ({ label: `- - ${g.label}`, colour: PALETTE[g.colour] })),
  ];
  let lx = box.x + 2;
  let ly = box.y + 8;
  for (const it of items) {
    const label = winAnsi(it.label.replace(/ \(colour: traffic light\)$/, ' (dot: traffic light)'));
    const w = fonts.regular.widthOfTextAtSize(label, 5) + 8;
    if (lx + w > box.x + box.width) {
      if (ly < box.y + 4) break;
      lx = box.x + 2;
      ly -= 7;
    }
    page.drawRectangle({ x: lx, y: ly + 0.5, width: 4, height: 4, color: it.colour });
    page.drawText(label, { x: lx + 6, y: ly, size: 5, font: fonts.regular, color: INK });
    lx += w + 4;
  }
}

export function drawChart(page: PDFPage, fonts: Fonts, spec: ChartSpec, box: Box, title: string): void {
  line(page, fonts, box.x, box.y + box.height - 8, title, { size: 7.5, bold: true });
  const pl = plotOf(spec, box);
  drawAxes(page, fonts, spec, pl);
  drawGuides(page, spec, pl);
  drawSeries(page, spec, pl);
  drawLegend(page, fonts, spec, box);
}
