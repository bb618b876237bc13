// Clinician accounts: creation, and the password check with the lock-out kept in the database
// (5 wrong passwords lock the account for 15 minutes, measured by the database's clock).

import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { ClinicError } from '../errors.ts';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from '../security/passwords.ts';
import { audit } from './audit.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address such as name@clinic.example');

export async function createClinician(db: Db, emailRaw: string, password: string): Promise<string> {
  const email = emailSchema.safeParse(emailRaw);
  if (!email.success) throw new ClinicError(400, 'That is not an email address; write it as name@clinic.example.');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new ClinicError(400, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'INSERT INTO clinicians (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id',
      [email.data, hash],
    );
    const id = rows[0]?.id;
    if (!id) throw new ClinicError(409, `There is already a clinician with the email ${email.data}.`);
    await audit(tx, { clinicianId: id, actor: 'system', action: 'clinician-created' });
    return id;
  });
}

interface AccountRow {
  id: string;
  password_hash: string;
  locked: boolean;
}

const LOCKED_SENTENCE = `This account is locked for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords; try again later.`;
const WRONG_SENTENCE = 'The email or the password is not right.';

/** The clinician's id when the password is right; a ClinicError otherwise. */
export async function checkPassword(db: Db, emailRaw: string, password: string): Promise<string> {
  const email = emailSchema.safeParse(emailRaw);
  const rows = email.success
    ? await db.query<AccountRow>(
        'SELECT id, password_hash, (locked_until IS NOT NULL AND locked_until > now()) AS locked FROM clinicians WHERE email = $1',
        [email.data],
      )
    : [];
  const account = rows[0] ?? null;
  if (account?.locked) throw new ClinicError(423, LOCKED_SENTENCE);
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  if (!account) throw new ClinicError(401, WRONG_SENTENCE);
  if (ok) {
    await db.query('UPDATE clinicians SET failed_logins = 0, locked_until = NULL WHERE id = $1', [account.id]);
    return account.id;
  }
  await recordFailure(db, account.id);
  throw new ClinicError(401, WRONG_SENTENCE);
}

async function recordFailure(db: Db, clinicianId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ failed_logins: number }>(
      `UPDATE clinicians SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3::int) ELSE locked_until END
       WHERE id = $1 RETURNING failed_logins`,
      [clinicianId, MAX_FAILED_LOGINS, LOCK_MINUTES],
    );
    const locked = (row?.failed_logins ?? 0) >= MAX_FAILED_LOGINS;
    if (locked) await tx.query('UPDATE clinicians SET failed_logins = 0 WHERE id = $1', [clinicianId]);
    await audit(tx, { clinicianId, actor: 'clinician', action: locked ? 'account-locked' : 'sign-in-failed' });
  });
}
