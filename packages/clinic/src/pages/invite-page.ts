// Inviting a patient: a short name for the clinician's own list, then the one-time code (and its
// QR) for the patient to type or scan into the app.

import { displayInviteCode } from '../security/tokens.ts';
import { INVITATION_HOURS } from '../store/invitations.ts';
import { html, raw } from './html.ts';
import { page, type PageUser } from './layout.ts';
import { dayTime } from './words.ts';

export function inviteFormPage(user: PageUser, problem: string | null): string {
  return page(
    'Invite a patient',
    html`<h1>Invite a patient</h1>
      ${problem ? html`<div class="card error"><p>${problem}</p></div>` : ''}
      <form method="post" action="/invite" class="card">
        <input type="hidden" name="_csrf" value="${user.csrfToken}" />
        <label for="label">A short name you will recognise (initials or your own reference)</label>
        <input id="label" name="label" maxlength="80" required />
        <p><button>Make a code</button></p>
      </form>`,
    user,
  );
}

/** qrSvg is the SVG the qrcode package rendered from the code itself (no user text in it). */
export function inviteCodePage(user: PageUser, code: string, expiresAt: Date, qrSvg: string | null): string {
  return page(
    'Invitation code',
    html`<h1>Invitation code</h1>
      <div class="card">
        <p>Ask the patient to open steadyback, choose to share with a physical therapist, and type this code:</p>
        <p class="code">${displayInviteCode(code)}</p>
        ${qrSvg ? html`<div class="qr">${raw(qrSvg)}</div>` : ''}
        <p class="muted">
          It works once, for ${INVITATION_HOURS} hours (until ${dayTime(expiresAt)}). The patient decides what to share
          and can stop at any time.
        </p>
      </div>
      <p><a href="/">Back to the patient list</a></p>`,
    user,
  );
}
