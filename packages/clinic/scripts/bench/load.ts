// The benchmark's load phases with autocannon (time-bounded): authenticated patient-summary
// reads, cross-account reads (clinician B asking for A's patients), and uploads.

import autocannon from 'autocannon';

export interface LoadResult {
  okPerS: number;
  ok: number;
  non2xx: number;
  errors: number;
  p99Ms: number;
}

async function run(opts: autocannon.Options): Promise<LoadResult> {
  const r = await autocannon(opts);
  const seconds = Math.max(1e-9, r.duration);
  return {
    okPerS: Math.round(r['2xx'] / seconds),
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    p99Ms: r.latency.p99,
  };
}

export function summaryReads(url: string, cookie: string, shareIds: string[], seconds: number): Promise<LoadResult> {
  return run({
    url,
    connections: 10,
    duration: seconds,
    requests: shareIds.map((id) => ({ method: 'GET', path: `/patients/${id}/summary.json`, headers: { cookie } })),
  });
}

export function uploads(url: string, tokens: string[], body: string, seconds: number): Promise<LoadResult> {
  return run({
    url,
    connections: 4,
    duration: seconds,
    requests: tokens.map((t) => ({
      method: 'POST',
      path: '/api/share/upload',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body,
    })),
  });
}
