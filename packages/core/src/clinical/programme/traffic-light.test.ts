import { describe, expect, it } from 'vitest';
import {
  assessEscalation,
  classifySession,
  nprsChange,
  risingMorningWeeks,
  scorePeg3,
  type PainSession,
} from './traffic-light.ts';
import { addDaysIso } from '../guard/dates.ts';

describe('session traffic light (rule set E)', () => {
  it.each([
    [2, 3, 2, null, 'green', 'progress'],
    [2, 0, 1, null, 'green', 'progress'],
    [2, 4, 2, null, 'amber', 'repeat'],
    [2, 5, 2, null, 'amber', 'repeat'],
    [2, 6, 2, null, 'red', 'regress-and-halve'],
    [2, 3, 3, null, 'amber', 'repeat'],
    [2, 3, 4, null, 'red', 'regress-and-halve'],
    [2, 5, 3, null, 'amber', 'repeat'],
    [2, 3, null, null, 'incomplete', 'repeat'],
    [2, 4, null, null, 'amber', 'repeat'],
    [2, 6, null, null, 'red', 'regress-and-halve'],
    [2, 3, 2, false, 'red', 'regress-and-halve'],
    [2, 3, 2, true, 'green', 'progress'],
  ] as const)(
    'B=%i D=%i M=%s settled=%s is %s -> %s',
    (restNrs, peakNrs, morningNrs, settledWithin24h, light, decision) => {
      const r = classifySession({ dateIso: '2025-03-04', restNrs, peakNrs, morningNrs, settledWithin24h });
      expect(r).toMatchObject({ ok: true, light, decision });
      if (r.ok) expect(r.reasons.length).toBeGreaterThan(0);
    },
  );

  it.each([
    [{ dateIso: '2025-03-04', restNrs: 2, peakNrs: 11, morningNrs: 2 }, /peak|highest/i],
    [{ dateIso: '2025-03-04', peakNrs: 3, morningNrs: 2 }, /missing/],
    [{ dateIso: '2025-02-30', restNrs: 2, peakNrs: 3, morningNrs: 2 }, /date/],
    [{ dateIso: '2025-03-04', restNrs: 2, peakNrs: 3, morningNrs: 2, settledWithin24h: 'yes' }, /yes or no/],
    [{ dateIso: '2025-03-04', restNrs: '2', peakNrs: 3, morningNrs: 2 }, /whole number/],
    [null, /missing/],
  ])('refuses a nonsense session %#', (raw, reason) => {
    const r = classifySession(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('weekly morning pain or stiffness higher two weeks in a row (rule set E RED)', () => {
  const weeks = (values: number[], pain?: number[]) =>
    values.map((v, i) => ({
      dateIso: addDaysIso('2025-03-03', 7 * i),
      stiffnessNrs: v,
      morningPainNrs: pain?.[i] ?? null,
    }));
  it.each([
    [[3, 4, 4], ['2025-03-17']],
    [[3, 4, 5], ['2025-03-17']],
    [[3, 4, 3], []],
    [[3, 3, 4], []],
    [[3, 4], []],
    [[5, 4, 3, 4, 5], ['2025-03-31']],
  ])('stiffness %j fires on %j', (values, dates) => {
    expect(risingMorningWeeks(weeks(values)).map((x) => x.dateIso)).toEqual(dates);
  });

  it('morning pain alone can fire it too', () => {
    expect(risingMorningWeeks(weeks([3, 3, 3], [2, 3, 4])).map((x) => x.dateIso)).toEqual(['2025-03-17']);
  });
});

describe('outcomes (rule set E, Part 2 section 4)', () => {
  it.each([
    [6, 4, true, false, false],
    [5, 4, false, false, false],
    [3, 2, true, false, false],
    [10, 8, true, false, false],
    [10, 9, false, false, false],
    [2, 0, true, false, true],
    [0, 0, false, false, true],
    [4, 6, false, true, false],
    [4, 5, false, false, false],
  ] as const)(
    'NRS %i -> %i: meaningful improvement %s, worsening %s, recovered %s',
    (start, current, improved, worse, recovered) => {
      expect(nprsChange(start, current)).toMatchObject({
        ok: true,
        meaningfulImprovement: improved,
        meaningfulWorsening: worse,
        recovered,
      });
    },
  );

  it('refuses a score outside 0-10', () => {
    expect(nprsChange(11, 2).ok).toBe(false);
    expect(nprsChange(3, -1).ok).toBe(false);
  });

  it('PEG-3 is the mean of its three items', () => {
    expect(scorePeg3({ pain: 6, enjoyment: 3, activity: 3 })).toMatchObject({ ok: true, score: 4 });
    expect(scorePeg3({ pain: 0, enjoyment: 0, activity: 1 })).toMatchObject({ ok: true, score: 1 / 3 });
  });

  it.each([
    [{ pain: 6, enjoyment: 3 }],
    [{ pain: 6, enjoyment: 3, activity: 12 }],
    [{ pain: 'a lot', enjoyment: 3, activity: 3 }],
    ['6,3,3'],
  ])('PEG-3 refuses %j', (answers) => {
    expect(scorePeg3(answers).ok).toBe(false);
  });
});

describe('escalation (rule set E ESCALATE)', () => {
  const start = '2025-03-03';
  const red = (dateIso: string): PainSession => ({ dateIso, restNrs: 2, peakNrs: 7, morningNrs: 2 });
  const green = (dateIso: string): PainSession => ({ dateIso, restNrs: 2, peakNrs: 2, morningNrs: 2 });

  it.each([
    ['three reds within 7 days', [red('2025-03-03'), red('2025-03-05'), red('2025-03-09')], '2025-03-09', true],
    [
      'three reds with the latest on day 6 after the first',
      [red('2025-03-03'), red('2025-03-04'), red('2025-03-09')],
      '2025-03-10',
      true,
    ],
    ['three reds spread over 8 days', [red('2025-03-03'), red('2025-03-07'), red('2025-03-10')], '2025-03-10', false],
    ['two reds', [red('2025-03-03'), red('2025-03-05'), green('2025-03-06')], '2025-03-07', false],
    [
      'an old cluster, more than a week ago',
      [red('2025-03-03'), red('2025-03-04'), red('2025-03-05')],
      '2025-03-13',
      false,
    ],
  ])('%s -> escalate %s', (_name, sessions, todayIso, escalate) => {
    const r = assessEscalation({ todayIso, sessions });
    if (!r.ok) throw new Error(r.reason);
    expect(r.escalate).toBe(escalate);
    expect(r.rerunRedFlags).toBe(escalate);
    expect(r.triggers.includes('red-sessions')).toBe(escalate);
  });

  it('a new symptom below the knee escalates and re-runs the red-flag questions', () => {
    const r = assessEscalation({ todayIso: '2025-03-05', sessions: [], newSymptomBelowKnee: true });
    expect(r).toMatchObject({ ok: true, escalate: true, rerunRedFlags: true, triggers: ['new-symptom-below-knee'] });
    if (r.ok) expect(r.message).toMatch(/physical therapist or doctor/);
  });

  it.each([
    ['worse by 2 after 4 weeks', 4, 6, 28, 'worse-since-start'],
    ['worse by 2 before 4 weeks', 4, 6, 27, null],
    ['worse by 1 after 4 weeks', 4, 5, 30, null],
    ['no improvement at 6 weeks', 5, 4, 42, 'no-improvement'],
    ['no improvement at 5 weeks 6 days', 5, 4, 41, null],
    ['improved by 2 at 6 weeks', 5, 3, 42, null],
    ['improved by 30% at 6 weeks', 3, 2, 42, null],
  ] as const)('%s (NRS %i -> %i on day %i) triggers %s', (_name, first, last, day, trigger) => {
    const todayIso = addDaysIso(start, day);
    const r = assessEscalation({
      todayIso,
      programmeStartIso: start,
      sessions: [],
      painLog: [
        { dateIso: start, nrs: first },
        { dateIso: todayIso, nrs: last },
      ],
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.triggers).toEqual(trigger === null ? [] : [trigger]);
  });

  it('after 4 weeks without improvement gives a gentle note, not an escalation', () => {
    const todayIso = addDaysIso(start, 30);
    const r = assessEscalation({
      todayIso,
      programmeStartIso: start,
      sessions: [],
      painLog: [
        { dateIso: start, nrs: 5 },
        { dateIso: todayIso, nrs: 5 },
      ],
    });
    expect(r).toMatchObject({ ok: true, escalate: false });
    if (r.ok) expect(r.note).toMatch(/physical therapist/);
  });

  it.each([
    [{ todayIso: '2025-03-05', sessions: [green('2025-03-06')] }, /after today/],
    [{ todayIso: '2025-03-05', sessions: 'none' }, /list/],
    [{ todayIso: '2025-03-05', sessions: [], painLog: [{ dateIso: '2025-03-01', nrs: 12 }] }, /whole number/],
    [{ todayIso: '2025-03-05', sessions: [], newSymptomBelowKnee: 'maybe' }, /yes or no/],
    [{ sessions: [] }, /missing/],
  ])('refuses a nonsense history %#', (input, reason) => {
    const r = assessEscalation(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
