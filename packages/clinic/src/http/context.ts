// What every route can reach: the database, the sign-in and code limiters, and the signed-in
// clinician's session (set by the session middleware).

import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/db.ts';
import { fixedWindowLimiter, type RateLimiter } from '../security/rate-limit.ts';
import type { Session } from '../store/sessions.ts';

export interface AppDeps {
  db: Db;
  /** Sign-in attempts per client address. */
  loginLimiter: RateLimiter;
  /** Invitation-code attempts per client address. */
  acceptLimiter: RateLimiter;
  /** Milliseconds since the epoch; only the in-memory limiters read it. */
  nowMs: () => number;
}

export type AppEnv = { Variables: { session: Session } };

export function defaultDeps(db: Db): AppDeps {
  return {
    db,
    loginLimiter: fixedWindowLimiter(20, 10 * 60_000),
    acceptLimiter: fixedWindowLimiter(20, 10 * 60_000),
    nowMs: () => Date.now(),
  };
}

/** The socket's address; forwarded headers are not trusted (the clinic listens on loopback). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
