import { describe, expect, it } from 'vitest';
import {
  evaluatePainNow,
  evaluateRedFlags,
  tierMayExercise,
  RED_FLAG_ITEMS,
  scoreStartBack,
  startBackDue,
  type RedFlagItemId,
  type StartBackAnswers,
} from './safety-gate.ts';

const allNo = (): Record<RedFlagItemId, boolean> =>
  Object.fromEntries(RED_FLAG_ITEMS.map((i) => [i.id, false])) as Record<RedFlagItemId, boolean>;
const withYes = (...ids: RedFlagItemId[]): Record<RedFlagItemId, boolean> => ({
  ...allNo(),
  ...Object.fromEntries(ids.map((id) => [id, true])),
});

describe('red-flag questions (rule set A.1)', () => {
  it('has the spec items in each tier: 4 emergency, 7 urgent, 4 caution', () => {
    const count = (t: string): number => RED_FLAG_ITEMS.filter((i) => i.tier === t).length;
    expect([count('emergency'), count('urgent'), count('caution')]).toEqual([4, 7, 4]);
  });

  it.each([
    ['saddle-numbness', 'emergency', false],
    ['bladder-change', 'emergency', false],
    ['bowel-control', 'emergency', false],
    ['leg-weakness-fast', 'emergency', false],
    ['fever-or-chills', 'urgent', false],
    ['cancer-history', 'urgent', false],
    ['major-trauma-or-fragile-bones', 'urgent', false],
    ['weight-loss', 'urgent', false],
    ['constant-night-pain', 'urgent', false],
    ['immune-or-injected-drugs', 'urgent', false],
    ['leg-numbness-spreading', 'urgent', false],
    ['first-episode-over-50', 'caution', true],
    ['no-improvement-4-weeks', 'caution', true],
    ['pain-below-knee', 'caution', true],
    ['age-under-20', 'caution', true],
  ] as const)('a yes to %s alone gives tier %s (may exercise: %s)', (id, tier, mayExercise) => {
    const r = evaluateRedFlags(withYes(id));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tier).toBe(tier);
    expect(r.mayExercise).toBe(mayExercise);
    expect(r.stopAppFlow).toBe(tier === 'emergency');
    expect(r.items.map((i) => i.id)).toEqual([id]);
  });

  it.each([
    ['emergency', false],
    ['urgent', false],
    ['caution', true],
    ['clear', true],
  ] as const)('a stored screening of %s allows exercise: %s', (tier, allowed) => {
    expect(tierMayExercise(tier)).toBe(allowed);
  });

  it('clears when every answer is no', () => {
    const r = evaluateRedFlags(allNo());
    expect(r).toMatchObject({ ok: true, tier: 'clear', mayExercise: true, items: [] });
  });

  it('caution flags never block use on their own, even all four together (Henschke 2009)', () => {
    const r = evaluateRedFlags(
      withYes('first-episode-over-50', 'no-improvement-4-weeks', 'pain-below-knee', 'age-under-20'),
    );
    expect(r).toMatchObject({ ok: true, tier: 'caution', mayExercise: true });
    if (r.ok) expect(r.message).toMatch(/mention (this|it) to a doctor or physiotherapist/i);
  });

  it.each([
    [['pain-below-knee', 'fever-or-chills'], 'urgent'],
    [['fever-or-chills', 'bladder-change'], 'emergency'],
    [['age-under-20', 'saddle-numbness', 'weight-loss'], 'emergency'],
  ] as const)('the most serious tier wins for %j', (ids, tier) => {
    const r = evaluateRedFlags(withYes(...ids));
    expect(r.ok && r.tier).toBe(tier);
    if (r.ok) expect(r.items).toHaveLength(ids.length);
  });

  it('the emergency card sends them to the emergency department now, by someone else driving', () => {
    const r = evaluateRedFlags(withYes('bowel-control'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.message).toMatch(/emergency department/);
    expect(r.message).toMatch(/emergency number/);
    expect(r.message).toMatch(/do not drive yourself/);
  });

  it('the urgent message asks for a doctor within 24 to 48 hours and no exercise until cleared', () => {
    const r = evaluateRedFlags(withYes('weight-loss'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.message).toMatch(/24 to 48 hours/);
    expect(r.message).toMatch(/hold off on the exercises/);
  });

  it.each([
    [null, /not been answered/],
    [[], /not been answered/],
    [{ ...allNo(), 'saddle-numbness': undefined }, /missing/],
    [{ ...allNo(), fever: true }, /not one of the safety questions/],
    [{ ...allNo(), 'weight-loss': 'yes' }, /yes or no/],
  ])('refuses nonsense answers %#', (answers, reason) => {
    const r = evaluateRedFlags(answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('pain-now gate (rule set A.2)', () => {
  it.each([
    [0, 'proceed', true, true],
    [5, 'proceed', true, true],
    [6, 'regressions-only', true, false],
    [7, 'regressions-only', true, false],
    [8, 'rest-today', false, false],
    [10, 'rest-today', false, false],
  ] as const)('NRS %i gives %s (exercise %s, test %s)', (nrs, band, mayExercise, mayTest) => {
    const r = evaluatePainNow(nrs);
    expect(r).toMatchObject({ ok: true, band, mayExercise, mayTest, regressionsOnly: band === 'regressions-only' });
  });

  it('at 8 or more shows rest and self-care and suggests a professional', () => {
    const r = evaluatePainNow(8);
    if (!r.ok) throw new Error(r.reason);
    expect(r.message).toMatch(/rest/i);
    expect(r.message).toMatch(/doctor or physical therapist/);
  });

  it.each([[-1], [11], [5.5], ['5'], [null], [undefined], [Number.NaN]])('refuses %s', (nrs) => {
    const r = evaluatePainNow(nrs);
    expect(r.ok).toBe(false);
  });
});

const sb = (agree: number[], bother: StartBackAnswers['bothersomeness']): StartBackAnswers => {
  const ids = [
    'leg-pain',
    'shoulder-or-neck-pain',
    'short-walks-only',
    'slower-dressing',
    'fear-of-activity',
    'worrying-thoughts',
    'pain-feels-endless',
    'less-enjoyment',
  ] as const;
  return {
    ...Object.fromEntries(ids.map((id, i) => [id, agree.includes(i + 1) ? 'agree' : 'disagree'])),
    bothersomeness: bother,
  } as StartBackAnswers;
};

describe('STarT Back scoring model (rule set A.3, Part 2 section 4)', () => {
  it.each([
    [[], 'not-at-all', 0, 0, 'low'],
    [[1, 2, 3], 'moderately', 3, 0, 'low'],
    [[1, 2, 3, 4], 'moderately', 4, 0, 'medium'],
    [[5, 6, 7], 'moderately', 3, 3, 'low'],
    [[1, 5, 6, 7], 'slightly', 4, 3, 'medium'],
    [[5, 6, 7], 'very-much', 4, 4, 'high'],
    [[5, 6, 7], 'extremely', 4, 4, 'high'],
    [[5, 6, 7, 8], 'not-at-all', 4, 4, 'high'],
    [[1, 2, 3, 4, 5, 6, 7, 8], 'extremely', 9, 5, 'high'],
    [[1, 2, 3, 4, 5, 6], 'moderately', 6, 2, 'medium'],
  ] as const)('agree to %j, bother %s: total %i, subscale %i, %s risk', (agree, bother, total, psychosocial, risk) => {
    const r = scoreStartBack(sb([...agree], bother));
    expect(r).toMatchObject({ ok: true, total, psychosocial, risk });
  });

  it('only "very much" and "extremely" count for bothersomeness', () => {
    const score = (b: StartBackAnswers['bothersomeness']): number | undefined => {
      const r = scoreStartBack(sb([], b));
      return r.ok ? r.total : undefined;
    };
    expect([
      score('not-at-all'),
      score('slightly'),
      score('moderately'),
      score('very-much'),
      score('extremely'),
    ]).toEqual([0, 0, 0, 1, 1]);
  });

  it('the high-risk message points to a physical therapist and keeps the app as an add-on', () => {
    const r = scoreStartBack(sb([5, 6, 7, 8], 'extremely'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.message).toMatch(/physical therapist/);
    expect(r.message).toMatch(/alongside/);
  });

  it.each([
    [null, /not been answered/],
    [{ ...sb([], 'slightly'), 'leg-pain': undefined }, /missing/],
    [{ ...sb([], 'slightly'), 'leg-pain': 'yes' }, /agree or disagree/],
    [{ ...sb([], 'slightly'), bothersomeness: 'a lot' }, /should be one of/],
    [{ ...sb([], 'slightly'), extra: 'agree' }, /not one of/],
  ])('refuses nonsense answers %#', (answers, reason) => {
    const r = scoreStartBack(answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each([
    [null, '2025-03-03', true],
    ['2025-03-03', '2025-03-30', false],
    ['2025-03-03', '2025-03-31', true],
  ] as const)('re-screen due (last %s, today %s): %s', (last, today, due) => {
    expect(startBackDue(last, today)).toEqual({ ok: true, due });
  });

  it('refuses a last screen after today or a bad date', () => {
    expect(startBackDue('2025-04-01', '2025-03-01').ok).toBe(false);
    expect(startBackDue('2025-02-30', '2025-03-01').ok).toBe(false);
    expect(startBackDue(null, 'today').ok).toBe(false);
  });
});
