// Sharing with a physical therapist's clinic server (packages/clinic), only when the person asks:
// an invitation code from the therapist, then the app's own export file (numbers only, never video)
// sent to that one address. The share's token stays on this device (not in the export file); the
// person can stop sharing, or stop and have the clinic delete what it holds, at any time.

import { z } from 'zod';
import type { Outcome, SteadybackExport } from '@steadyback/core';

export interface ClinicShare {
  readonly clinicOrigin: string;
  readonly shareId: string;
  readonly token: string;
  readonly lastSentIso: string | null;
}

export interface TherapistPlan {
  readonly note: string;
  readonly holdSeconds: number | null;
  readonly setsPerSide: number | null;
  readonly daysPerWeek: number | null;
  readonly updatedAt: string | null;
}

const STORAGE_KEY = 'steadyback.clinic-share';
const shareSchema = z.object({
  clinicOrigin: z.string().url(),
  shareId: z.string().min(1),
  token: z.string().min(1),
  lastSentIso: z.string().nullable(),
});
const acceptReply = z.object({ shareId: z.string().min(1), token: z.string().min(1) });
const planReply = z.object({
  note: z.string(),
  holdSeconds: z.number().nullable(),
  setsPerSide: z.number().nullable(),
  daysPerWeek: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
const errorReply = z.object({ error: z.string() });

export function loadShare(storage: Storage = localStorage): ClinicShare | null {
  try {
    const parsed = shareSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveShare(share: ClinicShare | null, storage: Storage = localStorage): void {
  if (share) storage.setItem(STORAGE_KEY, JSON.stringify(share));
  else storage.removeItem(STORAGE_KEY);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The clinic's address as typed: https anywhere, plain http only on this machine. */
export function clinicOrigin(typed: string): Outcome<{ origin: string }> {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return {
      ok: false,
      reason: 'That is not a web address; type the clinic address your physical therapist gave you.',
    };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: true, origin: url.origin };
  }
  return {
    ok: false,
    reason: 'The clinic address must start with https:// (plain http only for a clinic on this same computer).',
  };
}

/** The invitation code as the therapist wrote it, without spaces or dashes, in capitals. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

async function call<T>(
  origin: string,
  path: string,
  init: RequestInit,
  reply: z.ZodType<T>,
): Promise<Outcome<{ data: T }>> {
  let res: Response;
  try {
    res = await fetch(origin + path, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, reason: `The clinic at ${origin} did not answer; check the address and your connection.` };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const said = errorReply.safeParse(body);
    return { ok: false, reason: said.success ? said.data.error : `The clinic refused the request (${res.status}).` };
  }
  const parsed = reply.safeParse(body);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, reason: `The clinic at ${origin} answered in a way this app does not understand.` };
}

const bearer = (share: ClinicShare) => ({ Authorization: `Bearer ${share.token}` });
const json = { 'Content-Type': 'application/json' };

export async function acceptInvitation(origin: string, code: string): Promise<Outcome<{ share: ClinicShare }>> {
  const r = await call(
    origin,
    '/api/share/accept',
    { method: 'POST', headers: json, body: JSON.stringify({ code: normaliseCode(code) }) },
    acceptReply,
  );
  return r.ok ? { ok: true, share: { clinicOrigin: origin, ...r.data, lastSentIso: null } } : r;
}

export async function sendResults(share: ClinicShare, doc: SteadybackExport): Promise<Outcome<{ share: ClinicShare }>> {
  const r = await call(
    share.clinicOrigin,
    '/api/share/upload',
    { method: 'POST', headers: { ...json, ...bearer(share) }, body: JSON.stringify(doc) },
    z.object({ uploadId: z.union([z.string(), z.number()]), receivedAt: z.string() }),
  );
  return r.ok ? { ok: true, share: { ...share, lastSentIso: r.data.receivedAt } } : r;
}

export async function fetchTherapistPlan(share: ClinicShare): Promise<Outcome<{ plan: TherapistPlan }>> {
  const r = await call(share.clinicOrigin, '/api/share/plan', { method: 'GET', headers: bearer(share) }, planReply);
  return r.ok ? { ok: true, plan: r.data } : r;
}

/** Stops sharing; with `deleteData` the clinic also deletes everything this share sent. */
export async function stopSharing(share: ClinicShare, deleteData: boolean): Promise<Outcome<object>> {
  const path = deleteData ? '/api/share/delete' : '/api/share/revoke';
  const r = await call(
    share.clinicOrigin,
    path,
    { method: 'POST', headers: bearer(share) },
    z.object({}).passthrough(),
  );
  return r.ok ? { ok: true } : r;
}

/** What the export holds, in words, shown before anything is sent. */
export function whatWillBeSent(doc: SteadybackExport): string[] {
  const dates = [...doc.painDays, ...doc.birdDogTests, ...doc.stretchSessions, ...doc.screenings, ...doc.outcomeChecks]
    .map((r) => r.dateIso)
    .sort();
  const span = dates.length ? `from ${dates[0]} to ${dates[dates.length - 1]}` : 'nothing dated yet';
  return [
    `${doc.birdDogTests.length} bird-dog tests (pelvic roll, leg height and the result, per side)`,
    `${doc.stretchSessions.length} hip flexor stretch sessions (seconds of good form, depth, how strong it felt)`,
    `${doc.painDays.length} pain check-ins and ${doc.outcomeChecks.length} progress questionnaires`,
    `${doc.screenings.length} answers to the safety questions`,
    'your settings and the over-stretch guard (age if you gave it, which back stretches you did, your depth limit)',
    `Dates ${span}. Numbers only: no video, no pictures, no name.`,
  ];
}
