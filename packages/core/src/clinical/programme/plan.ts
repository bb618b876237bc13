// The weekly plan: turns the safety gate, the bird-dog test history, the stretch data, the pain
// traffic light and the profile into this week's stability exercise, hip flexor stretch dose and
// stretch swaps, each with a plain reason and its source in spec/clinical-rules.md.
// The plan is recomputed from the full history every time (a pure replay, no stored state): tests
// set the level, each finished week's traffic light progresses, repeats or regresses it, and
// today's safety answers decide whether there is an exercise plan at all.

import { addDaysIso, isoWeekKey } from '../guard/dates.ts';
import { doseForProfile } from '../guard/dose.ts';
import { validateGuardProfile } from '../guard/guard-state.ts';
import { GUARD_DOSE, GUARD_PROGRESSION } from '../guard/thresholds.ts';
import type { OverallVerdict } from '../../exercises/bird-dog/result.ts';
import {
  evaluatePainNow,
  type PainNowEvaluation,
  RED_FLAG_TEXT,
  START_BACK_TEXT,
  RED_FLAG_SOURCE,
  START_BACK_SOURCE,
  type RedFlagOutcome,
  type StartBackRisk,
} from './safety-gate.ts';
import {
  escalationFor,
  type EscalationAssessment,
  lightForSession,
  risingMorningWeeks,
  validateHistory,
  ESCALATION_SOURCE,
  type EscalationTrigger,
  type ValidatedHistory,
} from './traffic-light.ts';
import { STABILITY as S, STRETCH_HOLD_MAX_ACCEPTED_S } from './thresholds.ts';
import { checkArray, checkBoolean, checkDate, checkNrs, dayOf, isRecord } from './validate.ts';
import type { Outcome } from '../../outcome.ts';

export type StabilityLevel = 'arm-only' | 'leg-only' | 'full-bird-dog' | 'drawing-squares' | 'light-load';
export const STABILITY_LEVELS: readonly StabilityLevel[] = [
  'arm-only',
  'leg-only',
  'full-bird-dog',
  'drawing-squares',
  'light-load',
];

export type BackStretchId =
  'supine-knee-across-twist' | 'seated-twist' | 'knee-to-chest' | 'standing-back-bend' | 'other-back-stretch';

/** Every recommendation carries a plain reason and where the rule comes from. */
export interface Recommendation {
  reason: string;
  source: string;
}

export interface PlanInput {
  todayIso: string;
  profile: { ageYears?: number | null };
  /** From the safety gate: the red-flag tier, today's pain (NRS 0-10) and the STarT Back risk if screened. */
  safety: { redFlagTier: RedFlagOutcome; painNowNrs: number; startBackRisk?: StartBackRisk | null };
  /** Bird-dog overall verdicts with dates, any order. */
  birdDogTests: { dateIso: string; verdict: OverallVerdict; symptomProvoking?: boolean }[];
  /** The stretch data: the guard's prescribed hold (pass guardState.holdSeconds) or the last hold, seconds. */
  stretch?: { holdSeconds: number } | null;
  /** The traffic-light history. */
  painHistory?: {
    sessions?: unknown[];
    weeklyChecks?: unknown[];
    painLog?: unknown[];
    newSymptomBelowKnee?: boolean;
    programmeStartIso?: string | null;
  };
  symptoms: { hurtsMoreAfterStretching: boolean; backStretches: BackStretchId[] };
}

export interface StabilityPrescription extends Recommendation {
  level: StabilityLevel;
  name: string;
  howTo: string;
  holdSeconds: number;
  repsPerSide: number;
  rounds: number;
  daysPerWeek: number;
}

export interface HipStretchPrescription extends Recommendation {
  name: string;
  howTo: string;
  setsPerSide: number;
  /** This week's hold, seconds. */
  holdSeconds: number;
  /** The full dose for this profile, seconds. */
  targetHoldSecondsMin: number;
  targetHoldSecondsMax: number;
  daysPerWeekMin: number;
  dailyPreferred: boolean;
}

export interface StretchSwap extends Recommendation {
  stretch: BackStretchId;
  instead: 'half-kneeling-hip-flexor-stretch';
  suggestion: string;
}

export interface PlanNote extends Recommendation {
  id:
    | 'red-flag-caution'
    | 'start-back'
    | 'symptom-provoking'
    | 'not-measurable'
    | 'retest'
    | 'no-improvement-yet'
    | 'hurts-after-stretching'
    | 'no-test-yet';
  text: string;
}

export type PlanChangeKind =
  'start' | 'test-up' | 'test-down' | 'test-same' | 'progress' | 'repeat' | 'regress' | 'escalation' | 'pain-today';

export interface PlanChange extends Recommendation {
  dateIso: string;
  kind: PlanChangeKind;
  level: StabilityLevel;
  repsPerSide: number;
  rounds: number;
}

export type PlanStatus = 'exercise' | 'regressions-only' | 'no-exercise';

export interface WeeklyPlan {
  todayIso: string;
  weekKey: string;
  status: PlanStatus;
  headline: Recommendation & { title: string; message: string };
  mayTestToday: boolean;
  stability: StabilityPrescription | null;
  hipStretch: HipStretchPrescription | null;
  swaps: StretchSwap[];
  notes: PlanNote[];
  escalation: (Recommendation & { triggers: EscalationTrigger[]; message: string }) | null;
  rerunRedFlags: boolean;
  /** How the stability exercise got where it is, oldest first. */
  changes: PlanChange[];
  disclaimer: Recommendation & { text: string };
}

export const PLAN_DISCLAIMER =
  'This app does not diagnose. A physical therapist can assess you if pain persists beyond 4-6 weeks, worsens, or spreads to the leg.';

export const PLAN_SOURCES = {
  positive: 'Rule set B "Training prescription by result" (positive); Luomajoki 2007; McGill',
  mild: 'Rule set B "Training prescription by result" (positive-mild); McGill, holds of 7-10 s',
  negative: 'Rule set B "Training prescription by result" (negative); McGill',
  negativeTwice: 'Rule set B "Training prescription by result" (negative twice); McGill & Karpowicz 2009',
  green:
    'Rule set E GREEN (Silbernagel 2007, adapted); Rule set B "never hold longer than 10 s; increase reps or rounds"',
  amber: 'Rule set E AMBER (Silbernagel 2007, adapted)',
  red: 'Rule set E RED (Silbernagel 2007, adapted)',
  painNow: 'Rule set A.2 (pain now; engineering choice, L)',
  noTest: 'Rule set B (protocol); engineering choice (L): start with the gentlest step until a test is measured',
  retest: 'Rule set B "Retest weekly"',
  symptom: 'Rule set B "symptom-provoking"; Van Dillen 1998',
  notMeasurable: 'Rule set B conventions and Part 0: a rep without enough valid data is not measurable',
  hipDose: 'Rule set C "Dosing"; Bandy 1994/1997; ACSM; Sports Med 2024 meta-analysis',
  hipDoseOlder: 'Rule set C "Dosing" (65 and over); ACSM',
  hipHold: 'Rule set D "Progression" (20 -> 30 s); Rule set C "Dosing"',
  swap: 'Rule set F; Kim & Shin 2020; Roach 2015; Sahrmann movement system impairment (rotation syndromes)',
  swapOther: 'Rule set F (by extension to other end-range back stretches) and Rule set C1; engineering choice (L)',
  disclaimer: 'Rule set F; ACP 2017 (Qaseem); NICE NG59',
} as const;

interface LevelInfo {
  name: string;
  howTo: string;
  holdSeconds: number;
  rounds: number;
}

export const STABILITY_LEVEL_INFO: Record<StabilityLevel, LevelInfo> = {
  'arm-only': {
    name: 'Bird-dog, arm only',
    howTo:
      'On hands and knees, brace gently and reach one arm forward at shoulder height, keeping both hip points level. Knees stay on the floor.',
    holdSeconds: S.REGRESSION_HOLD_S,
    rounds: S.REGRESSION_ROUNDS_START,
  },
  'leg-only': {
    name: 'Bird-dog, leg slide',
    howTo:
      'On hands and knees, slide one leg straight back with the toes staying on the floor, keeping both hip points level and the low back still.',
    holdSeconds: S.REGRESSION_HOLD_S,
    rounds: S.REGRESSION_ROUNDS_START,
  },
  'full-bird-dog': {
    name: 'Bird-dog',
    howTo:
      'On hands and knees, reach the opposite arm and leg out long, not high, keeping both hip points level. Return slowly.',
    holdSeconds: S.FULL_HOLD_S,
    rounds: S.FULL_ROUNDS_START,
  },
  'drawing-squares': {
    name: 'Bird-dog, drawing squares',
    howTo:
      'From the bird-dog position, draw small squares in the air with the hand and the foot while the low back stays still.',
    holdSeconds: S.FULL_HOLD_S,
    rounds: S.FULL_ROUNDS_START,
  },
  'light-load': {
    name: 'Bird-dog with a light weight',
    howTo:
      'The bird-dog with a light wrist or ankle weight. The low back stays just as still as without it; if it does not, take the weight off.',
    holdSeconds: S.FULL_HOLD_S,
    rounds: S.FULL_ROUNDS_START,
  },
};

const HIP_STRETCH = {
  name: 'Half-kneeling hip flexor stretch',
  howTo:
    'Kneel on one knee with both knees at about a right angle. Tuck your tail, squeeze the buttock of the back leg and shift forward a little, until you feel a gentle stretch at the front of the hip, about 3 to 5 out of 10. No arching of the low back.',
} as const;

export const BACK_STRETCH_NAMES: Record<BackStretchId, string> = {
  'supine-knee-across-twist': 'lying knee-across-the-body twist',
  'seated-twist': 'seated twist',
  'knee-to-chest': 'knee-to-chest stretch',
  'standing-back-bend': 'standing back bend',
  'other-back-stretch': 'other low-back stretch',
};
const ROTATION_STRETCHES: readonly BackStretchId[] = ['supine-knee-across-twist', 'seated-twist'];
const BACK_STRETCH_IDS = Object.keys(BACK_STRETCH_NAMES) as BackStretchId[];
const VERDICTS: readonly OverallVerdict[] = ['negative', 'positive-mild', 'positive', 'not-measurable'];
const RED_FLAG_OUTCOMES: readonly RedFlagOutcome[] = ['emergency', 'urgent', 'caution', 'clear'];
const RISKS: readonly StartBackRisk[] = ['low', 'medium', 'high'];

// ---------------------------------------------------------------------------------------------
// Validation

interface ValidPlanInput {
  todayIso: string;
  ageYears: number | null;
  redFlagTier: RedFlagOutcome;
  painNowNrs: number;
  startBackRisk: StartBackRisk | null;
  tests: { dateIso: string; verdict: OverallVerdict; symptomProvoking: boolean }[];
  stretchHoldSeconds: number | null;
  history: ValidatedHistory;
  hurtsMoreAfterStretching: boolean;
  backStretches: BackStretchId[];
}

type Checked<T> = Outcome<{ value: T }>;

function validateSafety(raw: unknown): Checked<Pick<ValidPlanInput, 'redFlagTier' | 'painNowNrs' | 'startBackRisk'>> {
  if (!isRecord(raw)) return { ok: false, reason: 'The safety questions have not been answered yet.' };
  const tier = raw['redFlagTier'];
  if (!RED_FLAG_OUTCOMES.includes(tier as RedFlagOutcome))
    return {
      ok: false,
      reason: `The safety check result should be one of ${RED_FLAG_OUTCOMES.join(', ')}, but it was ${JSON.stringify(tier)}.`,
    };
  const pain = checkNrs(raw['painNowNrs'], 'pain score right now');
  if (!pain.ok) return pain;
  const riskRaw = raw['startBackRisk'];
  if (riskRaw !== undefined && riskRaw !== null && !RISKS.includes(riskRaw as StartBackRisk))
    return {
      ok: false,
      reason: `The outlook screen result should be low, medium or high, but it was ${JSON.stringify(riskRaw)}.`,
    };
  return {
    ok: true,
    value: {
      redFlagTier: tier as RedFlagOutcome,
      painNowNrs: pain.value,
      startBackRisk: (riskRaw as StartBackRisk | null | undefined) ?? null,
    },
  };
}

function validateTests(raw: unknown, todayDay: number): Checked<ValidPlanInput['tests']> {
  const testsArr = checkArray(raw ?? [], 'bird-dog test results');
  if (!testsArr.ok) return testsArr;
  const tests: ValidPlanInput['tests'] = [];
  for (const t of testsArr.value) {
    if (!isRecord(t)) return { ok: false, reason: 'A bird-dog test result is empty.' };
    const d = checkDate(t['dateIso'], 'bird-dog test date');
    if (!d.ok) return d;
    if (d.dayNumber > todayDay)
      return { ok: false, reason: `A bird-dog test is dated ${d.value}, after today; please check the date.` };
    if (!VERDICTS.includes(t['verdict'] as OverallVerdict))
      return {
        ok: false,
        reason: `The bird-dog result on ${d.value} should be one of ${VERDICTS.join(', ')}, but it was ${JSON.stringify(t['verdict'])}.`,
      };
    const sp = t['symptomProvoking'];
    if (sp !== undefined && typeof sp !== 'boolean')
      return { ok: false, reason: `Whether the bird-dog test on ${d.value} caused pain should be yes or no.` };
    tests.push({ dateIso: d.value, verdict: t['verdict'] as OverallVerdict, symptomProvoking: sp === true });
  }
  tests.sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  return { ok: true, value: tests };
}

function validateStretch(raw: unknown): Checked<number | null> {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (!isRecord(raw)) return { ok: false, reason: 'The stretch data should give the hold time in seconds.' };
  const hs = raw['holdSeconds'];
  if (typeof hs !== 'number' || !Number.isFinite(hs) || hs <= 0 || hs > STRETCH_HOLD_MAX_ACCEPTED_S) {
    return {
      ok: false,
      reason: `The stretch hold time should be a number of seconds from 1 to ${STRETCH_HOLD_MAX_ACCEPTED_S}, but it was ${JSON.stringify(hs)}.`,
    };
  }
  return { ok: true, value: hs };
}

function validateSymptoms(raw: unknown): Checked<Pick<ValidPlanInput, 'hurtsMoreAfterStretching' | 'backStretches'>> {
  if (!isRecord(raw)) return { ok: false, reason: 'The questions about your symptoms have not been answered yet.' };
  const hurts = checkBoolean(raw['hurtsMoreAfterStretching'], 'Does your back hurt more after stretching?');
  if (!hurts.ok) return hurts;
  const list = checkArray(raw['backStretches'] ?? [], 'back stretches you do now');
  if (!list.ok) return list;
  const unknownStretch = list.value.find((s) => !BACK_STRETCH_IDS.includes(s as BackStretchId));
  if (unknownStretch !== undefined)
    return {
      ok: false,
      reason: `${JSON.stringify(unknownStretch)} is not one of the back stretches we know; choose "other-back-stretch" for anything else.`,
    };
  return {
    ok: true,
    value: { hurtsMoreAfterStretching: hurts.value, backStretches: [...new Set(list.value as BackStretchId[])] },
  };
}

function validatePlanInput(raw: unknown): Outcome<{ input: ValidPlanInput }> {
  if (!isRecord(raw)) return { ok: false, reason: 'The plan needs your answers, and they are missing.' };
  const today = checkDate(raw['todayIso'], "today's date");
  if (!today.ok) return today;
  const profile = validateGuardProfile(raw['profile']);
  if (!profile.ok) return profile;
  const safety = validateSafety(raw['safety']);
  if (!safety.ok) return safety;
  const tests = validateTests(raw['birdDogTests'], today.dayNumber);
  if (!tests.ok) return tests;
  const stretch = validateStretch(raw['stretch']);
  if (!stretch.ok) return stretch;
  const history = validateHistory(raw['painHistory'] ?? {}, today.value);
  if (!history.ok) return history;
  const symptoms = validateSymptoms(raw['symptoms']);
  if (!symptoms.ok) return symptoms;
  return {
    ok: true,
    input: {
      todayIso: today.value,
      ageYears: profile.profile.ageYears ?? null,
      ...safety.value,
      tests: tests.value,
      stretchHoldSeconds: stretch.value,
      history: history.history,
      ...symptoms.value,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The stability replay

interface Volume {
  repsPerSide: number;
  rounds: number;
}

interface Replay {
  level: StabilityLevel | null;
  volume: Volume;
  /** Sessions on or before this date belong to an earlier prescription. */
  changedOn: string | null;
  /** The last finished week's light since the last change ('none' if no sessions). */
  lastReview: 'green' | 'amber' | 'red' | 'none';
  negativesInRow: number;
  changes: PlanChange[];
}

const rank = (l: StabilityLevel): number => STABILITY_LEVELS.indexOf(l);
const levelAt = (i: number): StabilityLevel =>
  STABILITY_LEVELS[Math.max(0, Math.min(STABILITY_LEVELS.length - 1, i))] as StabilityLevel;
const startVolume = (l: StabilityLevel): Volume => ({
  repsPerSide: S.REPS_START,
  rounds: STABILITY_LEVEL_INFO[l].rounds,
});

/** About half the total reps: a round count that fits REPS_MAX, never below REPS_MIN_AFTER_HALVING. */
export function halveVolume(v: Volume): Volume {
  const total = Math.max(S.REPS_MIN_AFTER_HALVING, Math.round((v.repsPerSide * v.rounds) / 2));
  const rounds = Math.ceil(total / S.REPS_MAX);
  return { repsPerSide: Math.ceil(total / rounds), rounds };
}

/** One step more: a rep per side up to REPS_MAX, then a round up to ROUNDS_MAX; null at the top. */
export function progressVolume(v: Volume): Volume | null {
  if (v.repsPerSide < S.REPS_MAX) return { ...v, repsPerSide: v.repsPerSide + 1 };
  if (v.rounds < S.ROUNDS_MAX) return { repsPerSide: S.REPS_START, rounds: v.rounds + 1 };
  return null;
}

function record(r: Replay, dateIso: string, kind: PlanChangeKind, reason: string, source: string): void {
  if (r.level === null) return;
  r.changes.push({
    dateIso,
    kind,
    level: r.level,
    repsPerSide: r.volume.repsPerSide,
    rounds: r.volume.rounds,
    reason,
    source,
  });
}

function setLevel(r: Replay, level: StabilityLevel, dateIso: string): void {
  r.level = level;
  r.volume = startVolume(level);
  r.changedOn = dateIso;
  r.lastReview = 'none';
}

function regress(r: Replay, dateIso: string, kind: PlanChangeKind, reason: string, source: string): void {
  if (r.level === null) return;
  const lower = levelAt(rank(r.level) - 1);
  const halved = halveVolume(r.volume);
  const movedDown = lower !== r.level;
  r.level = lower;
  r.volume = halved;
  r.changedOn = dateIso;
  const what = movedDown
    ? `We step down to the ${STABILITY_LEVEL_INFO[lower].name.toLowerCase()} and about half as many reps.`
    : 'We keep the gentlest version and use about half as many reps.';
  record(r, dateIso, kind, `${reason} ${what}`, source);
}

const LEVEL_NAME = (l: StabilityLevel): string => STABILITY_LEVEL_INFO[l].name.toLowerCase();

interface TestReading {
  target: StabilityLevel;
  source: string;
  words: string;
}

/** What one bird-dog result asks for: the level it points to, its source and the words for it. */
function readTest(verdict: Exclude<OverallVerdict, 'not-measurable'>, d: string, negativesInRow: number): TestReading {
  if (verdict === 'positive')
    return {
      target: 'arm-only',
      source: PLAN_SOURCES.positive,
      words: 'In your bird-dog test on ' + d + ', your low back moved more than it should',
    };
  if (verdict === 'positive-mild')
    return {
      target: 'full-bird-dog',
      source: PLAN_SOURCES.mild,
      words: 'In your bird-dog test on ' + d + ', your low back stayed fairly steady, with a little movement',
    };
  return {
    target:
      negativesInRow >= S.NEGATIVES_FOR_LOAD
        ? 'light-load'
        : negativesInRow >= S.NEGATIVES_FOR_SQUARES
          ? 'drawing-squares'
          : 'full-bird-dog',
    source: negativesInRow >= S.NEGATIVES_FOR_SQUARES ? PLAN_SOURCES.negativeTwice : PLAN_SOURCES.negative,
    words:
      negativesInRow >= 2
        ? `Your low back stayed steady in your bird-dog test on ${d}, ${negativesInRow} tests in a row`
        : `Your low back stayed steady in your bird-dog test on ${d}`,
  };
}

function applyTest(r: Replay, t: { dateIso: string; verdict: OverallVerdict }): void {
  const d = t.dateIso;
  if (t.verdict === 'not-measurable') return;
  if (t.verdict === 'negative') r.negativesInRow += 1;
  else r.negativesInRow = 0;
  const { target, source, words: verdictWords } = readTest(t.verdict, d, r.negativesInRow);

  if (r.level === null) {
    setLevel(r, target, d);
    record(r, d, 'start', `${verdictWords}, so we start with the ${LEVEL_NAME(target)}.`, source);
    return;
  }
  if (t.verdict === 'positive') {
    if (r.level === 'arm-only' || r.level === 'leg-only') {
      record(r, d, 'test-same', `${verdictWords}, so we stay with the ${LEVEL_NAME(r.level)} for now.`, source);
    } else {
      setLevel(r, 'arm-only', d);
      record(
        r,
        d,
        'test-down',
        `${verdictWords}, so we go back to the arm-only version to rebuild control, then the leg slide.`,
        source,
      );
    }
    return;
  }
  if (rank(r.level) > rank(target)) {
    setLevel(r, target, d);
    record(r, d, 'test-down', `${verdictWords}, so we go back to the ${LEVEL_NAME(target)}.`, source);
    return;
  }
  if (rank(r.level) === rank(target)) {
    record(r, d, 'test-same', `${verdictWords}, so we stay with the ${LEVEL_NAME(target)}.`, source);
    return;
  }
  if (r.lastReview === 'red' || r.lastReview === 'amber') {
    const why =
      r.lastReview === 'red'
        ? 'your back was too sore after some sessions last week'
        : 'your back noticed some sessions last week';
    record(
      r,
      d,
      'test-same',
      `${verdictWords}, but ${why}, so we stay with the ${LEVEL_NAME(r.level)} one more week before stepping up.`,
      `${source}; ${r.lastReview === 'red' ? PLAN_SOURCES.red : PLAN_SOURCES.amber}`,
    );
    return;
  }
  const next = levelAt(rank(r.level) + 1);
  setLevel(r, next, d);
  record(
    r,
    d,
    'test-up',
    `${verdictWords}, so you move up one step, to the ${LEVEL_NAME(next)}. One step at a time keeps it comfortable.`,
    source,
  );
}

interface WeekEvidence {
  redReasons: string[];
  amber: boolean;
  green: number;
}

function weekEvidence(
  h: ValidatedHistory,
  risingDates: readonly { dateIso: string; reason: string }[],
  fromDay: number,
  toDay: number,
  changedOn: string | null,
): WeekEvidence {
  const after = changedOn === null ? -Infinity : dayOf(changedOn);
  const inRange = (iso: string): boolean => {
    const d = dayOf(iso);
    return d >= fromDay && d <= toDay && d > after;
  };
  const ev: WeekEvidence = { redReasons: [], amber: false, green: 0 };
  for (const s of h.sessions.filter((x) => inRange(x.dateIso))) {
    const l = lightForSession(s);
    if (l.light === 'red') ev.redReasons.push(`On ${s.dateIso}: ${l.reasons.join(' ')}`);
    else if (l.light === 'amber' || l.light === 'incomplete') ev.amber = true;
    else ev.green += 1;
  }
  for (const r of risingDates.filter((x) => inRange(x.dateIso))) ev.redReasons.push(r.reason);
  return ev;
}

function reviewWeek(r: Replay, ev: WeekEvidence, reviewDateIso: string, weekKey: string): void {
  const before = r.changedOn;
  reviewWeekInner(r, ev, reviewDateIso, weekKey);
  // A change made at the week boundary applies to every session of the new week, Monday included.
  if (r.changedOn !== before) r.changedOn = addDaysIso(reviewDateIso, -1);
}

function reviewWeekInner(r: Replay, ev: WeekEvidence, reviewDateIso: string, weekKey: string): void {
  if (ev.redReasons.length > 0) {
    r.lastReview = 'red';
    if (r.level !== null)
      regress(
        r,
        reviewDateIso,
        'regress',
        `In week ${weekKey} your back was too sore. ${ev.redReasons.join(' ')}`,
        PLAN_SOURCES.red,
      );
    return;
  }
  if (ev.amber) {
    r.lastReview = 'amber';
    record(
      r,
      reviewDateIso,
      'repeat',
      `In week ${weekKey} your back noticed some sessions a little (or a next-morning score is missing), so we repeat the same amount this week.`,
      PLAN_SOURCES.amber,
    );
    return;
  }
  if (ev.green === 0) return;
  r.lastReview = 'green';
  if (r.level === null) return;
  if (r.level === 'arm-only') {
    setLevel(r, 'leg-only', reviewDateIso);
    r.lastReview = 'green';
    record(
      r,
      reviewDateIso,
      'progress',
      `Every session in week ${weekKey} went well, so you move on from the arm-only version to the leg slide.`,
      `${PLAN_SOURCES.positive}; ${PLAN_SOURCES.green}`,
    );
    return;
  }
  const more = progressVolume(r.volume);
  if (more === null) {
    record(
      r,
      reviewDateIso,
      'repeat',
      `Every session in week ${weekKey} went well. You are at the full amount for this step; the next step comes from your weekly retest.`,
      `${PLAN_SOURCES.green}; ${PLAN_SOURCES.retest}`,
    );
    return;
  }
  r.volume = more;
  record(
    r,
    reviewDateIso,
    'progress',
    `Every session in week ${weekKey} went well, so we add a little: ${more.repsPerSide} reps per side, ${more.rounds} round${more.rounds > 1 ? 's' : ''}. Holds stay at ${STABILITY_LEVEL_INFO[r.level].holdSeconds} seconds; they never go above ${S.MAX_HOLD_S}.`,
    PLAN_SOURCES.green,
  );
}

function replay(input: ValidPlanInput): Replay {
  const r: Replay = {
    level: null,
    volume: { repsPerSide: S.REPS_START, rounds: 1 },
    changedOn: null,
    lastReview: 'none',
    negativesInRow: 0,
    changes: [],
  };
  const h = input.history;
  const rising = risingMorningWeeks(h.weeklyChecks);
  const firstDates = [input.tests[0]?.dateIso, h.sessions[0]?.dateIso, h.weeklyChecks[0]?.dateIso]
    .filter((d): d is string => d !== undefined)
    .sort();
  const first = firstDates[0];
  if (first === undefined) return r;
  const todayDay = dayOf(input.todayIso);
  let weekStartDay = dayOf(first);
  for (let day = dayOf(first), iso = first; day <= todayDay; day += 1, iso = addDaysIso(iso, 1)) {
    const prev = addDaysIso(iso, -1);
    if (day > dayOf(first) && isoWeekKey(iso) !== isoWeekKey(prev)) {
      reviewWeek(r, weekEvidence(h, rising, weekStartDay, day - 1, r.changedOn), iso, isoWeekKey(prev));
      weekStartDay = day;
    }
    for (const t of input.tests.filter((x) => x.dateIso === iso)) applyTest(r, t);
  }
  // The current week is not finished: a red session still regresses the next session (E RED).
  const ev = weekEvidence(h, rising, weekStartDay, todayDay, r.changedOn);
  if (ev.redReasons.length > 0 && r.level !== null) {
    r.lastReview = 'red';
    regress(
      r,
      input.todayIso,
      'regress',
      `This week your back was too sore after a session. ${ev.redReasons.join(' ')}`,
      PLAN_SOURCES.red,
    );
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// The plan

function hipStretch(input: ValidPlanInput, halve: boolean, regressionsOnly: boolean): HipStretchPrescription {
  const dose = doseForProfile(input.ageYears === null ? {} : { ageYears: input.ageYears });
  const older = dose.group === 'older-adult';
  const held = input.stretchHoldSeconds ?? GUARD_PROGRESSION.HOLD_START_S;
  const holdSeconds = Math.min(held, dose.holdSecondsMax);
  const target =
    dose.holdSecondsMin === dose.holdSecondsMax
      ? `${dose.holdSecondsMax} seconds`
      : `${dose.holdSecondsMin} to ${dose.holdSecondsMax} seconds`;
  const base = {
    ...HIP_STRETCH,
    targetHoldSecondsMin: dose.holdSecondsMin,
    targetHoldSecondsMax: dose.holdSecondsMax,
    daysPerWeekMin: dose.daysPerWeekMin,
    dailyPreferred: true,
  };
  const source = `${older ? PLAN_SOURCES.hipDoseOlder : PLAN_SOURCES.hipDose}; ${PLAN_SOURCES.hipHold}`;
  const holdWhy =
    input.stretchHoldSeconds === null
      ? `Start with ${holdSeconds}-second holds; they build up to ${target} as your weeks go well.`
      : holdSeconds < dose.holdSecondsMin
        ? `Your stretch guard has you at ${holdSeconds}-second holds for now; they build up to ${target} as your weeks go well.`
        : `Your holds are at ${holdSeconds} seconds, the full dose.`;
  if (regressionsOnly) {
    return {
      ...base,
      setsPerSide: dose.minimumEffective.setsPerDay,
      holdSeconds: Math.min(holdSeconds, dose.minimumEffective.holdSeconds),
      reason: `Your back is quite sore today, so just one gentle hold per side is enough; even that small dose helps.`,
      source: `${PLAN_SOURCES.painNow}; ${PLAN_SOURCES.hipDose} (minimum effective dose)`,
    };
  }
  const setsPerSide = halve ? Math.max(1, Math.ceil(dose.setsPerSide / 2)) : dose.setsPerSide;
  const doseWhy = older
    ? `From age ${GUARD_DOSE.OLDER_ADULT_AGE_YEARS}, ${dose.setsPerSide} longer holds of ${target} per side suit the body best, at least ${dose.daysPerWeekMin} days a week (daily is even better).`
    : `${dose.setsPerSide} holds of ${target} per side, at least ${dose.daysPerWeekMin} days a week (daily is even better), is the amount that works; more adds little.`;
  const halveWhy = halve ? ' Your back was too sore recently, so this week uses fewer sets.' : '';
  return {
    ...base,
    setsPerSide,
    holdSeconds,
    reason: `Stretching the front of the hip lets your hips, not your low back, do the moving. ${doseWhy} ${holdWhy}${halveWhy}`,
    source: halve ? `${source}; ${PLAN_SOURCES.red}` : source,
  };
}

function swapsFor(input: ValidPlanInput): StretchSwap[] {
  const out: StretchSwap[] = [];
  for (const s of input.backStretches) {
    const name = BACK_STRETCH_NAMES[s];
    if (ROTATION_STRETCHES.includes(s)) {
      out.push({
        stretch: s,
        instead: 'half-kneeling-hip-flexor-stretch',
        suggestion: `We suggest trying the half-kneeling hip flexor stretch in place of the ${name}.`,
        reason: `Twisting stretches take the low back to the end of its turn. For people whose back hurts after stretching, moving the stretch to the front of the hip often works better. Nothing shows the twist is harmful, so this is a preference, not a rule: if it feels good and your back is fine afterwards, you can keep it.`,
        source: PLAN_SOURCES.swap,
      });
    } else if (input.hurtsMoreAfterStretching) {
      out.push({
        stretch: s,
        instead: 'half-kneeling-hip-flexor-stretch',
        suggestion: `If your back is sorer after the ${name}, you could try the half-kneeling hip flexor stretch instead for a couple of weeks.`,
        reason: `You told us your back hurts more after stretching. Taking the low back to the end of its range may be part of that, and the hip stretch keeps the low back still. This is an option to try, not a rule.`,
        source: PLAN_SOURCES.swapOther,
      });
    }
  }
  return out;
}

function stabilityPrescription(
  level: StabilityLevel,
  v: Volume,
  reason: string,
  source: string,
): StabilityPrescription {
  const info = STABILITY_LEVEL_INFO[level];
  return {
    level,
    name: info.name,
    howTo: info.howTo,
    holdSeconds: Math.min(info.holdSeconds, S.MAX_HOLD_S),
    repsPerSide: v.repsPerSide,
    rounds: v.rounds,
    daysPerWeek: S.DAYS_PER_WEEK,
    reason,
    source,
  };
}

const DISCLAIMER = {
  text: PLAN_DISCLAIMER,
  reason: 'This app checks how you move and tracks your pain; it cannot examine you.',
  source: PLAN_SOURCES.disclaimer,
};

/** Builds this week's plan from the whole history. Nonsense input gives one plain sentence. */
export function buildWeeklyPlan(raw: unknown): Outcome<{ plan: WeeklyPlan }> {
  const v = validatePlanInput(raw);
  if (!v.ok) return v;
  const input = v.input;
  const pain = evaluatePainNow(input.painNowNrs);
  if (!pain.ok) return pain; // already validated; keeps the types honest
  const escalation = escalationFor(input.history, input.todayIso);
  const base = planBase(input, escalation);
  const stopped = noExercisePlan(input, pain, base);
  if (stopped) return { ok: true, plan: stopped };

  const r = replay(input);
  const notes: PlanNote[] = r.level === null ? [startUntested(r, input.todayIso)] : [];
  // Escalation regresses once, unless a red week has just done so.
  if (escalation.escalate && !changedRecently(r, input.todayIso, ['regress']))
    regress(
      r,
      input.todayIso,
      'escalation',
      'Until you have seen a physical therapist or doctor, we take it a little easier.',
      ESCALATION_SOURCE,
    );
  const halvedRecently = changedRecently(r, input.todayIso, ['regress', 'escalation']);
  const status: PlanStatus = pain.band === 'regressions-only' ? 'regressions-only' : 'exercise';
  if (status === 'regressions-only')
    regress(
      r,
      input.todayIso,
      'pain-today',
      `Your pain right now is ${pain.nrs} out of 10, so today is for easier versions only, with no test.`,
      PLAN_SOURCES.painNow,
    );
  const stability = stabilityFromChanges(r);
  notes.push(...planNotes(input, pain, escalation));
  return {
    ok: true,
    plan: {
      ...base,
      status,
      headline: planHeadline(base.escalation, status, pain, stability),
      mayTestToday: pain.mayTest,
      stability,
      hipStretch: hipStretch(input, halvedRecently, status === 'regressions-only'),
      notes,
      changes: r.changes,
    },
  };
}

type PainNow = PainNowEvaluation;
type PlanBase = Pick<WeeklyPlan, 'todayIso' | 'weekKey' | 'swaps' | 'disclaimer' | 'escalation' | 'rerunRedFlags'>;

/** What every plan carries, with or without exercise. */
function planBase(input: ValidPlanInput, escalation: EscalationAssessment): PlanBase {
  return {
    todayIso: input.todayIso,
    weekKey: isoWeekKey(input.todayIso),
    swaps: swapsFor(input),
    disclaimer: DISCLAIMER,
    escalation:
      escalation.escalate && escalation.message !== null
        ? {
            triggers: escalation.triggers,
            message: escalation.message,
            reason: escalation.reasons.join(' '),
            source: ESCALATION_SOURCE,
          }
        : null,
    rerunRedFlags: escalation.rerunRedFlags,
  };
}

/** No exercise at all: red flags that need a doctor first, or pain too high today. */
function noExercisePlan(input: ValidPlanInput, pain: PainNow, base: PlanBase): WeeklyPlan | null {
  const none = {
    status: 'no-exercise',
    mayTestToday: false,
    stability: null,
    hipStretch: null,
    notes: [],
    changes: [],
  };
  if (input.redFlagTier === 'emergency' || input.redFlagTier === 'urgent') {
    const headline = {
      ...RED_FLAG_TEXT[input.redFlagTier],
      reason: 'Your answers to the safety questions need a doctor to check you before any exercise.',
      source: RED_FLAG_SOURCE,
    };
    return { ...base, ...none, status: 'no-exercise', swaps: [], headline };
  }
  if (pain.band !== 'rest-today') return null;
  return { ...base, ...none, status: 'no-exercise', headline: painHeadline(pain) };
}

function painHeadline(pain: PainNow): WeeklyPlan['headline'] {
  return {
    title: pain.title,
    message: pain.message,
    reason: `Your pain right now is ${pain.nrs} out of 10.`,
    source: pain.source,
  };
}

/** No bird-dog test measured yet: the gentlest level, and a note asking for the test. */
function startUntested(r: Replay, todayIso: string): PlanNote {
  setLevel(r, 'arm-only', todayIso);
  record(
    r,
    todayIso,
    'start',
    'We have not been able to measure your bird-dog test yet, so we start with the gentlest version.',
    PLAN_SOURCES.noTest,
  );
  return {
    id: 'no-test-yet',
    text: 'When you are ready, take the bird-dog test with your phone on your lower back; the plan will then fit you better.',
    reason: 'The plan is chosen from your test result.',
    source: PLAN_SOURCES.noTest,
  };
}

/** Whether a change of one of these kinds happened within the retest interval. */
function changedRecently(r: Replay, todayIso: string, kinds: readonly PlanChangeKind[]): boolean {
  return r.changes.some((c) => kinds.includes(c.kind) && dayOf(c.dateIso) > dayOf(todayIso) - S.RETEST_INTERVAL_DAYS);
}

/** Today's exercise; its reason names the change that set the level, then the latest change if different. */
function stabilityFromChanges(r: Replay): StabilityPrescription {
  const levelSetAt = r.changes.findLastIndex((c, i) => i === 0 || c.level !== r.changes[i - 1]?.level);
  const lastLevelChange = r.changes[levelSetAt];
  const last = r.changes.at(-1);
  const reasonParts = [lastLevelChange?.reason, last !== lastLevelChange ? last?.reason : undefined].filter(
    (x): x is string => x !== undefined,
  );
  const sources = [
    ...new Set(
      [lastLevelChange?.source, last?.source].filter((x): x is string => x !== undefined).flatMap((x) => x.split('; ')),
    ),
  ];
  return stabilityPrescription(r.level as StabilityLevel, r.volume, reasonParts.join(' '), sources.join('; '));
}

function planNotes(input: ValidPlanInput, pain: PainNow, escalation: EscalationAssessment): PlanNote[] {
  const latest = input.tests.at(-1);
  const latestMeasured = [...input.tests].reverse().find((t) => t.verdict !== 'not-measurable');
  const lastTestDay = latest ? dayOf(latest.dateIso) : null;
  const notes: Array<PlanNote | false> = [
    input.redFlagTier === 'caution' && {
      id: 'red-flag-caution',
      text: RED_FLAG_TEXT.cautionTail,
      reason: 'One of your answers to the safety questions is worth mentioning at your next visit.',
      source: RED_FLAG_SOURCE,
    },
    input.startBackRisk === 'high' && {
      id: 'start-back',
      text: START_BACK_TEXT.high,
      reason: 'Your answers to the outlook questions.',
      source: START_BACK_SOURCE,
    },
    latestMeasured?.symptomProvoking === true && {
      id: 'symptom-provoking',
      text: 'Your last bird-dog test brought on back pain. A physical therapist can look at why; until then, keep to the plan and stop any rep that hurts.',
      reason: `The test on ${latestMeasured.dateIso} was painful.`,
      source: PLAN_SOURCES.symptom,
    },
    latest?.verdict === 'not-measurable' && {
      id: 'not-measurable',
      text: 'Your last test could not be measured, so the plan stays as it was. Next time, check the phone lies flat on your lower back and the camera can see you.',
      reason: `The test on ${latest.dateIso} did not give enough clear data to judge.`,
      source: PLAN_SOURCES.notMeasurable,
    },
    lastTestDay !== null &&
      dayOf(input.todayIso) - lastTestDay >= S.RETEST_INTERVAL_DAYS && {
        id: 'retest',
        text: pain.mayTest
          ? 'Your weekly bird-dog retest is due.'
          : 'Your weekly bird-dog retest is due, on a day your back is calmer.',
        reason: `Your last test was on ${latest?.dateIso}.`,
        source: PLAN_SOURCES.retest,
      },
    escalation.note !== null && {
      id: 'no-improvement-yet',
      text: escalation.note,
      reason: 'Your usual pain score has not changed much since the start.',
      source: ESCALATION_SOURCE,
    },
    input.hurtsMoreAfterStretching && {
      id: 'hurts-after-stretching',
      text: 'Because your back hurts more after stretching, this plan moves the stretching to your hips and adds exercises that teach your low back to stay steady.',
      reason: 'You told us stretching makes your back hurt more.',
      source: `${PLAN_SOURCES.swap}; Rule set B`,
    },
  ];
  return notes.filter((n): n is PlanNote => n !== false);
}

function planHeadline(
  escalation: PlanBase['escalation'],
  status: PlanStatus,
  pain: PainNow,
  stability: StabilityPrescription,
): WeeklyPlan['headline'] {
  if (escalation !== null)
    return {
      title: 'Time to get your back checked',
      message: escalation.message,
      reason: escalation.reason,
      source: ESCALATION_SOURCE,
    };
  if (status === 'regressions-only') return painHeadline(pain);
  return {
    title: 'Your plan this week',
    message: `${stability.name}, and the ${HIP_STRETCH.name.toLowerCase()}.`,
    reason: stability.reason,
    source: stability.source,
  };
}
