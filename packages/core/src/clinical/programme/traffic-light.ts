// The pain traffic light (rule set E): each session's pain before (B), at its peak (D) and the
// next morning (M) gives green (progress), amber (repeat) or red (regress one level and halve the
// volume); the weekly morning check catches a slow upward drift; and a few patterns escalate to
// "please see a physical therapist or doctor" with the red-flag questions asked again.
// Outcomes: NPRS meaningful change and "recovered", and PEG-3 (public domain, Krebs 2009) with our
// own item labels. The Roland-Morris questionnaire (RMDQ) is NOT shipped: its licence for use in an
// app is unclear, so "recovered" here is NRS 0 alone, while Kamper 2010 pairs it with RMDQ <= 2.

import { OUTCOMES, ESCALATION as X, TRAFFIC_LIGHT as T } from './thresholds.ts';
import { checkArray, checkBoolean, checkDate, checkNrs, checkOptionalNrs, dayOf, isRecord } from './validate.ts';
import type { Outcome } from '../../outcome.ts';

export type TrafficLight = 'green' | 'amber' | 'red' | 'incomplete';
export type TrafficDecision = 'progress' | 'repeat' | 'regress-and-halve';

export interface PainSession {
  dateIso: string;
  /** B: back pain at rest before the session. */
  restNrs: number;
  /** D: the peak during the session. */
  peakNrs: number;
  /** M: the next morning; null until it is reported. */
  morningNrs: number | null;
  /** Was the back back to its usual level within 24 hours? null or absent when not asked. */
  settledWithin24h?: boolean | null;
}

export interface SessionLight {
  session: PainSession;
  light: TrafficLight;
  decision: TrafficDecision;
  reasons: string[];
  message: string;
  source: string;
}

export const TRAFFIC_LIGHT_SOURCE = 'Rule set E (Silbernagel 2007, adapted for low back pain; L-M)';

export const TRAFFIC_LIGHT_TEXT: Record<TrafficLight, string> = {
  green: 'Your back handled that well. You are ready for a small step up.',
  amber: 'Your back noticed that session a little. Let us repeat the same amount next time rather than adding more.',
  red: 'That was a bit too much for your back right now. Next time we will use an easier version and about half as much, and build up again from there.',
  incomplete:
    'We will know how that session went once you tell us how your back feels tomorrow morning. Until then, keep the same amount.',
};

const DECISION: Record<TrafficLight, TrafficDecision> = {
  green: 'progress',
  amber: 'repeat',
  red: 'regress-and-halve',
  incomplete: 'repeat',
};

export function validatePainSession(raw: unknown, where = 'session'): Outcome<{ session: PainSession }> {
  if (!isRecord(raw)) return { ok: false, reason: `The ${where} is missing its pain scores.` };
  const date = checkDate(raw['dateIso'], `${where} date`);
  if (!date.ok) return date;
  const rest = checkNrs(raw['restNrs'], `pain score before the ${where} on ${date.value}`);
  if (!rest.ok) return rest;
  const peak = checkNrs(raw['peakNrs'], `highest pain score during the ${where} on ${date.value}`);
  if (!peak.ok) return peak;
  const morning = checkOptionalNrs(raw['morningNrs'], `next-morning pain score after the ${where} on ${date.value}`);
  if (!morning.ok) return morning;
  const settledRaw = raw['settledWithin24h'];
  let settled: boolean | null = null;
  if (settledRaw !== undefined && settledRaw !== null) {
    const b = checkBoolean(settledRaw, `back to usual within a day after ${date.value}`);
    if (!b.ok) return b;
    settled = b.value;
  }
  return {
    ok: true,
    session: {
      dateIso: date.value,
      restNrs: rest.value,
      peakNrs: peak.value,
      morningNrs: morning.value,
      settledWithin24h: settled,
    },
  };
}

/** Classifies one validated session. Red beats amber beats a missing morning score beats green. */
export function lightForSession(s: PainSession): Omit<SessionLight, 'session'> {
  const red: string[] = [];
  const amber: string[] = [];
  if (s.peakNrs > T.PEAK_AMBER_MAX)
    red.push(`Pain during the session reached ${s.peakNrs} out of 10, above ${T.PEAK_AMBER_MAX}.`);
  else if (s.peakNrs > T.PEAK_GREEN_MAX) amber.push(`Pain during the session reached ${s.peakNrs} out of 10.`);
  if (s.morningNrs !== null) {
    const rise = s.morningNrs - s.restNrs;
    if (rise >= T.MORNING_RED_RISE)
      red.push(`The next morning your back was ${rise} points more sore than before the session.`);
    else if (rise >= T.MORNING_AMBER_RISE)
      amber.push('The next morning your back was 1 point more sore than before the session.');
  }
  if (s.settledWithin24h === false) red.push('Your back had not settled back to its usual level within a day.');
  const light: TrafficLight =
    red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : s.morningNrs === null ? 'incomplete' : 'green';
  const reasons =
    light === 'red'
      ? red
      : light === 'amber'
        ? amber
        : light === 'incomplete'
          ? ['There is no next-morning score yet.']
          : ['Pain during the session stayed at 3 out of 10 or less, and the next morning was no worse than before.'];
  return {
    light,
    decision: DECISION[light],
    reasons,
    message: TRAFFIC_LIGHT_TEXT[light],
    source: TRAFFIC_LIGHT_SOURCE,
  };
}

/** Validates and classifies one session's B, D and M. */
export function classifySession(raw: unknown): Outcome<SessionLight> {
  const v = validatePainSession(raw);
  if (!v.ok) return v;
  return { ok: true, session: v.session, ...lightForSession(v.session) };
}

// ---------------------------------------------------------------------------------------------
// Weekly morning check

export interface WeeklyMorningCheck {
  dateIso: string;
  /** Morning stiffness, 0-10. */
  stiffnessNrs: number;
  /** Usual morning back pain that week, 0-10, if asked. */
  morningPainNrs?: number | null;
}

export function validateWeeklyChecks(raw: unknown): Outcome<{ checks: WeeklyMorningCheck[] }> {
  const arr = checkArray(raw, 'weekly morning check-ins');
  if (!arr.ok) return arr;
  const checks: WeeklyMorningCheck[] = [];
  for (const item of arr.value) {
    if (!isRecord(item)) return { ok: false, reason: 'A weekly morning check-in is empty.' };
    const date = checkDate(item['dateIso'], 'weekly check-in date');
    if (!date.ok) return date;
    const stiff = checkNrs(item['stiffnessNrs'], `morning stiffness score on ${date.value}`);
    if (!stiff.ok) return stiff;
    const pain = checkOptionalNrs(item['morningPainNrs'], `morning pain score on ${date.value}`);
    if (!pain.ok) return pain;
    checks.push({ dateIso: date.value, stiffnessNrs: stiff.value, morningPainNrs: pain.value });
  }
  checks.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  for (let i = 1; i < checks.length; i++) {
    if ((checks[i] as WeeklyMorningCheck).dateIso === (checks[i - 1] as WeeklyMorningCheck).dateIso)
      return {
        ok: false,
        reason: `There are two weekly check-ins on ${(checks[i] as WeeklyMorningCheck).dateIso}; please keep one.`,
      };
  }
  return { ok: true, checks };
}

/**
 * E's "morning pain or stiffness higher for 2 weeks in a row": the check-ins on which the score
 * (stiffness, or morning pain when given) has been above the week before the rise for
 * MORNING_TREND_WEEKS check-ins in a row. Conservative: 3 -> 4 -> 4 counts, not only 3 -> 4 -> 5.
 */
export function risingMorningWeeks(checks: readonly WeeklyMorningCheck[]): { dateIso: string; reason: string }[] {
  const out: { dateIso: string; reason: string }[] = [];
  const n = T.MORNING_TREND_WEEKS;
  for (let i = n; i < checks.length; i++) {
    const ref = checks[i - n] as WeeklyMorningCheck;
    const run = checks.slice(i - n + 1, i + 1);
    const stiffUp = run.every((c) => c.stiffnessNrs > ref.stiffnessNrs);
    const painUp =
      ref.morningPainNrs != null &&
      run.every((c) => c.morningPainNrs != null && c.morningPainNrs > (ref.morningPainNrs as number));
    if (stiffUp || painUp) {
      const what = stiffUp ? 'stiffness' : 'pain';
      out.push({
        dateIso: (checks[i] as WeeklyMorningCheck).dateIso,
        reason: `Your morning ${what} has been higher than in the week of ${ref.dateIso} for ${n} weeks in a row.`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Outcomes

export interface NprsChange {
  startNrs: number;
  currentNrs: number;
  /** current - start: negative is better. */
  changePoints: number;
  /** Change as a share of the start score (null when the start was 0). */
  changeFraction: number | null;
  meaningfulImprovement: boolean;
  meaningfulWorsening: boolean;
  recovered: boolean;
  message: string;
  source: string;
}

export const OUTCOME_SOURCE = 'Rule set E "Outcome tracking"; Part 2 section 4 (Ostelo 2008; Kamper 2010)';

/** NPRS change from the start: meaningful = down 2 points or 30%; recovered = 0 (RMDQ not shipped). */
export function nprsChange(startNrs: unknown, currentNrs: unknown): Outcome<NprsChange> {
  const s = checkNrs(startNrs, 'starting pain score');
  if (!s.ok) return s;
  const c = checkNrs(currentNrs, 'current pain score');
  if (!c.ok) return c;
  const changePoints = c.value - s.value;
  const changeFraction = s.value === 0 ? null : changePoints / s.value;
  const meaningfulImprovement =
    -changePoints >= OUTCOMES.NPRS_MIC_POINTS ||
    (changeFraction !== null && changePoints < 0 && -changeFraction >= OUTCOMES.NPRS_MIC_FRACTION);
  const meaningfulWorsening = changePoints >= OUTCOMES.NPRS_MIC_POINTS;
  const recovered = c.value === OUTCOMES.RECOVERED_NRS;
  const message = recovered
    ? 'Your back pain is at 0 out of 10. That is what recovery looks like. Well done.'
    : meaningfulImprovement
      ? `Your usual pain has come down from ${s.value} to ${c.value} out of 10, a change people really notice.`
      : meaningfulWorsening
        ? `Your usual pain has gone up from ${s.value} to ${c.value} out of 10. Please consider seeing a physical therapist or doctor.`
        : `Your usual pain is ${c.value} out of 10, compared with ${s.value} at the start.`;
  return {
    ok: true,
    startNrs: s.value,
    currentNrs: c.value,
    changePoints,
    changeFraction,
    meaningfulImprovement,
    meaningfulWorsening,
    recovered,
    message,
    source: OUTCOME_SOURCE,
  };
}

export type Peg3ItemId = 'pain' | 'enjoyment' | 'activity';
export type Peg3Answers = Record<Peg3ItemId, number>;

/** PEG-3 (Krebs 2009, public domain): three 0-10 items, score = their mean. Labels are ours. */
export const PEG3_ITEMS: readonly { id: Peg3ItemId; label: string; low: string; high: string }[] = [
  { id: 'pain', label: 'Your usual back pain over the past week', low: 'no pain', high: 'as bad as you can imagine' },
  {
    id: 'enjoyment',
    label: 'How much pain got in the way of enjoying life this past week',
    low: 'not at all',
    high: 'completely',
  },
  {
    id: 'activity',
    label: 'How much pain got in the way of everyday activities this past week',
    low: 'not at all',
    high: 'completely',
  },
];

export function scorePeg3(answers: unknown): Outcome<{ score: number; items: Peg3Answers; source: string }> {
  if (!isRecord(answers)) return { ok: false, reason: 'The three pain questions have not been answered yet.' };
  const items: Partial<Peg3Answers> = {};
  for (const item of PEG3_ITEMS) {
    const v = checkNrs(answers[item.id], `answer to "${item.label}"`);
    if (!v.ok) return v;
    items[item.id] = v.value;
  }
  const full = items as Peg3Answers;
  return {
    ok: true,
    score: (full.pain + full.enjoyment + full.activity) / 3,
    items: full,
    source: 'Rule set E "Outcome tracking"; PEG-3 (Krebs 2009, public domain)',
  };
}

// ---------------------------------------------------------------------------------------------
// Escalation

export type EscalationTrigger = 'red-sessions' | 'new-symptom-below-knee' | 'worse-since-start' | 'no-improvement';

export interface PainLogEntry {
  dateIso: string;
  /** Usual back pain, 0-10 (the outcome check every 2 weeks). */
  nrs: number;
}

export interface EscalationInput {
  todayIso: string;
  /** Defaults to the earliest session or pain-log date. */
  programmeStartIso?: string | null;
  sessions: PainSession[];
  weeklyChecks?: WeeklyMorningCheck[];
  painLog?: PainLogEntry[];
  newSymptomBelowKnee?: boolean;
}

export interface EscalationAssessment {
  escalate: boolean;
  triggers: EscalationTrigger[];
  reasons: string[];
  /** The "see a physical therapist or doctor" message, or null. */
  message: string | null;
  /** Ask the red-flag questions again. */
  rerunRedFlags: boolean;
  /** A gentle heads-up short of escalation (no improvement yet at 4 weeks), or null. */
  note: string | null;
  source: string;
}

export const ESCALATION_SOURCE = 'Rule set E "ESCALATE"; Part 2 section 5 (ACP 2017; NICE NG59)';

export const ESCALATION_TEXT = {
  lead: 'Please book a visit with a physical therapist or doctor.',
  tail: 'They can look at your back in person, which this app cannot do. Until then, keep to the easier plan, and we will ask the safety questions again now, just to be sure.',
  noImprovementNote:
    'Your pain has not improved much yet. Many backs take a few weeks; if there is still no change in two more weeks, a physical therapist can help.',
} as const;

export interface ValidatedHistory {
  sessions: PainSession[];
  weeklyChecks: WeeklyMorningCheck[];
  painLog: PainLogEntry[];
  newSymptomBelowKnee: boolean;
  programmeStartIso: string | null;
}

/** Validates sessions, weekly checks and the pain log; nothing may be dated after today. */
export function validateHistory(raw: unknown, todayIso: string): Outcome<{ history: ValidatedHistory }> {
  if (!isRecord(raw)) return { ok: false, reason: 'The pain history is missing.' };
  const today = dayOf(todayIso);
  const arr = checkArray(raw['sessions'] ?? [], 'sessions');
  if (!arr.ok) return arr;
  const sessions: PainSession[] = [];
  for (const s of arr.value) {
    const v = validatePainSession(s);
    if (!v.ok) return v;
    if (dayOf(v.session.dateIso) > today)
      return { ok: false, reason: `A session is dated ${v.session.dateIso}, after today; please check the date.` };
    sessions.push(v.session);
  }
  sessions.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  const wc = validateWeeklyChecks(raw['weeklyChecks'] ?? []);
  if (!wc.ok) return wc;
  const lateCheck = wc.checks.find((c) => dayOf(c.dateIso) > today);
  if (lateCheck)
    return {
      ok: false,
      reason: `A weekly check-in is dated ${lateCheck.dateIso}, after today; please check the date.`,
    };
  const logArr = checkArray(raw['painLog'] ?? [], 'pain log');
  if (!logArr.ok) return logArr;
  const painLog: PainLogEntry[] = [];
  for (const e of logArr.value) {
    if (!isRecord(e)) return { ok: false, reason: 'A pain log entry is empty.' };
    const d = checkDate(e['dateIso'], 'pain log date');
    if (!d.ok) return d;
    if (d.dayNumber > today)
      return { ok: false, reason: `A pain log entry is dated ${d.value}, after today; please check the date.` };
    const n = checkNrs(e['nrs'], `usual pain score on ${d.value}`);
    if (!n.ok) return n;
    painLog.push({ dateIso: d.value, nrs: n.value });
  }
  painLog.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  let newSymptomBelowKnee = false;
  if (raw['newSymptomBelowKnee'] !== undefined && raw['newSymptomBelowKnee'] !== null) {
    const b = checkBoolean(raw['newSymptomBelowKnee'], 'a new symptom below the knee');
    if (!b.ok) return b;
    newSymptomBelowKnee = b.value;
  }
  let programmeStartIso: string | null = null;
  if (raw['programmeStartIso'] !== undefined && raw['programmeStartIso'] !== null) {
    const d = checkDate(raw['programmeStartIso'], 'programme start date');
    if (!d.ok) return d;
    if (d.dayNumber > today)
      return { ok: false, reason: 'The programme start date is after today; please check the date.' };
    programmeStartIso = d.value;
  }
  return { ok: true, history: { sessions, weeklyChecks: wc.checks, painLog, newSymptomBelowKnee, programmeStartIso } };
}

/** The escalation rules over a validated history. */
export function escalationFor(h: ValidatedHistory, todayIso: string): EscalationAssessment {
  const today = dayOf(todayIso);
  const triggers: EscalationTrigger[] = [];
  const reasons: string[] = [];
  let note: string | null = null;

  // Three red sessions within 7 days, the latest of them within the last 7 days.
  const redDays = h.sessions.filter((s) => lightForSession(s).light === 'red').map((s) => dayOf(s.dateIso));
  const recentCluster = redDays.some(
    (end, i) =>
      end > today - X.RED_WINDOW_DAYS &&
      redDays.slice(0, i + 1).filter((d) => d > end - X.RED_WINDOW_DAYS).length >= X.RED_SESSIONS,
  );
  if (recentCluster) {
    triggers.push('red-sessions');
    reasons.push(`Your back was too sore after ${X.RED_SESSIONS} sessions within ${X.RED_WINDOW_DAYS} days.`);
  }
  if (h.newSymptomBelowKnee) {
    triggers.push('new-symptom-below-knee');
    reasons.push('You have a new symptom below the knee.');
  }
  const startIso =
    h.programmeStartIso ??
    [h.sessions[0]?.dateIso, h.painLog[0]?.dateIso].filter((d): d is string => d !== undefined).sort()[0] ??
    null;
  const first = h.painLog[0];
  const last = h.painLog.at(-1);
  if (startIso !== null && first && last && last !== first) {
    const days = today - dayOf(startIso);
    const change = last.nrs - first.nrs;
    const improved = nprsChange(first.nrs, last.nrs);
    const better = improved.ok && (improved.meaningfulImprovement || improved.recovered);
    if (days >= X.WORSE_AFTER_DAYS && change >= X.WORSE_BY_POINTS) {
      triggers.push('worse-since-start');
      reasons.push(`Your usual pain has gone from ${first.nrs} to ${last.nrs} out of 10 since you started.`);
    } else if (days >= X.NO_IMPROVEMENT_AFTER_DAYS && !better) {
      triggers.push('no-improvement');
      reasons.push(
        `After ${Math.floor(days / 7)} weeks your pain has not clearly improved (${first.nrs} then, ${last.nrs} now).`,
      );
    } else if (days >= X.NO_IMPROVEMENT_NOTE_AFTER_DAYS && !better) {
      note = ESCALATION_TEXT.noImprovementNote;
    }
  }
  const escalate = triggers.length > 0;
  return {
    escalate,
    triggers,
    reasons,
    message: escalate ? `${ESCALATION_TEXT.lead} ${reasons.join(' ')} ${ESCALATION_TEXT.tail}` : null,
    rerunRedFlags: escalate,
    note,
    source: ESCALATION_SOURCE,
  };
}

/** Validates the history and applies E's escalation rules as of today. */
export function assessEscalation(input: unknown): Outcome<EscalationAssessment> {
  if (!isRecord(input)) return { ok: false, reason: 'The pain history is missing.' };
  const today = checkDate(input['todayIso'], "today's date");
  if (!today.ok) return today;
  const h = validateHistory(input, today.value);
  if (!h.ok) return h;
  return { ok: true, ...escalationFor(h.history, today.value) };
}
