// The clinic's security promises, each tried the way an attacker or a mistake would: another
// clinician's patient by changing the id, a revoked share, expired and reused invitations, a
// forged session, a missing CSRF token or a foreign origin, oversized and malformed uploads,
// SQL-injection strings in every field, and the lock-out after 5 wrong passwords.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedWindowLimiter } from '../security/rate-limit.ts';
import { randomToken } from '../security/tokens.ts';
import { simulatedExport, smallExport } from '../testing/fixtures.ts';
import { Harness, ORIGIN, PASSWORD } from '../testing/harness.ts';
import { PG_SKIP_NOTE, TEST_PG_URL, openTestDb, type TestDb, type TestEngine } from '../testing/test-db.ts';
import { UPLOAD_LIMIT_BYTES } from './share-routes.ts';

const INJECTIONS = [
  "'; DROP TABLE shares; --",
  "' OR '1'='1",
  '"); DELETE FROM uploads; --',
  "Robert'); DROP TABLE clinicians;--",
  '$1 $2 \\x00 %s %d',
];

function suite(engine: TestEngine) {
  let t: TestDb;
  let h: Harness;
  beforeAll(async () => {
    t = await openTestDb(engine);
    h = new Harness(t.db);
  });
  afterAll(async () => t?.dispose());

  it('gives 404 when one clinician asks for another clinician’s patient by changing the id', async () => {
    const a = await h.newClinician('a');
    const b = await h.newClinician('b');
    const share = await h.patientOf(a, smallExport(), 'Only for A');
    for (const path of [
      `/patients/${share.shareId}`,
      `/patients/${share.shareId}/summary.json`,
      `/patients/${share.shareId}/report.pdf`,
    ])
      expect((await h.get(path, b.cookie)).status).toBe(404);
    const plan = await h.post(`/patients/${share.shareId}/plan`, { _csrf: b.csrf, note: 'not mine' }, b);
    expect(plan.status).toBe(404);
    expect(await (await h.get('/', b.cookie)).text()).not.toContain('Only for A');
    expect((await h.get(`/patients/not-a-uuid`, b.cookie)).status).toBe(404);
    expect((await h.get(`/patients/${share.shareId}`, a.cookie)).status).toBe(200);
  });

  it('refuses uploads after a revoke, and the clinician sees nothing new', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport());
    const before = await (await h.get(`/patients/${share.shareId}/summary.json`, c.cookie)).json();
    expect((await h.api('/api/share/revoke', undefined, share.token)).status).toBe(200);
    const refused = await h.upload(share.token, simulatedExport('red-three-times'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/stopped/);
    const after = (await (await h.get(`/patients/${share.shareId}/summary.json`, c.cookie)).json()) as {
      status: string;
    };
    expect(after).toEqual({ ...(before as object), status: 'revoked' });
    expect((await h.api('/api/share/plan', undefined, share.token, 'GET')).status).toBe(403);
    const n = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE share_id = $1', [
      share.shareId,
    ]);
    expect(n[0]!.n).toBe(1);
  });

  it('refuses an expired invitation and a reused one, with one sentence', async () => {
    const c = await h.newClinician();
    const expired = await h.invite(c);
    await t.db.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
    const late = await h.api('/api/share/accept', { code: expired });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: string }).error).toMatch(/older than 48 hours/);
    const code = await h.invite(c);
    expect((await h.api('/api/share/accept', { code: code.toLowerCase().replace('-', ' ') })).status).toBe(201);
    expect((await h.api('/api/share/accept', { code })).status).toBe(400);
    expect((await h.api('/api/share/accept', { nope: 1 })).status).toBe(400);
  });

  it('treats a forged or expired session cookie as signed out', async () => {
    const c = await h.newClinician();
    const share = await h.patientOf(c, smallExport());
    const forged = `sb_clinic_session=${randomToken()}`;
    const page = await h.get('/', forged);
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe('/login');
    expect((await h.get(`/patients/${share.shareId}/summary.json`, forged)).status).toBe(401);
    expect((await h.post('/invite', { label: 'x', _csrf: c.csrf }, { ...c, cookie: forged })).status).toBe(401);
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    expect((await h.get('/', c.cookie)).status).toBe(303);
  });

  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const c = await h.newClinician();
    expect((await h.post('/invite', { label: 'x' }, c)).status).toBe(403);
    expect((await h.post('/invite', { label: 'x', _csrf: 'wrong' }, c)).status).toBe(403);
    const foreign = await h.post('/invite', { label: 'x', _csrf: c.csrf }, c, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const noOrigin = await h.request('/invite', {
      method: 'POST',
      headers: { Cookie: c.cookie },
      body: new URLSearchParams({ label: 'x', _csrf: c.csrf }),
    });
    expect(noOrigin.status).toBe(403);
    const header = await h.request('/invite', {
      method: 'POST',
      headers: {
        Cookie: c.cookie,
        Origin: ORIGIN,
        'X-CSRF-Token': c.csrf,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'label=ok',
    });
    expect(header.status).toBe(201);
    // The browser's own word on where a request came from wins over the Origin: a form on the
    // clinic's page with a no-referrer policy sends "Origin: null" but "Sec-Fetch-Site: same-origin".
    const fetchSite = (site: string, origin: string) =>
      h.post('/invite', { label: 'site', _csrf: c.csrf }, c, { Origin: origin, 'Sec-Fetch-Site': site });
    expect((await fetchSite('cross-site', ORIGIN)).status).toBe(403);
    expect((await fetchSite('same-site', ORIGIN)).status).toBe(403);
    expect((await fetchSite('same-origin', 'null')).status).toBe(201);
    const n = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM invitations i JOIN clinicians c ON c.id = i.clinician_id WHERE c.email = $1',
      [c.email],
    );
    expect(n[0]!.n).toBe(2);
  });

  it('refuses an upload over 5 MB with 413 and one sentence, storing nothing', async () => {
    const c = await h.newClinician();
    const share = await h.accept(await h.invite(c));
    const big = JSON.stringify({ ...smallExport(), padding: 'x'.repeat(UPLOAD_LIMIT_BYTES) });
    const res = await h.upload(share.token, big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe(
      'This upload is larger than 5 MB, so it was not stored; export again and share only the file the app made.',
    );
    const n = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE share_id = $1', [
      share.shareId,
    ]);
    expect(n[0]!.n).toBe(0);
  });

  it.each([
    ['text that is not JSON', '{oops', /not valid JSON/],
    ['another JSON file', { hello: 1 }, /not a steadyback export/],
    [
      'a damaged pain score',
      { ...smallExport(), painDays: [{ ...smallExport().painDays[0], restNrs: 14 }] },
      /painDays\.0\.restNrs/,
    ],
    ['a newer data version', { ...smallExport(), version: 99 }, /newer steadyback/],
    ['a FHIR Bundle', { resourceType: 'Bundle', type: 'collection', entry: [] }, /FHIR Bundle cannot be read here yet/],
  ])('refuses %s with a 4xx and one sentence', async (_what, body, sentence) => {
    const c = await h.newClinician();
    const share = await h.accept(await h.invite(c));
    const res = await h.upload(share.token, body);
    expect([400, 415]).toContain(res.status);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(sentence);
    expect(error.split(/[.;]\s+[A-Z]/).length).toBeLessThanOrEqual(2);
  });

  it('refuses share calls without a valid bearer token', async () => {
    expect((await h.upload('', smallExport())).status).toBe(401);
    expect((await h.upload(randomToken(), smallExport())).status).toBe(401);
    expect((await h.api('/api/share/plan', undefined, "' OR '1'='1", 'GET')).status).toBe(401);
  });

  it('stores SQL-injection strings in every field literally, without an error or a leak', async () => {
    const other = await h.newClinician('other');
    await h.patientOf(other, smallExport(), 'Other clinician patient');
    const c = await h.newClinician();
    for (const evil of INJECTIONS) {
      expect((await h.login(evil, evil)).status).toBe(401);
      expect((await h.api('/api/share/accept', { code: evil })).status).toBe(400);
      const base = smallExport();
      const data = smallExport({
        screenings: [{ ...base.screenings[0]!, id: evil, answers: { [evil]: false } }],
        painDays: [{ ...base.painDays[0]!, id: evil }],
      });
      const share = await h.patientOf(c, data, evil);
      const saved = await h.post(`/patients/${share.shareId}/plan`, { _csrf: c.csrf, note: evil }, c);
      expect(saved.status).toBe(303);
      const plan = (await (await h.api('/api/share/plan', undefined, share.token, 'GET')).json()) as { note: string };
      expect(plan.note).toBe(evil);
      const [row] = await t.db.query<{ label: string; sid: string }>(
        "SELECT s.label, u.export #>> '{screenings,0,id}' AS sid FROM shares s JOIN uploads u ON u.share_id = s.id WHERE s.id = $1",
        [share.shareId],
      );
      expect(row).toEqual({ label: evil, sid: evil });
      expect((await h.get(`/patients/${share.shareId}`, c.cookie)).status).toBe(200);
    }
    const list = await (await h.get('/', c.cookie)).text();
    expect(list).not.toContain('Other clinician patient');
    expect(list).not.toContain('<script');
    const tables = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('shares', 'uploads', 'clinicians')",
    );
    expect(tables[0]!.n).toBe(3);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    const c = await h.newClinician();
    for (let i = 0; i < 5; i++) expect((await h.login(c.email, 'wrong password here')).status).toBe(401);
    const locked = await h.login(c.email, PASSWORD);
    expect(locked.status).toBe(423);
    expect(await locked.text()).toContain('locked for 15 minutes');
    const [row] = await t.db.query<{ minutes: number }>(
      'SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM clinicians WHERE email = $1',
      [c.email],
    );
    expect(row!.minutes).toBe(15);
    await t.db.query("UPDATE clinicians SET locked_until = now() - interval '1 second' WHERE email = $1", [c.email]);
    expect((await h.login(c.email, PASSWORD)).status).toBe(303);
  });

  it('limits sign-in attempts per address before any password is checked', async () => {
    const limited = new Harness(t.db, { loginLimiter: fixedWindowLimiter(3, 60_000) });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.login('nobody@clinic.test', 'whatever password')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict on Path=/ and keeps only its hash', async () => {
    const c = await h.newClinician();
    const res = await h.login(c.email);
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const token = /sb_clinic_session=([^;]+)/.exec(cookie)![1]!;
    const stored = await t.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(stored).toHaveLength(0);
  });
}

describe('security on PGlite (embedded, temp folder)', () => suite('pglite'));
describe.skipIf(!TEST_PG_URL)(`security ${PG_SKIP_NOTE}`, () => suite('postgres'));
