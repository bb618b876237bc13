// The clinician's pages: sign in and out, the patient list, inviting a patient, and the audit
// log as CSV. Patient pages live in patient-routes.ts.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import QRCode from 'qrcode';
import { ClinicError } from '../errors.ts';
import { audit, auditRowsFor } from '../store/audit.ts';
import { checkPassword } from '../store/clinicians.ts';
import { createInvitation } from '../store/invitations.ts';
import { listPatients } from '../store/patients.ts';
import { createSession, endSession } from '../store/sessions.ts';
import { inviteCodePage, inviteFormPage } from '../pages/invite-page.ts';
import { loginPage } from '../pages/login-page.ts';
import { patientsPage } from '../pages/patients-page.ts';
import { auditCsv } from './audit-csv.ts';
import { checkOrigin, clearSessionCookie, requireCsrf, requireSession, setSessionCookie } from './clinician-auth.ts';
import { clientAddress, type AppDeps, type AppEnv } from './context.ts';
import { patientRoutes } from './patient-routes.ts';

const FORM_LIMIT = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ClinicError(413, 'This form is too large to send; shorten the note and try again.');
  },
});

const field = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? body[name] : '';

function signInRoutes(deps: AppDeps): Hono {
  const r = new Hono();
  r.get('/login', (c) => c.html(loginPage(null)));
  r.post('/login', FORM_LIMIT, async (c) => {
    checkOrigin(c);
    if (!deps.loginLimiter.allow(clientAddress(c), deps.nowMs()))
      return c.html(loginPage('Too many sign-in attempts from this address; wait 10 minutes and try again.'), 429);
    const body = await c.req.parseBody();
    try {
      const clinicianId = await checkPassword(deps.db, field(body, 'email'), field(body, 'password'));
      const { token } = await createSession(deps.db, clinicianId);
      await audit(deps.db, { clinicianId, actor: 'clinician', action: 'sign-in' });
      setSessionCookie(c, token);
      return c.redirect('/', 303);
    } catch (err) {
      if (err instanceof ClinicError) return c.html(loginPage(err.message), err.status);
      throw err;
    }
  });
  return r;
}

function signedInRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  // Listed paths, not '*': this router is mounted at the root next to the public routes.
  for (const path of ['/', '/logout', '/invite', '/audit.csv', '/patients/*'])
    r.use(path, requireSession(deps), FORM_LIMIT, requireCsrf);
  r.post('/logout', async (c) => {
    const s = c.get('session');
    await endSession(deps.db, s.tokenHash);
    await audit(deps.db, { clinicianId: s.clinicianId, actor: 'clinician', action: 'sign-out' });
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });
  r.get('/', async (c) =>
    c.html(patientsPage(await listPatients(deps.db, c.get('session').clinicianId), c.get('session'))),
  );
  r.get('/invite', (c) => c.html(inviteFormPage(c.get('session'), null)));
  r.post('/invite', async (c) => {
    const s = c.get('session');
    const body = await c.req.parseBody();
    try {
      const inv = await createInvitation(deps.db, s.clinicianId, field(body, 'label'));
      const qr = await QRCode.toString(inv.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return c.html(inviteCodePage(s, inv.code, inv.expiresAt, qr), 201);
    } catch (err) {
      if (err instanceof ClinicError && err.status === 400) return c.html(inviteFormPage(s, err.message), 400);
      throw err;
    }
  });
  r.get('/audit.csv', async (c) => {
    const s = c.get('session');
    const rows = await auditRowsFor(deps.db, s.clinicianId);
    await audit(deps.db, { clinicianId: s.clinicianId, actor: 'clinician', action: 'audit-exported' });
    c.header('Content-Disposition', 'attachment; filename="steadyback-clinic-audit.csv"');
    return c.body(auditCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  r.route('/patients', patientRoutes(deps));
  return r;
}

export function clinicianRoutes(deps: AppDeps): Hono {
  const r = new Hono();
  r.route('/', signInRoutes(deps));
  r.route('/', signedInRoutes(deps) as unknown as Hono);
  return r;
}
