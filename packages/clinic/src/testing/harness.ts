// Drives the clinic app in-process the way a browser and the app would: a clinician signs in
// (cookie + CSRF token from the page), invites, and a patient's app accepts and uploads with its
// bearer token. Requests go through app.request, so every middleware runs.

import type { Hono } from 'hono';
import type { Db } from '../db/db.ts';
import { createClinicApp } from '../http/app.ts';
import { defaultDeps, type AppDeps } from '../http/context.ts';
import { fixedWindowLimiter } from '../security/rate-limit.ts';
import { createClinician } from '../store/clinicians.ts';

export const ORIGIN = 'http://clinic.test';
export const PASSWORD = 'a long enough password';

export interface Clinician {
  email: string;
  cookie: string;
  csrf: string;
}

export class Harness {
  readonly app: Hono;
  private n = 0;

  constructor(
    readonly db: Db,
    deps: Partial<AppDeps> = {},
  ) {
    const loose = fixedWindowLimiter(10_000, 60_000);
    this.app = createClinicApp({ ...defaultDeps(db), loginLimiter: loose, acceptLimiter: loose, ...deps });
  }

  request(path: string, init: RequestInit = {}): Promise<Response> {
    return Promise.resolve(this.app.request(`${ORIGIN}${path}`, init));
  }

  /** A form post from the clinic's own page. */
  post(path: string, form: Record<string, string>, c: Clinician | null, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: { Origin: ORIGIN, ...(c ? { Cookie: c.cookie } : {}), ...headers },
      body: new URLSearchParams(form),
    });
  }

  async login(email: string, password = PASSWORD): Promise<Response> {
    return this.post('/login', { email, password }, null);
  }

  async newClinician(prefix = 'clin'): Promise<Clinician> {
    this.n += 1;
    const email = `${prefix}${this.n}-${Math.floor(Math.random() * 1e9)}@clinic.test`;
    await createClinician(this.db, email, PASSWORD);
    const res = await this.login(email);
    const cookie = /sb_clinic_session=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')?.[1];
    if (res.status !== 303 || !cookie) throw new Error(`sign-in failed with ${res.status}`);
    const page = await (await this.get('/invite', `sb_clinic_session=${cookie}`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!csrf) throw new Error('no CSRF token on the invite page');
    return { email, cookie: `sb_clinic_session=${cookie}`, csrf };
  }

  get(path: string, cookie: string | null): Promise<Response> {
    return this.request(path, cookie ? { headers: { Cookie: cookie } } : {});
  }

  async invite(c: Clinician, label = 'Patient A'): Promise<string> {
    const res = await this.post('/invite', { label, _csrf: c.csrf }, c);
    const code = /class="code">([A-Z0-9-]+)</.exec(await res.text())?.[1];
    if (res.status !== 201 || !code) throw new Error(`invite failed with ${res.status}`);
    return code;
  }

  async accept(code: string): Promise<{ shareId: string; token: string }> {
    const res = await this.api('/api/share/accept', { code });
    if (res.status !== 201) throw new Error(`accept failed with ${res.status}: ${await res.text()}`);
    return (await res.json()) as { shareId: string; token: string };
  }

  /** A JSON call from the app (another origin, bearer token, no cookie). */
  api(path: string, body: unknown, token?: string, method = 'POST'): Promise<Response> {
    return this.request(path, {
      method,
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }

  upload(token: string, data: unknown): Promise<Response> {
    return this.api('/api/share/upload', data, token);
  }

  /** A clinician with one patient who accepted and uploaded `data`. */
  async patientOf(c: Clinician, data: unknown, label = 'Patient A') {
    const share = await this.accept(await this.invite(c, label));
    const res = await this.upload(share.token, data);
    if (res.status !== 201) throw new Error(`upload failed with ${res.status}: ${await res.text()}`);
    return share;
  }
}
