// The hip flexor stretch HTML report: holds per side with good-form seconds, faults and their
// source, plots of trunk lean, trunk-thigh angle and (with the phone) pelvic tilt, and snapshots
// of the moments each fault began.

import type { StretchResult } from '@steadyback/core';
import { esc, page } from './html.ts';
import type { Snapshot } from './snapshots.ts';
import { lineChartSvg, type ChartMarker, type ChartSpan } from './svg-chart.ts';

const RULE_NAMES: Record<string, string> = {
  C1: 'Low-back arching',
  C2: 'Forward lean',
  C4: 'Beyond your depth limit',
  C5: 'Bouncing or rocking',
};

/** The moments worth a picture: the start of each fault. */
export function faultMoments(r: StretchResult): number[] {
  return r.holds.flatMap((h) => h.faults.map((f) => f.atMs));
}

function pushHolds(body: string[], r: StretchResult): void {
  body.push(
    '<h2>Holds</h2><table><tr><th>Knee down</th><th>From</th><th>To</th><th>Good form</th><th>Deepest hip opening</th><th>Faults</th></tr>',
  );
  for (const h of r.holds) {
    const faults =
      h.faults
        .map((f) => `${f.rule} ${esc(RULE_NAMES[f.rule] ?? '')} at ${(f.atMs / 1000).toFixed(1)} s (${f.source})`)
        .join('<br>') || 'none';
    body.push(
      `<tr><td>${h.kneelingSide}</td><td>${(h.startMs / 1000).toFixed(1)} s</td><td>${(h.endMs / 1000).toFixed(1)} s</td><td>${h.formMeasured ? `${(h.goodFormMs / 1000).toFixed(0)} s` : 'not judged from this view'}</td><td>${h.peakDeltaHipExtensionDeg === null ? 'under 5° (too small to measure)' : `${h.peakDeltaHipExtensionDeg}°`}</td><td>${faults}</td></tr>`,
    );
  }
}

function pushCharts(body: string[], r: StretchResult, spans: ChartSpan[], markers: ChartMarker[]): void {
  body.push(
    lineChartSvg({
      title: 'Trunk lean (+ = leaning back)',
      unit: 'degrees',
      series: [{ label: 'trunk lean', colour: '#2471a3', tMs: r.series.tMs, values: r.series.trunkLeanDeg }],
      spans,
      markers,
      lines: [
        { value: 10, label: '10°', colour: '#b9770e' },
        { value: -15, label: '-15°', colour: '#b9770e' },
      ],
    }),
  );
  body.push(
    lineChartSvg({
      title: 'Trunk-thigh angle of the kneeling side (180 = in line)',
      unit: 'degrees',
      series: [{ label: 'trunk-thigh', colour: '#7d3c98', tMs: r.series.tMs, values: r.series.trunkThighDeg }],
      spans,
      markers,
    }),
  );
  if (r.series.sensor) {
    body.push(
      lineChartSvg({
        title: 'Pelvic tilt from the phone (+ = tipping forward, arching)',
        unit: 'degrees',
        series: [
          { label: 'pelvic tilt', colour: '#ca6f1e', tMs: r.series.sensor.tMs, values: r.series.sensor.pelvicTiltDeg },
        ],
        spans,
        markers,
        lines: [
          { value: 5, label: 'amber 5°', colour: '#b9770e' },
          { value: 10, label: 'red 10°', colour: '#c0392b' },
        ],
      }),
    );
  }
}

function pushSnapshots(body: string[], r: StretchResult, snapshots: Map<number, Snapshot> | undefined): void {
  if (snapshots && snapshots.size > 0) {
    body.push('<h2>When each fault began</h2><div class="snaps">');
    for (const h of r.holds)
      for (const f of h.faults) {
        const s = snapshots.get(f.atMs);
        if (s)
          body.push(
            `<figure><img src="${s.dataUri}" alt="${esc(RULE_NAMES[f.rule] ?? f.rule)} at ${(f.atMs / 1000).toFixed(1)} s, with the skeleton the camera saw" width="360"><figcaption>${f.rule} ${esc(RULE_NAMES[f.rule] ?? '')} at ${(f.atMs / 1000).toFixed(1)} s (${f.source})</figcaption></figure>`,
          );
      }
    body.push(
      '</div><p class="note">These pictures come from your video and stay on your computer unless you share this file.</p>',
    );
  }
}

export function stretchReportHtml(
  r: StretchResult,
  opts: { snapshots?: Map<number, Snapshot>; videoName?: string; generatedAt?: string } = {},
): string {
  const spans: ChartSpan[] = r.holds.map((h) => ({
    fromMs: h.startMs,
    toMs: h.endMs,
    label: `Hold, ${h.kneelingSide} knee down`,
  }));
  const markers = r.holds.flatMap((h) =>
    h.faults.map((f) => ({ tMs: f.atMs, label: `${f.rule} ${RULE_NAMES[f.rule]} (${f.source})` })),
  );
  const body: string[] = ['<h1>Half-kneeling hip flexor stretch</h1>'];
  body.push(
    `<p class="note">${opts.videoName ? `Video: ${esc(opts.videoName)}. ` : ''}Camera: ${esc(String(r.view))} view. Phone in the waistband: ${r.sources.sensor ? 'yes' : 'no'}.${opts.generatedAt ? ` Made ${esc(opts.generatedAt)}.` : ''}</p>`,
  );
  pushHolds(body, r);
  body.push('</table><h2>Over time</h2>');
  pushCharts(body, r, spans, markers);
  pushSnapshots(body, r, opts.snapshots);
  body.push('<h2>What this means</h2><ul>' + r.explanation.map((l) => `<li>${esc(l)}</li>`).join('') + '</ul>');
  return page('Half-kneeling hip flexor stretch', body.join('\n'));
}
