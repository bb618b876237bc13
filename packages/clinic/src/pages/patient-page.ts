// One patient's page: what needs attention, the bird-dog, the stretch, pain, the app's plan with
// its reasons, the clinician's note and dose, and the PDF the app itself makes.

import { doseLimits } from '../plan/adjustment.ts';
import type { PatientRecord } from '../store/patients.ts';
import { html, type Html } from './html.ts';
import { page, type PageUser } from './layout.ts';
import { adjustForm, planSection } from './plan-section.ts';
import { birdDogSection, painSection, stretchSection } from './patient-sections.ts';
import { SCREENING_WORDS, day, dayTime } from './words.ts';

function attentionCard(p: PatientRecord): Html {
  const s = p.summary;
  const m = p.model;
  if (!s || !m) return html``;
  const lines: Html[] = [];
  if (s.escalate && s.escalationMessage) lines.push(html`<p>The app told the patient: “${s.escalationMessage}”</p>`);
  if (m.escalation?.reasons.length)
    lines.push(
      html`<ul>
        ${m.escalation.reasons.map((r) => html`<li>${r}</li>`)}
      </ul>`,
    );
  if (s.redFlagsYes.length > 0)
    lines.push(
      html`<p>
        At the latest safety questions (${s.screeningDateIso}) the patient answered yes to: ${s.redFlagsYes.join('; ')}.
      </p>`,
    );
  if (s.screeningOutcome)
    lines.push(html`<p class="muted">Screening outcome: ${SCREENING_WORDS[s.screeningOutcome]}.</p>`);
  const flagged = s.escalate || s.redFlagsYes.length > 0;
  return html`<div class="card${flagged ? ' attention' : ''}">
    <strong>${flagged ? 'Worth a look' : 'Nothing flagged'}</strong>${lines}
  </div>`;
}

export function patientPage(p: PatientRecord, user: PageUser): string {
  const stopped =
    p.status === 'revoked'
      ? html`<div class="card attention">
          <p>The patient stopped sharing on ${day(p.revoked_at)}; nothing new will arrive.</p>
        </div>`
      : '';
  if (!p.model) {
    return page(
      p.label,
      html`<h1>${p.label}</h1>
        ${stopped}
        <div class="card"><p>This patient has not shared any results yet.</p></div>`,
      user,
    );
  }
  const m = p.model;
  const body = html`<h1>${p.label}</h1>
    ${stopped}
    <p class="muted">
      As of ${m.todayIso}, the day the patient last shared (received ${dayTime(p.received_at)}).
      <a href="/patients/${p.id}/report.pdf">The one-page report (PDF)</a>
    </p>
    ${attentionCard(p)} ${birdDogSection(m)}${stretchSection(m)}${painSection(m)}${planSection(m)}
    ${adjustForm(p.id, user.csrfToken, p.plan, doseLimits(p.age_years), p.status === 'active')}
    <p class="muted">${m.disclaimer}</p>`;
  return page(p.label, body, user);
}
