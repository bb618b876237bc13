// The over-stretch guard as a deterministic state machine over holds, sessions and weeks
// (spec D, C4 depth cap, C "Where the stretch is felt", E's 24-hour rule simplified).
// The state is a plain JSON object the app keeps in IndexedDB; every function returns a new
// state and never mutates its argument. Dates are inputs ('YYYY-MM-DD'); weeks are ISO weeks
// derived from them. Review a week after the next-morning check of its last session (usually on
// Monday), since a session without its next-morning score cannot count as green.

import { addDaysIso, isIsoWeekKey, isoWeekKey, parseIsoDate } from './dates.ts';
import { doseForProfile, checkWeeklyVolume, type GuardProfile } from './dose.ts';
import {
  checkHold,
  depthStatusForCap,
  type GuardDepthStatus,
  type GuardHold,
  type GuardHoldAction,
  type GuardHoldDecision,
  type GuardTrigger,
} from './hold-check.ts';
import { GUARD_MORNING_MESSAGES } from './messages.ts';
import { GUARD_PAIN_RULES as P, GUARD_PROGRESSION, GUARD_THRESHOLDS as T } from './thresholds.ts';
import { median } from '../../signal/stats.ts';

export const GUARD_STATE_VERSION = 1;

export type GuardPainBand = 'green' | 'amber' | 'red' | 'unknown';

export interface GuardHoldRecord extends GuardHold {
  action: GuardHoldAction;
  triggers: GuardTrigger[];
  green: boolean;
}

export interface GuardSessionRecord {
  dateIso: string;
  weekKey: string;
  /** B: back pain at rest before the session (NRS 0-10). */
  restPainNrs: number | null;
  /** D: peak back pain during the session. */
  peakPainNrs: number | null;
  /** M: back pain the next morning. */
  morningPainNrs: number | null;
  /** The hold time prescribed for this session, seconds. */
  holdSeconds: number;
  holds: GuardHoldRecord[];
  lowBackCount: number;
  stoppedForToday: boolean;
}

export interface GuardCapOrigin {
  dateIso: string;
  referenceIntensity: number;
  referenceDepthDeg: number;
}

export interface GuardWeeklyReview {
  weekKey: string;
  /** Every session that week was green on the intensity and 24-hour rules. */
  green: boolean;
  capChangeDeg: number;
  newCapDeg: number | null;
  holdSeconds: number;
  reasons: string[];
}

export interface GuardState {
  version: typeof GUARD_STATE_VERSION;
  profile: { ageYears: number | null };
  /** C4 cap on delta hip extension, degrees; null until a session measured a usable depth. */
  depthCapDeg: number | null;
  capOrigin: GuardCapOrigin | null;
  /** Current prescribed hold time; only this progresses, never the intensity target. */
  holdSeconds: number;
  /** Ended sessions, oldest first. */
  sessions: GuardSessionRecord[];
  openSession: GuardSessionRecord | null;
  reviews: GuardWeeklyReview[];
}

export type GuardFailure = { ok: false; reason: string };

export interface GuardSessionSummary {
  dateIso: string;
  holdCount: number;
  /** Every hold was green (intensity within the cap, nothing to stop or ease off for). */
  intensityGreen: boolean;
  stoppedForToday: boolean;
  depthCapDeg: number | null;
  /** Set when this session set (or could not set) the depth cap. */
  capNote: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validNrs(value: unknown, what: string): { ok: true; value: number | null } | GuardFailure {
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < P.NRS_MIN || value > P.NRS_MAX) {
    return {
      ok: false,
      reason: `The ${what} should be a whole number from ${P.NRS_MIN} to ${P.NRS_MAX}, but it was ${JSON.stringify(value)}.`,
    };
  }
  return { ok: true, value };
}

/** Checks the profile at the boundary (the age comes from a form). */
export function validateGuardProfile(raw: unknown): { ok: true; profile: GuardProfile } | GuardFailure {
  if (!isRecord(raw)) return { ok: false, reason: 'The profile is missing.' };
  const age = raw['ageYears'];
  if (age === undefined || age === null) return { ok: true, profile: {} };
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0 || age > 130)
    return { ok: false, reason: `The age should be a number of years, but it was ${JSON.stringify(age)}.` };
  return { ok: true, profile: { ageYears: age } };
}

export function createGuardState(profile: GuardProfile): GuardState {
  const valid = validateGuardProfile(profile);
  if (!valid.ok) throw new Error(`${valid.reason} Check user input with validateGuardProfile before createGuardState.`);
  return {
    version: GUARD_STATE_VERSION,
    profile: { ageYears: valid.profile.ageYears ?? null },
    depthCapDeg: null,
    capOrigin: null,
    holdSeconds: GUARD_PROGRESSION.HOLD_START_S,
    sessions: [],
    openSession: null,
    reviews: [],
  };
}

function profileOf(state: GuardState): GuardProfile {
  return state.profile.ageYears === null ? {} : { ageYears: state.profile.ageYears };
}

export function startSession(
  state: GuardState,
  input: { dateIso: string; restPainNrs?: number | undefined },
): { ok: true; state: GuardState } | GuardFailure {
  const date = parseIsoDate(input.dateIso);
  if (!date.ok) return date;
  const rest = validNrs(input.restPainNrs, 'pain score before the session');
  if (!rest.ok) return rest;
  if (state.openSession)
    return {
      ok: false,
      reason: `A session from ${state.openSession.dateIso} is still open; end it before starting another.`,
    };
  const last = state.sessions.at(-1);
  if (last && input.dateIso < last.dateIso)
    return {
      ok: false,
      reason: `This session's date (${input.dateIso}) is before the last session (${last.dateIso}); please check the date.`,
    };
  if (state.sessions.some((s) => s.dateIso === input.dateIso && s.stoppedForToday)) {
    return {
      ok: false,
      reason: 'The stretch was stopped earlier today, so it is best to rest and try again tomorrow.',
    };
  }
  const session: GuardSessionRecord = {
    dateIso: input.dateIso,
    weekKey: isoWeekKey(input.dateIso),
    restPainNrs: rest.value,
    peakPainNrs: null,
    morningPainNrs: null,
    holdSeconds: state.holdSeconds,
    holds: [],
    lowBackCount: 0,
    stoppedForToday: false,
  };
  return { ok: true, state: { ...state, openSession: session } };
}

export function recordHold(
  state: GuardState,
  holdInput: unknown,
): { ok: true; state: GuardState; decision: GuardHoldDecision } | GuardFailure {
  const session = state.openSession;
  if (!session)
    return { ok: false, reason: 'There is no session in progress; start a session before recording a hold.' };
  if (session.stoppedForToday)
    return {
      ok: false,
      reason: 'The stretch was stopped for today, so no more holds can be recorded; please end the session and rest.',
    };
  const checked = checkHold(holdInput, { lowBackCountBefore: session.lowBackCount, depthCapDeg: state.depthCapDeg });
  if (!checked.ok) return checked;
  const { hold, decision } = checked;
  const record: GuardHoldRecord = {
    ...hold,
    action: decision.action,
    triggers: decision.triggers,
    green: decision.green,
  };
  const next: GuardSessionRecord = {
    ...session,
    holds: [...session.holds, record],
    lowBackCount: session.lowBackCount + (hold.feltAt === 'low-back' ? 1 : 0),
    stoppedForToday: decision.action === 'stop-for-today',
  };
  return { ok: true, state: { ...state, openSession: next }, decision };
}

/**
 * The C4 reference: the depth at a self-rated 4/10, or else at the rating closest to 4 that is
 * not above 5 (ties go to the lower, gentler rating). Only green holds count, since an arching or
 * bouncing hold's hip angle is not the hip's own range. Several holds at that rating give their
 * median, because one camera angle is only good to about +-6 degrees.
 */
export function capReferenceFromHolds(
  holds: readonly GuardHoldRecord[],
): { referenceIntensity: number; referenceDepthDeg: number } | null {
  const usable = holds.filter(
    (h): h is GuardHoldRecord & { depthDeg: number } =>
      h.green && h.depthDeg !== null && h.intensity <= T.CAP_REFERENCE_MAX_INTENSITY,
  );
  if (usable.length === 0) return null;
  const distance = (i: number): number => Math.abs(i - T.CAP_REFERENCE_INTENSITY);
  const referenceIntensity = usable
    .map((h) => h.intensity)
    .reduce((best, i) => (distance(i) < distance(best) || (distance(i) === distance(best) && i < best) ? i : best));
  const referenceDepthDeg = median(usable.filter((h) => h.intensity === referenceIntensity).map((h) => h.depthDeg))!;
  return { referenceIntensity, referenceDepthDeg };
}

export function endSession(
  state: GuardState,
  input: { peakPainNrs?: number | undefined } = {},
): { ok: true; state: GuardState; summary: GuardSessionSummary } | GuardFailure {
  const session = state.openSession;
  if (!session) return { ok: false, reason: 'There is no session in progress to end.' };
  const peak = validNrs(input.peakPainNrs, 'peak pain score during the session');
  if (!peak.ok) return peak;
  const ended: GuardSessionRecord = { ...session, peakPainNrs: peak.value };
  let { depthCapDeg, capOrigin } = state;
  let capNote: string | null = null;
  // "Session 1" is the first session with a usable depth; a camera-less first session must not leave the cap unset for good.
  if (depthCapDeg === null) {
    const ref = capReferenceFromHolds(ended.holds);
    if (ref) {
      depthCapDeg = ref.referenceDepthDeg + T.CAP_MARGIN_DEG;
      capOrigin = { dateIso: ended.dateIso, ...ref };
      capNote = `Your depth limit is now set: the depth you reached at ${ref.referenceIntensity} out of 10, plus ${T.CAP_MARGIN_DEG} degrees.`;
    } else {
      capNote =
        'No usable depth was measured in this session (the camera needs a side view and a hold rated 5 out of 10 or less), so the depth limit is not set yet. It will be set from the next session that has one.';
    }
  }
  const summary: GuardSessionSummary = {
    dateIso: ended.dateIso,
    holdCount: ended.holds.length,
    intensityGreen: ended.holds.every((h) => h.green),
    stoppedForToday: ended.stoppedForToday,
    depthCapDeg,
    capNote,
  };
  return {
    ok: true,
    state: { ...state, depthCapDeg, capOrigin, sessions: [...state.sessions, ended], openSession: null },
    summary,
  };
}

/** The 24-hour rule (spec E simplified): M <= B green, M = B + 1 amber, M >= B + 2 red. */
export function nextMorningBand(restPainNrs: number | null, morningPainNrs: number | null): GuardPainBand {
  if (restPainNrs === null || morningPainNrs === null) return 'unknown';
  const rise = morningPainNrs - restPainNrs;
  if (rise >= P.MORNING_RED_RISE) return 'red';
  if (rise >= P.MORNING_AMBER_RISE) return 'amber';
  return 'green';
}

/** Peak pain during the session (spec E): D <= 3 green, 4-5 amber, > 5 red; not reported = unknown. */
export function peakPainBand(peakPainNrs: number | null): GuardPainBand {
  if (peakPainNrs === null) return 'unknown';
  if (peakPainNrs > P.PEAK_AMBER_MAX) return 'red';
  if (peakPainNrs > P.PEAK_GREEN_MAX) return 'amber';
  return 'green';
}

/**
 * A session's pain-response band: the worse of the next-morning band and, when reported, the
 * peak-pain band (E's GREEN needs both D <= 3 and M <= B). A missing next-morning score leaves it
 * unknown, which never counts as green.
 */
export function sessionPainBand(session: GuardSessionRecord): GuardPainBand {
  const morning = nextMorningBand(session.restPainNrs, session.morningPainNrs);
  const peak = peakPainBand(session.peakPainNrs);
  if (morning === 'red' || peak === 'red') return 'red';
  if (morning === 'amber' || peak === 'amber') return 'amber';
  return morning;
}

export function recordNextMorning(
  state: GuardState,
  input: { dateIso: string; morningPainNrs: number },
): { ok: true; state: GuardState; band: GuardPainBand; message: string } | GuardFailure {
  const date = parseIsoDate(input.dateIso);
  if (!date.ok) return date;
  const morning = validNrs(input.morningPainNrs, 'morning pain score');
  if (!morning.ok) return morning;
  if (morning.value === null) return { ok: false, reason: 'The morning pain score is missing.' };
  const sessionDate = addDaysIso(input.dateIso, -1);
  if (!state.sessions.some((s) => s.dateIso === sessionDate)) {
    return { ok: false, reason: `There was no finished session on ${sessionDate} to compare this morning with.` };
  }
  const morningPainNrs = morning.value;
  // A later correction of the same morning replaces the earlier score.
  const sessions = state.sessions.map((s) => (s.dateIso === sessionDate ? { ...s, morningPainNrs } : s));
  const bands = sessions
    .filter((s) => s.dateIso === sessionDate)
    .map((s) => nextMorningBand(s.restPainNrs, s.morningPainNrs));
  const band: GuardPainBand = bands.includes('red')
    ? 'red'
    : bands.includes('amber')
      ? 'amber'
      : bands.includes('unknown')
        ? 'unknown'
        : 'green';
  return { ok: true, state: { ...state, sessions }, band, message: GUARD_MORNING_MESSAGES[band] };
}

/** C4 for a live depth reading against the current cap. */
export function depthStatus(state: GuardState, depthDeg: number): GuardDepthStatus {
  if (!Number.isFinite(depthDeg)) throw new Error(`depthStatus needs a finite depth in degrees, got ${depthDeg}.`);
  return depthStatusForCap(state.depthCapDeg, depthDeg);
}

function sessionProblems(s: GuardSessionRecord): string[] {
  const problems: string[] = [];
  if (s.holds.some((h) => h.intensity > T.HARD_CAP))
    problems.push(`On ${s.dateIso} a stretch was rated above ${T.HARD_CAP} out of 10.`);
  if (s.stoppedForToday) problems.push(`On ${s.dateIso} the stretch was stopped for the day.`);
  else if (s.holds.some((h) => !h.green && h.intensity <= T.HARD_CAP))
    problems.push(`On ${s.dateIso} a hold needed easing off.`);
  const morning = nextMorningBand(s.restPainNrs, s.morningPainNrs);
  if (s.restPainNrs === null)
    problems.push(`On ${s.dateIso} there was no pain score before the session to compare the next morning with.`);
  else if (s.morningPainNrs === null) problems.push(`There is no next-morning pain score after ${s.dateIso}.`);
  else if (morning !== 'green')
    problems.push(`The morning after ${s.dateIso} your back was more sore than before the session.`);
  if (peakPainBand(s.peakPainNrs) === 'amber' || peakPainBand(s.peakPainNrs) === 'red')
    problems.push(`On ${s.dateIso} back pain during the session reached ${s.peakPainNrs} out of 10.`);
  return problems;
}

/** The next hold time: one step per green week, never beyond the profile's dose. */
function nextHoldSeconds(current: number, doseMaxS: number): number {
  return GUARD_PROGRESSION.HOLD_STEPS_S.find((s) => s > current && s <= doseMaxS) ?? current;
}

/** Whether every session of the week was green, with the reasons for the verdict. */
function weekVerdict(sessions: readonly GuardSessionRecord[], weekKey: string): { green: boolean; reasons: string[] } {
  const reasons: string[] = [];
  let green = sessions.length > 0;
  if (sessions.length === 0) reasons.push(`No sessions were recorded in week ${weekKey}, so nothing changes.`);
  for (const s of sessions) {
    const problems = sessionProblems(s);
    if (problems.length > 0 || sessionPainBand(s) !== 'green') green = false;
    reasons.push(...problems);
  }
  if (green)
    reasons.push(
      'Every session this week stayed within the comfortable range and your back was fine the next morning.',
    );
  return { green, reasons };
}

/** The week's change to the depth cap: it rises by the weekly maximum only after a green week. */
function weekCapChange(
  depthCapDeg: number | null,
  green: boolean,
): { capChangeDeg: number; newCapDeg: number | null; reason: string } {
  let capChangeDeg = 0;
  let reason: string;
  if (depthCapDeg === null) reason = 'The depth limit is not set yet, because no usable depth has been measured.';
  else if (green) {
    capChangeDeg = T.CAP_MAX_RISE_PER_WEEK_DEG;
    reason = `The depth limit rises by ${capChangeDeg} degrees.`;
  } else reason = 'The depth limit stays the same this week.';
  const newCapDeg = depthCapDeg === null ? null : depthCapDeg + capChangeDeg;
  return { capChangeDeg, newCapDeg, reason };
}

/** The week's hold time: one step up after a green week, unless at the full dose or the volume limit. */
function weekHoldSeconds(
  state: GuardState,
  sessions: readonly GuardSessionRecord[],
  green: boolean,
): { holdSeconds: number; reason: string } {
  const dose = doseForProfile(profileOf(state));
  const holdSeconds = state.holdSeconds;
  if (!green) return { holdSeconds, reason: `Holds stay at ${holdSeconds} seconds this week.` };
  const perSideSeconds = (side: 'left' | 'right'): number =>
    sessions.reduce((sum, s) => sum + s.holds.filter((h) => h.side === side).length * s.holdSeconds, 0);
  const volume = checkWeeklyVolume(Math.max(perSideSeconds('left'), perSideSeconds('right')) / 60);
  const candidate = nextHoldSeconds(state.holdSeconds, dose.holdSecondsMax);
  if (candidate === state.holdSeconds)
    return { holdSeconds, reason: `Holds stay at ${holdSeconds} seconds, the full dose.` };
  if (!volume.mayProgressVolume)
    return { holdSeconds, reason: `Holds stay at ${holdSeconds} seconds. ${volume.message}` };
  return {
    holdSeconds: candidate,
    reason: `Holds go up from ${state.holdSeconds} to ${candidate} seconds. The stretch itself should still feel the same: ${T.TARGET_MIN} to ${T.TARGET_MAX} out of 10.`,
  };
}

/**
 * Reviews one ISO week: the cap rises by at most 5 degrees and the hold time by one step, both
 * only if every session that week was green on the intensity and 24-hour rules. A week is
 * reviewed once; asking again returns the same review without changing anything.
 */
export function weeklyReview(
  state: GuardState,
  weekKey: string,
): { ok: true; state: GuardState; review: GuardWeeklyReview } | GuardFailure {
  if (!isIsoWeekKey(weekKey))
    return {
      ok: false,
      reason: `The week should look like 2025-W11 (year, then week number), but it was ${JSON.stringify(weekKey)}.`,
    };
  const earlier = state.reviews.find((r) => r.weekKey === weekKey);
  if (earlier) {
    return {
      ok: true,
      state,
      review: {
        ...earlier,
        capChangeDeg: 0,
        reasons: [`Week ${weekKey} was already reviewed, so nothing changes now.`, ...earlier.reasons],
      },
    };
  }
  if (state.openSession?.weekKey === weekKey)
    return { ok: false, reason: 'A session from this week is still open; end it before the weekly review.' };

  const sessions = state.sessions.filter((s) => s.weekKey === weekKey);
  const { green, reasons: verdictReasons } = weekVerdict(sessions, weekKey);
  const cap = weekCapChange(state.depthCapDeg, green);
  const hold = weekHoldSeconds(state, sessions, green);
  const { capChangeDeg, newCapDeg } = cap;
  const { holdSeconds } = hold;
  const reasons = [...verdictReasons, cap.reason, hold.reason];

  const review: GuardWeeklyReview = { weekKey, green, capChangeDeg, newCapDeg, holdSeconds, reasons };
  return {
    ok: true,
    state: { ...state, depthCapDeg: newCapDeg, holdSeconds, reviews: [...state.reviews, review] },
    review,
  };
}
