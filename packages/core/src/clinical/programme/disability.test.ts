// The disability scoring model (ODI / RMDQ totals from a licensed copy): meaningful change by each
// instrument's own rule, the 4-week rhythm, and nonsense totals refused with a sentence.
import { describe, expect, it } from 'vitest';
import { disabilityChange, disabilityDue } from './disability.ts';

describe('disability questionnaire scoring', () => {
  it.each([
    ['odi', 40, 30, true, false],
    ['odi', 40, 31, false, false],
    ['odi', 30, 40, false, true],
    ['rmdq', 12, 7, true, false],
    ['rmdq', 10, 7, true, false], // 30% of 10
    ['rmdq', 12, 9, false, false], // 3 points, 25%
    ['rmdq', 6, 11, false, true],
  ] as const)('%s %i -> %i: improvement %s, worsening %s', (instrument, start, current, better, worse) => {
    const r = disabilityChange(instrument, start, current);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.meaningfulImprovement).toBe(better);
    expect(r.meaningfulWorsening).toBe(worse);
    expect(r.changePoints).toBe(current - start);
  });

  it('refuses totals outside the instrument and unknown instruments', () => {
    const bad = [disabilityChange('rmdq', 25, 3), disabilityChange('odi', 10, 10.5), disabilityChange('sf36', 1, 2)];
    for (const r of bad) expect(r.ok).toBe(false);
    const first = bad[0]!;
    if (!first.ok) expect(first.reason).toMatch(/from 0 to 24/);
  });

  it('is due every 4 weeks', () => {
    expect(disabilityDue(null, '2026-03-02')).toEqual({ ok: true, due: true });
    expect(disabilityDue('2026-03-02', '2026-03-29')).toEqual({ ok: true, due: false });
    expect(disabilityDue('2026-03-02', '2026-03-30')).toEqual({ ok: true, due: true });
    expect(disabilityDue('2026-03-02', '30/03/2026').ok).toBe(false);
  });
});
