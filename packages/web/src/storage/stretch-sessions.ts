// Today's stretch session in storage: the guard session and the stretch record opened (or resumed)
// together, each rated hold saved at once, and the finished session with the peak pain of the day.

import {
  createGuardState,
  endSession,
  startSession,
  type GuardState,
  type StretchSessionRecord,
} from '@steadyback/core';
import { db, loadGuard, newId, painDayFor, saveGuard, todayIso } from './db.ts';

/** Opens (or resumes) today's guard session and stretch record. */
export async function openStretchSession(
  ageYears: number | null,
  restNrs: number,
): Promise<{ guard: GuardState; session: StretchSessionRecord } | { reason: string }> {
  const today = todayIso();
  let guard = (await loadGuard()) ?? createGuardState(ageYears === null ? {} : { ageYears });
  if (guard.openSession && guard.openSession.dateIso !== today) {
    const ended = endSession(guard);
    if (ended.ok) guard = ended.state;
  }
  if (!guard.openSession) {
    const started = startSession(guard, { dateIso: today, restPainNrs: restNrs });
    if (!started.ok) return { reason: started.reason };
    guard = started.state;
  }
  await saveGuard(guard);
  const existing = (await db.stretchSessions.where('dateIso').equals(today).toArray()).find(
    (s) => s.status === 'in-progress',
  );
  const session: StretchSessionRecord = existing ?? {
    id: newId('stretch'),
    dateIso: today,
    status: 'in-progress',
    sources: { camera: false, sensor: false },
    targetHoldSeconds: guard.holdSeconds,
    depthCapDeg: guard.depthCapDeg,
    holds: [],
    stoppedForToday: false,
  };
  if (!existing) await db.stretchSessions.put(session);
  return { guard, session };
}

/** Saves the guard and the session after a rated hold. */
export async function saveRatedHold(guard: GuardState, session: StretchSessionRecord): Promise<void> {
  await saveGuard(guard);
  await db.stretchSessions.put(session);
}

/** Saves the ended guard, the completed session and the day's peak pain. */
export async function saveFinishedSession(
  guard: GuardState,
  session: StretchSessionRecord,
  peak: number | null,
): Promise<void> {
  await saveGuard(guard);
  await db.stretchSessions.put({ ...session, status: 'complete', depthCapDeg: guard.depthCapDeg });
  const day = await painDayFor(session.dateIso);
  if (day && peak !== null) await db.painDays.update(day.id, { peakNrs: peak });
}
