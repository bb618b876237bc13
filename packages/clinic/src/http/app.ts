// The clinic's HTTP app: security headers everywhere, /health, the patient's /api/share routes
// (CORS, bearer tokens) and the clinician's pages (cookie session, CSRF). Refusals become one
// sentence: JSON for the API, a page for people; anything unexpected is logged and hidden.

import { Hono, type Context } from 'hono';
import { ClinicError } from '../errors.ts';
import { CLINIC_CSS } from '../pages/assets.ts';
import { errorPage } from '../pages/layout.ts';
import { clinicianRoutes } from './clinician-routes.ts';
import type { AppDeps } from './context.ts';
import { securityHeaders } from './security-headers.ts';
import { shareRoutes } from './share-routes.ts';

const INTERNAL = 'Something went wrong on the clinic server; nothing was changed. Try again in a moment.';

const wantsJson = (c: Context): boolean =>
  c.req.path.startsWith('/api/') || c.req.path.endsWith('.json') || c.req.path === '/health';

function onError(err: Error, c: Context): Response {
  const known = err instanceof ClinicError;
  if (!known) console.error(`clinic: ${c.req.method} ${c.req.path} failed:`, err);
  const status = known ? err.status : 500;
  const sentence = known ? err.message : INTERNAL;
  if (wantsJson(c)) return c.json({ error: sentence }, status);
  return c.html(errorPage(sentence, null), status);
}

export function createClinicApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/health', (c) => c.json({ ok: true, engine: deps.db.engine }));
  app.get('/assets/clinic.css', (c) =>
    c.body(CLINIC_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }),
  );
  app.route('/api/share', shareRoutes(deps));
  app.route('/', clinicianRoutes(deps));
  app.notFound((c) => onError(new ClinicError(404, 'There is no such page here.'), c));
  app.onError(onError);
  return app;
}
