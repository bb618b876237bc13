import { describe, expect, it } from 'vitest';
import {
  buildWeeklyPlan,
  halveVolume,
  PLAN_DISCLAIMER,
  progressVolume,
  STABILITY_LEVEL_INFO,
  STABILITY_LEVELS,
  type PlanInput,
  type WeeklyPlan,
} from './plan.ts';
import { addDaysIso } from '../guard/dates.ts';
import type { PainSession } from './traffic-light.ts';

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  todayIso: '2025-03-03',
  profile: { ageYears: 40 },
  safety: { redFlagTier: 'clear', painNowNrs: 2 },
  birdDogTests: [],
  symptoms: { hurtsMoreAfterStretching: true, backStretches: [] },
  ...over,
});

function plan(input: unknown): WeeklyPlan {
  const r = buildWeeklyPlan(input);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

const green = (dateIso: string): PainSession => ({ dateIso, restNrs: 2, peakNrs: 2, morningNrs: 2 });
const red = (dateIso: string): PainSession => ({ dateIso, restNrs: 2, peakNrs: 6, morningNrs: 2 });

/** Every recommendation in a plan, so each can be checked for a reason and a source. */
function recommendations(p: WeeklyPlan): { reason: string; source: string }[] {
  return [
    p.headline,
    p.disclaimer,
    ...(p.stability ? [p.stability] : []),
    ...(p.hipStretch ? [p.hipStretch] : []),
    ...p.swaps,
    ...p.notes,
    ...p.changes,
    ...(p.escalation ? [p.escalation] : []),
  ];
}

describe('safety gate in the plan (rule set A)', () => {
  it.each([
    ['emergency', /emergency department/],
    ['urgent', /24 to 48 hours/],
  ] as const)('a %s red flag gives no exercise plan, just the message', (redFlagTier, message) => {
    const p = plan(
      base({
        safety: { redFlagTier, painNowNrs: 2 },
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'negative' }],
        symptoms: { hurtsMoreAfterStretching: true, backStretches: ['seated-twist'] },
      }),
    );
    expect(p.status).toBe('no-exercise');
    expect(p.stability).toBeNull();
    expect(p.hipStretch).toBeNull();
    expect(p.swaps).toEqual([]);
    expect(p.headline.message).toMatch(message);
    expect(p.disclaimer.text).toBe(PLAN_DISCLAIMER);
  });

  it.each([
    [5, 'exercise', 'full-bird-dog', true],
    [6, 'regressions-only', 'leg-only', false],
    [7, 'regressions-only', 'leg-only', false],
    [8, 'no-exercise', null, false],
    [10, 'no-exercise', null, false],
  ] as const)('pain now %i gives %s (level %s, test today %s)', (painNowNrs, status, level, mayTestToday) => {
    const p = plan(
      base({
        safety: { redFlagTier: 'clear', painNowNrs },
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'negative' }],
      }),
    );
    expect(p.status).toBe(status);
    expect(p.stability?.level ?? null).toBe(level);
    expect(p.mayTestToday).toBe(mayTestToday);
  });

  it('pain of 6-7 halves the volume and offers one gentle stretch per side', () => {
    const p = plan(
      base({
        safety: { redFlagTier: 'clear', painNowNrs: 6 },
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive-mild' }],
      }),
    );
    expect(p.stability).toMatchObject({ level: 'leg-only', repsPerSide: 4, rounds: 1 });
    expect(p.hipStretch).toMatchObject({ setsPerSide: 1 });
    expect(p.changes.at(-1)?.kind).toBe('pain-today');
  });

  it('pain of 8 shows rest and self-care and suggests a professional', () => {
    const p = plan(base({ safety: { redFlagTier: 'clear', painNowNrs: 8 } }));
    expect(p.headline.message).toMatch(/rest/i);
    expect(p.headline.message).toMatch(/doctor or physical therapist/);
  });

  it('a caution flag keeps the plan and adds "please mention this" note', () => {
    const p = plan(base({ safety: { redFlagTier: 'caution', painNowNrs: 2 } }));
    expect(p.status).toBe('exercise');
    expect(p.notes.find((n) => n.id === 'red-flag-caution')?.text).toMatch(
      /mention this to a doctor or physiotherapist/i,
    );
  });

  it('a high STarT Back risk adds the physical therapist note, and medium does not', () => {
    expect(
      plan(base({ safety: { redFlagTier: 'clear', painNowNrs: 2, startBackRisk: 'high' } })).notes.map((n) => n.id),
    ).toContain('start-back');
    expect(
      plan(base({ safety: { redFlagTier: 'clear', painNowNrs: 2, startBackRisk: 'medium' } })).notes.map((n) => n.id),
    ).not.toContain('start-back');
  });
});

describe('stability prescription by bird-dog result (rule set B)', () => {
  it.each([
    ['positive', 'arm-only', 5, 4, 1],
    ['positive-mild', 'full-bird-dog', 8, 4, 2],
    ['negative', 'full-bird-dog', 8, 4, 2],
  ] as const)(
    'a first %s test starts at %s, %i s holds, %i reps x %i rounds, daily',
    (verdict, level, holdSeconds, repsPerSide, rounds) => {
      const p = plan(base({ birdDogTests: [{ dateIso: '2025-03-03', verdict }] }));
      expect(p.stability).toMatchObject({ level, holdSeconds, repsPerSide, rounds, daysPerWeek: 7 });
      expect(p.stability?.source).toMatch(/Rule set B/);
    },
  );

  it('two negative tests in a row move on to drawing squares (McGill & Karpowicz 2009)', () => {
    const p = plan(
      base({
        todayIso: '2025-03-10',
        birdDogTests: [
          { dateIso: '2025-03-03', verdict: 'negative' },
          { dateIso: '2025-03-10', verdict: 'negative' },
        ],
      }),
    );
    expect(p.stability?.level).toBe('drawing-squares');
    expect(p.stability?.source).toMatch(/McGill & Karpowicz 2009/);
  });

  it('a not-measurable test in between neither counts nor breaks the run, and says so', () => {
    const p = plan(
      base({
        todayIso: '2025-03-10',
        birdDogTests: [
          { dateIso: '2025-03-03', verdict: 'negative' },
          { dateIso: '2025-03-06', verdict: 'not-measurable' },
          { dateIso: '2025-03-10', verdict: 'negative' },
        ],
      }),
    );
    expect(p.stability?.level).toBe('drawing-squares');
    const q = plan(
      base({
        todayIso: '2025-03-06',
        birdDogTests: [
          { dateIso: '2025-03-03', verdict: 'negative' },
          { dateIso: '2025-03-06', verdict: 'not-measurable' },
        ],
      }),
    );
    expect(q.stability?.level).toBe('full-bird-dog');
    expect(q.notes.map((n) => n.id)).toContain('not-measurable');
  });

  it('a positive test after progress goes back to arm-only', () => {
    const p = plan(
      base({
        todayIso: '2025-03-17',
        birdDogTests: [
          { dateIso: '2025-03-03', verdict: 'negative' },
          { dateIso: '2025-03-10', verdict: 'negative' },
          { dateIso: '2025-03-17', verdict: 'positive' },
        ],
      }),
    );
    expect(p.stability?.level).toBe('arm-only');
    expect(p.changes.at(-1)?.kind).toBe('test-down');
  });

  it('with no measurable test yet, starts with the gentlest version and asks for a test', () => {
    const p = plan(base());
    expect(p.stability?.level).toBe('arm-only');
    expect(p.notes.map((n) => n.id)).toContain('no-test-yet');
  });

  it('a painful test adds a physical therapist note', () => {
    const p = plan(
      base({ birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive-mild', symptomProvoking: true }] }),
    );
    expect(p.notes.find((n) => n.id === 'symptom-provoking')?.text).toMatch(/physical therapist/);
  });

  it('asks for the weekly retest once 7 days have passed', () => {
    const tests = [{ dateIso: '2025-03-03', verdict: 'negative' as const }];
    expect(plan(base({ todayIso: '2025-03-09', birdDogTests: tests })).notes.map((n) => n.id)).not.toContain('retest');
    expect(plan(base({ todayIso: '2025-03-10', birdDogTests: tests })).notes.map((n) => n.id)).toContain('retest');
  });

  it('holds never exceed 10 s at any level, however long the green run', () => {
    const sessions = Array.from({ length: 70 }, (_, i) => green(addDaysIso('2025-03-03', i)));
    const tests = [0, 7, 14, 21].map((i) => ({ dateIso: addDaysIso('2025-03-03', i), verdict: 'negative' as const }));
    const p = plan(base({ todayIso: '2025-05-12', birdDogTests: tests, painHistory: { sessions } }));
    expect(p.stability?.level).toBe('light-load');
    expect(p.stability?.holdSeconds).toBeLessThanOrEqual(10);
    expect(p.stability?.repsPerSide).toBeLessThanOrEqual(6);
    expect(p.stability?.rounds).toBeLessThanOrEqual(3);
    expect(p.changes.every((c) => c.repsPerSide <= 6 && c.rounds <= 3)).toBe(true);
    for (const level of STABILITY_LEVELS) expect(STABILITY_LEVEL_INFO[level].holdSeconds).toBeLessThanOrEqual(10);
  });
});

describe('volume steps', () => {
  it.each([
    [
      { repsPerSide: 4, rounds: 2 },
      { repsPerSide: 4, rounds: 1 },
    ],
    [
      { repsPerSide: 6, rounds: 2 },
      { repsPerSide: 6, rounds: 1 },
    ],
    [
      { repsPerSide: 6, rounds: 3 },
      { repsPerSide: 5, rounds: 2 },
    ],
    [
      { repsPerSide: 4, rounds: 1 },
      { repsPerSide: 2, rounds: 1 },
    ],
    [
      { repsPerSide: 2, rounds: 1 },
      { repsPerSide: 2, rounds: 1 },
    ],
  ])('halving %j gives %j', (v, out) => {
    expect(halveVolume(v)).toEqual(out);
  });

  it.each([
    [
      { repsPerSide: 4, rounds: 1 },
      { repsPerSide: 5, rounds: 1 },
    ],
    [
      { repsPerSide: 6, rounds: 1 },
      { repsPerSide: 4, rounds: 2 },
    ],
    [{ repsPerSide: 6, rounds: 3 }, null],
  ])('progressing %j gives %j (reps first, then rounds; never longer holds)', (v, out) => {
    expect(progressVolume(v)).toEqual(out);
  });
});

describe('hip flexor stretch dose (rule set C)', () => {
  it.each([
    [40, null, 3, 20, 30, 30],
    [40, 30, 3, 30, 30, 30],
    [64, 45, 3, 30, 30, 30],
    [65, null, 2, 20, 45, 60],
    [70, 45, 2, 45, 45, 60],
    [70, 90, 2, 60, 45, 60],
  ] as const)(
    'age %i with current hold %s: %i sets, %i s now, target %i-%i s, at least 5 days',
    (ageYears, hold, setsPerSide, holdSeconds, min, max) => {
      const p = plan(base({ profile: { ageYears }, stretch: hold === null ? null : { holdSeconds: hold } }));
      expect(p.hipStretch).toMatchObject({
        setsPerSide,
        holdSeconds,
        targetHoldSecondsMin: min,
        targetHoldSecondsMax: max,
        daysPerWeekMin: 5,
        dailyPreferred: true,
      });
      expect(p.hipStretch?.source).toMatch(/Rule set C/);
    },
  );
});

describe('stretch swaps (rule set F)', () => {
  it.each([
    ['supine-knee-across-twist', false, true],
    ['seated-twist', false, true],
    ['knee-to-chest', false, false],
    ['knee-to-chest', true, true],
    ['standing-back-bend', true, true],
    ['standing-back-bend', false, false],
  ] as const)(
    '%s (hurts more after stretching: %s) -> swap suggested %s',
    (stretch, hurtsMoreAfterStretching, swapped) => {
      const p = plan(base({ symptoms: { hurtsMoreAfterStretching, backStretches: [stretch] } }));
      expect(p.swaps.map((s) => s.stretch)).toEqual(swapped ? [stretch] : []);
    },
  );

  it('words the twist swap as a preference, never a prohibition, and cites rule F', () => {
    const [swap] = plan(
      base({ symptoms: { hurtsMoreAfterStretching: false, backStretches: ['supine-knee-across-twist'] } }),
    ).swaps;
    expect(swap?.reason).toMatch(/preference, not a rule/);
    expect(`${swap?.suggestion} ${swap?.reason}`).not.toMatch(/\b(never|must not|do not|don't|forbidden|dangerous)\b/i);
    expect(swap?.source).toMatch(/Rule set F; Kim & Shin 2020; Roach 2015/);
    expect(swap?.instead).toBe('half-kneeling-hip-flexor-stretch');
  });
});

describe('every recommendation explains itself', () => {
  it.each([
    ['a plain start', base()],
    [
      'a rich plan',
      base({
        todayIso: '2025-03-12',
        safety: { redFlagTier: 'caution', painNowNrs: 6, startBackRisk: 'high' },
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive', symptomProvoking: true }],
        painHistory: { sessions: [red('2025-03-10'), red('2025-03-11'), red('2025-03-12')] },
        symptoms: { hurtsMoreAfterStretching: true, backStretches: ['seated-twist', 'knee-to-chest'] },
      }),
    ],
    ['no exercise', base({ safety: { redFlagTier: 'urgent', painNowNrs: 2 } })],
  ])('%s: every reason and source is filled in, and the disclaimer is always there', (_name, input) => {
    const p = plan(input);
    for (const r of recommendations(p)) {
      expect(r.reason.trim().length).toBeGreaterThan(10);
      expect(r.source).toMatch(/Rule set|Part 2/);
    }
    expect(p.disclaimer.text).toBe(
      'This app does not diagnose. A physical therapist can assess you if pain persists beyond 4-6 weeks, worsens, or spreads to the leg.',
    );
  });
});

describe('six weeks of a programme, with fixed dates', () => {
  // Week 1 starts Monday 2025-03-03. Tests on Mondays, sessions on Tuesdays and Thursdays.
  const tests = [
    { dateIso: '2025-03-03', verdict: 'positive' as const },
    { dateIso: '2025-03-10', verdict: 'positive' as const },
    { dateIso: '2025-03-17', verdict: 'negative' as const },
    { dateIso: '2025-03-24', verdict: 'negative' as const },
    { dateIso: '2025-03-31', verdict: 'negative' as const },
    { dateIso: '2025-04-07', verdict: 'negative' as const },
  ];
  const sessions: PainSession[] = [
    green('2025-03-04'),
    green('2025-03-06'),
    green('2025-03-11'),
    green('2025-03-13'),
    green('2025-03-18'),
    green('2025-03-20'),
    red('2025-03-25'),
    green('2025-03-27'),
    green('2025-04-01'),
    green('2025-04-03'),
  ];
  const on = (todayIso: string): WeeklyPlan =>
    plan(
      base({
        todayIso,
        birdDogTests: tests.filter((t) => t.dateIso <= todayIso),
        painHistory: { sessions: sessions.filter((s) => s.dateIso <= todayIso) },
      }),
    );

  it.each([
    ['2025-03-03', 'arm-only', 4, 1, 'start', /moved more than it should/],
    ['2025-03-10', 'leg-only', 4, 1, 'test-same', /move on from the arm-only version to the leg slide/],
    ['2025-03-17', 'full-bird-dog', 4, 2, 'test-up', /stayed steady/],
    ['2025-03-24', 'drawing-squares', 4, 2, 'test-up', /2 tests in a row/],
    ['2025-03-26', 'full-bird-dog', 4, 1, 'regress', /too sore.*Pain during the session reached 6/],
    ['2025-03-31', 'full-bird-dog', 4, 1, 'test-same', /one more week before stepping up/],
    ['2025-04-07', 'drawing-squares', 4, 2, 'test-up', /move up one step, to the bird-dog, drawing squares/],
  ] as const)(
    'on %s the plan is %s, %i reps x %i rounds (last change: %s)',
    (todayIso, level, reps, rounds, kind, reason) => {
      const p = on(todayIso);
      expect(p.stability).toMatchObject({ level, repsPerSide: reps, rounds });
      expect(p.changes.at(-1)?.kind).toBe(kind);
      expect(p.stability?.reason).toMatch(reason);
    },
  );

  it('records why each step happened, in order', () => {
    const p = on('2025-04-07');
    expect(p.changes.map((c) => `${c.dateIso} ${c.kind} ${c.level} ${c.repsPerSide}x${c.rounds}`)).toEqual([
      '2025-03-03 start arm-only 4x1',
      '2025-03-10 progress leg-only 4x1',
      '2025-03-10 test-same leg-only 4x1',
      '2025-03-17 progress leg-only 5x1',
      '2025-03-17 test-up full-bird-dog 4x2',
      '2025-03-24 progress full-bird-dog 5x2',
      '2025-03-24 test-up drawing-squares 4x2',
      '2025-03-31 regress full-bird-dog 4x1',
      '2025-03-31 test-same full-bird-dog 4x1',
      '2025-04-07 progress full-bird-dog 5x1',
      '2025-04-07 test-up drawing-squares 4x2',
    ]);
    expect(p.changes.find((c) => c.kind === 'regress')?.source).toMatch(/Rule set E RED/);
  });

  it('the red week also halves the hip stretch sets, and the following green week restores them', () => {
    expect(on('2025-03-31').hipStretch?.setsPerSide).toBe(2);
    expect(on('2025-04-07').hipStretch?.setsPerSide).toBe(3);
  });

  it('an amber week repeats the same dose instead of progressing', () => {
    const amber: PainSession = { dateIso: '2025-03-11', restNrs: 2, peakNrs: 4, morningNrs: 2 };
    const p = plan(
      base({
        todayIso: '2025-03-17',
        birdDogTests: [{ dateIso: '2025-03-10', verdict: 'positive-mild' }],
        painHistory: { sessions: [amber, green('2025-03-13')] },
      }),
    );
    expect(p.stability).toMatchObject({ level: 'full-bird-dog', repsPerSide: 4, rounds: 2 });
    expect(p.changes.at(-1)?.kind).toBe('repeat');
  });

  it('morning stiffness higher two weeks in a row counts as a red week', () => {
    const weeklyChecks = [
      { dateIso: '2025-03-09', stiffnessNrs: 3 },
      { dateIso: '2025-03-16', stiffnessNrs: 4 },
      { dateIso: '2025-03-23', stiffnessNrs: 4 },
    ];
    const p = plan(
      base({
        todayIso: '2025-03-24',
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive-mild' }],
        painHistory: { weeklyChecks },
      }),
    );
    expect(p.stability).toMatchObject({ level: 'leg-only' });
    expect(p.changes.at(-1)?.reason).toMatch(/morning stiffness/);
  });
});

describe('escalation in the plan (rule set E ESCALATE)', () => {
  const tests = [
    { dateIso: '2025-03-03', verdict: 'negative' as const },
    { dateIso: '2025-03-10', verdict: 'negative' as const },
  ];

  it('three red sessions in a week: see a professional, re-ask the red flags, and regress only once', () => {
    const p = plan(
      base({
        todayIso: '2025-03-13',
        birdDogTests: tests,
        painHistory: { sessions: [red('2025-03-11'), red('2025-03-12'), red('2025-03-13')] },
      }),
    );
    expect(p.escalation?.triggers).toEqual(['red-sessions']);
    expect(p.escalation?.message).toMatch(/physical therapist or doctor/);
    expect(p.rerunRedFlags).toBe(true);
    expect(p.headline.title).toMatch(/checked/);
    expect(p.stability).toMatchObject({ level: 'full-bird-dog', repsPerSide: 4, rounds: 1 });
    expect(p.changes.filter((c) => c.kind === 'regress' || c.kind === 'escalation')).toHaveLength(1);
  });

  it('a new symptom below the knee escalates and regresses one level with half the volume', () => {
    const p = plan(base({ todayIso: '2025-03-10', birdDogTests: tests, painHistory: { newSymptomBelowKnee: true } }));
    expect(p.escalation?.triggers).toEqual(['new-symptom-below-knee']);
    expect(p.rerunRedFlags).toBe(true);
    expect(p.stability).toMatchObject({ level: 'full-bird-dog', repsPerSide: 4, rounds: 1 });
    expect(p.changes.at(-1)?.kind).toBe('escalation');
  });

  it('pain worse by 2 points after 4 weeks escalates', () => {
    const p = plan(
      base({
        todayIso: '2025-03-31',
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive-mild' }],
        painHistory: {
          programmeStartIso: '2025-03-03',
          painLog: [
            { dateIso: '2025-03-03', nrs: 3 },
            { dateIso: '2025-03-31', nrs: 5 },
          ],
        },
      }),
    );
    expect(p.escalation?.triggers).toEqual(['worse-since-start']);
    expect(p.stability?.level).toBe('leg-only');
  });

  it('no improvement after 6 weeks escalates; at 4 weeks only a gentle note', () => {
    const input = (todayIso: string): PlanInput =>
      base({
        todayIso,
        birdDogTests: [{ dateIso: '2025-03-03', verdict: 'positive-mild' }],
        painHistory: {
          programmeStartIso: '2025-03-03',
          painLog: [
            { dateIso: '2025-03-03', nrs: 4 },
            { dateIso: todayIso, nrs: 4 },
          ],
        },
      });
    const week4 = plan(input('2025-03-31'));
    expect(week4.escalation).toBeNull();
    expect(week4.notes.map((n) => n.id)).toContain('no-improvement-yet');
    const week6 = plan(input('2025-04-14'));
    expect(week6.escalation?.triggers).toEqual(['no-improvement']);
  });
});

describe('bad plan inputs', () => {
  it.each([
    ['no input', null, /missing/],
    ['bad today', base({ todayIso: '2025-13-01' }), /date/],
    [
      'red-flag tier unknown',
      base({ safety: { redFlagTier: 'amber' as never, painNowNrs: 2 } }),
      /safety check result/,
    ],
    ['pain out of range', base({ safety: { redFlagTier: 'clear', painNowNrs: 12 } }), /whole number from 0 to 10/],
    [
      'startBack risk unknown',
      base({ safety: { redFlagTier: 'clear', painNowNrs: 2, startBackRisk: 'very' as never } }),
      /low, medium or high/,
    ],
    ['age nonsense', base({ profile: { ageYears: -3 } }), /age/],
    [
      'verdict unknown',
      base({ birdDogTests: [{ dateIso: '2025-03-03', verdict: 'pass' as never }] }),
      /should be one of/,
    ],
    ['test in the future', base({ birdDogTests: [{ dateIso: '2025-03-04', verdict: 'negative' }] }), /after today/],
    ['hold nonsense', base({ stretch: { holdSeconds: 0 } }), /seconds/],
    ['hold too long', base({ stretch: { holdSeconds: 600 } }), /seconds/],
    ['symptoms missing', { ...base(), symptoms: undefined }, /symptoms/],
    [
      'hurts not boolean',
      base({ symptoms: { hurtsMoreAfterStretching: 'yes' as never, backStretches: [] } }),
      /yes or no/,
    ],
    [
      'unknown stretch',
      base({ symptoms: { hurtsMoreAfterStretching: true, backStretches: ['cobra' as never] } }),
      /not one of the back stretches/,
    ],
    ['session in the future', base({ painHistory: { sessions: [green('2025-03-05')] } }), /after today/],
    [
      'session score nonsense',
      base({ painHistory: { sessions: [{ dateIso: '2025-03-01', restNrs: 2, peakNrs: -1, morningNrs: 2 }] } }),
      /whole number/,
    ],
  ])('%s is refused with one plain sentence', (_name, input, reason) => {
    const r = buildWeeklyPlan(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason).toMatch(/[.?]$/);
    }
  });
});
