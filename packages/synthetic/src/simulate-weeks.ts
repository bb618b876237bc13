// simulateWeeks: a whole programme as the app would have stored it, for tests, the CLI's demo and
// the app's end-to-end tests. From a fixed Monday it plays N weeks: a bird-dog retest each Monday
// (real analyser on a simulated phone, optionally filmed), stretch sessions run through the real
// over-stretch guard with next-morning check-ins and weekly reviews, and usual-pain and PEG-3
// check-ins every 2 weeks. A scenario sets the story; everything is deterministic.

import { addDaysIso, isoWeekKey } from '@steadyback/core';
import {
  createGuardState,
  endSession,
  recordHold,
  recordNextMorning,
  startSession,
  weeklyReview,
  type GuardFailure,
  type GuardState,
} from '@steadyback/core';
import type { GuardHoldDecision } from '@steadyback/core';
import { buildExport } from '@steadyback/core';
import {
  DEFAULT_SETTINGS,
  type BirdDogTestRecord,
  type OutcomeCheck,
  type PainDay,
  type Screening,
  type StretchHoldRecord,
  type StretchSessionRecord,
  type SteadybackExport,
} from '@steadyback/core';
import { simulatedBirdDogTest } from './bird-dog-test.ts';

/**
 * - improving: usual pain falls 1 point every 2 weeks (6 -> 5 -> 4: the 2-point minimal important
 *   change by week 4), every session green, pelvic roll shrinks week by week.
 * - not-improving: usual pain stays at 5, sessions amber (peak 4), the pelvis keeps rolling.
 * - red-three-times: as improving, but in the last week three sessions (Tuesday, Wednesday,
 *   Friday) are red: peak 7, next morning 2 points worse and not settled within a day.
 */
export type SimulatedScenario = 'improving' | 'not-improving' | 'red-three-times';
export const SIMULATED_SCENARIOS: readonly SimulatedScenario[] = ['improving', 'not-improving', 'red-three-times'];

export interface SimulateWeeksOptions {
  scenario: SimulatedScenario;
  /** Weeks to play, 1-12. Default 4. */
  weeks?: number;
  /** The first day, a Monday. Default 2026-01-05. */
  startIso?: string;
  /** Stretch sessions per week, Monday onwards, 1-7. Default 5. */
  sessionsPerWeek?: number;
  ageYears?: number;
  /** Film the bird-dog tests from the side too (the records keep the worst rep's skeleton). Default true. */
  camera?: boolean;
}

export interface SimulatedWeeks {
  data: SteadybackExport;
  /** The Monday after the last week: every next-morning score is in and nothing is dated later. */
  todayIso: string;
  /** What the simulation put in, for tests to compare the analysis with. */
  truth: {
    usualPain: { dateIso: string; nrs: number }[];
    rolls: { dateIso: string; left: number; right: number; pitch: number }[];
    redDays: string[];
  };
}

interface DayPain {
  rest: number;
  peak: number;
  morning: number;
  settled: boolean;
}

const must = <R extends { ok: true }>(r: R | GuardFailure, what: string): R => {
  if (!r.ok) throw new Error(`simulateWeeks: the guard refused ${what}: ${r.reason}`);
  return r;
};

function usualPainAt(scenario: SimulatedScenario, checkIndex: number): number {
  return scenario === 'not-improving' ? 5 : Math.max(1, 6 - checkIndex);
}

function rollsFor(scenario: SimulatedScenario, week: number): { left: number; right: number; pitch: number } {
  if (scenario === 'not-improving') return { left: 12, right: 11, pitch: 3 };
  // Positive, then one side only with some tilt (mild), then steady.
  const table = [
    { left: 12, right: 8, pitch: 2 },
    { left: 8, right: 4, pitch: 6 },
    { left: 4, right: 3, pitch: 2 },
  ];
  return table[Math.min(week, table.length - 1)]!;
}

function painFor(scenario: SimulatedScenario, week: number, dayIndex: number, lastWeek: boolean): DayPain {
  if (scenario === 'not-improving') return { rest: 4, peak: 4, morning: 4, settled: true };
  const rest = Math.max(1, 3 - Math.floor(week / 2));
  if (scenario === 'red-three-times' && lastWeek && [1, 2, 4].includes(dayIndex))
    return { rest, peak: 7, morning: rest + 2, settled: false };
  return { rest, peak: rest, morning: rest, settled: true };
}

function validate(o: SimulateWeeksOptions): Required<SimulateWeeksOptions> {
  const weeks = o.weeks ?? 4;
  const sessionsPerWeek = o.sessionsPerWeek ?? 5;
  const startIso = o.startIso ?? '2026-01-05';
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12)
    throw new Error(`simulateWeeks plays 1 to 12 weeks, not ${weeks}.`);
  if (!Number.isInteger(sessionsPerWeek) || sessionsPerWeek < 1 || sessionsPerWeek > 7)
    throw new Error(`simulateWeeks needs 1 to 7 sessions a week, not ${sessionsPerWeek}.`);
  if (isoWeekKey(startIso) !== isoWeekKey(addDaysIso(startIso, 6)))
    throw new Error(`simulateWeeks starts on a Monday; ${startIso} is not one.`);
  if (!(SIMULATED_SCENARIOS as readonly string[]).includes(o.scenario))
    throw new Error(`Unknown scenario ${JSON.stringify(o.scenario)}: use one of ${SIMULATED_SCENARIOS.join(', ')}.`);
  return {
    scenario: o.scenario,
    weeks,
    sessionsPerWeek,
    startIso,
    ageYears: o.ageYears ?? 45,
    camera: o.camera ?? true,
  };
}

/** One stretch session through the guard: 3 holds per side, the peak pain, then the next morning. */
function stretchDay(
  guard: GuardState,
  dateIso: string,
  id: string,
  week: number,
  pain: DayPain,
  scenario: SimulatedScenario,
): { guard: GuardState; session: StretchSessionRecord } {
  let g = must(startSession(guard, { dateIso, restPainNrs: pain.rest }), `the session on ${dateIso}`).state;
  const holdSeconds = g.holdSeconds;
  const capAtStart = g.depthCapDeg;
  // Form improves week by week unless the story says otherwise; the right side is a little better.
  const form = scenario === 'not-improving' ? 0.6 : Math.min(0.95, 0.6 + 0.1 * week);
  const holds: StretchHoldRecord[] = [];
  let t = 5000;
  for (const side of ['left', 'right'] as const) {
    for (let k = 0; k < 3; k++) {
      const depthDeg = Math.round((12 + week * 1.5 + k * 0.5 + (side === 'right' ? 1 : 0)) * 10) / 10;
      const intensity = pain.peak > 5 && k === 2 ? 7 : 4;
      const held = must(
        recordHold(g, { side, intensity, pain: false, feltAt: 'front-of-hip', depthDeg }),
        `a hold on ${dateIso}`,
      );
      g = held.state;
      const decision: GuardHoldDecision = held.decision;
      const share = Math.min(1, form + (side === 'right' ? 0.05 : 0));
      const goodFormMs = Math.round(holdSeconds * 1000 * share);
      holds.push({
        side,
        startMs: t,
        endMs: t + holdSeconds * 1000,
        goodFormMs,
        faults: share < 0.8 ? [{ rule: 'C1', atMs: t + 4000, source: 'camera' }] : [],
        depthDeg,
        intensity,
        pain: false,
        feltAt: 'front-of-hip',
        action: decision.action,
      });
      t += (holdSeconds + 15) * 1000;
    }
  }
  g = must(endSession(g, { peakPainNrs: pain.peak }), `the end of the session on ${dateIso}`).state;
  g = must(
    recordNextMorning(g, { dateIso: addDaysIso(dateIso, 1), morningPainNrs: pain.morning }),
    `the morning after ${dateIso}`,
  ).state;
  return {
    guard: g,
    session: {
      id,
      dateIso,
      status: 'complete',
      sources: { camera: true, sensor: false },
      targetHoldSeconds: holdSeconds,
      depthCapDeg: capAtStart,
      holds,
      stoppedForToday: g.sessions.at(-1)?.stoppedForToday ?? false,
    },
  };
}

interface Played {
  readonly painDays: PainDay[];
  readonly birdDogTests: BirdDogTestRecord[];
  readonly stretchSessions: StretchSessionRecord[];
  readonly truth: SimulatedWeeks['truth'];
}

/** One week: the bird-dog test on Monday, then the stretch days; returns the guard before the review. */
function playWeek(o: ReturnType<typeof validate>, w: number, start: GuardState, acc: Played): GuardState {
  const { painDays, birdDogTests, stretchSessions, truth } = acc;
  let guard = start;
  const monday = addDaysIso(o.startIso, 7 * w);
  const rolls = rollsFor(o.scenario, w);
  truth.rolls.push({ dateIso: monday, ...rolls });
  birdDogTests.push(
    simulatedBirdDogTest({
      id: `bird-dog-${w + 1}`,
      dateIso: monday,
      rollDeg: { left: rolls.left, right: rolls.right },
      pitchDeg: rolls.pitch,
      camera: o.camera,
      seed: 101 + w,
    }),
  );
  for (let d = 0; d < o.sessionsPerWeek; d++) {
    const dateIso = addDaysIso(monday, d);
    const pain = painFor(o.scenario, w, d, w === o.weeks - 1);
    if (pain.peak > 5) truth.redDays.push(dateIso);
    const day = stretchDay(guard, dateIso, `stretch-${w + 1}-${d + 1}`, w, pain, o.scenario);
    guard = day.guard;
    stretchSessions.push(day.session);
    painDays.push({
      id: `pain-${w + 1}-${d + 1}`,
      dateIso,
      restNrs: pain.rest,
      peakNrs: pain.peak,
      morningNrs: pain.morning,
      settledWithin24h: pain.settled,
      newSymptomBelowKnee: false,
    });
  }
  return guard;
}

function outcomeChecksFor(o: ReturnType<typeof validate>, truth: SimulatedWeeks['truth']): OutcomeCheck[] {
  const outcomeChecks: OutcomeCheck[] = [];
  for (let day = 0, i = 0; day <= 7 * o.weeks; day += 14, i++) {
    const dateIso = addDaysIso(o.startIso, day);
    const nrs = usualPainAt(o.scenario, i);
    truth.usualPain.push({ dateIso, nrs });
    outcomeChecks.push({
      id: `outcome-${i + 1}`,
      dateIso,
      usualPainNrs: nrs,
      peg3: { pain: nrs, enjoyment: Math.max(0, nrs - 1), activity: nrs },
    });
  }
  return outcomeChecks;
}

export function simulateWeeks(options: SimulateWeeksOptions): SimulatedWeeks {
  const o = validate(options);
  const todayIso = addDaysIso(o.startIso, 7 * o.weeks);
  let guard = createGuardState({ ageYears: o.ageYears });
  const screenings: Screening[] = [
    {
      id: 'screen-1',
      dateIso: o.startIso,
      answers: { 'saddle-numbness': false, 'bladder-change': false, fever: false },
      outcome: 'clear',
      reason: 'first-run',
    },
  ];
  const painDays: PainDay[] = [];
  const birdDogTests: BirdDogTestRecord[] = [];
  const stretchSessions: StretchSessionRecord[] = [];
  const truth: SimulatedWeeks['truth'] = { usualPain: [], rolls: [], redDays: [] };

  for (let w = 0; w < o.weeks; w++) {
    const monday = addDaysIso(o.startIso, 7 * w);
    guard = playWeek(o, w, guard, { painDays, birdDogTests, stretchSessions, truth });
    guard = must(weeklyReview(guard, isoWeekKey(monday)), `the review of ${isoWeekKey(monday)}`).state;
  }

  // Usual pain and PEG-3 every 2 weeks, from the first day up to and including today.
  const outcomeChecks = outcomeChecksFor(o, truth);

  const data = buildExport(
    {
      settings: {
        ...DEFAULT_SETTINGS,
        ageYears: o.ageYears,
        hurtsMoreAfterStretching: true,
        backStretches: ['supine-knee-across-twist'],
        programmeStartIso: o.startIso,
      },
      screenings,
      painDays,
      outcomeChecks,
      birdDogTests,
      stretchSessions,
      guard,
    },
    todayIso,
  );
  return { data, todayIso, truth };
}
