// The whole consented-sharing flow against a real database: a clinician invites, the app accepts
// and uploads its export, the clinician sees core's traffic light, escalation and plan, the PDF,
// adjusts the dose within the guard's limits, the app fetches it, and the patient deletes it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportModel } from '@steadyback/core';
import { escapeHtml } from '../pages/html.ts';
import { simulatedExport, smallExport } from '../testing/fixtures.ts';
import { Harness } from '../testing/harness.ts';
import { PG_SKIP_NOTE, TEST_PG_URL, openTestDb, type TestDb, type TestEngine } from '../testing/test-db.ts';

function suite(engine: TestEngine) {
  let t: TestDb;
  let h: Harness;
  beforeAll(async () => {
    t = await openTestDb(engine);
    h = new Harness(t.db);
  });
  afterAll(async () => t?.dispose());

  it('answers /health with the engine it runs on', async () => {
    const res = await h.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, engine: engine });
  });

  it('lists a shared patient with the latest traffic light and the escalation core derives', async () => {
    const c = await h.newClinician();
    const data = simulatedExport('red-three-times');
    const expected = reportModel(data, data.exportedOnIso);
    expect(expected.escalation?.escalate).toBe(true);
    const share = await h.patientOf(c, data, 'R.T.');
    const list = await (await h.get('/', c.cookie)).text();
    expect(list).toContain('R.T.');
    expect(list).toContain(`light-${expected.pain.latest!.light}`);
    expect(list).toContain('The app suggests seeing a physical therapist.');
    const summary = (await (await h.get(`/patients/${share.shareId}/summary.json`, c.cookie)).json()) as {
      summary: { latestLight: string; escalate: boolean; asOfIso: string };
    };
    expect(summary.summary).toMatchObject({ latestLight: expected.pain.latest!.light, escalate: true });
    expect(summary.summary.asOfIso).toBe(data.exportedOnIso);
  });

  it('shows red-flag questions answered yes in core’s own words', async () => {
    const c = await h.newClinician();
    const data = smallExport({
      screenings: [
        {
          id: 's1',
          dateIso: '2026-02-23',
          answers: { 'fever-or-chills': true },
          outcome: 'urgent',
          reason: 'first-run',
        },
      ],
    });
    await h.patientOf(c, data);
    const list = await (await h.get('/', c.cookie)).text();
    expect(list).toMatch(/Safety questions answered yes: [^<]*fever/i);
    expect(list).toContain('Latest screening: answers that need a doctor within a day or two.');
  });

  it('shows a patient page with bird-dog sides, the stretch against its cap, pain and the plan’s reasons', async () => {
    const c = await h.newClinician();
    const data = simulatedExport('improving');
    const m = reportModel(data, data.exportedOnIso);
    const share = await h.patientOf(c, data);
    const res = await h.get(`/patients/${share.shareId}`, c.cookie);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Left leg lifted');
    expect(page).toContain('<svg');
    expect(page).toContain('Pelvic roll in the bird-dog test, per side');
    expect(page).toContain(m.plan!.headline.title);
    expect(page).toContain(`Why: ${m.plan!.hipStretch!.reason.replace(/'/g, '&#39;').replace(/"/g, '&quot;')}`);
    expect(page).toContain('Back pain: before, during and the next morning');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|style="/);
  });

  it('serves the same one-page PDF the app makes from core’s report model', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, simulatedExport('improving'));
    const res = await h.get(`/patients/${share.shareId}/report.pdf`, c.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('saves a note and a dose inside the guard’s limits, and the app fetches them', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport());
    const form = {
      _csrf: c.csrf,
      note: 'Keep the glute squeezed.',
      holdSeconds: '20',
      setsPerSide: '2',
      daysPerWeek: '6',
    };
    const saved = await h.post(`/patients/${share.shareId}/plan`, form, c);
    expect(saved.status).toBe(303);
    const plan = await h.api('/api/share/plan', undefined, share.token, 'GET');
    expect(plan.status).toBe(200);
    expect(await plan.json()).toMatchObject({
      note: 'Keep the glute squeezed.',
      holdSeconds: 20,
      setsPerSide: 2,
      daysPerWeek: 6,
    });
  });

  it('refuses a dose outside the guard’s limits with a sentence and keeps the old plan', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport());
    const res = await h.post(`/patients/${share.shareId}/plan`, { _csrf: c.csrf, holdSeconds: '60' }, c);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      escapeHtml("A 60-second hold is outside the guard's steps for this person; choose 20 or 30 seconds."),
    );
    const plan = (await (await h.api('/api/share/plan', undefined, share.token, 'GET')).json()) as {
      holdSeconds: unknown;
    };
    expect(plan.holdSeconds).toBeNull();
  });

  it('deletes everything a patient shared on request and keeps an audit line without health data', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport(), 'To be deleted');
    expect((await h.api('/api/share/delete', undefined, share.token)).status).toBe(200);
    expect((await h.get(`/patients/${share.shareId}`, c.cookie)).status).toBe(404);
    expect(await (await h.get('/', c.cookie)).text()).not.toContain('To be deleted');
    const left = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE share_id = $1', [
      share.shareId,
    ]);
    expect(left[0]!.n).toBe(0);
    const csv = await (await h.get('/audit.csv', c.cookie)).text();
    expect(csv).toMatch(new RegExp(`patient,share-deleted,${share.shareId}`));
    expect(csv).not.toMatch(/To be deleted|restNrs|painDays/);
    expect((await h.upload(share.token, smallExport())).status).toBe(401);
  });

  it('writes an audit line for every read and write of patient data', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport());
    await h.get('/', c.cookie);
    await h.get(`/patients/${share.shareId}`, c.cookie);
    await h.get(`/patients/${share.shareId}/summary.json`, c.cookie);
    await h.api('/api/share/plan', undefined, share.token, 'GET');
    const csv = await (await h.get('/audit.csv', c.cookie)).text();
    const actions = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',').slice(2, 5).join(','));
    for (const a of [
      'patient,share-accepted',
      'patient,upload',
      'clinician,list-patients',
      'clinician,read-patient',
      'clinician,read-summary',
      'patient,plan-read',
    ])
      expect(actions).toContain(`${a},${share.shareId}`);
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,action,share_id,detail');
  });

  it('answers the app’s CORS preflight for /api/share from any origin without credentials, and only there', async () => {
    const pre = await h.request('/api/share/upload', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://192.168.1.20:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(pre.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(pre.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
    const page = await h.request('/login', { headers: { Origin: 'https://elsewhere.example' } });
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
}

describe('sharing flow on PGlite (embedded, temp folder)', () => suite('pglite'));
describe.skipIf(!TEST_PG_URL)(`sharing flow ${PG_SKIP_NOTE}`, () => suite('postgres'));
