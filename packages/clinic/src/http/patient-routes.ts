// One patient's pages for the signed-in clinician: the page, its JSON summary, the PDF, and the
// note and dose form. Another clinician's patient, or an id that is not one, is a 404.

import { Hono } from 'hono';
import { historyPdf } from '@steadyback/report';
import { ClinicError, notFound } from '../errors.ts';
import { validateAdjustment } from '../plan/adjustment.ts';
import { readPatient, savePlan } from '../store/patients.ts';
import { patientPage } from '../pages/patient-page.ts';
import type { AppDeps, AppEnv } from './context.ts';

export const PDF_GENERATOR = 'steadyback clinic 0.1.0';

export function patientRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/:id', async (c) => {
    const s = c.get('session');
    return c.html(patientPage(await readPatient(deps.db, s.clinicianId, c.req.param('id'), 'read-patient'), s));
  });
  r.get('/:id/summary.json', async (c) => {
    const p = await readPatient(deps.db, c.get('session').clinicianId, c.req.param('id'), 'read-summary');
    return c.json({
      id: p.id,
      label: p.label,
      status: p.status,
      receivedAt: p.received_at?.toISOString() ?? null,
      summary: p.summary,
    });
  });
  r.get('/:id/report.pdf', async (c) => {
    const p = await readPatient(deps.db, c.get('session').clinicianId, c.req.param('id'), 'read-pdf');
    if (!p.model) throw notFound();
    const bytes = await historyPdf(p.model, { generator: PDF_GENERATOR });
    return c.body(bytes.slice().buffer as ArrayBuffer, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="steadyback-report-${p.model.todayIso}.pdf"`,
    });
  });
  r.post('/:id/plan', async (c) => {
    const s = c.get('session');
    const id = c.req.param('id');
    const p = await readPatient(deps.db, s.clinicianId, id, 'read-patient');
    const checked = validateAdjustment(await c.req.parseBody(), p.age_years);
    if (!checked.ok) throw new ClinicError(400, checked.reason);
    await savePlan(deps.db, s.clinicianId, id, checked.adjustment);
    return c.redirect(`/patients/${id}`, 303);
  });
  return r;
}
