// The clinician's session cookie (HttpOnly, Secure, SameSite=Strict, Path=/), the middleware
// that requires it, and the CSRF check on every state-changing request: the request must come
// from the clinic's own origin and carry the session's CSRF token.

import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ClinicError } from '../errors.ts';
import { sameSecret } from '../security/tokens.ts';
import { SESSION_HOURS, findSession } from '../store/sessions.ts';
import type { AppDeps, AppEnv } from './context.ts';

export const SESSION_COOKIE = 'sb_clinic_session';

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export const clearSessionCookie = (c: Context): void => {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' });
};

const wantsPage = (c: Context): boolean => c.req.method === 'GET' && !/\.(json|csv|pdf)$/.test(c.req.path);

/** Requires a live session; a page request without one goes to the sign-in page. */
export function requireSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token && token.length <= 100 ? await findSession(deps.db, token) : null;
    if (!session) {
      if (wantsPage(c)) return c.redirect('/login', 303);
      throw new ClinicError(401, 'Please sign in again; your session has ended.');
    }
    c.set('session', session);
    await next();
  };
}

/**
 * The request must come from this server's own pages (a form posted from another site is refused):
 * the browser's Sec-Fetch-Site says so, or else the Origin is this server's own. Browsers send
 * `Origin: null` on a form post from a page with a no-referrer policy, hence the pages' same-origin one.
 */
export function checkOrigin(c: Context): void {
  const site = c.req.header('Sec-Fetch-Site');
  if (site === 'same-origin') return;
  if (site !== undefined && site !== 'none')
    throw new ClinicError(403, 'This request did not come from the clinic’s own pages, so it was refused.');
  const origin = c.req.header('Origin');
  // The request URL's host is the Host header the client sent (node-server builds it from that).
  const host = new URL(c.req.url).host;
  if (!origin || (origin !== `http://${host}` && origin !== `https://${host}`))
    throw new ClinicError(403, 'This request did not come from the clinic’s own pages, so it was refused.');
}

async function sentCsrfToken(c: Context): Promise<string | null> {
  const header = c.req.header('X-CSRF-Token');
  if (header) return header;
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const body = await c.req.parseBody();
  return typeof body['_csrf'] === 'string' ? body['_csrf'] : null;
}

/** Every state-changing clinician request: own origin and the session's CSRF token. */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    checkOrigin(c);
    const sent = await sentCsrfToken(c);
    if (!sent || !sameSecret(sent, c.get('session').csrfToken))
      throw new ClinicError(403, 'This form has expired; reload the page and try again.');
  }
  await next();
};
