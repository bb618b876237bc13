// Draws one of core's chart specs (history/charts.ts) as an SVG: lines, bars or steps per series,
// band guides, date ticks, and a text alternative listing every point for screen readers.

import type { ChartColour, ChartSpec } from '@steadyback/core';

const COLOURS: Record<ChartColour, string> = {
  left: '#1f5fbf',
  right: '#b35c00',
  before: '#5b6b7a',
  peak: '#8e24aa',
  morning: '#00838f',
  green: '#0b6e4f',
  amber: '#c08000',
  red: '#b3261e',
  incomplete: '#9aa5b1',
  'not-rated': '#9aa5b1',
  cap: '#b3261e',
  neutral: '#4a5561',
};

export function Chart({ spec }: { readonly spec: ChartSpec }) {
  const w = 420,
    h = 200,
    left = 40,
    right = 10,
    top = 12,
    bottom = 34;
  const xSpan = Math.max(1, spec.x.max - spec.x.min);
  const ySpan = Math.max(1e-9, spec.y.max - spec.y.min);
  const X = (x: number) => left + ((x - spec.x.min) / xSpan) * (w - left - right);
  const Y = (y: number) => top + (1 - (y - spec.y.min) / ySpan) * (h - top - bottom);
  const seriesCount = spec.series.filter((s) => s.style === 'bars').length || 1;
  const barW = Math.max(3, Math.min(16, (w - left - right) / Math.max(1, xSpan + 1) / seriesCount - 2));
  const yTicks = [spec.y.min, (spec.y.min + spec.y.max) / 2, spec.y.max];
  const alt = spec.series
    .map((s) => `${s.label}: ${s.points.length === 0 ? 'no data' : s.points.map((p) => p.label).join('; ')}`)
    .join('. ');
  let barIndex = 0;
  return (
    <figure
      className="chart-figure"
      data-testid={`chart-${spec.id}`}
      data-points={spec.series.reduce((n, s) => n + s.points.length, 0)}
    >
      <figcaption>{spec.title}</figcaption>
      <svg className="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${spec.title}. ${alt}`}>
        <line x1={left} x2={w - right} y1={h - bottom} y2={h - bottom} stroke="currentColor" strokeWidth="1" />
        <line x1={left} x2={left} y1={top} y2={h - bottom} stroke="currentColor" strokeWidth="1" />
        {yTicks.map((t) => (
          <text key={t} x={left - 4} y={Y(t) + 4} fontSize="10" textAnchor="end" fill="currentColor">
            {Number.isInteger(t) ? t : t.toFixed(1)}
          </text>
        ))}
        {spec.x.ticks.map((t) => (
          <text
            key={`${t.x}-${t.label}`}
            x={X(t.x)}
            y={h - bottom + 14}
            fontSize="10"
            textAnchor={t.x >= spec.x.max ? 'end' : 'middle'}
            fill="currentColor"
          >
            {t.label}
          </text>
        ))}
        <text x={left} y={h - 4} fontSize="10" fill="currentColor">
          {spec.x.label}; {spec.y.label}
        </text>
        {spec.guides.map((g) => (
          <g key={`${g.label}-${g.y}`}>
            <line x1={left} x2={w - right} y1={Y(g.y)} y2={Y(g.y)} stroke={COLOURS[g.colour]} strokeDasharray="4 4" />
            <text x={w - right} y={Y(g.y) - 3} fontSize="9" textAnchor="end" fill={COLOURS[g.colour]}>
              {g.label}
            </text>
          </g>
        ))}
        {spec.series.map((s) => {
          if (s.style === 'bars') {
            const offset = (barIndex++ - (seriesCount - 1) / 2) * (barW + 1);
            return (
              <g key={s.id}>
                {s.points.map((p, i) => (
                  <rect
                    key={i}
                    x={X(p.x) - barW / 2 + offset}
                    y={Math.min(Y(p.y), Y(Math.max(0, spec.y.min)))}
                    width={barW}
                    height={Math.abs(Y(p.y) - Y(Math.max(0, spec.y.min)))}
                    fill={COLOURS[p.colour]}
                  >
                    <title>{p.label}</title>
                  </rect>
                ))}
              </g>
            );
          }
          const pts = s.points.map((p) => `${X(p.x)},${Y(p.y)}`);
          const d =
            s.style === 'step'
              ? s.points.map((p, i) => (i === 0 ? `M${X(p.x)},${Y(p.y)}` : `H${X(p.x)}V${Y(p.y)}`)).join('')
              : pts.length > 0
                ? `M${pts.join('L')}`
                : '';
          return (
            <g key={s.id}>
              {d && <path d={d} fill="none" stroke={COLOURS[s.colour]} strokeWidth="2" />}
              {s.points.map((p, i) => (
                <circle key={i} cx={X(p.x)} cy={Y(p.y)} r="3.5" fill={COLOURS[p.colour]}>
                  <title>{p.label}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <p className="legend" aria-hidden="true">
        {spec.series.map((s) => (
          <span key={s.id}>
            <span className="swatch" style={{ background: COLOURS[s.colour] }} /> {s.label}
          </span>
        ))}
      </p>
    </figure>
  );
}
