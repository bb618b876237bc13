import { describe, expect, it } from 'vitest';
import { addDaysIso, isIsoDate, isIsoWeekKey, isoWeekKey, parseIsoDate } from './dates.ts';

describe('isoWeekKey', () => {
  // Expected values from Python's date.isocalendar().
  it.each([
    ['2025-03-14', '2025-W11'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2008-12-29', '2009-W01'],
    ['2010-01-03', '2009-W53'],
    ['2024-02-29', '2024-W09'],
    ['1970-01-01', '1970-W01'],
    ['2000-02-29', '2000-W09'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['1999-12-31', '1999-W52'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeekKey(date)).toBe(week);
  });

  it('starts weeks on Monday', () => {
    expect(isoWeekKey('2025-03-09')).toBe('2025-W10'); // Sunday
    expect(isoWeekKey('2025-03-10')).toBe('2025-W11'); // Monday
  });

  it('throws for a malformed date, because callers must validate first', () => {
    expect(() => isoWeekKey('2025-02-30')).toThrow(/parseIsoDate/);
  });
});

describe('parseIsoDate', () => {
  it.each([
    '2025-02-29',
    '2024-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-1',
    '14/03/2025',
    '',
    20250314,
    null,
  ])('refuses %j with a plain sentence', (bad) => {
    const r = parseIsoDate(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/\.$/);
    expect(isIsoDate(bad)).toBe(false);
  });

  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])('accepts the real day %s', (good) => {
    expect(isIsoDate(good)).toBe(true);
  });

  it('gives consecutive day numbers to consecutive days', () => {
    const a = parseIsoDate('2024-02-28');
    const b = parseIsoDate('2024-03-01');
    expect(a.ok && b.ok && b.dayNumber - a.dayNumber).toBe(2);
  });
});

describe('addDaysIso', () => {
  it.each([
    ['2025-03-14', 1, '2025-03-15'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-14', 28, '2025-04-11'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDaysIso(date, days)).toBe(expected);
  });
});

describe('isIsoWeekKey', () => {
  it.each([
    ['2020-W53', true],
    ['2026-W53', true],
    ['2021-W53', false],
    ['2025-W00', false],
    ['2025-W11', true],
    ['2025-11', false],
    ['2025-W1', false],
    [11, false],
  ])('%j is valid: %s', (key, valid) => {
    expect(isIsoWeekKey(key)).toBe(valid);
  });
});
