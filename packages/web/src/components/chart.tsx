// Draws one of core's chart specs (history/charts.ts) as an SVG: lines, bars or steps per series,
// band guides, date ticks, and a text alternative listing every point for screen readers.

import type { ChartColour, ChartSpec } from '@steadyback/core';

type Series = ChartSpec['series'][number];

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

const W = 420,
  H = 200,
  LEFT = 40,
  RIGHT = 10,
  TOP = 12,
  BOTTOM = 34;

interface Scale {
  readonly X: (x: number) => number;
  readonly Y: (y: number) => number;
  readonly barW: number;
}

function chartScale(spec: ChartSpec, seriesCount: number): Scale {
  const xSpan = Math.max(1, spec.x.max - spec.x.min);
  const ySpan = Math.max(1e-9, spec.y.max - spec.y.min);
  const X = (x: number) => LEFT + ((x - spec.x.min) / xSpan) * (W - LEFT - RIGHT);
  const Y = (y: number) => TOP + (1 - (y - spec.y.min) / ySpan) * (H - TOP - BOTTOM);
  const barW = Math.max(3, Math.min(16, (W - LEFT - RIGHT) / Math.max(1, xSpan + 1) / seriesCount - 2));
  return { X, Y, barW };
}

function Axes({ spec, scale }: { readonly spec: ChartSpec; readonly scale: Scale }) {
  const { X, Y } = scale;
  const yTicks = [spec.y.min, (spec.y.min + spec.y.max) / 2, spec.y.max];
  return (
    <>
      <line x1={LEFT} x2={W - RIGHT} y1={H - BOTTOM} y2={H - BOTTOM} stroke="currentColor" strokeWidth="1" />
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={H - BOTTOM} stroke="currentColor" strokeWidth="1" />
      {yTicks.map((t) => (
        <text key={t} x={LEFT - 4} y={Y(t) + 4} fontSize="10" textAnchor="end" fill="currentColor">
          {Number.isInteger(t) ? t : t.toFixed(1)}
        </text>
      ))}
      {spec.x.ticks.map((t) => (
        <text
          key={`${t.x}-${t.label}`}
          x={X(t.x)}
          y={H - BOTTOM + 14}
          fontSize="10"
          textAnchor={t.x >= spec.x.max ? 'end' : 'middle'}
          fill="currentColor"
        >
          {t.label}
        </text>
      ))}
      <text x={LEFT} y={H - 4} fontSize="10" fill="currentColor">
        {spec.x.label}; {spec.y.label}
      </text>
    </>
  );
}

function Guides({ spec, scale }: { readonly spec: ChartSpec; readonly scale: Scale }) {
  const { Y } = scale;
  return spec.guides.map((g) => (
    <g key={`${g.label}-${g.y}`}>
      <line x1={LEFT} x2={W - RIGHT} y1={Y(g.y)} y2={Y(g.y)} stroke={COLOURS[g.colour]} strokeDasharray="4 4" />
      <text x={W - RIGHT} y={Y(g.y) - 3} fontSize="9" textAnchor="end" fill={COLOURS[g.colour]}>
        {g.label}
      </text>
    </g>
  ));
}

function BarSeries({
  s,
  offset,
  yMin,
  scale,
}: {
  readonly s: Series;
  readonly offset: number;
  readonly yMin: number;
  readonly scale: Scale;
}) {
  const { X, Y, barW } = scale;
  return (
    <g>
      {s.points.map((p, i) => (
        <rect
          key={i}
          x={X(p.x) - barW / 2 + offset}
          y={Math.min(Y(p.y), Y(Math.max(0, yMin)))}
          width={barW}
          height={Math.abs(Y(p.y) - Y(Math.max(0, yMin)))}
          fill={COLOURS[p.colour]}
        >
          <title>{p.label}</title>
        </rect>
      ))}
    </g>
  );
}

function LineSeries({ s, scale }: { readonly s: Series; readonly scale: Scale }) {
  const { X, Y } = scale;
  const pts = s.points.map((p) => `${X(p.x)},${Y(p.y)}`);
  const d =
    s.style === 'step'
      ? s.points.map((p, i) => (i === 0 ? `M${X(p.x)},${Y(p.y)}` : `H${X(p.x)}V${Y(p.y)}`)).join('')
      : pts.length > 0
        ? `M${pts.join('L')}`
        : '';
  return (
    <g>
      {d && <path d={d} fill="none" stroke={COLOURS[s.colour]} strokeWidth="2" />}
      {s.points.map((p, i) => (
        <circle key={i} cx={X(p.x)} cy={Y(p.y)} r="3.5" fill={COLOURS[p.colour]}>
          <title>{p.label}</title>
        </circle>
      ))}
    </g>
  );
}

function AllSeries({
  spec,
  scale,
  seriesCount,
}: {
  readonly spec: ChartSpec;
  readonly scale: Scale;
  readonly seriesCount: number;
}) {
  let barIndex = 0;
  return spec.series.map((s) => {
    if (s.style === 'bars') {
      const offset = (barIndex++ - (seriesCount - 1) / 2) * (scale.barW + 1);
      return <BarSeries key={s.id} s={s} offset={offset} yMin={spec.y.min} scale={scale} />;
    }
    return <LineSeries key={s.id} s={s} scale={scale} />;
  });
}

function Legend({ spec }: { readonly spec: ChartSpec }) {
  return (
    <p className="legend" aria-hidden="true">
      {spec.series.map((s) => (
        <span key={s.id}>
          <span className="swatch" style={{ background: COLOURS[s.colour] }} /> {s.label}
        </span>
      ))}
    </p>
  );
}

export function Chart({ spec }: { readonly spec: ChartSpec }) {
  const seriesCount = spec.series.filter((s) => s.style === 'bars').length || 1;
  const scale = chartScale(spec, seriesCount);
  const alt = spec.series
    .map((s) => `${s.label}: ${s.points.length === 0 ? 'no data' : s.points.map((p) => p.label).join('; ')}`)
    .join('. ');
  return (
    <figure
      className="chart-figure"
      data-testid={`chart-${spec.id}`}
      data-points={spec.series.reduce((n, s) => n + s.points.length, 0)}
    >
      <figcaption>{spec.title}</figcaption>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${spec.title}. ${alt}`}>
        <Axes spec={spec} scale={scale} />
        <Guides spec={spec} scale={scale} />
        <AllSeries spec={spec} scale={scale} seriesCount={seriesCount} />
      </svg>
      <Legend spec={spec} />
    </figure>
  );
}
