// Small, dependency-free SVG line charts for the HTML reports: time on x, one or more series on
// y, shaded time spans (holds) and vertical markers (faults, worst moments), threshold lines.

export interface ChartSeries {
  readonly label: string;
  readonly colour: string;
  readonly tMs: readonly number[];
  readonly values: ReadonlyArray<number | null>;
}

export interface ChartSpan {
  readonly fromMs: number;
  readonly toMs: number;
  readonly label?: string;
  readonly colour?: string;
}

export interface ChartMarker {
  readonly tMs: number;
  readonly label: string;
  readonly colour?: string;
}

export interface ChartLine {
  readonly value: number;
  readonly label: string;
  readonly colour: string;
}

export interface ChartOptions {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly ChartSeries[];
  readonly spans?: readonly ChartSpan[];
  readonly markers?: readonly ChartMarker[];
  readonly lines?: readonly ChartLine[];
  readonly widthPx?: number;
  readonly heightPx?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Frame {
  readonly W: number;
  readonly H: number;
  readonly m: { l: number; r: number; t: number; b: number };
  readonly yMin: number;
  readonly yMax: number;
  readonly t0: number;
  readonly t1: number;
  readonly x: (t: number) => number;
  readonly y: (v: number) => number;
}

function chartFrame(o: ChartOptions, W: number, H: number, all: number[], times: number[]): Frame {
  const m = { l: 52, r: 12, t: 40, b: 30 };
  const lineVals = (o.lines ?? []).map((l) => l.value);
  let yMin = Math.min(...all, ...lineVals),
    yMax = Math.max(...all, ...lineVals);
  if (yMax - yMin < 1e-6) {
    yMin -= 1;
    yMax += 1;
  }
  const pad = (yMax - yMin) * 0.08;
  yMin -= pad;
  yMax += pad;
  const t0 = Math.min(...times),
    t1 = Math.max(...times, t0 + 1);
  const x = (t: number) => m.l + ((t - t0) / (t1 - t0)) * (W - m.l - m.r);
  const y = (v: number) => m.t + (1 - (v - yMin) / (yMax - yMin)) * (H - m.t - m.b);
  return { W, H, m, yMin, yMax, t0, t1, x, y };
}

function pushAxes(parts: string[], o: ChartOptions, f: Frame): void {
  const { W, H, m, yMin, yMax, t0, t1, x, y } = f;
  // Axes and ticks.
  parts.push(
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#888"/><line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#888"/>`,
  );
  for (let i = 0; i <= 4; i++) {
    const v = yMin + ((yMax - yMin) * i) / 4;
    parts.push(
      `<text x="${m.l - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${fmtTick(v)}</text>`,
    );
  }
  const stepS = niceStep((t1 - t0) / 1000 / 8);
  for (let s = Math.ceil(t0 / 1000 / stepS) * stepS; s * 1000 <= t1; s += stepS) {
    parts.push(
      `<text x="${x(s * 1000).toFixed(1)}" y="${H - m.b + 16}" font-size="11" text-anchor="middle">${fmtTick(s)} s</text>`,
    );
  }
  for (const l of o.lines ?? []) {
    parts.push(
      `<line x1="${m.l}" y1="${y(l.value).toFixed(1)}" x2="${W - m.r}" y2="${y(l.value).toFixed(1)}" stroke="${l.colour}" stroke-dasharray="4 3"/><text x="${W - m.r - 2}" y="${(y(l.value) - 3).toFixed(1)}" font-size="10" text-anchor="end" fill="${l.colour}">${esc(l.label)}</text>`,
    );
  }
}

function pushSeries(parts: string[], o: ChartOptions, f: Frame): void {
  const { H, m, x, y } = f;
  for (const s of o.series) {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      const t = s.tMs[i];
      if (v === null || t === undefined || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    parts.push(
      `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="1.6"><title>${esc(s.label)}</title></path>`,
    );
  }
  for (const mk of o.markers ?? []) {
    parts.push(
      `<line x1="${x(mk.tMs).toFixed(1)}" y1="${m.t}" x2="${x(mk.tMs).toFixed(1)}" y2="${H - m.b}" stroke="${mk.colour ?? '#c0392b'}" stroke-width="1.2"><title>${esc(mk.label)}</title></line>`,
    );
  }
  // Legend.
  let lx = m.l;
  for (const s of o.series) {
    parts.push(
      `<rect x="${lx}" y="25" width="12" height="4" fill="${s.colour}"/><text x="${lx + 16}" y="31" font-size="11">${esc(s.label)}</text>`,
    );
    lx += 24 + s.label.length * 6.5;
  }
}

export function lineChartSvg(o: ChartOptions): string {
  const W = o.widthPx ?? 760,
    H = o.heightPx ?? 220;
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const times = o.series.flatMap((s) => s.tMs);
  if (all.length === 0 || times.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="60" role="img" aria-label="${esc(o.title)}: no data"><text x="8" y="20" font-size="14">${esc(o.title)}: no data</text></svg>`;
  }
  const f = chartFrame(o, W, H, all, times);
  const { m, x } = f;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(o.title)}">`,
  );
  parts.push(`<text x="${m.l}" y="16" font-size="14" font-weight="600">${esc(o.title)} (${esc(o.unit)})</text>`);
  for (const s of o.spans ?? []) {
    parts.push(
      `<rect x="${x(s.fromMs).toFixed(1)}" y="${m.t}" width="${Math.max(1, x(s.toMs) - x(s.fromMs)).toFixed(1)}" height="${H - m.t - m.b}" fill="${s.colour ?? '#e8f0fe'}"><title>${esc(s.label ?? '')}</title></rect>`,
    );
  }
  pushAxes(parts, o, f);
  pushSeries(parts, o, f);
  parts.push('</svg>');
  return parts.join('');
}

function fmtTick(v: number): string {
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(0) : a >= 1 ? v.toFixed(1) : v.toFixed(2);
}

function niceStep(raw: number): number {
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300];
  return steps.find((s) => s >= raw) ?? 600;
}
