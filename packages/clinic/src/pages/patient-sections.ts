// The sections of one patient's page, each read from core's report model: the bird-dog per side
// over time, the stretch against its depth cap, and pain before / during / next morning.

import type { ChartId, ReportModel } from '@steadyback/core';
import { OVERALL_VERDICT, SIDE_VERDICT, fmtDeg, fmtNum } from '@steadyback/report';
import { html, type Html } from './html.ts';
import { chartSvg } from './svg-chart.ts';
import { lightBadge } from './words.ts';

/** A table of the shared rows under these headings, or one line saying nothing was shared yet. */
function dataTable(headings: readonly string[], rows: readonly Html[], noneYet: string): Html {
  if (rows.length === 0) return html`<p class="muted">${noneYet}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headings.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

const chart = (m: ReportModel, id: ChartId): Html => {
  const spec = m.charts.find((c) => c.id === id);
  return spec ? chartSvg(spec) : html``;
};

export function birdDogSection(m: ReportModel): Html {
  const rows = m.birdDog.tests.map((t) => {
    const side = (s: 'left' | 'right') => {
      const x = t.sides?.[s];
      return x
        ? html`${SIDE_VERDICT[x.verdict]}<br /><span class="muted"
              >largest roll ${fmtDeg(x.maxRollDeg)}, ${x.unstableReps} of ${x.reps} reps unsteady</span
            >`
        : html`<span class="muted">not measured</span>`;
    };
    return html`<tr>
      <td>${t.dateIso}</td>
      <td>${t.verdict ? OVERALL_VERDICT[t.verdict] : t.status}</td>
      <td>${side('left')}</td>
      <td>${side('right')}</td>
    </tr>`;
  });
  return html`<h2>Bird-dog: how steady the low back stayed, per side</h2>
    ${chart(m, 'pelvic-roll')}
    ${dataTable(['Date', 'Overall', 'Left leg lifted', 'Right leg lifted'], rows, 'No bird-dog test shared yet.')}`;
}

function depthCell(s: ReportModel['stretch']['sessions'][number]): Html {
  if (s.depthMaxDeg === null) return html`<span class="muted">not measured</span>`;
  if (s.depthBelowFloor) return html`<span class="muted">too small to show</span>`;
  const cap = s.depthCapDeg === null ? 'no limit set yet' : `limit ${fmtDeg(s.depthCapDeg)}`;
  return html`${fmtDeg(s.depthMaxDeg)} <span class="muted">(${cap}${s.depthOverCap ? ', past the limit' : ''})</span>`;
}

export function stretchSection(m: ReportModel): Html {
  const rows = m.stretch.sessions.map(
    (s) =>
      html`<tr>
        <td>${s.dateIso}</td>
        <td>${fmtNum(s.goodFormSeconds.left)} s / ${fmtNum(s.goodFormSeconds.right)} s</td>
        <td>${depthCell(s)}</td>
        <td>${s.intensityMax === null ? '-' : `${s.intensityMax}/10`}</td>
        <td>${s.stoppedForToday ? 'stopped for the day' : ''}</td>
      </tr>`,
  );
  const cap = m.stretch.currentCapDeg;
  return html`<h2>Hip flexor stretch</h2>
    <p>
      Current depth limit: ${cap === null ? 'not set yet' : fmtDeg(cap)}; hold
      ${m.stretch.holdSeconds === null ? 'not set yet' : `${m.stretch.holdSeconds} s`}.
    </p>
    ${chart(m, 'good-form')}${chart(m, 'depth')}
    ${dataTable(['Date', 'Good-form time left / right', 'Deepest hold', 'Highest intensity', ''], rows, 'No stretch session shared yet.')}`;
}

export function painSection(m: ReportModel): Html {
  const n = (v: number | null) => (v === null ? '-' : `${v}/10`);
  const rows = m.pain.days.map(
    (d) =>
      html`<tr>
        <td>${d.dateIso}</td>
        <td>${n(d.restNrs)}</td>
        <td>${n(d.peakNrs)}</td>
        <td>${n(d.morningNrs)}</td>
        <td>${lightBadge(d.light)}</td>
      </tr>`,
  );
  return html`<h2>Back pain: before, during and the next morning</h2>
    ${chart(m, 'pain')}
    ${dataTable(['Date', 'Before', 'During (highest)', 'Next morning', 'Traffic light'], rows, 'No pain scores shared yet.')}`;
}
