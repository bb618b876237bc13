// The bird-dog HTML report: the verdict in plain words, the per-rep table with every rule and the
// source that measured it, plots over time, and a snapshot of the worst moment of each rep.

import { holdLabel, type BirdDogRep, type BirdDogResult, type Metric, type RuleId } from '@steadyback/core';
import { BAND_COLOUR, esc, page } from './html.ts';
import type { Snapshot } from './snapshots.ts';
import { lineChartSvg, type ChartSpan } from './svg-chart.ts';

const RULES: ReadonlyArray<[RuleId, string]> = [
  ['R1', 'Pelvic roll'],
  ['R2', 'Sideways shift'],
  ['R3', 'Early pelvic motion'],
  ['R4', 'Leg height'],
  ['R4s', 'Pelvic tilt (phone)'],
  ['R5', 'Trunk sag'],
  ['R6', 'Pain after the side'],
];

const VERDICT_WORDS: Record<string, string> = {
  negative: 'Steady: your lower back did not move too easily',
  'positive-mild': 'Mildly positive: your lower back moved a little too easily',
  positive: 'Positive: your lower back moved too easily',
  'not-measurable': 'Not measurable',
};

/** The moment that best shows a rep: the worst measured value, else the middle of the hold. */
export function evidenceMoment(rep: BirdDogRep): number {
  const order: RuleId[] = ['R1', 'R4', 'R5', 'R4s'];
  const rank = { red: 3, amber: 2, green: 1, 'not-measurable': 0 } as const;
  const best = order
    .map((id) => rep.metrics[id])
    .filter((m) => m.atMs !== undefined)
    .sort((a, b) => rank[b.band] - rank[a.band])[0];
  return best?.atMs ?? (rep.holdStartMs + rep.holdEndMs) / 2;
}

function cell(m: Metric): string {
  const v = m.value === null ? '—' : `${m.value}${m.unit === 'deg' ? '°' : m.unit === 'ms' ? ' ms' : ''}`;
  const src = m.source ? ` <span class="note">(${m.source})</span>` : '';
  const why = m.band === 'not-measurable' && m.reason ? `<br><span class="note">${esc(m.reason)}</span>` : '';
  return `<td style="background:${BAND_COLOUR[m.band]}">${esc(v)} ${esc(m.band)}${src}${why}</td>`;
}

function pushTables(body: string[], r: BirdDogResult): void {
  body.push(
    '<h2>Each side</h2><table><tr><th>Side (lifted leg)</th><th>Result</th><th>Why</th><th>Mean pelvic roll</th></tr>',
  );
  for (const s of ['left', 'right'] as const) {
    const side = r.sides[s];
    body.push(
      `<tr><td>${s}</td><td>${esc(side.verdict)}</td><td>${esc(side.reason)}</td><td>${side.meanRollDeg === null ? '—' : `${side.meanRollDeg}°`}</td></tr>`,
    );
  }
  body.push('</table>');
  body.push(
    '<h2>Each rep</h2><table><tr><th>Rep</th><th>Leg / arm</th><th>Hold</th><th>Result</th>' +
      RULES.map(([id, name]) => `<th>${id} ${esc(name)}</th>`).join('') +
      '</tr>',
  );
  for (const rep of r.reps) {
    body.push(
      `<tr><td>${rep.index + 1}</td><td>${rep.leg} leg / ${rep.arm} arm${rep.pattern !== 'opposite-arm-and-leg' ? `<br><span class="note">${esc(rep.pattern)}</span>` : ''}</td><td>${esc(holdLabel(rep))}</td><td>${esc(rep.classification)}<br><span class="note">${esc(rep.classificationReason)}</span></td>` +
        RULES.map(([id]) => cell(rep.metrics[id])).join('') +
        '</tr>',
    );
  }
  body.push('</table>');
}

function pushSensorChart(body: string[], r: BirdDogResult, spans: ChartSpan[]): void {
  if (r.series.sensor) {
    const s = r.series.sensor;
    body.push(
      lineChartSvg({
        title: 'Pelvis measured by the phone',
        unit: 'degrees',
        series: [
          { label: 'roll (+ = right hip lower)', colour: '#2471a3', tMs: s.tMs, values: s.rollDeg },
          { label: 'tilt forward (+ = arching)', colour: '#ca6f1e', tMs: s.tMs, values: s.pitchDeg },
        ],
        spans,
        lines: [
          { value: 5, label: '5°', colour: '#b9770e' },
          { value: -5, label: '-5°', colour: '#b9770e' },
          { value: 10, label: '10°', colour: '#c0392b' },
          { value: -10, label: '-10°', colour: '#c0392b' },
        ],
        markers: r.reps
          .filter((x) => x.metrics.R1.atMs !== undefined)
          .map((x) => ({ tMs: x.metrics.R1.atMs!, label: `Rep ${x.index + 1} largest roll` })),
      }),
    );
  }
}

function pushLimbChart(body: string[], r: BirdDogResult, spans: ChartSpan[]): void {
  const m = r.series.motion;
  if (m?.endOn) {
    body.push(
      lineChartSvg({
        title: 'How much the picture changed',
        unit: 'share of the moving area',
        series: [{ label: 'change from the resting picture', colour: '#1f618d', tMs: m.tMs, values: m.change }],
        spans,
      }),
    );
  } else if (r.series.tMs.length > 0) {
    body.push(
      lineChartSvg({
        title: 'How high each limb was lifted',
        unit: 'thigh lengths',
        series: [
          { label: 'left leg', colour: '#d35400', tMs: r.series.tMs, values: r.series.legRise.left },
          { label: 'right leg', colour: '#1f618d', tMs: r.series.tMs, values: r.series.legRise.right },
          { label: 'left arm', colour: '#f5b041', tMs: r.series.tMs, values: r.series.armRise.left },
          { label: 'right arm', colour: '#5dade2', tMs: r.series.tMs, values: r.series.armRise.right },
        ],
        spans,
      }),
    );
  }
}

function pushSideCharts(body: string[], r: BirdDogResult, spans: ChartSpan[]): void {
  if (r.series.legElevationDeg.length > 0) {
    body.push(
      lineChartSvg({
        title: 'Lifted leg above horizontal (side view)',
        unit: 'degrees',
        series: [{ label: 'leg line', colour: '#7d3c98', tMs: r.series.tMs, values: r.series.legElevationDeg }],
        spans,
        lines: [
          { value: 10, label: 'amber 10°', colour: '#b9770e' },
          { value: 20, label: 'red 20°', colour: '#c0392b' },
        ],
      }),
    );
    body.push(
      lineChartSvg({
        title: 'Trunk sag (side view)',
        unit: 'share of trunk length',
        series: [{ label: 'sag', colour: '#117a65', tMs: r.series.tMs, values: r.series.trunkSag }],
        spans,
        lines: [
          { value: 0.05, label: 'amber', colour: '#b9770e' },
          { value: 0.1, label: 'red', colour: '#c0392b' },
        ],
      }),
    );
  }
}

function pushSnapshots(body: string[], r: BirdDogResult, snapshots: Map<number, Snapshot> | undefined): void {
  if (snapshots && snapshots.size > 0) {
    body.push('<h2>The moment that shows each rep best</h2><div class="snaps">');
    for (const rep of r.reps) {
      const t = evidenceMoment(rep);
      const snap = snapshots.get(t);
      if (!snap) continue;
      body.push(
        `<figure><img src="${snap.dataUri}" alt="Rep ${rep.index + 1} at ${(t / 1000).toFixed(1)} s with the skeleton the camera saw" width="360"><figcaption>Rep ${rep.index + 1} (${rep.leg} leg) at ${(t / 1000).toFixed(1)} s: ${esc(rep.classification)}</figcaption></figure>`,
      );
    }
    body.push(
      '</div><p class="note">These pictures come from your video and stay on your computer unless you share this file.</p>',
    );
  }
}

export function birdDogReportHtml(
  r: BirdDogResult,
  opts: { title?: string; snapshots?: Map<number, Snapshot>; videoName?: string; generatedAt?: string } = {},
): string {
  const spans: ChartSpan[] = r.reps.map((rep) => ({
    fromMs: rep.holdStartMs,
    toMs: rep.holdEndMs,
    label: `Rep ${rep.index + 1} hold (${rep.leg} leg)`,
  }));
  const body: string[] = [];
  body.push(`<h1>${esc(opts.title ?? 'Bird-dog stability test')}</h1>`);
  body.push(
    `<p class="note">${opts.videoName ? `Video: ${esc(opts.videoName)}. ` : ''}Camera: ${r.sources.camera ? esc(String(r.view)) + ' view' : 'not used'}. Phone on the lower back: ${r.sources.sensor ? 'yes' : 'no'}.${opts.generatedAt ? ` Made ${esc(opts.generatedAt)}.` : ''}</p>`,
  );
  body.push(
    `<p class="verdict"><strong>${esc(VERDICT_WORDS[r.overall.verdict] ?? r.overall.verdict)}.</strong> ${esc(r.overall.summary)}</p>`,
  );
  pushTables(body, r);
  body.push('<h2>Over time</h2>');
  pushSensorChart(body, r, spans);
  pushLimbChart(body, r, spans);
  pushSideCharts(body, r, spans);
  pushSnapshots(body, r, opts.snapshots);
  body.push('<h2>What this means</h2><ul>' + r.explanation.map((l) => `<li>${esc(l)}</li>`).join('') + '</ul>');
  return page(opts.title ?? 'Bird-dog stability test', body.join('\n'));
}
