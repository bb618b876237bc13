// Seeds the benchmark's clinic over HTTP, as people would: clinicians sign in, invite patients,
// the patients' apps accept and upload an export made by the app's own simulated weeks.

import type { SteadybackExport } from '@steadyback/core';

export interface SeededClinician {
  cookie: string;
  csrf: string;
  shares: { shareId: string; token: string }[];
}

async function signIn(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sb_clinic_session='))
    ?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  const page = await (await fetch(`${url}/invite`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the invite page');
  return { cookie, csrf };
}

async function sharePatient(url: string, c: { cookie: string; csrf: string }, label: string) {
  const inv = await fetch(`${url}/invite`, {
    method: 'POST',
    headers: { Origin: url, Cookie: c.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ label, _csrf: c.csrf }),
  });
  const code = /class="code">([A-Z0-9-]+)</.exec(await inv.text())?.[1];
  if (!code) throw new Error(`invite failed with ${inv.status}`);
  const acc = await fetch(`${url}/api/share/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (acc.status !== 201) throw new Error(`accept failed with ${acc.status}`);
  return (await acc.json()) as { shareId: string; token: string };
}

export async function uploadOnce(url: string, token: string, body: string): Promise<Response> {
  return fetch(`${url}/api/share/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
}

export async function seedClinic(
  url: string,
  accounts: { email: string; password: string }[],
  patientsEach: number,
  data: SteadybackExport,
): Promise<SeededClinician[]> {
  const body = JSON.stringify(data);
  const out: SeededClinician[] = [];
  for (const [i, a] of accounts.entries()) {
    const session = await signIn(url, a.email, a.password);
    const shares = [];
    for (let p = 0; p < patientsEach; p++) {
      const share = await sharePatient(url, session, `Bench patient ${i}-${p}`);
      const res = await uploadOnce(url, share.token, body);
      if (res.status !== 201) throw new Error(`seed upload failed with ${res.status}: ${await res.text()}`);
      shares.push(share);
    }
    out.push({ ...session, shares });
  }
  return out;
}
