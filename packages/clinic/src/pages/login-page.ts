// The sign-in page.

import { html } from './html.ts';
import { page } from './layout.ts';

export function loginPage(problem: string | null): string {
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
      ${problem ? html`<div class="card error"><p>${problem}</p></div>` : ''}
      <form method="post" action="/login" class="card">
        <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label
        ><input id="password" name="password" type="password" autocomplete="current-password" required />
        <p><button>Sign in</button></p>
      </form>
      <p class="muted">
        This page shows only what patients chose to share from the steadyback app: numbers, never video.
      </p>`,
    null,
  );
}
