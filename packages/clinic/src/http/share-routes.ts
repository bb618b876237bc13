// The patient's side, called by the app from its own origin: accept an invitation code, upload
// the export file, fetch the clinician's note and dose, stop sharing, delete what was shared.
// Auth is the share's bearer token, never a cookie, so CORS allows any origin without credentials.

import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { parseExport } from '@steadyback/core';
import { ClinicError } from '../errors.ts';
import { acceptInvitation } from '../store/invitations.ts';
import { deleteShare, planForShare, revokeShare, storeUpload } from '../store/shares.ts';
import { clientAddress, type AppDeps } from './context.ts';

export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const TOO_LARGE =
  'This upload is larger than 5 MB, so it was not stored; export again and share only the file the app made.';

const acceptSchema = z.object({ code: z.string().min(1).max(32) });

function bearer(c: Context): string {
  const m = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('Authorization') ?? '');
  if (!m) throw new ClinicError(401, 'This request has no valid sharing token; share again from the app.');
  return m[1]!;
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ClinicError(400, 'The request body is not valid JSON.');
  }
}

/** The export file, validated by core's own import parser; a FHIR Bundle gets its own sentence. */
async function exportFrom(c: Context) {
  const text = await c.req.text();
  if (/^\s*\{\s*"resourceType"\s*:\s*"Bundle"/.test(text))
    throw new ClinicError(415, 'A FHIR Bundle cannot be read here yet; share the export file (.json) the app made.');
  const parsed = parseExport(text);
  if (!parsed.ok) throw new ClinicError(400, parsed.reason);
  return parsed.data;
}

export function shareRoutes(deps: AppDeps): Hono {
  const r = new Hono();
  r.use('*', cors({ origin: '*', allowMethods: ['GET', 'POST'], allowHeaders: ['Authorization', 'Content-Type'] }));
  r.post('/accept', async (c) => {
    if (!deps.acceptLimiter.allow(clientAddress(c), deps.nowMs()))
      throw new ClinicError(429, 'Too many codes were tried from this device; wait 10 minutes and try again.');
    const body = acceptSchema.safeParse(await jsonBody(c));
    if (!body.success) throw new ClinicError(400, 'Send the invitation code as {"code": "ABCD-EFGH"}.');
    return c.json(await acceptInvitation(deps.db, body.data.code), 201);
  });
  r.post(
    '/upload',
    bodyLimit({ maxSize: UPLOAD_LIMIT_BYTES, onError: (c) => c.json({ error: TOO_LARGE }, 413) }),
    async (c) => {
      const token = bearer(c);
      const receipt = await storeUpload(deps.db, token, await exportFrom(c));
      return c.json({ uploadId: receipt.uploadId, receivedAt: receipt.receivedAt.toISOString() }, 201);
    },
  );
  r.get('/plan', async (c) => {
    const plan = await planForShare(deps.db, bearer(c));
    return c.json({ ...plan, updatedAt: plan.updatedAt?.toISOString() ?? null });
  });
  r.post('/revoke', async (c) => {
    await revokeShare(deps.db, bearer(c));
    return c.json({ revoked: true });
  });
  r.post('/delete', async (c) => {
    await deleteShare(deps.db, bearer(c));
    return c.json({ deleted: true });
  });
  return r;
}
