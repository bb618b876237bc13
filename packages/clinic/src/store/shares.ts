// The patient's side of a share, reached with its bearer token: upload the export, read the
// clinician's note and dose, stop sharing, delete everything shared. Each is audited; an upload is
// acknowledged only after its transaction commits.

import type { SteadybackExport } from '@steadyback/core';
import type { Db, Queryable } from '../db/db.ts';
import { ClinicError } from '../errors.ts';
import { sha256Hex } from '../security/tokens.ts';
import { summariseExport } from '../summary.ts';
import { audit } from './audit.ts';

interface ShareRow {
  id: string;
  clinician_id: string;
  status: 'active' | 'revoked';
}

const UNKNOWN_TOKEN = 'This sharing link is not known here (it may have been deleted); share again with a new code.';
export const REVOKED_SENTENCE = 'Sharing with this physical therapist was stopped, so nothing was sent.';

async function shareFor(q: Queryable, token: string, lock: boolean): Promise<ShareRow> {
  const rows = await q.query<ShareRow>(
    `SELECT id, clinician_id, status FROM shares WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [sha256Hex(token)],
  );
  const share = rows[0];
  if (!share) throw new ClinicError(401, UNKNOWN_TOKEN);
  return share;
}

export interface UploadReceipt {
  uploadId: string;
  receivedAt: Date;
}

export async function storeUpload(db: Db, token: string, data: SteadybackExport): Promise<UploadReceipt> {
  const { model, summary } = summariseExport(data);
  const refused = await db.transaction(async (tx) => {
    const share = await shareFor(tx, token, true);
    if (share.status !== 'active') {
      await audit(tx, {
        clinicianId: share.clinician_id,
        actor: 'patient',
        action: 'upload-refused',
        shareId: share.id,
      });
      return null;
    }
    const [row] = await tx.query<{ id: string; received_at: Date }>(
      `INSERT INTO uploads (share_id, clinician_id, export, model, summary)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb) RETURNING id, received_at`,
      [share.id, share.clinician_id, JSON.stringify(data), JSON.stringify(model), JSON.stringify(summary)],
    );
    await audit(tx, { clinicianId: share.clinician_id, actor: 'patient', action: 'upload', shareId: share.id });
    return { uploadId: row!.id, receivedAt: row!.received_at };
  });
  // The refusal is audited (committed) before it is reported.
  if (refused === null) throw new ClinicError(403, REVOKED_SENTENCE);
  return refused;
}

export interface SharedPlan {
  note: string;
  holdSeconds: number | null;
  setsPerSide: number | null;
  daysPerWeek: number | null;
  updatedAt: Date | null;
}

export async function planForShare(db: Db, token: string): Promise<SharedPlan> {
  return db.transaction(async (tx) => {
    const share = await shareFor(tx, token, false);
    if (share.status !== 'active') throw new ClinicError(403, 'Sharing with this physical therapist was stopped.');
    const [p] = await tx.query<{
      note: string;
      hold_seconds: number | null;
      sets_per_side: number | null;
      days_per_week: number | null;
      updated_at: Date;
    }>(
      'SELECT note, hold_seconds, sets_per_side, days_per_week, updated_at FROM plan_adjustments WHERE share_id = $1 AND clinician_id = $2',
      [share.id, share.clinician_id],
    );
    await audit(tx, { clinicianId: share.clinician_id, actor: 'patient', action: 'plan-read', shareId: share.id });
    return {
      note: p?.note ?? '',
      holdSeconds: p?.hold_seconds ?? null,
      setsPerSide: p?.sets_per_side ?? null,
      daysPerWeek: p?.days_per_week ?? null,
      updatedAt: p?.updated_at ?? null,
    };
  });
}

export async function revokeShare(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const share = await shareFor(tx, token, true);
    if (share.status === 'revoked') return;
    await tx.query("UPDATE shares SET status = 'revoked', revoked_at = now() WHERE id = $1", [share.id]);
    await audit(tx, { clinicianId: share.clinician_id, actor: 'patient', action: 'share-revoked', shareId: share.id });
  });
}

/** Deletes the share and, through the foreign keys, every upload and plan of it; the audit line stays. */
export async function deleteShare(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const share = await shareFor(tx, token, true);
    await tx.query('DELETE FROM shares WHERE id = $1', [share.id]);
    await audit(tx, { clinicianId: share.clinician_id, actor: 'patient', action: 'share-deleted', shareId: share.id });
  });
}
