// The programme simulator: a valid export built by the real guard and analyser, the same every
// run, telling the story its scenario names.
import { describe, expect, it } from 'vitest';
import { parseExport } from '@steadyback/core';
import { simulateWeeks } from './simulate-weeks.ts';

describe('simulateWeeks', () => {
  const improving = simulateWeeks({ scenario: 'improving', weeks: 3, camera: true });

  it('builds an export that the app would import, exactly', () => {
    const back = parseExport(JSON.stringify(improving.data));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.data).toEqual(improving.data);
  });

  it('is the same every time', () => {
    expect(simulateWeeks({ scenario: 'improving', weeks: 3, camera: true })).toEqual(improving);
  });

  it('plays the weeks from the fixed Monday: a test each Monday, five guarded sessions a week, check-ins every 2 weeks', () => {
    const d = improving.data;
    expect(improving.todayIso).toBe('2026-01-26');
    expect(d.birdDogTests.map((t) => t.dateIso)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(d.stretchSessions).toHaveLength(15);
    expect(d.painDays).toHaveLength(15);
    expect(d.outcomeChecks.map((c) => [c.dateIso, c.usualPainNrs])).toEqual([
      ['2026-01-05', 6],
      ['2026-01-19', 5],
    ]);
    // The guard really ran: every session, every morning and every week is in its state.
    expect(d.guard!.sessions).toHaveLength(15);
    expect(d.guard!.sessions.every((s) => s.morningPainNrs !== null)).toBe(true);
    expect(d.guard!.reviews.map((r) => r.weekKey)).toEqual(['2026-W02', '2026-W03', '2026-W04']);
    expect(d.guard!.holdSeconds).toBe(30); // one green week moves 20 s holds to 30 s
  });

  it('films the tests when asked, so each side keeps the worst rep skeleton', () => {
    const side = improving.data.birdDogTests[0]!.sides!.left;
    expect(side.worstFrame?.points).toHaveLength(33);
    expect(improving.data.birdDogTests[0]!.sources).toEqual({ camera: true, sensor: true });
    const phoneOnly = simulateWeeks({ scenario: 'improving', weeks: 1, camera: false });
    expect(phoneOnly.data.birdDogTests[0]!.sides!.left.worstFrame).toBeNull();
    expect(phoneOnly.data.birdDogTests[0]!.sources).toEqual({ camera: false, sensor: true });
  });

  it.each([
    ['improving', [], 0],
    ['not-improving', [], 0],
    ['red-three-times', ['2026-01-13', '2026-01-14', '2026-01-16'], 3],
  ] as const)('%s puts red days %j into the records', (scenario, redDays, redCount) => {
    const s = simulateWeeks({ scenario, weeks: 2, camera: false });
    expect(s.truth.redDays).toEqual(redDays);
    expect(s.data.painDays.filter((p) => (p.peakNrs ?? 0) > 5)).toHaveLength(redCount);
  });

  it('refuses options it cannot play, saying what to use', () => {
    expect(() => simulateWeeks({ scenario: 'improving', startIso: '2026-01-06' })).toThrow(/starts on a Monday/);
    expect(() => simulateWeeks({ scenario: 'improving', weeks: 0 })).toThrow(/1 to 12 weeks/);
    expect(() => simulateWeeks({ scenario: 'sideways' as never })).toThrow(/Unknown scenario/);
  });
});
