// Clinician sessions: the cookie carries 32 random bytes; the database keeps only their SHA-256,
// the session's CSRF token and a fixed expiry (no sliding renewal, so a read never writes here).

import type { Db } from '../db/db.ts';
import { randomToken, sha256Hex } from '../security/tokens.ts';

export const SESSION_HOURS = 12;

export interface Session {
  clinicianId: string;
  email: string;
  csrfToken: string;
  tokenHash: string;
}

export async function createSession(db: Db, clinicianId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.query(
    `INSERT INTO sessions (token_hash, clinician_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4::int))`,
    [sha256Hex(token), clinicianId, csrfToken, SESSION_HOURS],
  );
  return { token, csrfToken };
}

export async function findSession(db: Db, token: string): Promise<Session | null> {
  const tokenHash = sha256Hex(token);
  const rows = await db.query<{ clinician_id: string; email: string; csrf_token: string }>(
    `SELECT s.clinician_id, c.email, s.csrf_token FROM sessions s JOIN clinicians c ON c.id = s.clinician_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? { clinicianId: row.clinician_id, email: row.email, csrfToken: row.csrf_token, tokenHash } : null;
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= now()', [tokenHash]);
}
