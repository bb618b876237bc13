// The patient list: everyone who shared with this clinician, with the latest traffic light and
// whether the app's escalation or the red-flag questions ask for attention.

import type { PatientListItem } from '../store/patients.ts';
import { html, type Html } from './html.ts';
import { page, type PageUser } from './layout.ts';
import { SCREENING_WORDS, dayTime, lightBadge } from './words.ts';

function attention(p: PatientListItem): Html {
  const s = p.summary;
  if (!s) return html`<span class="muted">nothing shared yet</span>`;
  const items: Html[] = [];
  if (s.escalate) items.push(html`<li>The app suggests seeing a physical therapist.</li>`);
  if (s.redFlagsYes.length > 0) items.push(html`<li>Safety questions answered yes: ${s.redFlagsYes.join('; ')}.</li>`);
  if (s.screeningOutcome === 'emergency' || s.screeningOutcome === 'urgent')
    items.push(html`<li>Latest screening: ${SCREENING_WORDS[s.screeningOutcome]}.</li>`);
  return items.length > 0
    ? html`<ul>
        ${items}
      </ul>`
    : html`<span class="muted">nothing flagged</span>`;
}

function row(p: PatientListItem): Html {
  return html`<tr>
    <td>
      <a href="/patients/${p.id}">${p.label}</a
      >${p.status === 'revoked' ? html`<br /><span class="muted">stopped sharing</span>` : ''}
    </td>
    <td>
      ${lightBadge(p.summary?.latestLight ?? null)}${p.summary?.latestPainDateIso ? html`<br /><span class="muted">${p.summary.latestPainDateIso}</span>` : ''}
    </td>
    <td>${attention(p)}</td>
    <td>${dayTime(p.received_at)}</td>
  </tr>`;
}

export function patientsPage(patients: PatientListItem[], user: PageUser): string {
  const body =
    patients.length === 0
      ? html`<div class="card">
          <p>No patient has shared with you yet. <a href="/invite">Invite a patient</a> to get a code for their app.</p>
        </div>`
      : html`<table>
          <thead>
            <tr>
              <th>Patient</th>
              <th>Latest pain response</th>
              <th>Needs attention</th>
              <th>Last shared</th>
            </tr>
          </thead>
          <tbody>
            ${patients.map(row)}
          </tbody>
        </table>`;
  return page(
    'Patients',
    html`<h1>Patients</h1>
      ${body}`,
    user,
  );
}
