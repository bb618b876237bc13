// Draws one of core's chart specs (the same series the app and the PDF draw) as a small inline
// SVG: axes, guides with their labels, lines, steps or bars. No script, no external style.

import type { ChartColour, ChartSeries, ChartSpec } from '@steadyback/core';
import { html, type Html } from './html.ts';

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };

export const COLOURS: Record<ChartColour, string> = {
  left: '#1f6fb2',
  right: '#c0572b',
  before: '#6b7280',
  peak: '#7c3aed',
  morning: '#0f766e',
  green: '#15803d',
  amber: '#b45309',
  red: '#b91c1c',
  incomplete: '#9ca3af',
  'not-rated': '#9ca3af',
  cap: '#111827',
  neutral: '#374151',
};

interface Scale {
  x: (v: number) => number;
  y: (v: number) => number;
}

function scaleOf(spec: ChartSpec): Scale {
  const xSpan = Math.max(1, spec.x.max - spec.x.min);
  const ySpan = Math.max(1, spec.y.max - spec.y.min);
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  return {
    x: (v) => Math.round((PAD.left + ((v - spec.x.min) / xSpan) * iw) * 10) / 10,
    y: (v) => Math.round((PAD.top + ih - ((v - spec.y.min) / ySpan) * ih) * 10) / 10,
  };
}

function axes(spec: ChartSpec, s: Scale): Html[] {
  const x0 = s.x(spec.x.min);
  const y0 = s.y(spec.y.min);
  const ticks = spec.x.ticks
    .slice(0, 12)
    .map(
      (t) =>
        html`<text x="${s.x(t.x)}" y="${H - 10}" font-size="10" text-anchor="${t.x >= spec.x.max ? 'end' : 'middle'}"
          >${t.label}</text
        >`,
    );
  return [
    html`<line x1="${x0}" y1="${y0}" x2="${W - PAD.right}" y2="${y0}" stroke="#9ca3af" />`,
    html`<line x1="${x0}" y1="${PAD.top}" x2="${x0}" y2="${y0}" stroke="#9ca3af" />`,
    html`<text x="4" y="${PAD.top + 8}" font-size="10">${spec.y.max}</text>`,
    html`<text x="4" y="${y0}" font-size="10">${spec.y.min}</text>`,
    ...ticks,
  ];
}

function guides(spec: ChartSpec, s: Scale): Html[] {
  return spec.guides.map(
    (g) =>
      html`<line
          x1="${PAD.left}"
          y1="${s.y(g.y)}"
          x2="${W - PAD.right}"
          y2="${s.y(g.y)}"
          stroke="${COLOURS[g.colour]}"
          stroke-dasharray="4 3"
        /><text
          x="${W - PAD.right - 2}"
          y="${s.y(g.y) - 3}"
          font-size="10"
          text-anchor="end"
          fill="${COLOURS[g.colour]}"
          >${g.label}</text
        >`,
  );
}

function seriesMarks(series: ChartSeries, s: Scale, index: number, count: number): Html[] {
  const colour = COLOURS[series.colour];
  if (series.style === 'bars') {
    const bw = 6;
    return series.points.map(
      (p) =>
        html`<rect
          x="${s.x(p.x) - (count * bw) / 2 + index * bw}"
          y="${s.y(p.y)}"
          width="${bw}"
          height="${Math.max(0, s.y(0) - s.y(p.y))}"
          fill="${colour}"
          ><title>${p.label}</title></rect
        >`,
    );
  }
  const pts = series.points.flatMap((p, i) => {
    const prev = series.points[i - 1];
    const step = series.style === 'step' && prev ? [`${s.x(p.x)},${s.y(prev.y)}`] : [];
    return [...step, `${s.x(p.x)},${s.y(p.y)}`];
  });
  const dots = series.points.map(
    (p) =>
      html`<circle cx="${s.x(p.x)}" cy="${s.y(p.y)}" r="3" fill="${COLOURS[p.colour]}"
        ><title>${p.label}</title></circle
      >`,
  );
  return [html`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="1.5" />`, ...dots];
}

function legend(spec: ChartSpec): Html {
  const items = spec.series.map(
    (se) =>
      html`<li>
        <svg width="10" height="10" aria-hidden="true">
          <rect width="10" height="10" fill="${COLOURS[se.colour]}" />
        </svg>
        ${se.label}
      </li>`,
  );
  return html`<ul class="legend">
    ${items}
  </ul>`;
}

export function chartSvg(spec: ChartSpec): Html {
  const s = scaleOf(spec);
  const marks = spec.series.flatMap((se, i) => seriesMarks(se, s, i, spec.series.length));
  const empty = spec.series.every((se) => se.points.length === 0);
  return html`<figure class="chart">
    <figcaption>${spec.title}</figcaption>
    ${
      empty
        ? html`<p class="muted">Nothing recorded for this yet.</p>`
        : html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${spec.title}" xmlns="http://www.w3.org/2000/svg">
              ${axes(spec, s)}${guides(spec, s)}${marks}</svg
            >${legend(spec)}`
    }
  </figure>`;
}
