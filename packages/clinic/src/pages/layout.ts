// The frame every clinician page shares: title, navigation and the sign-out form with its CSRF
// token; and the plain page for a refusal.

import { html, type Html } from './html.ts';

export interface PageUser {
  email: string;
  csrfToken: string;
}

export function page(title: string, body: Html, user: PageUser | null): string {
  const nav = user
    ? html`<nav>
          <a href="/">Patients</a><a href="/invite">Invite a patient</a><a href="/audit.csv">Audit log (CSV)</a>
        </nav>
        <span class="muted">${user.email}</span>
        <form method="post" action="/logout">
          <input type="hidden" name="_csrf" value="${user.csrfToken}" /><button>Sign out</button>
        </form>`
    : html`<nav><strong>steadyback clinic</strong></nav>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - steadyback clinic</title>
        <link rel="stylesheet" href="/assets/clinic.css" />
      </head>
      <body>
        <header>${nav}</header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function errorPage(sentence: string, user: PageUser | null): string {
  return page(
    'Something went wrong',
    html`<div class="card error">
      <p>${sentence}</p>
      <p><a href="/">Back to the patient list</a></p>
    </div>`,
    user,
  );
}
