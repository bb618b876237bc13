import { describe, expect, it } from 'vitest';
import { addDaysIso } from './dates.ts';
import {
  capReferenceFromHolds,
  createGuardState,
  depthStatus,
  endSession,
  nextMorningBand,
  peakPainBand,
  recordHold,
  recordNextMorning,
  startSession,
  validateGuardProfile,
  weeklyReview,
  type GuardFailure,
  type GuardHoldRecord,
  type GuardState,
} from './guard-state.ts';
import type { GuardHoldInput } from './hold-check.ts';

function must<R extends { ok: true }>(r: R | GuardFailure): R {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r;
}

function h(intensity: number, over: Partial<GuardHoldInput> = {}): GuardHoldInput {
  return { side: 'left', intensity, pain: false, feltAt: 'front-of-hip', ...over };
}

/** Three holds per side at the given ratings and depths. */
function dose(intensity = 4, depthDeg?: number): GuardHoldInput[] {
  const depth = depthDeg === undefined ? {} : { depthDeg };
  return (['left', 'right'] as const).flatMap((side) => [
    h(intensity, { side, ...depth }),
    h(intensity, { side, ...depth }),
    h(intensity, { side, ...depth }),
  ]);
}

interface DayPlan {
  holds?: readonly GuardHoldInput[];
  rest?: number;
  peak?: number;
  /** Next-morning NRS; null = not recorded. */
  morning?: number | null;
}

/** One full day: start, holds, end, and the next morning's check-in. */
function day(state: GuardState, dateIso: string, plan: DayPlan = {}): GuardState {
  let s = must(startSession(state, { dateIso, restPainNrs: plan.rest ?? 2 })).state;
  for (const hold of plan.holds ?? dose()) s = must(recordHold(s, hold)).state;
  s = must(endSession(s, plan.peak === undefined ? {} : { peakPainNrs: plan.peak })).state;
  const morning = plan.morning === undefined ? (plan.rest ?? 2) : plan.morning;
  if (morning !== null)
    s = must(recordNextMorning(s, { dateIso: addDaysIso(dateIso, 1), morningPainNrs: morning })).state;
  return s;
}

/** Monday-Friday sessions from `monday`, with per-day overrides by index 0-4. */
function week(state: GuardState, monday: string, overrides: Record<number, DayPlan> = {}): GuardState {
  let s = state;
  for (let i = 0; i < 5; i++) s = day(s, addDaysIso(monday, i), overrides[i] ?? {});
  return s;
}

/** A state whose cap was set at 12 deg (4/10) + 5 on 2025-03-03, the Monday of 2025-W10. */
function calibrated(profile: { ageYears?: number } = {}): GuardState {
  return day(createGuardState(profile), '2025-03-03', { holds: dose(4, 12) });
}

describe('createGuardState', () => {
  it('starts with no cap, 20 s holds and no sessions', () => {
    expect(createGuardState({})).toMatchObject({
      depthCapDeg: null,
      holdSeconds: 20,
      sessions: [],
      openSession: null,
      profile: { ageYears: null },
    });
  });

  it.each([[-4], [Number.NaN], [200]])('refuses an age of %s', (ageYears) => {
    expect(validateGuardProfile({ ageYears }).ok).toBe(false);
    expect(() => createGuardState({ ageYears })).toThrow(/validateGuardProfile/);
  });
});

describe('depth cap start (C4)', () => {
  it('is the depth at 4/10 in session 1 plus 5 deg', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    s = must(recordHold(s, h(2, { depthDeg: 6 }))).state;
    s = must(recordHold(s, h(4, { depthDeg: 12 }))).state;
    s = must(recordHold(s, h(5, { depthDeg: 15 }))).state;
    const ended = must(endSession(s, {}));
    expect(ended.state.depthCapDeg).toBe(17);
    expect(ended.summary.capNote).toContain('4 out of 10, plus 5 degrees');
    expect(ended.state.capOrigin).toEqual({ dateIso: '2025-03-03', referenceIntensity: 4, referenceDepthDeg: 12 });
  });

  const rec = (intensity: number, depthDeg: number | null, green = true): GuardHoldRecord => ({
    side: 'left',
    intensity,
    pain: false,
    feltAt: 'front-of-hip',
    depthDeg,
    cameraSignals: { C1: false, C5: false },
    sensorSignals: { C1s: false, C5: false },
    action: 'hold',
    triggers: [],
    green,
  });
  it.each([
    [
      'exactly 4 wins over 3 and 5',
      [rec(3, 8), rec(4, 11), rec(5, 14)],
      { referenceIntensity: 4, referenceDepthDeg: 11 },
    ],
    [
      'several 4s give their median',
      [rec(4, 10), rec(4, 20), rec(4, 12)],
      { referenceIntensity: 4, referenceDepthDeg: 12 },
    ],
    ['3 and 5 tie, the gentler 3 wins', [rec(3, 10), rec(5, 14)], { referenceIntensity: 3, referenceDepthDeg: 10 }],
    [
      '5 is used when it is the closest not above 5',
      [rec(5, 14), rec(6, 18)],
      { referenceIntensity: 5, referenceDepthDeg: 14 },
    ],
    ['ratings above 5 never set it', [rec(6, 18), rec(7, 20)], null],
    ['holds without depth never set it', [rec(4, null)], null],
    [
      'a hold that needed easing off never sets it',
      [rec(4, 25, false), rec(2, 6)],
      { referenceIntensity: 2, referenceDepthDeg: 6 },
    ],
  ] as const)('reference: %s', (_name, holds, expected) => {
    expect(capReferenceFromHolds(holds)).toEqual(expected);
  });

  it('stays unset when session 1 measured no depth, says so, and is set by the next session that does', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    s = must(recordHold(s, h(4))).state;
    const first = must(endSession(s));
    expect(first.state.depthCapDeg).toBeNull();
    expect(first.summary.capNote).toContain('not set yet');
    expect(depthStatus(first.state, 30)).toBe('no-cap-yet');
    const second = day(first.state, '2025-03-04', { holds: dose(4, 10) });
    expect(second.depthCapDeg).toBe(15);
  });

  it('is not reset by later sessions', () => {
    const s = day(calibrated(), '2025-03-04', { holds: dose(4, 20) });
    expect(s.depthCapDeg).toBe(17);
  });

  it('classifies live depth against the cap', () => {
    const s = calibrated();
    expect(depthStatus(s, 17)).toBe('within-cap');
    expect(depthStatus(s, 17.1)).toBe('beyond-cap');
  });

  it('makes a hold beyond the cap an ease-off that is not green', () => {
    const s = must(startSession(calibrated(), { dateIso: '2025-03-04', restPainNrs: 2 })).state;
    const r = must(recordHold(s, h(4, { depthDeg: 20 })));
    expect(r.decision.action).toBe('ease-off');
    expect(r.decision.triggers).toContain('beyond-depth-cap');
    expect(r.decision.green).toBe(false);
  });
});

describe('low back across sessions', () => {
  const lowBack = h(4, { feltAt: 'low-back' });

  it('once -> regress; twice in one session -> stop, and no more holds or sessions today', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    const first = must(recordHold(s, lowBack));
    expect(first.decision).toMatchObject({ action: 'ease-off', regress: true });
    s = must(recordHold(first.state, h(4))).state;
    const second = must(recordHold(s, lowBack));
    expect(second.decision.action).toBe('stop-for-today');
    const more = recordHold(second.state, h(3));
    expect(more.ok).toBe(false);
    const ended = must(endSession(second.state));
    expect(ended.summary.stoppedForToday).toBe(true);
    expect(startSession(ended.state, { dateIso: '2025-03-03' }).ok).toBe(false);
    expect(startSession(ended.state, { dateIso: '2025-03-04' }).ok).toBe(true);
  });

  it('once in each of two sessions does not stop', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    s = must(recordHold(s, lowBack)).state;
    s = must(endSession(s)).state;
    s = must(startSession(s, { dateIso: '2025-03-04', restPainNrs: 2 })).state;
    const r = must(recordHold(s, lowBack));
    expect(r.decision.action).toBe('ease-off');
    expect(r.decision.regress).toBe(true);
  });

  it('counts both sides together within a session', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    s = must(recordHold(s, { ...lowBack, side: 'left' })).state;
    expect(must(recordHold(s, { ...lowBack, side: 'right' })).decision.action).toBe('stop-for-today');
  });

  it('pain and leg tingling stop through the state machine too', () => {
    const s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    expect(must(recordHold(s, h(3, { pain: true }))).decision.action).toBe('stop-for-today');
    expect(must(recordHold(s, h(3, { feltAt: 'down-the-leg' }))).decision).toMatchObject({
      action: 'stop-for-today',
      offerRedFlagScreen: true,
    });
  });
});

describe('24-hour rule', () => {
  it.each([
    [2, 1, 'green'],
    [2, 2, 'green'],
    [2, 3, 'amber'],
    [2, 4, 'red'],
    [0, 7, 'red'],
    [null, 3, 'unknown'],
    [2, null, 'unknown'],
  ] as const)('rest %s, next morning %s -> %s', (b, m, band) => {
    expect(nextMorningBand(b, m)).toBe(band);
  });

  it.each([
    [null, 'unknown'],
    [0, 'green'],
    [3, 'green'],
    [4, 'amber'],
    [5, 'amber'],
    [6, 'red'],
  ] as const)('session peak %s -> %s', (d, band) => {
    expect(peakPainBand(d)).toBe(band);
  });

  it('attaches the morning score to yesterday’s session and answers with its band', () => {
    let s = must(startSession(createGuardState({}), { dateIso: '2025-03-03', restPainNrs: 2 })).state;
    s = must(endSession(s)).state;
    const r = must(recordNextMorning(s, { dateIso: '2025-03-04', morningPainNrs: 4 }));
    expect(r.band).toBe('red');
    expect(r.state.sessions[0]?.morningPainNrs).toBe(4);
    expect(r.message).toContain('go easier');
  });

  it('refuses a morning score with no session the day before', () => {
    const s = calibrated();
    expect(recordNextMorning(s, { dateIso: '2025-03-10', morningPainNrs: 2 }).ok).toBe(false);
  });
});

describe('weekly review', () => {
  // 2025-03-03 is the Monday of 2025-W10; calibrated() already holds that Monday.
  const greenWeek10 = (): GuardState => week(calibrated(), '2025-03-04');

  it('after an all-green week raises the cap by 5 deg and the hold from 20 to 30 s', () => {
    const r = must(weeklyReview(day(greenWeek10(), '2025-03-09'), '2025-W10'));
    expect(r.review).toMatchObject({ green: true, capChangeDeg: 5, newCapDeg: 22, holdSeconds: 30 });
    expect(r.state.depthCapDeg).toBe(22);
    expect(r.state.holdSeconds).toBe(30);
  });

  it('raises the cap at most 5 deg per week: a second review of the same week changes nothing', () => {
    const s = must(weeklyReview(greenWeek10(), '2025-W10')).state;
    const again = must(weeklyReview(s, '2025-W10'));
    expect(again.review.capChangeDeg).toBe(0);
    expect(again.state.depthCapDeg).toBe(22);
    expect(again.review.reasons[0]).toContain('already reviewed');
  });

  it.each([
    ['a rating above 6', { holds: [h(4, { depthDeg: 12 }), h(7, { depthDeg: 16 })] }, /above 6 out of 10/],
    ['an amber next morning (M = B + 1)', { rest: 2, morning: 3 }, /more sore/],
    ['a red next morning (M >= B + 2)', { rest: 2, morning: 5 }, /more sore/],
    ['a missing next-morning score', { morning: null }, /no next-morning pain score/],
    ['amber peak pain during the session', { peak: 4 }, /reached 4 out of 10/],
    ['a hold that needed easing off (arching)', { holds: [h(4, { cameraSignals: { C1: true } })] }, /easing off/],
    ['a session stopped for pain', { holds: [h(3, { pain: true })] }, /stopped for the day/],
  ] as const)('does not raise the cap or the hold after a week with %s', (_name, badDay, reason) => {
    const s = week(calibrated(), '2025-03-04', { 2: badDay });
    const r = must(weeklyReview(s, '2025-W10'));
    expect(r.review).toMatchObject({ green: false, capChangeDeg: 0, newCapDeg: 17, holdSeconds: 20 });
    expect(r.review.reasons.join(' ')).toMatch(reason);
  });

  it('does not progress a week without sessions', () => {
    const r = must(weeklyReview(calibrated(), '2025-W12'));
    expect(r.review).toMatchObject({ green: false, capChangeDeg: 0, holdSeconds: 20 });
    expect(r.review.reasons[0]).toContain('No sessions');
  });

  it('reports an unset cap instead of raising it', () => {
    let s = createGuardState({});
    for (let i = 0; i < 5; i++) s = day(s, addDaysIso('2025-03-03', i), { holds: dose(4) });
    const r = must(weeklyReview(s, '2025-W10'));
    expect(r.review).toMatchObject({ green: true, capChangeDeg: 0, newCapDeg: null, holdSeconds: 30 });
    expect(r.review.reasons.join(' ')).toContain('not set yet');
  });

  it('simulates 4 weeks with fixed dates: green, a 7/10, green, a sore morning', () => {
    let s = createGuardState({});
    s = week(s, '2025-03-03', { 0: { holds: dose(4, 12) } }); // W10: cap 17
    const w10 = must(weeklyReview(s, '2025-W10'));
    s = week(w10.state, '2025-03-10', { 2: { holds: [...dose(4), h(7)] } }); // W11
    const w11 = must(weeklyReview(s, '2025-W11'));
    s = week(w11.state, '2025-03-17'); // W12
    const w12 = must(weeklyReview(s, '2025-W12'));
    s = week(w12.state, '2025-03-24', { 4: { rest: 1, morning: 2 } }); // W13
    const w13 = must(weeklyReview(s, '2025-W13'));
    expect(
      [w10, w11, w12, w13].map((w) => [w.review.weekKey, w.review.newCapDeg, w.review.holdSeconds, w.review.green]),
    ).toEqual([
      ['2025-W10', 22, 30, true],
      ['2025-W11', 22, 30, false],
      ['2025-W12', 27, 30, true],
      ['2025-W13', 27, 30, false],
    ]);
    // The intensity target never moves: after four weeks 6 is still fine and 7 still eases off.
    const open = must(startSession(w13.state, { dateIso: '2025-03-31', restPainNrs: 1 })).state;
    expect(must(recordHold(open, h(6))).decision.action).toBe('hold');
    expect(must(recordHold(open, h(7))).decision.action).toBe('ease-off');
    expect(must(recordHold(open, h(4, { depthDeg: 27 }))).decision.depth).toBe('within-cap');
    expect(must(recordHold(open, h(4, { depthDeg: 28 }))).decision.depth).toBe('beyond-cap');
  });

  it('never progresses the default hold beyond the 30 s dose', () => {
    let s = must(weeklyReview(greenWeek10(), '2025-W10')).state;
    s = week(s, '2025-03-10');
    const r = must(weeklyReview(s, '2025-W11'));
    expect(r.review.holdSeconds).toBe(30);
    expect(r.review.reasons.join(' ')).toContain('full dose');
  });

  it('progresses a 65+ profile through 30, 45 and 60 s holds and no further', () => {
    let s = calibrated({ ageYears: 70 });
    const seen: number[] = [];
    const mondays = ['2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31'];
    const olderDose = (['left', 'right'] as const).flatMap((side) => [h(4, { side }), h(4, { side })]);
    s = must(
      weeklyReview(
        week(s, '2025-03-04', Object.fromEntries([0, 1, 2, 3, 4].map((i) => [i, { holds: olderDose }]))),
        '2025-W10',
      ),
    ).state;
    seen.push(s.holdSeconds);
    for (const [i, monday] of mondays.entries()) {
      s = week(s, monday, Object.fromEntries([0, 1, 2, 3, 4].map((d) => [d, { holds: olderDose }])));
      s = must(weeklyReview(s, `2025-W${11 + i}`)).state;
      seen.push(s.holdSeconds);
    }
    expect(seen).toEqual([30, 45, 60, 60, 60]);
  });

  it('stops lengthening holds once the week already reached about 10 min per side', () => {
    let s: GuardState = { ...calibrated({ ageYears: 70 }), holdSeconds: 45 };
    // 7 days x 2 holds x 45 s = 10.5 min per side.
    const olderDose = (['left', 'right'] as const).flatMap((side) => [h(4, { side }), h(4, { side })]);
    for (let i = 0; i < 7; i++) s = day(s, addDaysIso('2025-03-10', i), { holds: olderDose });
    const r = must(weeklyReview(s, '2025-W11'));
    expect(r.review.green).toBe(true);
    expect(r.review.holdSeconds).toBe(45);
    expect(r.review.reasons.join(' ')).toContain('adds nothing');
  });
});

describe('state handling', () => {
  it('survives a JSON round trip and carries on identically', () => {
    let s = week(calibrated(), '2025-03-04');
    s = must(startSession(s, { dateIso: '2025-03-10', restPainNrs: 3 })).state;
    s = must(recordHold(s, h(4, { feltAt: 'low-back', depthDeg: 14 }))).state;
    const copy = JSON.parse(JSON.stringify(s)) as GuardState;
    expect(copy).toEqual(s);
    const next = (x: GuardState): unknown => must(recordHold(x, h(4, { feltAt: 'low-back' })));
    expect(next(copy)).toEqual(next(s));
    expect(must(weeklyReview(copy, '2025-W10'))).toEqual(must(weeklyReview(s, '2025-W10')));
  });

  it('never mutates the state it is given', () => {
    const s = week(calibrated(), '2025-03-04');
    const before = JSON.stringify(s);
    const open = must(startSession(s, { dateIso: '2025-03-10', restPainNrs: 2 })).state;
    const openBefore = JSON.stringify(open);
    const held = must(recordHold(open, h(4, { feltAt: 'low-back' }))).state;
    must(endSession(held, { peakPainNrs: 2 }));
    must(recordNextMorning(s, { dateIso: '2025-03-08', morningPainNrs: 1 }));
    must(weeklyReview(s, '2025-W10'));
    expect(JSON.stringify(s)).toBe(before);
    expect(JSON.stringify(open)).toBe(openBefore);
  });

  it.each([
    ['a date that does not exist', (s: GuardState) => startSession(s, { dateIso: '2025-02-30' })],
    ['a resting pain of 11', (s: GuardState) => startSession(s, { dateIso: '2025-03-10', restPainNrs: 11 })],
    ['a resting pain of 2.5', (s: GuardState) => startSession(s, { dateIso: '2025-03-10', restPainNrs: 2.5 })],
    ['a session dated before the last one', (s: GuardState) => startSession(s, { dateIso: '2025-03-01' })],
    ['a hold with no session open', (s: GuardState) => recordHold(s, h(4))],
    ['ending with no session open', (s: GuardState) => endSession(s, {})],
    ['a morning pain of -1', (s: GuardState) => recordNextMorning(s, { dateIso: '2025-03-04', morningPainNrs: -1 })],
    ['a malformed week', (s: GuardState) => weeklyReview(s, 'W11')],
    [
      'a second open session',
      (s: GuardState) =>
        startSession(must(startSession(s, { dateIso: '2025-03-10' })).state, { dateIso: '2025-03-10' }),
    ],
    [
      'a peak pain of 12',
      (s: GuardState) => endSession(must(startSession(s, { dateIso: '2025-03-10' })).state, { peakPainNrs: 12 }),
    ],
    [
      'a weekly review while that week has a session open',
      (s: GuardState) => weeklyReview(must(startSession(s, { dateIso: '2025-03-10' })).state, '2025-W11'),
    ],
  ])('refuses %s with a plain sentence', (_name, act) => {
    const r = act(calibrated());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^[A-Z].*\.$/);
  });
});
