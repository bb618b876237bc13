// One-time invitation codes: a clinician makes one (8 characters, 48 hours, kept as a SHA-256),
// a patient's app accepts it once and gets a share with its own bearer token.

import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { ClinicError } from '../errors.ts';
import { inviteCode, normaliseInviteCode, randomToken, sha256Hex } from '../security/tokens.ts';
import { audit } from './audit.ts';

export const INVITATION_HOURS = 48;

export const labelSchema = z.string().trim().min(1).max(80);

export interface Invitation {
  code: string;
  expiresAt: Date;
}

export async function createInvitation(db: Db, clinicianId: string, labelRaw: string): Promise<Invitation> {
  const label = labelSchema.safeParse(labelRaw);
  if (!label.success)
    throw new ClinicError(400, 'Give the patient a short name you will recognise (1 to 80 characters).');
  const code = inviteCode();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; expires_at: Date }>(
      `INSERT INTO invitations (clinician_id, code_hash, label, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4::int)) RETURNING id, expires_at`,
      [clinicianId, sha256Hex(code), label.data, INVITATION_HOURS],
    );
    await audit(tx, { clinicianId, actor: 'clinician', action: 'invitation-created', detail: `invitation ${row!.id}` });
    return { code, expiresAt: row!.expires_at };
  });
}

export const INVALID_CODE_SENTENCE =
  'This invitation code does not work: it is mistyped, already used, or older than 48 hours; ask your physical therapist for a new one.';

/** Uses the code once and opens a share; the token is shown to the app only now. */
export async function acceptInvitation(db: Db, typedCode: string): Promise<{ shareId: string; token: string }> {
  const codeHash = sha256Hex(normaliseInviteCode(typedCode));
  const token = randomToken();
  return db.transaction(async (tx) => {
    const [inv] = await tx.query<{ id: string; clinician_id: string; label: string }>(
      `UPDATE invitations SET used_at = now()
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id, clinician_id, label`,
      [codeHash],
    );
    if (!inv) throw new ClinicError(400, INVALID_CODE_SENTENCE);
    const [share] = await tx.query<{ id: string }>(
      'INSERT INTO shares (clinician_id, label, token_hash) VALUES ($1, $2, $3) RETURNING id',
      [inv.clinician_id, inv.label, sha256Hex(token)],
    );
    await tx.query('UPDATE invitations SET share_id = $1 WHERE id = $2', [share!.id, inv.id]);
    await audit(tx, { clinicianId: inv.clinician_id, actor: 'patient', action: 'share-accepted', shareId: share!.id });
    return { shareId: share!.id, token };
  });
}
