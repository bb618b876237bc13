// The clinician's side: the patients who shared with them, one patient's latest shared report,
// and the plan adjustment. Every statement is scoped by the signed-in clinician's id in SQL and
// writes its audit lines in the same statement, so a read cannot happen without its line.

import { z } from 'zod';
import type { ReportModel } from '@steadyback/core';
import type { Db } from '../db/db.ts';
import { ClinicError, notFound } from '../errors.ts';
import type { PlanAdjustment } from '../plan/adjustment.ts';
import type { PatientSummary } from '../summary.ts';

export interface PatientListItem {
  id: string;
  label: string;
  status: 'active' | 'revoked';
  created_at: Date;
  revoked_at: Date | null;
  received_at: Date | null;
  summary: PatientSummary | null;
}

export function listPatients(db: Db, clinicianId: string): Promise<PatientListItem[]> {
  return db.query<PatientListItem>(
    `WITH p AS (
       SELECT sh.id, sh.label, sh.status, sh.created_at, sh.revoked_at, u.received_at, u.summary
       FROM shares sh
       LEFT JOIN LATERAL (
         SELECT received_at, summary FROM uploads
         WHERE share_id = sh.id AND clinician_id = sh.clinician_id ORDER BY seq DESC LIMIT 1
       ) u ON true
       WHERE sh.clinician_id = $1
     ), a AS (
       INSERT INTO audit (clinician_id, actor, action, share_id) SELECT $1, 'clinician', 'list-patients', id FROM p
     )
     SELECT * FROM p ORDER BY created_at, id`,
    [clinicianId],
  );
}

export const shareIdSchema = z.uuid();

export type PatientReadAction = 'read-patient' | 'read-summary' | 'read-pdf';

export interface PatientRecord {
  id: string;
  label: string;
  status: 'active' | 'revoked';
  revoked_at: Date | null;
  received_at: Date | null;
  summary: PatientSummary | null;
  model: ReportModel | null;
  age_years: number | null;
  plan: PlanAdjustment | null;
}

const PATIENT_COLUMNS = {
  'read-summary': 'NULL::jsonb AS model, NULL::jsonb AS plan, NULL::int AS age_years',
  'read-patient': `u.model, u.age_years, (SELECT json_build_object('note', note, 'holdSeconds', hold_seconds,
      'setsPerSide', sets_per_side, 'daysPerWeek', days_per_week) FROM plan_adjustments pa
      WHERE pa.share_id = sh.id AND pa.clinician_id = sh.clinician_id) AS plan`,
  'read-pdf': 'u.model, NULL::jsonb AS plan, NULL::int AS age_years',
} as const;

/** One patient of this clinician, or a 404 for anything else (another clinician's patient included). */
export async function readPatient(
  db: Db,
  clinicianId: string,
  shareId: string,
  action: PatientReadAction,
): Promise<PatientRecord> {
  if (!shareIdSchema.safeParse(shareId).success) throw notFound();
  const rows = await db.query<PatientRecord>(
    `WITH p AS (
       SELECT sh.id, sh.label, sh.status, sh.revoked_at, u.received_at, u.summary, ${PATIENT_COLUMNS[action]}
       FROM shares sh
       LEFT JOIN LATERAL (
         SELECT received_at, summary, model, (export #>> '{settings,ageYears}')::int AS age_years FROM uploads
         WHERE share_id = sh.id AND clinician_id = sh.clinician_id ORDER BY seq DESC LIMIT 1
       ) u ON true
       WHERE sh.clinician_id = $1 AND sh.id = $2
     ), a AS (
       INSERT INTO audit (clinician_id, actor, action, share_id) SELECT $1, 'clinician', $3, id FROM p
     )
     SELECT * FROM p`,
    [clinicianId, shareId, action],
  );
  const row = rows[0];
  if (!row) throw notFound();
  return row;
}

export async function savePlan(db: Db, clinicianId: string, shareId: string, plan: PlanAdjustment): Promise<void> {
  if (!shareIdSchema.safeParse(shareId).success) throw notFound();
  const rows = await db.query<{ share_id: string; status: string }>(
    `WITH s AS (SELECT id, clinician_id, status FROM shares WHERE id = $2 AND clinician_id = $1),
     up AS (
       INSERT INTO plan_adjustments (share_id, clinician_id, note, hold_seconds, sets_per_side, days_per_week)
       SELECT id, clinician_id, $3, $4, $5, $6 FROM s WHERE status = 'active'
       ON CONFLICT (share_id) DO UPDATE SET note = EXCLUDED.note, hold_seconds = EXCLUDED.hold_seconds,
         sets_per_side = EXCLUDED.sets_per_side, days_per_week = EXCLUDED.days_per_week, updated_at = now()
       RETURNING share_id
     ), a AS (
       INSERT INTO audit (clinician_id, actor, action, share_id) SELECT $1, 'clinician', 'plan-updated', share_id FROM up
     )
     SELECT s.id AS share_id, s.status FROM s`,
    [clinicianId, shareId, plan.note, plan.holdSeconds, plan.setsPerSide, plan.daysPerWeek],
  );
  const row = rows[0];
  if (!row) throw notFound();
  if (row.status !== 'active')
    throw new ClinicError(409, 'This patient stopped sharing, so the plan cannot be changed here any more.');
}
