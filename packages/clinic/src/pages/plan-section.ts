// The plan the app made (with each reason and its source) and the clinician's note and dose
// adjustment form, bounded by the guard's limits.

import type { ReportModel } from '@steadyback/core';
import type { DoseLimits, PlanAdjustment } from '../plan/adjustment.ts';
import { html, type Html } from './html.ts';

export function planSection(m: ReportModel): Html {
  const p = m.plan;
  if (!p)
    return html`<h2>The app's plan</h2>
      <p class="muted">${m.planProblem ?? 'No plan yet.'}</p>`;
  const reason = (r: { reason: string; source: string }) =>
    html`<br /><span class="muted">Why: ${r.reason} (${r.source})</span>`;
  return html`<h2>The app's plan for the week of ${p.weekKey}</h2>
    <div class="card">
      <strong>${p.headline.title}</strong>
      <p>${p.headline.message}</p>
    </div>
    <ul>
      ${p.stability ? html`<li>${p.stability.name}: ${p.stability.repsPerSide} per side, ${p.stability.rounds} rounds, ${p.stability.holdSeconds} s holds, ${p.stability.daysPerWeek} days a week.${reason(p.stability)}</li>` : ''}
      ${p.hipStretch ? html`<li>${p.hipStretch.name}: ${p.hipStretch.setsPerSide} per side, ${p.hipStretch.holdSeconds} s holds, at least ${p.hipStretch.daysPerWeekMin} days a week.${reason(p.hipStretch)}</li>` : ''}
      ${p.swaps.map((s) => html`<li>${s.suggestion}${reason(s)}</li>`)}
      ${p.notes.map((n) => html`<li>${n.text}${reason(n)}</li>`)}
    </ul>
    ${
      p.changes.length > 0
        ? html`<h3>How the plan got here</h3>
            <ul>
              ${p.changes.map((c) => html`<li>${c.dateIso}: ${c.reason}</li>`)}
            </ul>`
        : ''
    }
    <p class="muted">${p.disclaimer.text}</p>`;
}

function options(values: number[], current: number | null, unit: string): Html[] {
  return [
    html`<option value="" ${current === null ? html` selected` : ''}>as the app's plan says</option>`,
    ...values.map((v) => html`<option value="${v}" ${current === v ? html` selected` : ''}>${v} ${unit}</option>`),
  ];
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export function adjustForm(
  shareId: string,
  csrfToken: string,
  plan: PlanAdjustment | null,
  limits: DoseLimits,
  active: boolean,
): Html {
  if (!active) return html`<p class="muted">This patient stopped sharing, so the plan cannot be changed here.</p>`;
  return html`<h2>Your note and the stretch dose</h2>
    <form method="post" action="/patients/${shareId}/plan" class="card">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <label for="note">Note for the patient (the app shows it)</label>
      <textarea id="note" name="note" maxlength="2000">${plan?.note ?? ''}</textarea>
      <label for="holdSeconds">Hold time</label>
      <select id="holdSeconds" name="holdSeconds">
        ${options(limits.holdSteps, plan?.holdSeconds ?? null, 'seconds')}
      </select>
      <label for="setsPerSide">Sets per side</label>
      <select id="setsPerSide" name="setsPerSide">
        ${options(range(limits.setsMin, limits.setsMax), plan?.setsPerSide ?? null, 'sets')}
      </select>
      <label for="daysPerWeek">Days a week</label>
      <select id="daysPerWeek" name="daysPerWeek">
        ${options(range(limits.daysMin, limits.daysMax), plan?.daysPerWeek ?? null, 'days')}
      </select>
      <p class="muted">The choices stay within the over-stretch guard's limits for this person's age.</p>
      <p><button>Save</button></p>
    </form>`;
}
