// The audit log: one line per read or write of patient data (who, what, which share, when) and
// per account event. A line never holds health data: actions are fixed words, details are counts
// or reasons.

import type { Queryable } from '../db/db.ts';

export type AuditActor = 'clinician' | 'patient' | 'system';
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'account-locked'
  | 'sign-out'
  | 'clinician-created'
  | 'invitation-created'
  | 'share-accepted'
  | 'upload'
  | 'upload-refused'
  | 'plan-read'
  | 'share-revoked'
  | 'share-deleted'
  | 'list-patients'
  | 'read-patient'
  | 'read-summary'
  | 'read-pdf'
  | 'plan-updated'
  | 'audit-exported';

export interface AuditLine {
  clinicianId: string | null;
  actor: AuditActor;
  action: AuditAction;
  shareId?: string | null;
  detail?: string;
}

export async function audit(q: Queryable, line: AuditLine): Promise<void> {
  await q.query('INSERT INTO audit (clinician_id, actor, action, share_id, detail) VALUES ($1, $2, $3, $4, $5)', [
    line.clinicianId,
    line.actor,
    line.action,
    line.shareId ?? null,
    line.detail ?? '',
  ]);
}

export interface AuditRow {
  id: string;
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  share_id: string | null;
  detail: string;
}

/** A clinician's own audit lines, oldest first. */
export function auditRowsFor(q: Queryable, clinicianId: string): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    'SELECT id::text AS id, at, actor, action, share_id, detail FROM audit WHERE clinician_id = $1 ORDER BY id',
    [clinicianId],
  );
}
